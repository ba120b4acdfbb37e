// The demo city: 滨州市 — its agencies, the people who sign in, and the catalog they keep.
// Names of agencies follow 滨州's own; people and records are invented; laws are real.
import type { Person } from './client.js';

export interface DemoAgency {
  code: string;
  name: string;
  level: 'municipal' | 'county';
  region: string;
}

export const agencies: DemoAgency[] = [
  { code: 'BZ-BDB', name: '滨州市大数据局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-PSB', name: '滨州市公安局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-AMR', name: '滨州市市场监督管理局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-HRSS', name: '滨州市人力资源和社会保障局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-HC', name: '滨州市卫生健康委员会', level: 'municipal', region: '滨州市' },
  { code: 'BZ-NRP', name: '滨州市自然资源和规划局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-CA', name: '滨州市民政局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-EDU', name: '滨州市教育局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-TB', name: '滨州市交通运输局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-HSA', name: '滨州市医疗保障局', level: 'municipal', region: '滨州市' },
  { code: 'BZ-BC', name: '滨城区人民政府', level: 'county', region: '滨州市滨城区' },
  { code: 'BZ-ZH', name: '沾化区人民政府', level: 'county', region: '滨州市沾化区' },
];

export const agencyName = (code: string | null): string => agencies.find((a) => a.code === code)?.name ?? code ?? '';

const staff = (agency: string, name: string): Person => ({ role: 'agency_staff', agency, name });
const reviewer = (agency: string, name: string): Person => ({ role: 'agency_reviewer', agency, name });

/** Everyone who acts in the demo, as they would sign in to the console. */
export const people = {
  admin: { role: 'bureau_admin', agency: 'BZ-BDB', name: '周建国' },
  coordinator: { role: 'bureau_coordinator', agency: 'BZ-BDB', name: '李娜' },
  psbReviewer: reviewer('BZ-PSB', '王芳'),
  amrStaff: staff('BZ-AMR', '张敏'),
  amrReviewer: reviewer('BZ-AMR', '陈静'),
  hrssStaff: staff('BZ-HRSS', '刘伟'),
  hrssReviewer: reviewer('BZ-HRSS', '孙丽'),
  hcStaff: staff('BZ-HC', '杨帆'),
  hcReviewer: reviewer('BZ-HC', '黄敏'),
  nrpReviewer: reviewer('BZ-NRP', '吴强'),
  caStaff: staff('BZ-CA', '郑华'),
  caReviewer: reviewer('BZ-CA', '何雪'),
  eduStaff: staff('BZ-EDU', '冯涛'),
  tbStaff: staff('BZ-TB', '徐明'),
  tbReviewer: reviewer('BZ-TB', '朱军'),
  hsaReviewer: reviewer('BZ-HSA', '曹阳'),
  bcStaff: staff('BZ-BC', '马超'),
  zhStaff: staff('BZ-ZH', '胡静'),
  citizen: { role: 'public', agency: null, name: '刘洋' },
  researcher: { role: 'public', agency: null, name: '孙悦' },
  appCompany: { role: 'public', agency: null, name: '高远' },
  creditCompany: { role: 'public', agency: null, name: '陈晨' },
} satisfies Record<string, Person>;

type Field = { name: string; personal?: boolean };
const p = (name: string): Field => ({ name, personal: true });
const f = (name: string): Field => ({ name });

export interface DemoResource {
  code: string;
  name: string;
  providerAgency: string;
  description: string;
  fields: Field[];
  shareType: 'unconditional' | 'conditional' | 'not_shared';
  openType: 'unconditional' | 'conditional' | 'not_open';
  legalBasis?: string;
  shareConditions?: string;
  openConditions?: string;
  updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
}

const PIPL = '《中华人民共和国个人信息保护法》';
const DSL = '《中华人民共和国数据安全法》';
const SHARE_REG = '《政务数据共享条例》';
const OPEN_REG = '《山东省公共数据开放办法》';

