// The demo's cases: each is created through its real endpoint, then moved by the people who would
// move it, step by step, to the state it is left in for a newcomer to look at.
import type { Person } from './client.js';
import { people } from './city.js';
import { creditCode, idNumber } from './identifiers.js';

export type Process = 'share-application' | 'open-data-request' | 'correction';

/** What the seed reads back from a case answer. */
export interface CaseAnswer {
  id: string;
  state: string;
  submittedAt?: string;
  agreementVersion?: number | null;
  timeline?: { action: string; actorId: string; data: Record<string, unknown> | null }[];
}

export interface Step {
  by: Person;
  /** The endpoint below the case, e.g. '/decision'. */
  path: string;
  body: Record<string, unknown> | ((current: CaseAnswer) => Record<string, unknown>);
  /** The audit action the step records: how a later run sees it was done. */
  event: string;
  /** The state the step leads to (of the objection, for steps on it). */
  expect: string;
  /** A step on the objection that the application's refusal opened. */
  onObjection?: boolean;
  /** This step files the objection: its answer is the new objection. */
  opensObjection?: boolean;
}

export interface Scenario {
  key: string;
  process: Process;
  /** What the case shows, for the summary. */
  label: string;
  resource: string;
  by: Person;
  body: Record<string, unknown>;
  /** The state right after submission. */
  created: string;
  steps: Step[];
}

const {
  coordinator,
  psbReviewer,
  amrStaff,
  hrssStaff,
  hrssReviewer,
  hcStaff,
  hcReviewer,
  nrpReviewer,
  caStaff,
  caReviewer,
  eduStaff,
  tbStaff,
  tbReviewer,
  bcStaff,
  zhStaff,
  citizen,
  researcher,
  appCompany,
  creditCompany,
} = people;

// ---- steps, in the words of the endpoints ------------------------------------------------------

type Body = Step['body'];
const step = (
  by: Person,
  path: string,
  event: string,
  expect: string,
  body: Body,
  extra: Partial<Step> = {},
): Step => ({ by, path, event, expect, body, ...extra });
const onObjection = { onObjection: true };

const approve = (by: Person, conditions?: string) =>
  step(by, '/decision', 'approve', 'granted', { decision: 'approve', ...(conditions ? { conditions } : {}) });
const reject = (by: Person, reason: string, legalBasis: string) =>
  step(by, '/decision', 'reject', 'rejected', { decision: 'reject', reason, legalBasis });
const askSupplement = (by: Person, missing: string[]) =>
  step(by, '/decision', 'request_supplement', 'awaiting_supplement', { decision: 'request_supplement', missing });
const supplement = (by: Person, body: Body) => step(by, '/supplement', 'supplement', 'pending_review', body);
const withdraw = (by: Person, reason: string) => step(by, '/withdrawal', 'withdraw', 'withdrawn', { reason });
const object = (by: Person, statement: string, dutyBasis: string) =>
  step(by, '/objection', 'file_objection', 'in_objection', { statement, dutyBasis }, { opensObjection: true });
const takeOver = (by: Person) => step(by, '/assignment', 'take_over', 'coordinating', {}, onObjection);
const statement = (by: Person, text: string) =>
  step(by, '/statements', 'statement', 'coordinating', { text }, onObjection);
// The consultation was held a moment ago: minutes record a past meeting.
const minutes = (by: Person, text: string) =>
  step(
    by,
    '/minutes',
    'minutes',
    'coordinating',
    () => ({ text, heldAt: new Date(Date.now() - 60_000).toISOString() }),
    onObjection,
  );
const formalCheck = () =>
  step(coordinator, '/formal-check', 'formal_check_passed', 'provider_review', { passed: true });
const openApprove = (by: Person, conditions: string) =>
  step(by, '/decision', 'approve', 'awaiting_agreement', { decision: 'approve', conditions });
const sign = (by: Person) =>
  step(by, '/agreement', 'sign', 'active', (c) => ({ agreementVersion: c.agreementVersion, accepted: true }));
const verify = (by: Person, outcome: string, note: string) =>
  step(by, '/verification', 'verify', outcome, { outcome, note });

// ---- share applications (共享申请) -----------------------------------------------------------------

const PIPL_MINIMUM = '《中华人民共和国个人信息保护法》第六条、第三十四条';

type Plan = Omit<Scenario, 'process' | 'created'> & { created?: string };
const share = (s: Plan): Scenario => ({ process: 'share-application', created: 'pending_review', ...s });

