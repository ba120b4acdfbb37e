// Pure decisions of the conditional open-data request process (docs/processes.md P3). Each names its source.
import {
  actsIn,
  agencyOfViewer,
  isBureauViewer,
  pickRole,
  refuse,
  systemActor,
  type ActionRoles,
  type Actor,
  type Refusal,
  type Role,
  type Viewer,
} from '../common/actors.js';
import { isPast, recomputeOpen, trackDeadline, type TrackedDeadline } from '../common/deadlines.js';
import { stateLabels } from '../common/glossary.js';
import { toAgency, toBureau, toUser, type Step, type StepContext } from '../common/step.js';
import {
  addCalendarDays,
  addMonths,
  endOfLocalDay,
  localDate,
  startOfLocalDay,
  type CalendarData,
  type Deadline,
} from '../common/working-days.js';
import type { Policy } from '../../policy/index.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type {
  FormalCheckInput,
  OpenDecisionInput,
  OpenRevocationInput,
  ResubmissionInput,
  SignInput,
  UsageReportInput,
} from './messages.js';
import { terminalOpenDataStates, type OpenDataState, type OpenDataView } from './types.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/**
 * processes.md P3 (role × action): who may take each action on a request. The requester acts as the
 * public user who filed it and a reviewer for the provider (`fitsOpenData`); a bureau role acts on any.
 */
export const openDataRoles = {
  request: ['public'],
  formalCheck: ['bureau_coordinator'],
  resubmit: ['public'],
  decide: ['agency_reviewer'],
  sign: ['public'],
  reportUsage: ['public'],
  credential: ['public'],
  revoke: ['agency_reviewer', 'bureau_admin', 'bureau_coordinator'],
  publishAgreement: ['bureau_admin'],
} as const satisfies ActionRoles<string>;

/** The request an actor's role fits: the provider's for a reviewer, the requester's own for the public. */
export const fitsOpenData =
  (r: { requesterUser: string; providerAgency: string }) =>
  (a: Pick<Actor, 'id' | 'role' | 'agency'>): boolean =>
    a.role === 'agency_reviewer'
      ? a.agency === r.providerAgency
      : a.role === 'public'
        ? a.id === r.requesterUser
        : true;

const may = (action: keyof typeof openDataRoles, v: OpenDataView, a: Actor) =>
  actsIn(
    openDataRoles[action],
    a,
    fitsOpenData({ requesterUser: v.requester.userId, providerAgency: v.resource.providerAgency }),
  );

/**
 * processes.md P3: the requester (a public user), the provider agency's staff and reviewers, and the bureau
 * see a request.
 */
export function canSeeOpenData(viewer: Viewer, r: { requesterUser: string; providerAgency: string }): boolean {
  if (isBureauViewer(viewer)) return true;
  if (viewer.roles.includes('public') && viewer.sub === r.requesterUser) return true;
  return agencyOfViewer(viewer) === r.providerAgency;
}

/** processes.md P3: which requests a viewer's list holds, matching `canSeeOpenData`. */
export function openDataListScope(viewer: Viewer): { requesterUser?: string; providerAgency?: string } | null {
  if (isBureauViewer(viewer)) return {};
  if (viewer.roles.includes('public')) return { requesterUser: viewer.sub };
  const agency = agencyOfViewer(viewer);
  return agency ? { providerAgency: agency } : null;
}

/**
 * processes.md P3: the role a viewer acts in on a request: the provider's reviewer, the requester as
 * the public user who filed it, or a bureau role.
 */
export function actingRoleOnOpenData(
  viewer: Viewer,
  r: { requesterUser: string; providerAgency: string },
  allowed: readonly Role[],
): Role | Refusal {
  return pickRole(
    viewer,
    allowed,
    (role) => fitsOpenData(r)({ id: viewer.sub, role, agency: viewer.agency ?? null }),
    (held) => (held.includes('public') ? 'only the requester may do this' : "only the provider's reviewer may do this"),
  );
}
/** processes.md P3 step 1: the bureau's formal check; an incomplete request is returned with its reasons. */
export function checkFormalCheck(v: OpenDataView, i: FormalCheckInput): Refusal | null {
  if (!may('formalCheck', v, i.actor)) return refuse('FORBIDDEN', 'only a bureau coordinator makes the formal check');
  if (v.state !== 'formal_check')
    return refuse('INVALID_STATE', `the request is ${v.state}; it awaits no formal check`);
  if (!i.passed && !(i.reasons ?? []).some((r) => !isBlank(r)))
    return refuse('VALIDATION_FAILED', 'a returned request lists its reasons', [
      { path: 'reasons', message: 'required when passed is false' },
    ]);
  return null;
}

