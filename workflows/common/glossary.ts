// The words (术语表): one Chinese term per concept, used by the console's pages and by the texts of
// the notifications the processes send. docs/glossary.md lists the same terms; a test keeps them
// together. Pure data, importable by workflows and by the console alike.

/** The processes, by their kebab name (the workflow-id prefix and the work list's `process`). */
export const processLabels = {
  'share-application': '共享申请',
  objection: '异议协商',
  'open-data-request': '开放申请',
  correction: '数据纠错',
  assessment: '年度评估',
  'assessment-cycle': '年度评估周期',
} as const satisfies Record<string, string>;

export const roleLabels = {
  agency_staff: '机构工作人员',
  agency_reviewer: '数据审核人',
  bureau_coordinator: '大数据局协调人',
  bureau_admin: '大数据局管理员',
  assessor: '第三方评估机构',
  public: '公众用户',
  gateway: '数据共享交换平台',
} as const satisfies Record<string, string>;

/** Each process's states, in Chinese. */
export const stateLabels = {
  'share-application': {
    pending_review: '待审核',
    awaiting_supplement: '待补正',
    granted: '已共享',
    rejected: '不予共享',
    in_objection: '异议中',
    withdrawn: '已撤回',
    closed: '已关闭',
    expired: '已到期',
    revoked: '已撤销',
  },
  objection: {
    negotiating: '协商中',
    coordinating: '协调中',
    escalated: '已提请市政府',
    resolved: '已办结',
  },
  'open-data-request': {
    formal_check: '形式审查',
    returned: '已退回',
    provider_review: '提供单位审核',
    awaiting_agreement: '待签署协议',
    active: '使用中',
    suspended: '已暂停',
    rejected: '不予开放',
    lapsed: '已失效',
    revoked: '已撤销',
    expired: '已到期',
  },
  correction: {
    forwarding: '转办中',
    verifying: '核实中',
    corrected: '已更正',
    no_change: '维持原数据',
    transferred: '已转办',
  },
  assessment: {
    collecting: '指标采集',
    self_assessment: '自评',
    review: '评审',
    reviewed: '已评审',
    notice: '公示',
    rectification: '整改',
    closed: '已办结',
  },
  'assessment-cycle': {
    collecting: '指标采集',
    self_assessment: '自评',
    review: '评审',
    notice: '公示',
    final: '结果已发布',
    closed: '已办结',
  },
} as const satisfies Record<keyof typeof processLabels, Record<string, string>>;

/** What a person can do on a case: the `actions` of the API, as the console's buttons say it. */
export const actionLabels = {
  approve: '通过',
  reject: '不予共享',
  request_supplement: '要求补正',
  extend: '延期',
  supplement: '补正',
  withdraw: '撤回',
  urge: '督办',
  renew: '申请续期',
  revoke: '撤销',
  object: '提出异议',
  settle: '协商一致',
  assign: '受理协调',
  statement: '提交陈述',
  minutes: '记录会商纪要',
  rule: '作出协调意见',
  escalate: '提请市政府',
  government_decision: '录入市政府决定',
  formal_check: '形式审查',
  resubmit: '重新提交',
  sign: '签署协议',
  report_usage: '报送利用情况',
  verify: '核实处理',
  return: '退回大数据局',
  forward: '转交核实单位',
  assign_assessor: '指派评估机构',
  self_assessment: '提交自评',
  review: '评审打分',
  appeal: '提出申诉',
  answer_appeal: '答复申诉',
  rectification_plan: '提交整改方案',
  rectification_report: '提交整改报告',
  verify_rectification: '整改验收',
  publish_preliminary: '发布初步结果',
  publish_final: '发布最终结果',
  credential: '获取访问凭证',
} as const satisfies Record<string, string>;

/** An open-data refusal says 不予开放, not 不予共享: the same action, in its process's words. */
export const actionLabelIn = (process: keyof typeof processLabels, action: keyof typeof actionLabels): string =>
  process === 'open-data-request' && action === 'reject' ? '不予开放' : actionLabels[action];