const shareApplications: Scenario[] = [
  share({
    key: 'share-bc-enterprise-registration',
    label: '无条件共享，即时授权',
    resource: 'BZ-AMR-001',
    by: bcStaff,
    created: 'granted',
    steps: [],
    body: {
      purpose: '滨城区“高效办成一件事”企业开办专区在线核验企业登记信息，申请人免于重复提交营业执照。',
      dutyBasis: '《优化营商环境条例》；《山东省优化营商环境条例》',
      usageScope: '滨城区政务服务中心企业开办窗口及“爱山东”滨城分厅',
      periodMonths: 24,
      deliveryMethod: 'api',
      securityMeasures: '接口调用日志留存六个月；数据仅在电子政务外网使用。',
    },
  }),
  share({
    key: 'share-hrss-identity-check',
    label: '无条件共享（核验），即时授权',
    resource: 'BZ-PSB-002',
    by: hrssStaff,
    created: 'granted',
    steps: [],
    body: {
      purpose: '社会保险待遇领取资格认证时，核验领取人的姓名与公民身份号码是否一致。',
      dutyBasis: '《中华人民共和国社会保险法》；《社会保险经办条例》',
      usageScope: '滨州市社会保险事业中心待遇资格认证系统',
      periodMonths: 12,
      deliveryMethod: 'verification',
    },
  }),
  share({
    key: 'share-zh-bus-monitoring',
    label: '无条件共享，即时授权',
    resource: 'BZ-TB-001',
    by: zhStaff,
    created: 'granted',
    steps: [],
    body: {
      purpose: '沾化区城乡公交一体化运行监测，在区城市运行管理中心展示公交车辆运行状况。',
      dutyBasis: '《山东省道路运输条例》；沾化区人民政府城乡公交运营监管职责',
      usageScope: '沾化区城市运行管理中心',
      periodMonths: 12,
      deliveryMethod: 'api',
    },
  }),
  share({
    key: 'share-amr-household-identity',
    label: '待审核',
    resource: 'BZ-PSB-001',
    by: amrStaff,
    steps: [],
    body: {
      fields: ['姓名', '公民身份号码', '户籍地址'],
      purpose: '个体工商户登记注册时核验经营者身份及户籍信息，实现“一证办理”。',
      dutyBasis: '《促进个体工商户发展条例》；《市场主体登记管理条例》',
      usageScope: '市、区县两级市场主体登记窗口',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: '按件查询，不落地存储；查询日志留存三年。',
    },
  }),
  share({
    key: 'share-ca-assistance-household',
    label: '待审核',
    resource: 'BZ-PSB-001',
    by: caStaff,
    steps: [],
    body: {
      fields: ['姓名', '公民身份号码', '户籍地址', '户号'],
      purpose: '最低生活保障、特困人员认定时，核对申请家庭成员的户籍关系。',
      dutyBasis: '《社会救助暂行办法》',
      usageScope: '市、区县两级社会救助经办机构',
      periodMonths: 24,
      deliveryMethod: 'api',
      securityMeasures: '经申请人书面授权后按件查询；经办人员实名登录，操作留痕。',
    },
  }),
  share({
    key: 'share-edu-enrolment-household',
    label: '待审核',
    resource: 'BZ-PSB-001',
    by: eduStaff,
    steps: [],
    body: {
      fields: ['姓名', '公民身份号码', '出生日期', '户籍地址'],
      purpose: '义务教育新生入学报名时核验适龄儿童户籍信息，家长免于提交户口簿。',
      dutyBasis: '《中华人民共和国义务教育法》第十二条',
      usageScope: '滨州市义务教育招生入学服务平台',
      periodMonths: 6,
      deliveryMethod: 'api',
      securityMeasures: '招生结束后删除比对结果；平台已通过网络安全等级保护三级测评。',
    },
  }),
  share({
    key: 'share-hc-family-doctor',
    label: '待补正',
    resource: 'BZ-PSB-001',
    by: hcStaff,
    body: {
      fields: ['姓名', '公民身份号码', '户籍地址'],
      purpose: '家庭医生签约服务中核实签约居民的户籍所在地，分配签约团队。',
      dutyBasis: '《中华人民共和国基本医疗卫生与健康促进法》',
      usageScope: '全市基层医疗卫生机构家庭医生签约系统',
      periodMonths: 12,
      deliveryMethod: 'api',
    },
    steps: [
      askSupplement(psbReviewer, [
        '请说明申请“户籍地址”数据项的必要性，能否改用居民身份信息核验服务',
        '请提供数据安全管理制度及使用人员范围',
      ]),
    ],
  }),
  share({
    key: 'share-zh-employment-subsidy',
    label: '待补正',
    resource: 'BZ-HRSS-001',
    by: zhStaff,
    body: {
      fields: ['姓名', '公民身份号码', '参保状态', '参保单位名称'],
      purpose: '沾化区就业补贴审核时，核验申请人在补贴期间的参保状态和参保单位。',
      dutyBasis: '《中华人民共和国就业促进法》',
      usageScope: '沾化区就业和人才服务中心',
      periodMonths: 12,
      deliveryMethod: 'batch',
    },
    steps: [askSupplement(hrssReviewer, ['请提供区人民政府授权开展就业补贴审核的文件', '请列明使用人员名单及岗位'])],
  }),
  share({
    key: 'share-ca-real-estate-check',
    label: '审核通过（附条件）',
    resource: 'BZ-NRP-001',
    by: caStaff,
    body: {
      fields: ['不动产单元号', '坐落', '权利人姓名', '权利人证件号码', '权利类型', '面积'],
      purpose: '社会救助家庭经济状况核对，查询申请家庭成员名下的不动产。',
      dutyBasis: '《社会救助暂行办法》',
      usageScope: '滨州市社会救助家庭经济状况核对中心',
      periodMonths: 24,
      deliveryMethod: 'api',
      securityMeasures: '凭申请人签署的授权书按人按件查询；核对报告按档案管理。',
    },
    steps: [approve(nrpReviewer, '仅用于社会救助家庭经济状况核对，须经申请人书面授权，按人按件查询，不得批量导出。')],
  }),
  share({
    key: 'share-hc-marriage-check',
    label: '审核通过',
    resource: 'BZ-CA-001',
    by: hcStaff,
    body: {
      fields: ['男方姓名', '男方身份号码', '女方姓名', '女方身份号码', '登记类型', '登记日期'],
      purpose: '生育登记服务中核验夫妻婚姻登记信息，群众免于提交结婚证。',
      dutyBasis: '《中华人民共和国人口与计划生育法》',
      usageScope: '全市生育登记服务系统',
      periodMonths: 12,
      deliveryMethod: 'verification',
    },
    steps: [approve(caReviewer)],
  }),
  share({
    key: 'share-bc-birth-one-thing',
    label: '补正后审核通过',
    resource: 'BZ-HC-001',
    by: bcStaff,
    body: {
      fields: [
        '新生儿姓名',
        '性别',
        '出生日期',
        '母亲姓名',
        '母亲身份号码',
        '父亲姓名',
        '父亲身份号码',
        '出生医学证明编号',
      ],
      purpose: '“出生一件事”联办：新生儿出生后一次办理出生医学证明、户口登记和医保参保。',
      dutyBasis: '《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》',
      usageScope: '滨城区政务服务中心“出生一件事”窗口',
      periodMonths: 12,
      deliveryMethod: 'api',
    },
    steps: [
      askSupplement(hcReviewer, ['请补充滨城区“出生一件事”联办工作方案', '请说明每个数据项在联办中的用途']),
      supplement(bcStaff, {
        note: '已补充《滨城区“出生一件事”联办工作方案》，各数据项用途见方案第三部分。',
        usageScope: '滨城区政务服务中心“出生一件事”窗口，仅限办理人员按件调用',
      }),
      approve(hcReviewer, '仅限“出生一件事”联办，按件调用；办结后不得留存父母身份号码。'),
    ],
  }),
  share({
    key: 'share-tb-ride-hailing-drivers',
    label: '不予共享（附法律依据）',
    resource: 'BZ-HRSS-001',
    by: tbStaff,
    body: {
      fields: ['姓名', '公民身份号码', '参保状态', '参保单位名称', '缴费基数'],
      purpose: '网约车驾驶员从业资格审核时，核查驾驶员的劳动关系和收入情况。',
      dutyBasis: '《网络预约出租汽车经营服务管理暂行办法》',
      usageScope: '滨州市交通运输局网约车监管平台',
      periodMonths: 12,
      deliveryMethod: 'batch',
    },
    steps: [
      reject(
        hrssReviewer,
        '网约车驾驶员的从业条件不包括劳动关系和收入情况，申请的参保单位、缴费基数等数据项超出履职所必需的范围。',
        PIPL_MINIMUM,
      ),
    ],
  }),
  share({
    key: 'share-edu-school-district-housing',
    label: '已撤回',
    resource: 'BZ-NRP-001',
    by: eduStaff,
    body: {
      fields: ['坐落', '权利人姓名', '权利人证件号码', '登记日期'],
      purpose: '义务教育招生中核验学区内房屋的权属信息。',
      dutyBasis: '《中华人民共和国义务教育法》第十二条',
      usageScope: '滨州市义务教育招生入学服务平台',
      periodMonths: 6,
      deliveryMethod: 'api',
    },
    steps: [withdraw(eduStaff, '经与市自然资源和规划局沟通，改由不动产登记中心出具核验结果，本申请撤回。')],
  }),
  share({
    key: 'share-bc-old-community-renewal',
    label: '不予共享后提出异议，协调中（有陈述和会商纪要）',
    resource: 'BZ-PSB-001',
    by: bcStaff,
    body: {
      fields: ['姓名', '公民身份号码', '户籍地址', '户号'],
      purpose: '老旧小区改造中核对房屋产权人与实际居住人的户籍信息，确定改造意见征询对象。',
      dutyBasis: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》',
      usageScope: '滨城区住房和城乡建设局老旧小区改造项目组',
      periodMonths: 6,
      deliveryMethod: 'batch',
    },
    steps: [
      reject(
        psbReviewer,
        '意见征询以房屋产权人为对象，可通过不动产登记信息确定；户籍地址、户号不是该事项所必需的数据。',
        PIPL_MINIMUM,
      ),
      object(
        bcStaff,
        '部分楼栋的产权人已去世或长期在外，须依据户籍信息确定实际居住人参加意见征询；这是区政府依法履行的城市更新职责。',
        '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》',
      ),
      takeOver(coordinator),
      statement(bcStaff, '涉及12栋楼、约460户，其中约80户产权人无法联系，社区已逐户走访但无法确认实际居住人。'),
      statement(
        psbReviewer,
        '可由社区提出名单、经居民书面同意后，通过居民身份信息核验服务逐户核验，无需批量共享户籍地址和户号。',
      ),
      minutes(
        coordinator,
        '市大数据局组织滨城区人民政府、市公安局会商。各方同意：对产权人无法联系的住户，由社区出具名单，' +
          '市公安局按件核验后提供户籍关系核验结果；市公安局于五个工作日内提出具体方案，协调人据此作出协调意见。',
      ),
    ],
  }),
  share({
    key: 'share-amr-case-transfer',
    label: '目录不予共享，已提出异议，协商中',
    resource: 'BZ-PSB-003',
    by: amrStaff,
    created: 'rejected',
    body: {
      fields: ['案件编号', '案件类别', '立案日期', '办案单位'],
      purpose: '食品安全违法案件行政执法与刑事司法衔接，跟踪已移送公安机关案件的立案情况。',
      dutyBasis: '《中华人民共和国食品安全法》；《行政执法机关移送涉嫌犯罪案件的规定》',
      usageScope: '滨州市市场监督管理局执法稽查局',
      periodMonths: 12,
      deliveryMethod: 'api',
    },
    steps: [
      object(
        amrStaff,
        '本局只申请本局已移送案件的立案状态，不涉及涉案人员的个人信息和侦查内容；跟踪移送案件是行政执法与刑事司法衔接的法定职责。',
        '《行政执法机关移送涉嫌犯罪案件的规定》',
      ),
    ],
  }),
];