/** processes.md P3 step 1: the requester corrects a returned request and it is checked again. */
export function checkResubmission(v: OpenDataView, i: ResubmissionInput): Refusal | null {
  if (!may('resubmit', v, i.actor)) return refuse('FORBIDDEN', 'only the requester resubmits');
  if (v.state !== 'returned')
    return refuse('INVALID_STATE', `the request is ${v.state}; only a returned request is resubmitted`);
  const extra = (i.changes.fields ?? []).filter((f) => !v.resource.fields.includes(f));
  if (extra.length)
    return refuse('VALIDATION_FAILED', `fields not in the dataset: ${extra.join(', ')}`, [
      { path: 'fields', message: 'not in the dataset' },
    ]);
  return null;
}

/** processes.md P3 step 2: the provider approves (with conditions) or rejects with reasons. */
export function checkOpenDecision(v: OpenDataView, i: OpenDecisionInput): Refusal | null {
  if (!may('decide', v, i.actor))
    return refuse('FORBIDDEN', "only the provider's reviewer decides on an open-data request");
  if (v.state !== 'provider_review') return refuse('INVALID_STATE', `the request is ${v.state}; it awaits no decision`);
  if (i.decision === 'reject' && isBlank(i.reason))
    return refuse('VALIDATION_FAILED', 'a rejection gives its reasons', [
      { path: 'reason', message: 'required for reject' },
    ]);
  if (i.decision === 'approve' && !(Number.isInteger(i.agreementVersion) && i.agreementVersion! >= 1)) {
    return refuse('VALIDATION_FAILED', 'an approval names the agreement version to sign', [
      { path: 'agreementVersion', message: 'required for approve' },
    ]);
  }
  return null;
}

/** processes.md P3 step 3: the requester signs the current agreement version within open.agreementWd. */
export function checkSignature(v: OpenDataView, i: SignInput, nowMs: number): Refusal | null {
  if (!may('sign', v, i.actor)) return refuse('FORBIDDEN', 'only the requester signs the agreement');
  if (v.state !== 'awaiting_agreement')
    return refuse('INVALID_STATE', `the request is ${v.state}; no agreement awaits signature`);
  if (v.agreementDue && isPast(v.agreementDue.dueAt, nowMs))
    return refuse('INVALID_STATE', 'the time to sign has run out');
  if (i.agreementVersion !== v.agreementVersion) {
    return refuse('VALIDATION_FAILED', `the agreement to sign is version ${v.agreementVersion}`, [
      { path: 'agreementVersion', message: `must be ${v.agreementVersion}` },
    ]);
  }
  return null;
}

/**
 * processes.md P3 step 4: one report answers the period that is due; further reports in the same period
 * are kept but do not push the next due date out. A report is never due after access ends
 * (`expiresDate`): the last one answers the period up to the end, however early it was filed.
 */
export function nextReportDue(
  currentDue: string,
  lastReportDate: string | null,
  everyMonths: number,
  expiresDate: string | null = null,
): string {
  const periodStart = addMonths(currentDue, -everyMonths);
  const next =
    lastReportDate !== null && lastReportDate > periodStart ? currentDue : addMonths(currentDue, everyMonths);
  return expiresDate !== null && next > expiresDate ? expiresDate : next;
}

/** processes.md P3: the longest period of use a request may ask for, in months. */
export const MAX_OPEN_PERIOD_MONTHS = 36;

/**
 * How many usage reports a request keeps: one for every month of its period (the most often policy
 * can ask for them, open.reportEveryMonths = 1) and a year's worth of amendments beside — enough for
 * monthly reports over the longest period, while keeping the case within Temporal's payload limits.
 */
export const usageReportLimit = (v: OpenDataView): number => v.request.periodMonths + 12;