export const resources: DemoResource[] = [
  {
    code: 'BZ-PSB-001',
    name: '人口基本信息',
    providerAgency: 'BZ-PSB',
    description: '全市户籍人口的基本信息，来源于公安人口管理信息系统。',
    fields: [
      p('姓名'),
      p('公民身份号码'),
      f('性别'),
      f('民族'),
      p('出生日期'),
      p('户籍地址'),
      f('户籍登记日期'),
      p('户号'),
    ],
    shareType: 'conditional',
    openType: 'not_open',
    updateCycle: 'daily',
    legalBasis: `${PIPL}第十三条、第三十四条；${DSL}第三十八条；${SHARE_REG}`,
    shareConditions: '限于依法履行职责需要，按最小必要原则申请数据项；优先采用接口核验方式，不得批量下载留存。',
  },
  {
    code: 'BZ-PSB-002',
    name: '居民身份信息核验',
    providerAgency: 'BZ-PSB',
    description: '输入姓名和公民身份号码，返回“一致”或“不一致”，不返回其他信息。',
    fields: [p('公民身份号码'), p('姓名'), f('核验结果')],
    shareType: 'unconditional',
    openType: 'not_open',
    updateCycle: 'realtime',
    legalBasis: `${PIPL}第三十四条`,
  },
  {
    code: 'BZ-PSB-003',
    name: '刑事案件侦办信息',
    providerAgency: 'BZ-PSB',
    description: '刑事案件的立案和侦查信息，涉及侦查秘密。',
    fields: [f('案件编号'), f('案件类别'), f('立案日期'), p('涉案人员姓名'), p('涉案人员身份号码'), f('办案单位')],
    shareType: 'not_shared',
    openType: 'not_open',
    updateCycle: 'daily',
    legalBasis: `《中华人民共和国刑事诉讼法》；《公安机关办理刑事案件程序规定》；${DSL}第三十八条`,
  },
  {
    code: 'BZ-AMR-001',
    name: '市场主体登记信息',
    providerAgency: 'BZ-AMR',
    description: '全市企业、个体工商户和农民专业合作社的登记信息。',
    fields: [
      f('统一社会信用代码'),
      f('企业名称'),
      p('法定代表人'),
      f('市场主体类型'),
      f('注册资本'),
      f('成立日期'),
      f('住所'),
      f('经营范围'),
      f('登记机关'),
      f('登记状态'),
    ],
    shareType: 'unconditional',
    openType: 'unconditional',
    updateCycle: 'daily',
    legalBasis: '《市场主体登记管理条例》',
  },
  {
    code: 'BZ-AMR-002',
    name: '企业信用监管信息',
    providerAgency: 'BZ-AMR',
    description: '企业的行政处罚信息和列入经营异常名录信息。',
    fields: [
      f('统一社会信用代码'),
      f('企业名称'),
      f('行政处罚决定书文号'),
      f('违法行为类型'),
      f('处罚内容'),
      f('处罚日期'),
      f('列入经营异常名录原因'),
    ],
    shareType: 'unconditional',
    openType: 'conditional',
    updateCycle: 'daily',
    legalBasis: `《企业信息公示暂行条例》；${OPEN_REG}`,
    openConditions:
      '面向信用服务机构、科研机构等利用主体开放；须说明利用场景并签署开放利用协议，不得用于对特定企业的不当评价。',
  },
  {
    code: 'BZ-HRSS-001',
    name: '社会保险参保缴费信息',
    providerAgency: 'BZ-HRSS',
    description: '企业职工养老、失业、工伤保险的参保和缴费信息。',
    fields: [
      p('姓名'),
      p('公民身份号码'),
      f('参保险种'),
      f('参保状态'),
      f('参保单位名称'),
      p('缴费基数'),
      f('累计缴费月数'),
      f('首次参保日期'),
    ],
    shareType: 'conditional',
    openType: 'not_open',
    updateCycle: 'monthly',
    legalBasis: `《中华人民共和国社会保险法》；${PIPL}第六条、第三十四条`,
    shareConditions: '用于社会保障待遇认定、就业补贴审核等法定职责；缴费基数等数据项须单独说明必要性。',
  },
  {
    code: 'BZ-HC-001',
    name: '出生医学证明信息',
    providerAgency: 'BZ-HC',
    description: '全市助产机构签发的出生医学证明信息。',
    fields: [
      p('新生儿姓名'),
      f('性别'),
      p('出生日期'),
      f('出生地点'),
      p('母亲姓名'),
      p('母亲身份号码'),
      p('父亲姓名'),
      p('父亲身份号码'),
      f('出生医学证明编号'),
      f('签发机构'),
    ],
    shareType: 'conditional',
    openType: 'not_open',
    updateCycle: 'daily',
    legalBasis: `《中华人民共和国母婴保健法》；${PIPL}第二十八条、第三十四条`,
    shareConditions: '限于“出生一件事”联办、户籍登记、医保参保等事项，采用接口方式按件调用。',
  },
  {
    code: 'BZ-HC-002',
    name: '医疗机构执业登记信息',
    providerAgency: 'BZ-HC',
    description: '全市医疗机构的执业登记和校验信息。',
    fields: [
      f('机构名称'),
      f('统一社会信用代码'),
      f('机构类别'),
      f('地址'),
      f('诊疗科目'),
      f('床位数'),
      f('执业许可证号'),
      f('有效期至'),
    ],
    shareType: 'unconditional',
    openType: 'unconditional',
    updateCycle: 'monthly',
    legalBasis: '《医疗机构管理条例》',
  },
  {
    code: 'BZ-NRP-001',
    name: '不动产登记信息',
    providerAgency: 'BZ-NRP',
    description: '土地、房屋等不动产的权利登记信息。',
    fields: [
      f('不动产单元号'),
      f('坐落'),
      p('权利人姓名'),
      p('权利人证件号码'),
      f('权利类型'),
      f('用途'),
      f('面积'),
      f('登记日期'),
      f('抵押状态'),
    ],
    shareType: 'conditional',
    openType: 'not_open',
    updateCycle: 'daily',
    legalBasis: `《不动产登记暂行条例》；${PIPL}第三十四条`,
    shareConditions: '限于社会救助家庭经济状况核对、司法协助等法定事项，按人按件查询。',
  },
  {
    code: 'BZ-NRP-002',
    name: '国土空间规划地块信息',
    providerAgency: 'BZ-NRP',
    description: '中心城区控制性详细规划确定的地块规划指标。',
    fields: [
      f('地块编号'),
      f('所在区县'),
      f('规划用地性质'),
      f('用地面积'),
      f('容积率'),
      f('建筑限高'),
      f('绿地率'),
      f('规划批复文号'),
    ],
    shareType: 'conditional',
    openType: 'conditional',
    updateCycle: 'quarterly',
    legalBasis: `${DSL}第二十一条；${OPEN_REG}`,
    shareConditions: '用于建设项目审批、规划实施监督等职责。',
    openConditions: '面向科研机构和规划咨询单位开放，仅限研究用途；成果公开前须经提供单位确认不涉及未公开的规划信息。',
  },
  {
    code: 'BZ-CA-001',
    name: '婚姻登记信息',
    providerAgency: 'BZ-CA',
    description: '全市婚姻登记机关办理的结婚、离婚登记信息。',
    fields: [
      p('男方姓名'),
      p('男方身份号码'),
      p('女方姓名'),
      p('女方身份号码'),
      f('登记类型'),
      f('登记日期'),
      f('登记机关'),
      f('结婚证字号'),
    ],
    shareType: 'conditional',
    openType: 'not_open',
    updateCycle: 'daily',
    legalBasis: `《婚姻登记条例》；${PIPL}第三十四条`,
    shareConditions: '限于依法需要核验婚姻状况的事项，优先采用核验方式。',
  },
  {
    code: 'BZ-TB-001',
    name: '公交车辆实时运行信息',
    providerAgency: 'BZ-TB',
    description: '市区和城乡公交车辆的实时位置和运行状态。',
    fields: [
      f('线路编号'),
      f('线路名称'),
      f('车辆编号'),
      f('经度'),
      f('纬度'),
      f('行驶方向'),
      f('下一站'),
      f('上报时间'),
    ],
    shareType: 'unconditional',
    openType: 'conditional',
    updateCycle: 'realtime',
    legalBasis: OPEN_REG,
    openConditions: '通过开放平台接口调用，频率不超过每秒10次；不得用于干扰公交调度；使用时注明数据来源。',
  },
  {
    code: 'BZ-HSA-001',
    name: '医保定点医药机构信息',
    providerAgency: 'BZ-HSA',
    description: '全市医保定点医疗机构和定点零售药店的名单与协议信息。',
    fields: [f('机构名称'), f('机构编码'), f('机构类型'), f('地址'), f('医保结算方式'), f('协议有效期')],
    shareType: 'unconditional',
    openType: 'unconditional',
    updateCycle: 'monthly',
    legalBasis: '《医疗保障基金使用监督管理条例》',
  },
];