// ---- conditional open-data requests (有条件开放申请) ----------------------------------------------------

const open = (s: Plan): Scenario => ({ process: 'open-data-request', created: 'formal_check', ...s });
const requestBody = (requester: Record<string, string>, rest: Record<string, unknown>) => ({
  requester,
  commitmentAccepted: true,
  ...rest,
});

export const identifiers = {
  citizen: idNumber('371602', '19880614', '031'),
  researcher: idNumber('371603', '19920308', '046'),
  appCompany: creditCode('91', '371602', 'MA3CKD7R4'),
  creditCompany: creditCode('91', '371600', 'MA94HT2K6'),
  dissolvedCompany: creditCode('91', '371602', 'MA3D5PX8Q'),
};

const openDataRequests: Scenario[] = [
  open({
    key: 'open-bus-arrival-app',
    label: '形式审查',
    resource: 'BZ-TB-001',
    by: citizen,
    steps: [],
    body: requestBody(
      { kind: 'person', name: '刘洋', idNumber: identifiers.citizen, contact: '13805430168' },
      {
        purpose: '开发“滨州公交到站提醒”微信小程序，为市民提供实时到站查询。',
        scenario: '小程序根据车辆实时位置计算预计到站时间，只展示线路和车辆位置，不采集乘客信息。',
        periodMonths: 12,
        securityMeasures: '数据存储于境内云服务器，启用访问控制和传输加密，调用日志保存六个月。',
      },
    ),
  }),
  open({
    key: 'open-credit-scoring',
    label: '提供单位审核',
    resource: 'BZ-AMR-002',
    by: creditCompany,
    body: requestBody(
      {
        kind: 'organization',
        name: '山东渤海信用评估有限公司',
        creditCode: identifiers.creditCompany,
        contact: '陈晨 0543-3186620',
      },
      {
        purpose: '为银行小微企业信贷提供企业信用风险评估。',
        scenario: '将行政处罚和经营异常信息纳入企业信用评分模型，只向委托银行提供评分结果，不提供原始数据。',
        periodMonths: 12,
        securityMeasures: '已通过网络安全等级保护三级测评；数据在独立的处理环境中加工，原始数据不出域。',
      },
    ),
    steps: [formalCheck()],
  }),
  open({
    key: 'open-land-use-research',
    label: '待签署协议',
    resource: 'BZ-NRP-002',
    by: researcher,
    body: requestBody(
      { kind: 'person', name: '孙悦', idNumber: identifiers.researcher, contact: '13954315572' },
      {
        purpose: '开展“滨州市中心城区土地利用效率”课题研究。',
        scenario: '统计分析各地块容积率与用地性质的关系，形成研究报告，不公开地块级明细。',
        periodMonths: 12,
        securityMeasures: '数据只存储于研究所内网计算机，课题组成员签署保密承诺。',
      },
    ),
    steps: [formalCheck(), openApprove(nrpReviewer, '仅限课题研究使用；研究成果公开前报市自然资源和规划局确认。')],
  }),
  open({
    key: 'open-mobility-app',
    label: '已签署协议，使用中',
    resource: 'BZ-TB-001',
    by: appCompany,
    body: requestBody(
      {
        kind: 'organization',
        name: '滨州慧通数据科技有限公司',
        creditCode: identifiers.appCompany,
        contact: '高远 0543-8201133',
      },
      {
        purpose: '在“滨州出行”App中提供公交车辆实时位置查询。',
        scenario: 'App地图页展示附近线路的车辆位置和预计到站时间。',
        periodMonths: 24,
        securityMeasures: '数据缓存不超过24小时；服务器部署于境内，已落实网络安全等级保护二级要求。',
      },
    ),
    steps: [
      formalCheck(),
      openApprove(tbReviewer, '调用频率不超过每秒10次；App中须注明数据来源“滨州市交通运输局”。'),
      sign(appCompany),
    ],
  }),
];