/** processes.md P3 step 4: usage reports (利用情况、成果) from the requester while access lasts. */
export function checkUsageReport(v: OpenDataView, i: UsageReportInput): Refusal | null {
  if (!may('reportUsage', v, i.actor)) return refuse('FORBIDDEN', 'only the requester reports usage');
  if (v.state !== 'active' && v.state !== 'suspended')
    return refuse('INVALID_STATE', `the request is ${v.state}; usage is reported while access lasts`);
  // Keeps the case's history within Temporal's payload limits; a period's report can be amended through the provider.
  if (v.reports.length >= usageReportLimit(v))
    return refuse(
      'INVALID_STATE',
      `at most ${usageReportLimit(v)} usage reports are kept for a ${v.request.periodMonths}-month request`,
    );
  const errors = [
    ...(isBlank(i.period) ? [{ path: 'period', message: 'must not be empty' }] : []),
    ...(isBlank(i.summary) ? [{ path: 'summary', message: 'must not be empty' }] : []),
  ];
  return errors.length ? refuse('VALIDATION_FAILED', 'a usage report needs its period and a summary', errors) : null;
}

/** processes.md P3 step 4: the requester may have a new credential while access lasts (the old one stops working). */
export function checkCredentialRotation(v: OpenDataView, actor: Actor): Refusal | null {
  if (!may('credential', v, actor)) return refuse('FORBIDDEN', 'only the requester holds the credential');
  if (v.state !== 'active' || !v.expiresAt)
    return refuse('INVALID_STATE', `the request is ${v.state}; only active access has a credential`);
  return null;
}

/** processes.md P3 step 4: a violation revokes access; the provider or the bureau decides, with a reason. */
export function checkOpenRevocation(v: OpenDataView, i: OpenRevocationInput): Refusal | null {
  if (!may('revoke', v, i.actor))
    return refuse('FORBIDDEN', "only the provider's reviewer or the bureau revokes access");
  if (v.state !== 'active' && v.state !== 'suspended')
    return refuse('INVALID_STATE', `the request is ${v.state}; only granted access can be revoked`);
  if (isBlank(i.reason))
    return refuse('VALIDATION_FAILED', 'a revocation gives its reason', [
      { path: 'reason', message: 'must not be empty' },
    ]);
  return null;
}

/** What a person may do on an open-data request, in the API's words (the decision values and the endpoints). */
/**
 * processes.md P3: the derived flags the read model shows: a deadline on a provisional calendar, while
 * the request can still move (an ended one recomputes nothing).
 */
export function openDataFlags(v: OpenDataView): { deadlineProvisional: boolean } {
  const deadlines = [v.formalCheckDue, v.reviewDue, v.agreementDue, v.graceDue];
  return {
    deadlineProvisional: !terminalOpenDataStates.includes(v.state) && deadlines.some((d) => d?.provisional),
  };
}

export const openDataActions = [
  'formal_check',
  'resubmit',
  'approve',
  'reject',
  'sign',
  'report_usage',
  'revoke',
  'credential',
] as const;
export type OpenDataAction = (typeof openDataActions)[number];

/** The actions `actor` may take now: the update validators' own checks, probed with the input still empty. */
export function openDataActionsFor(v: OpenDataView, actor: Actor, nowMs: number): OpenDataAction[] {
  return permitted<OpenDataAction>({
    formal_check: () => checkFormalCheck(v, { actor, passed: false, reasons: [] }),
    resubmit: () => checkResubmission(v, { actor, changes: {} }),
    approve: () => checkOpenDecision(v, { actor, decision: 'approve' }),
    reject: () => checkOpenDecision(v, { actor, decision: 'reject' }),
    sign: () => checkSignature(v, { actor, agreementVersion: -1 }, nowMs),
    report_usage: () => checkUsageReport(v, { actor, period: '', summary: '' }),
    revoke: () => checkOpenRevocation(v, { actor, reason: '' }),
    credential: () => checkCredentialRotation(v, actor),
  });
}

const dueOn = (dueAt: string | null, dueDate: string | null): Deadline | null =>
  dueAt && dueDate ? { dueAt, dueDate, provisional: false } : null;