/** Recent data updates, recorded by the provider's reviewer, hours ago. */
export const dataUpdates: { resource: string; by: Person; hoursAgo: number }[] = [
  { resource: 'BZ-PSB-001', by: people.psbReviewer, hoursAgo: 6 },
  { resource: 'BZ-AMR-001', by: people.amrReviewer, hoursAgo: 2 },
  { resource: 'BZ-HC-002', by: people.hcReviewer, hoursAgo: 24 * 9 },
  { resource: 'BZ-TB-001', by: people.tbReviewer, hoursAgo: 0 },
  { resource: 'BZ-HSA-001', by: people.hsaReviewer, hoursAgo: 24 * 16 },
];

export const agreement = {
  title: '滨州市公共数据开放利用协议',
  body: [
    '第一条 依据《山东省公共数据开放办法》和《滨州市公共数据管理办法》，数据提供单位向利用主体开放本协议所列公共数据，利用主体按照本协议使用。',
    '第二条 利用主体应当按照申请时载明的用途和应用场景使用数据，不得超出范围使用，不得向第三方提供原始数据。',
    '第三条 利用主体应当落实申请时承诺的数据安全保护措施，在境内存储和处理数据；发生数据泄露等安全事件的，应当立即采取补救措施并告知数据提供单位和市大数据局。',
    '第四条 利用主体应当每六个月报告数据利用情况和形成的成果；未按期报告的，数据提供单位可以暂停开放。',
    '第五条 利用主体违反本协议的，数据提供单位可以终止开放，并将其列入该数据的限制名单。',
    '第六条 本协议自利用主体在线签署之日起生效，至使用期限届满时终止。',
  ].join('\n'),
};