/** The audit log's actions (审批记录), as the timeline of a case names them. */
export const eventLabels = {
  submit: '提交申请', file: '提交', open: '启动', route: '转交', auto_grant: '预审通过，自动共享', auto_reject: '目录不予共享',
  approve: '通过', reject: '不予通过', reject_deny_listed: '列入限制名单，不予受理', request_supplement: '要求补正', extend: '延期',
  supplement: '补正', withdraw: '撤回', urge: '督办', overdue: '超期', close: '关闭', expire: '到期', expiry_reminder: '到期提醒',
  request_renewal: '申请续期', renewal_approved: '续期通过', renewal_rejected: '续期不予通过', renewal_review_extended: '续期审核延期',
  renewal_overdue: '续期审核超期', revoke: '撤销', file_objection: '提出异议', objection_granted: '异议协调后予以共享',
  objection_upheld_refusal: '维持不予共享', objection_window_closed: '异议期届满', objection_process_failed: '异议流程异常',
  deadlines_recomputed: '期限按新日历重算', settle: '协商一致', negotiation_lapsed: '协商期届满', statement: '提交陈述',
  statement_overdue: '陈述超期', minutes: '会商纪要', rule: '协调意见', escalate: '提请市政府', government_decision: '市政府决定',
  outcome_undelivered: '结果待送达', formal_check_passed: '形式审查通过', return: '退回补正', resubmit: '重新提交', sign: '签署协议',
  lapse: '逾期未签署', report: '报送利用情况', report_reminder: '报送提醒', report_missed: '未按期报送', suspend: '暂停使用',
  verify: '核实处理', metrics: '指标采集', metrics_collected: '指标采集完成', self_assessment: '提交自评', self_assessment_closed: '自评期届满',
  assign_assessor: '指派评估机构', review: '评审打分', preliminary_result: '初步结果', appeal: '提出申诉', appeal_answered: '答复申诉',
  final_result: '最终结果', ranked: '排名', rectification_plan: '整改方案', rectification_report: '整改报告', rectification_verified: '整改验收通过',
  rectification_reopened: '整改验收未通过，重新整改', publish_preliminary: '发布初步结果', publish_final: '发布最终结果',
  take_over: '大数据局介入协调', assign: '受理协调', reassign: '改派协调人',
} as const satisfies Record<string, string>;

/** An audit event in its process's words: a correction's `report` is the error report (报告错误), not a usage report. */
export const eventLabelIn = (process: keyof typeof processLabels, action: string): string =>
  (eventLabelsIn as Partial<Record<string, Record<string, string>>>)[process]?.[action] ?? (eventLabels as Record<string, string>)[action] ?? action;

/** Where one recorded action reads differently in one process: a share refusal is 不予共享, an open-data one 不予开放. */
export const eventLabelsIn = {
  'share-application': { reject: '不予共享' },
  'open-data-request': { reject: '不予开放' },
  objection: { file: '提出异议' },
  correction: { file: '报告数据错误', report: '报告数据错误', return: '退回大数据局', forward: '人工转交核实单位' },
} as const satisfies Partial<Record<keyof typeof processLabels, Record<string, string>>>;

/** Who "the system" was when a transition had no person behind it (the audit log's system actor names). */
export const systemActorLabels = {
  deadline: '期限届满',
  calendar: '工作日历',
  catalog: '资源目录',
  'bureau compliance pre-check': '合规预审',
  routing: '自动分派',
  metrics: '指标采集',
  objection: '异议流程',
  'formal check': '形式审查',
  'annual schedule': '年度评估定时任务',
  publication: '结果发布',
  rectification: '整改',
} as const satisfies Record<string, string>;

/** Words the console and the notifications share beyond states and actions. */
export const terms = {
  todo: '待办',
  done: '已办',
  watching: '关注',
  overdue: '超期',
  dueSoon: '即将超期',
  deadline: '办理期限',
  workingDay: '工作日',
  timeline: '审批记录',
  catalog: '资源目录',
  resource: '数据资源',
  provider: '数据提供单位',
  handlingAgency: '承办单位',
  applicant: '申请单位',
  legalBasis: '法律依据',
  dutyBasis: '履职依据',
  conditions: '共享条件',
  grant: '共享授权',
  dossier: '卷宗',
  notice: '公示',
  rectification: '整改',
  credential: '访问凭证',
  agreement: '开放利用协议',
  disputed: '数据存疑',
  notifications: '消息',
  statistics: '统计',
  admin: '管理',
  calendar: '工作日历',
  holiday: '节假日',
  makeUpDay: '调休上班',
  provisional: '暂定',
  shareType: '共享类型',
  dataItems: '数据项',
  personalInfo: '个人信息',
  purpose: '用途及应用场景',
  usageScope: '使用范围',
  periodOfUse: '使用期限',
  deliveryMethod: '交付方式',
  securityMeasures: '安全保障措施',
  missingItems: '需补正材料',
  oneTimeNotice: '一次性告知',
  reviewDue: '审核期限',
  supplementDue: '补正期限',
  objectionDue: '异议期限',
  grantExpiry: '授权到期日',
  renewal: '续期',
  refusal: '不予共享决定',
  coordinator: '协调人',
  statement: '陈述',
  minutes: '会商纪要',
  ruling: '协调意见',
  negotiationDue: '协商期限',
  statementDue: '陈述期限',
  coordinationDue: '协调期限',
  openData: '开放数据',
  openConditions: '开放条件',
  updateCycle: '更新周期',
  requester: '申请人',
  requesterKind: '申请人类型',
  person: '个人',
  organization: '组织',
  personName: '姓名',
  idNumber: '身份证号',
  organizationName: '组织名称',
  creditCode: '统一社会信用代码',
  contact: '联系方式',
  use: '用途',
  scenario: '应用场景',
  processingEnvironment: '数据处理环境和安全措施',
  commitment: '公共数据安全承诺书',
  useConditions: '使用条件',
  formalCheckDue: '形式审查期限',
  agreementDue: '协议签署期限',
  nextReportDue: '下次报送期限',
  graceDue: '补报期限',
  usageReport: '利用情况报告',
  reportPeriod: '报送期间',
  usageSummary: '利用情况',
  usageOutcomes: '利用成果',
  warnings: '警示次数',
  returnedReasons: '退回理由',
  revocation: '撤销使用',
  recordRef: '记录标识',
  currentValue: '当前值',
  claimedValue: '应更正为',
  errorDescription: '错误描述',
  evidence: '佐证材料',
  reporter: '报告人',
  verifyingAgency: '核实单位',
  verifyDue: '核实期限',
  approvedBy: '批准人（单位负责人）',
  verifyNote: '核实说明',
  transferTo: '转办单位',
  forwardDue: '转交期限',
  returnReason: '退回理由',
  outcome: '处理结果',
  weekend: '周末',
  unread: '未读',
  read: '已读',
  auditChain: '审计链',
  indicatorFramework: '评估指标体系',
  agreementText: '协议文本',
  schedules: '定时任务',
  medianReviewWd: '办理时长中位数',
} as const satisfies Record<string, string>;