/**
 * processes.md P3: what the request waits for — the bureau's formal check, the requester's correction of
 * a returned request (no deadline is set for it), the provider's review, the signature within its
 * window, and a usage report by its due date while access lasts (by the grace deadline once missed).
 */
export function openDataAwaited(v: OpenDataView): Partial<Record<OpenDataAction, Awaited>> {
  switch (v.state) {
    case 'formal_check':
      return { formal_check: { due: v.formalCheckDue } };
    case 'returned':
      return { resubmit: { due: null } };
    case 'provider_review':
      return { approve: { due: v.reviewDue }, reject: { due: v.reviewDue } };
    case 'awaiting_agreement':
      return { sign: { due: v.agreementDue, lapses: true } };
    // A missed report leaves a grace period (to open.reportGraceWd) before suspension: that is the deadline then.
    case 'active':
    case 'suspended':
      return { report_usage: { due: v.graceDue ?? dueOn(v.nextReportDueAt, v.nextReportDueDate) } };
    default:
      return {};
  }
}

/** The request as the work list and the statistics see it. */
export function openDataWork(v: OpenDataView, nowMs: number): CaseWork {
  const parties: Party[] = [
    { role: 'public', agency: null, userId: v.requester.userId },
    { role: 'agency_reviewer', agency: v.resource.providerAgency, userId: null },
    { role: 'bureau_coordinator', agency: null, userId: null },
  ];
  const tasks = tasksOf(
    parties,
    () => openDataAwaited(v),
    (actor) => openDataActionsFor(v, actor, nowMs),
  );
  return {
    caseType: 'open-data-request',
    caseId: v.id,
    version: v.version,
    state: v.state,
    open: !terminalOpenDataStates.includes(v.state),
    title: v.resource.name,
    resourceName: v.resource.name,
    agencies: [v.resource.providerAgency],
    users: [v.requester.userId],
    respondingAgency: v.resource.providerAgency,
    due: earliest(tasks.map((t) => t.due)),
    overdue: v.overdue,
    openedAt: v.submittedAt,
    decidedAt: v.decision?.at ?? null,
    tasks,
    view: v,
  };
}

// ---- next states: what each step does to the case ------------------------------------------------
// The workflow asks these, applies the step and records it (workflows/common/step.ts).

export type OpenDataStep = Step<OpenDataView, OpenDataState>;

/** The moment of a step, with the policy in force. */
export interface OpenDataContext extends StepContext {
  policy: Policy['open'];
}

const label = (v: OpenDataView): string => `${v.resource.name} (${v.resource.code})`;
const toRequester = (v: OpenDataView, kind: string, title: string) => toUser(v.requester.userId, kind, title);
const toProvider = (v: OpenDataView, kind: string, title: string) => toAgency(v.resource.providerAgency, kind, title);
const deadline = systemActor('deadline');

/** processes.md P3 step 1: submitted to the bureau's formal check (形式审查), due in open.formalCheckWd. */
export function submission(v: OpenDataView, by: Actor, ctx: OpenDataContext): OpenDataStep {
  const formalCheckDue = ctx.track(ctx.today, ctx.policy.formalCheckWd);
  return {
    set: { formalCheckDue },
    action: 'submit',
    to: 'formal_check',
    actor: by,
    data: { formalCheckDueDate: formalCheckDue.dueDate },
    notify: [toBureau('formal_check_requested', `新的开放申请待形式审查：${label(v)}，申请人 ${v.requester.name}`)],
  };
}

/** processes.md P3 step 1: a requester on the dataset's deny-list is refused at the formal check. */
export function denyListed(v: OpenDataView, by: Actor): OpenDataStep[] {
  return [
    { set: {}, action: 'submit', to: 'formal_check', actor: by },
    {
      set: {},
      action: 'reject_deny_listed',
      to: 'rejected',
      actor: systemActor('formal check'),
      reason: '申请人已被列入该数据集的限制名单',
      notify: [toRequester(v, 'rejected', `您的开放申请不予受理：您已被列入该数据集的限制名单：${label(v)}`)],
    },
  ];
}

