// Pure decisions of the conditional open-data request process (docs/processes.md P3). Each names its source.
import {
  agencyOfViewer,
  isBureauViewer,
  pickRole,
  refuse,
  type Actor,
  type Refusal,
  type Role,
  type Viewer,
} from '../common/actors.js';
import { isPast } from '../common/deadlines.js';
import { addMonths, type Deadline } from '../common/working-days.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type {
  FormalCheckInput,
  OpenDecisionInput,
  OpenRevocationInput,
  ResubmissionInput,
  SignInput,
  UsageReportInput,
} from './messages.js';
import { terminalOpenDataStates, type OpenDataView } from './types.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
const isRequester = (v: OpenDataView, a: Actor) => a.role === 'public' && a.id === v.requester.userId;
const isProviderReviewer = (v: OpenDataView, a: Actor) =>
  a.role === 'agency_reviewer' && a.agency === v.resource.providerAgency;

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
    (role) =>
      role === 'agency_reviewer'
        ? viewer.agency === r.providerAgency
        : role === 'public'
          ? viewer.sub === r.requesterUser
          : true,
    (held) => (held.includes('public') ? 'only the requester may do this' : "only the provider's reviewer may do this"),
  );
}
/** processes.md P3 step 1: the bureau's formal check; an incomplete request is returned with its reasons. */
export function checkFormalCheck(v: OpenDataView, i: FormalCheckInput): Refusal | null {
  if (i.actor.role !== 'bureau_coordinator')
    return refuse('FORBIDDEN', 'only a bureau coordinator makes the formal check');
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
  if (!isRequester(v, i.actor)) return refuse('FORBIDDEN', 'only the requester resubmits');
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
  if (!isProviderReviewer(v, i.actor))
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
  if (!isRequester(v, i.actor)) return refuse('FORBIDDEN', 'only the requester signs the agreement');
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

/**
 * How many usage reports a request keeps: one for every month of its period (the most often policy
 * can ask for them, open.reportEveryMonths = 1) and a year's worth of amendments beside — enough for
 * monthly reports over the longest period, while keeping the case within Temporal's payload limits.
 */
/** processes.md P3: the longest period of use a request may ask for, in months. */
export const MAX_OPEN_PERIOD_MONTHS = 36;

export const usageReportLimit = (v: OpenDataView): number => v.request.periodMonths + 12;

/** processes.md P3 step 4: usage reports (利用情况、成果) from the requester while access lasts. */

export function checkUsageReport(v: OpenDataView, i: UsageReportInput): Refusal | null {
  if (!isRequester(v, i.actor)) return refuse('FORBIDDEN', 'only the requester reports usage');
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
  if (!isRequester(v, actor)) return refuse('FORBIDDEN', 'only the requester holds the credential');
  if (v.state !== 'active' || !v.expiresAt)
    return refuse('INVALID_STATE', `the request is ${v.state}; only active access has a credential`);
  return null;
}

/** processes.md P3 step 4: a violation revokes access; the provider or the bureau decides, with a reason. */
export function checkOpenRevocation(v: OpenDataView, i: OpenRevocationInput): Refusal | null {
  const bureau = i.actor.role === 'bureau_admin' || i.actor.role === 'bureau_coordinator';
  if (!(bureau || isProviderReviewer(v, i.actor)))
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