export const shareTypeLabels = { unconditional: '无条件共享', conditional: '有条件共享', not_shared: '不予共享' } as const;
export const openTypeLabels = { unconditional: '无条件开放', conditional: '有条件开放', not_open: '不予开放' } as const;
export const updateCycleLabels = { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年' } as const;
export const freshnessLabels = { fresh: '按时更新', due: '待更新', overdue: '更新超期', delinquent: '严重超期' } as const;
export const deliveryMethodLabels = { api: '接口调用', batch: '批量交换', file: '文件交换', verification: '核验比对' } as const;
export const gradeLabels = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
/** The annual assessment's words: where each metric comes from, the result's stage, the rectification's state. */
export const metricSourceLabels = {
  catalog: '目录编制', freshness: '数据更新', share: '共享申请办理', objection: '共享异议协商', open: '开放申请办理', correction: '数据纠错核实',
} as const;
export const resultStageLabels = { preliminary: '初步结果', final: '最终结果' } as const;
export const rectificationStateLabels = { awaiting_plan: '待提交整改方案', in_progress: '整改中', awaiting_verification: '待验收', verified: '已验收' } as const;
export const assessmentTerms = {
  cycle: '评估周期',
  indicator: '评估指标',
  indicatorsVersion: '指标体系版本',
  weight: '权重',
  floor: '最低分',
  metrics: '系统指标',
  systemScore: '系统评分',
  applicable: '适用',
  notApplicable: '不适用',
  selfAssessment: '自评',
  selfScore: '自评分',
  evidence: '佐证材料',
  review: '评审',
  reviewScore: '评审分',
  reviewComment: '评审意见',
  assessor: '评估机构',
  score: '得分',
  total: '总分',
  grade: '等级',
  rank: '排名',
  ranking: '最终排名',
  appeal: '申诉',
  appealAnswer: '申诉答复',
  revisedScores: '调整得分',
  rectificationReasons: '整改原因',
  rectificationPlan: '整改方案',
  rectificationReport: '整改报告',
  verification: '整改验收',
  selfAssessmentDue: '自评期限',
  reviewDue: '评审期限',
  noticeDue: '公示期限',
  rectificationPlanDue: '整改方案期限',
  rectificationDue: '整改完成期限',
  schedule: '年度定时任务',
  exportCsv: '导出结果（CSV）',
} as const satisfies Record<string, string>;
export const objectionOutcomeLabels = { share: '予以共享', conditional_share: '有条件共享', uphold_refusal: '维持不予共享' } as const;
export const correctionOutcomeLabels = { corrected: '已更正', no_change: '维持原数据', transferred: '转办数据所有单位' } as const;
export const grantStateLabels = { active: '有效', expired: '已到期', revoked: '已撤销' } as const;
export const renewalStateLabels = { pending_review: '续期审核中', approved: '续期通过', rejected: '续期不予通过' } as const;
export const rulingStageLabels = { negotiation: '双方协商一致', coordination: '大数据局协调', government: '市人民政府统筹协调' } as const;
/** The two sides of an objection, as its statements name them. */
export const partyLabels = { applicant: terms.applicant, provider: terms.provider } as const;
export const agencyLevelLabels = { municipal: '市级', county: '县级' } as const;
/** The schedules shuzhi runs on its own (Temporal Schedules), by id. */
export const scheduleLabels = { 'freshness-daily': '数据更新巡检', 'assessment-annual': '年度评估启动' } as const;