/** processes.md P3 step 1: the formal check passes to the provider's review (open.reviewWd), or returns the request. */
export function formalCheck(v: OpenDataView, i: FormalCheckInput, ctx: OpenDataContext): OpenDataStep {
  if (i.passed) {
    const reviewDue = ctx.track(ctx.today, ctx.policy.reviewWd);
    return {
      set: { formalCheckDue: null, returnedReasons: null, reviewDue },
      action: 'formal_check_passed',
      to: 'provider_review',
      actor: i.actor,
      data: { reviewDueDate: reviewDue.dueDate },
      notify: [toProvider(v, 'review_requested', `开放申请待审核：${label(v)}，办理期限 ${reviewDue.dueDate}`)],
    };
  }
  const returnedReasons = (i.reasons ?? []).map((r) => r.trim()).filter(Boolean);
  return {
    set: { formalCheckDue: null, returnedReasons },
    action: 'return',
    to: 'returned',
    actor: i.actor,
    reason: returnedReasons.join('; '),
    notify: [toRequester(v, 'returned', `您的开放申请已退回：${label(v)}，原因：${returnedReasons.join('；')}`)],
  };
}

/** processes.md P3 step 1: a returned request, amended, goes back to the formal check with a fresh clock. */
export function resubmission(v: OpenDataView, i: ResubmissionInput, ctx: OpenDataContext): OpenDataStep {
  const { contact, ...changes } = i.changes;
  const formalCheckDue = ctx.track(ctx.today, ctx.policy.formalCheckWd);
  return {
    set: {
      request: { ...v.request, ...changes },
      ...(contact ? { requester: { ...v.requester, contact } } : {}),
      resubmissions: v.resubmissions + 1,
      formalCheckDue,
    },
    action: 'resubmit',
    to: 'formal_check',
    actor: i.actor,
    data: { changed: Object.keys(i.changes), formalCheckDueDate: formalCheckDue.dueDate },
    notify: [toBureau('formal_check_requested', `开放申请已重新提交，待形式审查：${label(v)}`)],
  };
}

/**
 * processes.md P3 steps 2–3: the provider's decision. A refusal cites its legal basis (the provider's,
 * else the catalog's for the resource); an approval fixes the agreement in force, to be signed within
 * open.agreementWd.
 */
export function decision(v: OpenDataView, i: OpenDecisionInput, ctx: OpenDataContext): OpenDataStep {
  const legalBasis = i.decision === 'reject' ? (i.legalBasis ?? v.resource.legalBasis ?? null) : null;
  const decided = {
    decision: i.decision,
    by: i.actor,
    at: ctx.at,
    reason: i.reason ?? null,
    conditions: i.conditions ?? null,
    ...(legalBasis ? { legalBasis } : {}),
  };
  if (i.decision === 'reject') {
    return {
      set: { decision: decided, reviewDue: null },
      action: 'reject',
      to: 'rejected',
      actor: i.actor,
      reason: i.reason ?? null,
      legalBasis,
      notify: [toRequester(v, 'rejected', `您的开放申请不予开放：${label(v)}，理由：${i.reason}`)],
    };
  }
  const agreementDue = ctx.track(ctx.today, ctx.policy.agreementWd);
  return {
    set: { decision: decided, reviewDue: null, agreementVersion: i.agreementVersion!, agreementDue },
    action: 'approve',
    to: 'awaiting_agreement',
    actor: i.actor,
    data: {
      conditions: i.conditions ?? null,
      agreementVersion: i.agreementVersion!,
      agreementDueDate: agreementDue.dueDate,
    },
    notify: [
      toRequester(v, 'approved', `开放申请已通过：请于 ${agreementDue.dueDate} 前签署开放利用协议：${label(v)}`),
    ],
  };
}

/**
 * processes.md P3 step 4: signing starts access for the period asked, with a usage report every
 * open.reportEveryMonths. `withinAccess` (cases since the patch): a request shorter than the report
 * interval reports at its end, never after.
 */