// ---- data corrections (数据纠错) ------------------------------------------------------------------

const correction = (s: Plan): Scenario => ({ process: 'correction', created: 'verifying', ...s });

const corrections: Scenario[] = [
  correction({
    key: 'correction-dissolved-company',
    label: '核实中',
    resource: 'BZ-AMR-001',
    by: hrssStaff,
    steps: [],
    body: {
      recordRef: `统一社会信用代码 ${identifiers.dissolvedCompany}`,
      field: '登记状态',
      currentValue: '存续',
      claimedValue: '注销',
      description: '该企业已办理注销登记，共享数据仍显示“存续”，影响单位社会保险登记的注销办理。',
      evidence: '滨城区行政审批服务局出具的注销登记通知书',
    },
  }),
  correction({
    key: 'correction-clinic-address',
    label: '已更正',
    resource: 'BZ-HC-002',
    by: bcStaff,
    body: {
      recordRef: '滨城区市西街道社区卫生服务中心',
      field: '地址',
      currentValue: '滨城区黄河五路123号',
      claimedValue: '滨城区黄河五路469号',
      description: '该机构已搬迁，目录中的地址是旧址，群众按地址前往扑空。',
      evidence: '医疗机构执业许可证副本的地址变更记录',
    },
    steps: [verify(hcReviewer, 'corrected', '经核实，该机构已办理执业地址变更登记，已更正执业登记信息中的地址。')],
  }),
];

export const scenarios: Scenario[] = [...shareApplications, ...openDataRequests, ...corrections];