export function signature(v: OpenDataView, i: SignInput, ctx: OpenDataContext, withinAccess: boolean): OpenDataStep {
  const expiresDate = addMonths(ctx.today, v.request.periodMonths);
  const firstDue = addMonths(ctx.today, ctx.policy.reportEveryMonths);
  const nextReportDueDate = withinAccess && firstDue > expiresDate ? expiresDate : firstDue;
  return {
    set: {
      signature: { version: i.agreementVersion, by: i.actor, at: ctx.at },
      agreementDue: null,
      activatedAt: ctx.at,
      expiresDate,
      expiresAt: endOfLocalDay(expiresDate),
      nextReportDueDate,
      nextReportDueAt: endOfLocalDay(nextReportDueDate),
    },
    action: 'sign',
    to: 'active',
    actor: i.actor,
    data: { agreementVersion: i.agreementVersion, expiresDate, nextReportDueDate },
    notify: [toProvider(v, 'activated', `${v.requester.name} 已签署协议，开始使用：${label(v)}`)],
  };
}

/**
 * processes.md P3 step 4: a usage report answers the period due (a suspended request resumes) and
 * moves the next due date (`nextReportDue`); `withinAccess` (cases since the patch) keeps it within access.
 */
export function usageReport(
  v: OpenDataView,
  i: UsageReportInput,
  ctx: OpenDataContext,
  withinAccess: boolean,
): OpenDataStep {
  const last = v.reports.at(-1);
  const lastReportDate = last ? localDate(Date.parse(last.at)) : null;
  const seq = v.reports.length + 1;
  const report = { seq, period: i.period, summary: i.summary, outcomes: i.outcomes ?? null, at: ctx.at, by: i.actor };
  const nextReportDueDate = nextReportDue(
    v.nextReportDueDate!,
    lastReportDate,
    ctx.policy.reportEveryMonths,
    withinAccess ? v.expiresDate : null,
  );
  return {
    set: {
      reports: [...v.reports, report],
      graceDue: null,
      nextReportDueDate,
      nextReportDueAt: endOfLocalDay(nextReportDueDate),
    },
    action: v.state === 'suspended' ? 'report_resumes' : 'report',
    to: 'active',
    actor: i.actor,
    data: { period: i.period, seq, nextReportDueDate },
    notify: [toProvider(v, 'usage_report', `收到利用情况报送：${label(v)}（${i.period}）`)],
  };
}

/** processes.md P3 step 4: a violation revokes access, and the requester goes on the dataset's deny-list. */
export function revocation(v: OpenDataView, i: OpenRevocationInput, ctx: OpenDataContext): OpenDataStep {
  return {
    set: { revocation: { by: i.actor, at: ctx.at, reason: i.reason } },
    action: 'revoke',
    to: 'revoked',
    actor: i.actor,
    reason: i.reason,
    extra: {
      denyList: {
        resourceId: v.resource.id,
        requesterKeys: [v.requester.key, `user:${v.requester.userId}`],
        reason: i.reason,
      },
    },
    notify: [
      toRequester(v, 'revoked', `您的开放使用已撤销：${label(v)}，理由：${i.reason}`),
      toProvider(v, 'revoked', `开放使用已撤销：${label(v)}`),
    ],
  };
}

/** processes.md P3: a missed check or review deadline flags the request overdue and escalates, as in P1. */
export function decisionOverdue(v: OpenDataView, due: { dueDate: string }): OpenDataStep {
  return {
    set: { overdue: true },
    action: 'overdue',
    to: v.state,
    actor: deadline,
    reason: `${stateLabels['open-data-request'][v.state]}期限 ${due.dueDate} 已过`,
    notify: [
      ...(v.state === 'provider_review'
        ? [toProvider(v, 'overdue', `开放申请审核已超期，请尽快办理：${label(v)}`)]
        : []),
      toBureau('overdue', `开放申请办理超期（督办）：${label(v)}`),
    ],
  };
}

/** processes.md P3 step 3: unsigned within open.agreementWd, the approval lapses. */
export function agreementLapsed(v: OpenDataView): OpenDataStep {
  return {
    set: {},
    action: 'lapse',
    to: 'lapsed',
    actor: deadline,
    reason: `未于 ${v.agreementDue?.dueDate} 前签署开放利用协议`,
    notify: [toRequester(v, 'lapsed', `因未按期签署协议，开放申请已失效：${label(v)}`)],
  };
}

/** What can happen next while access lasts, and when. */
export type AccessEvent = 'expire' | 'report_reminder' | 'report_missed' | 'suspend';

/**
 * processes.md P3 step 4: while access lasts, the moments the request waits for, earliest first: its
 * end; a reminder open.reportReminderDays before a report is due (once per due date, `remindedFor`);
 * the report's due date (a warning and a grace period); the grace period's end (suspension).
 */
export function accessTimers(
  v: OpenDataView,
  remindedFor: string | null,
  policy: Policy['open'],
): { at: number; event: AccessEvent }[] {
  const timers: { at: number; event: AccessEvent }[] = [{ at: Date.parse(v.expiresAt!) + 1, event: 'expire' }];
  if (remindedFor !== v.nextReportDueAt && !v.graceDue) {
    // Reminded at the start of the day reportReminderDays before the due date.
    const day = addCalendarDays(v.nextReportDueDate!, -policy.reportReminderDays);
    timers.push({ at: Date.parse(startOfLocalDay(day)), event: 'report_reminder' });
  }
  if (!v.graceDue && v.state === 'active')
    timers.push({ at: Date.parse(v.nextReportDueAt!) + 1, event: 'report_missed' });
  if (v.graceDue && v.state === 'active') timers.push({ at: Date.parse(v.graceDue.dueAt) + 1, event: 'suspend' });
  return timers.sort((a, b) => a.at - b.at);
}

/** The step of an access event when its moment comes. */
export function accessStep(v: OpenDataView, event: AccessEvent, ctx: OpenDataContext): OpenDataStep {
  switch (event) {
    case 'expire':
      return {
        set: {},
        action: 'expire',
        to: 'expired',
        actor: deadline,
        reason: `使用期限已于 ${v.expiresDate} 届满`,
        notify: [toRequester(v, 'expired', `您的开放使用已到期：${label(v)}`)],
      };
    case 'report_reminder':
      return {
        set: {},
        action: 'report_reminder',
        to: v.state,
        actor: deadline,
        reason: `利用情况应于 ${v.nextReportDueDate} 前报送`,
        notify: [toRequester(v, 'report_reminder', `请于 ${v.nextReportDueDate} 前报送利用情况：${label(v)}`)],
      };
    case 'report_missed': {
      // A missed report earns a warning, then suspension after open.reportGraceWd.
      const graceDue = ctx.track(v.nextReportDueDate!, ctx.policy.reportGraceWd);
      return {
        set: { warnings: v.warnings + 1, graceDue },
        action: 'report_missed',
        to: 'active',
        actor: deadline,
        reason: `未于 ${v.nextReportDueDate} 前报送利用情况`,
        data: { graceDueDate: graceDue.dueDate },
        notify: [
          toRequester(v, 'warning', `警告：请于 ${graceDue.dueDate} 前报送利用情况，逾期将暂停使用：${label(v)}`),
          toProvider(v, 'report_missed', `未按期报送利用情况：${label(v)}`),
        ],
      };
    }
    case 'suspend':
      return {
        set: {},
        action: 'suspend',
        to: 'suspended',
        actor: deadline,
        reason: `宽限期 ${v.graceDue!.dueDate} 届满仍未报送利用情况`,
        notify: [
          toRequester(v, 'suspended', `您的开放使用已暂停，报送利用情况后恢复：${label(v)}`),
          toProvider(v, 'suspended', `因未报送利用情况，开放使用已暂停：${label(v)}`),
        ],
      };
  }
}

/**
 * A published calendar: the request's working-day deadlines that have not passed move (the formal
 * check's, the review's, the agreement's, a report's grace period). `everyDeadline` is how cases older
 * than the local-steps patch recomputed (passed ones too). Null when nothing moved.
 */
export function recomputedDeadlines(
  v: OpenDataView,
  calendar: CalendarData,
  nowMs: number,
  everyDeadline: boolean,
): Partial<OpenDataView> | null {
  const re = (d: TrackedDeadline | null) =>
    everyDeadline
      ? d
        ? trackDeadline({ from: d.from, days: d.days }, calendar)
        : d
      : recomputeOpen(d, calendar, nowMs);
  const before = [v.formalCheckDue, v.reviewDue, v.agreementDue, v.graceDue];
  const set = {
    formalCheckDue: re(v.formalCheckDue),
    reviewDue: re(v.reviewDue),
    agreementDue: re(v.agreementDue),
    graceDue: re(v.graceDue),
  };
  return JSON.stringify(Object.values(set)) === JSON.stringify(before) ? null : set;
}
