// Pure decisions of the share application process (docs/processes.md P1). Each names its source.
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
import { isPast, type TrackedDeadline } from '../common/deadlines.js';
import { addMonths, endOfLocalDay, localDate, type Deadline } from '../common/working-days.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type { Policy } from '../../policy/index.js';
import type { DecisionInput, FileObjectionInput, ReasonInput, RenewalInput, SupplementInput } from './messages.js';
import type { PrecheckResult, ResourceSnapshot, ShareApplicationState, ShareApplicationView } from './types.js';

export type SharePolicy = Policy['share'];
export const MAX_PERIOD_MONTHS = 36;

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/**
 * processes.md P1: the bureau's automatic compliance pre-check of an unconditional request (within
 * share.precheckWd; done at once, and the audit event records that deadline beside the day): the
 * applicant is registered, the resource really is unconditional, and every requested field is one
 * of the resource's.
 */
export function precheck(p: {
  applicantAgency: string;
  applicantRegistered: boolean;
  resource: { shareType: string; fields: string[] } | null;
  fields: string[];
}): PrecheckResult {
  const problems: string[] = [];
  if (!p.applicantRegistered) problems.push(`applicant agency ${p.applicantAgency} is not registered`);
  if (!p.resource) problems.push('the resource is not in the catalog');
  else {
    if (p.resource.shareType !== 'unconditional')
      problems.push(`the resource is ${p.resource.shareType}, not unconditional`);
    const known = new Set(p.resource.fields);
    const unknown = p.fields.filter((f) => !known.has(f));
    if (unknown.length) problems.push(`fields not in the resource: ${unknown.join(', ')}`);
  }
  return { passed: problems.length === 0, problems };
}

/** processes.md P1: the route a new application takes from its resource's share type and the pre-check. */
export function initialRoute(resource: ResourceSnapshot, precheck: PrecheckResult): 'grant' | 'review' | 'reject' {
  // not_shared is refused at submission, citing the catalog's legal basis.
  if (resource.shareType === 'not_shared') return 'reject';
  // unconditional is granted at once when the bureau's automatic compliance pre-check passes.
  if (resource.shareType === 'unconditional' && precheck.passed) return 'grant';
  // conditional (or an unconditional request the pre-check could not clear) goes to the provider.
  return 'review';
}

/** processes.md P1: the case awaits a provider decision (a first review, or a renewal review). */
export function awaitingDecision(view: ShareApplicationView): 'review' | 'renewal' | null {
  if (view.state === 'pending_review') return 'review';
  if (view.state === 'granted' && view.renewal?.state === 'pending_review') return 'renewal';
  return null;
}

/** The two agencies of a share application (and of an objection to it). */
export interface ShareParties {
  applicantAgency: string;
  providerAgency: string;
}

/**
 * processes.md P1: the parties (staff and reviewers of the applicant or the provider) and the bureau see
 * a case; to anyone else it does not exist.
 */
export function canSeeShareApplication(viewer: Viewer, c: ShareParties): boolean {
  if (isBureauViewer(viewer)) return true;
  const agency = agencyOfViewer(viewer);
  return !!agency && (agency === c.applicantAgency || agency === c.providerAgency);
}

/**
 * processes.md P1 (and P2): which cases a viewer's list holds, matching `canSeeShareApplication`: every
 * case for the bureau, its agency's as a party for agency staff and reviewers, none for anyone else.
 */
export function partyListScope(viewer: Viewer): { visibleToAgency?: string } | null {
  if (isBureauViewer(viewer)) return {};
  const agency = agencyOfViewer(viewer);
  return agency ? { visibleToAgency: agency } : null;
}

/**
 * The role a viewer acts in on a case: one of `allowed` that they hold and that fits the case (a
 * reviewer of the provider, staff of the applicant, or a bureau role), or the refusal when none does.
 */
export function actingRoleOn(viewer: Viewer, c: ShareParties, allowed: readonly Role[]): Role | Refusal {
  const named = (r: Role): string =>
    r === 'agency_reviewer' ? "provider's reviewer" : r === 'agency_staff' ? "applicant's staff" : r;
  return pickRole(
    viewer,
    allowed,
    (r) =>
      r === 'agency_reviewer'
        ? viewer.agency === c.providerAgency
        : r === 'agency_staff'
          ? viewer.agency === c.applicantAgency
          : true,
    (held) => `only the ${held.map(named).join(' or ')} may do this`,
  );
}

const isApplicantStaff = (v: ShareApplicationView, a: Actor) =>
  a.role === 'agency_staff' && a.agency === v.applicantAgency;
const isProviderReviewer = (v: ShareApplicationView, a: Actor) =>
  a.role === 'agency_reviewer' && a.agency === v.providerAgency;

/**
 * processes.md P1: what each decision must carry, whatever the case's state: a rejection its reason and
 * legal basis, a supplement request everything missing (一次性告知), an extension its reason and length
 * (at most share.extensionWd when the policy is known). The route checks it as it reads the body, the
 * workflow's validator through `checkDecision`.
 */
export function decisionInputErrors(
  input: Pick<DecisionInput, 'decision' | 'reason' | 'legalBasis' | 'missing' | 'extendWd'>,
  policy?: Pick<SharePolicy, 'extensionWd'>,
): { path: string; message: string }[] {
  switch (input.decision) {
    case 'reject':
      return [
        ...(isBlank(input.reason) ? [{ path: 'reason', message: 'a rejection needs a reason' }] : []),
        ...(isBlank(input.legalBasis) ? [{ path: 'legalBasis', message: 'a rejection needs its legal basis' }] : []),
      ];
    case 'request_supplement':
      return !input.missing || input.missing.every(isBlank)
        ? [{ path: 'missing', message: 'must list at least one item' }]
        : [];
    case 'extend': {
      const max = policy?.extensionWd ?? Infinity;
      const badLength =
        input.extendWd == null || !Number.isInteger(input.extendWd) || input.extendWd < 1 || input.extendWd > max;
      return [
        ...(isBlank(input.reason) ? [{ path: 'reason', message: 'an extension needs a reason' }] : []),
        ...(badLength
          ? [
              {
                path: 'extendWd',
                message: policy
                  ? `must be a whole number of working days between 1 and ${policy.extensionWd}`
                  : 'how many working days to extend by',
              },
            ]
          : []),
      ];
    }
    default:
      return [];
  }
}

/** processes.md P1: who may decide, on what, and what each decision needs. */
export function checkDecision(
  v: ShareApplicationView,
  input: DecisionInput,
  policy: SharePolicy,
  nowMs: number,
): Refusal | null {
  if (!isProviderReviewer(v, input.actor))
    return refuse('FORBIDDEN', "only the provider agency's reviewer decides on a share application");
  const target = awaitingDecision(v);
  if (!target) return refuse('INVALID_STATE', `the application is ${v.state} and awaits no decision`);
  switch (input.decision) {
    case 'approve': {
      const requested = target === 'renewal' ? (v.grant?.fields ?? []) : v.request.fields;
      const extra = (input.fields ?? []).filter((f) => !requested.includes(f));
      if (extra.length)
        return refuse('VALIDATION_FAILED', 'approval may only narrow the requested fields', [
          { path: 'fields', message: `not requested: ${extra.join(', ')}` },
        ]);
      if (input.fields && input.fields.length === 0)
        return refuse('VALIDATION_FAILED', 'an approval needs at least one field', [
          { path: 'fields', message: 'must not be empty' },
        ]);
      const maxPeriod = target === 'renewal' ? v.renewal!.periodMonths : v.request.periodMonths;
      if (
        input.periodMonths != null &&
        (!Number.isInteger(input.periodMonths) || input.periodMonths < 1 || input.periodMonths > maxPeriod)
      ) {
        return refuse('VALIDATION_FAILED', 'approval may only shorten the period of use', [
          { path: 'periodMonths', message: `must be between 1 and ${maxPeriod}` },
        ]);
      }
      return null;
    }
    case 'reject': {
      const errors = decisionInputErrors(input);
      return errors.length ? refuse('VALIDATION_FAILED', 'reject needs reason and legalBasis', errors) : null;
    }
    case 'request_supplement': {
      if (target === 'renewal')
        return refuse('INVALID_STATE', 'a renewal is approved or rejected; it takes no supplement');
      // processes.md P1: everything missing is listed at once (一次性告知), so a supplement is asked for once.
      if (v.supplements.length > 0)
        return refuse(
          'INVALID_STATE',
          'a supplement was already requested once; everything missing must be listed at once (一次性告知)',
        );
      const errors = decisionInputErrors(input);
      return errors.length ? refuse('VALIDATION_FAILED', 'list everything missing at once', errors) : null;
    }
    case 'extend': {
      const current = target === 'renewal' ? v.renewal!.extension : v.extension;
      const due = target === 'renewal' ? v.renewal!.reviewDue : v.reviewDue;
      const overdue = target === 'renewal' ? v.renewal!.overdue : v.overdue;
      // processes.md P1: one extension, with a reason, of at most share.extensionWd, asked before the deadline.
      if (current) return refuse('INVALID_STATE', 'the review deadline was already extended once');
      if (overdue || (due && isPast(due.dueAt, nowMs)))
        return refuse('INVALID_STATE', 'the review deadline has passed; it can no longer be extended');
      const errors = decisionInputErrors(input, policy);
      return errors.length ? refuse('VALIDATION_FAILED', 'extend needs a reason and extendWd', errors) : null;
    }
  }
}

/** processes.md P1: only the applicant supplements, only when asked to, and before share.supplementWd runs out. */
export function checkSupplement(v: ShareApplicationView, input: SupplementInput, nowMs: number): Refusal | null {
  if (!isApplicantStaff(v, input.actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff supplements its application");
  if (v.state !== 'awaiting_supplement')
    return refuse('INVALID_STATE', `the application is ${v.state}; no supplement was requested`);
  if (v.supplementDue && isPast(v.supplementDue.dueAt, nowMs))
    return refuse('INVALID_STATE', 'the time to supplement has run out');
  if (isBlank(input.note))
    return refuse('VALIDATION_FAILED', 'a supplement needs a note', [{ path: 'note', message: 'must not be empty' }]);
  return null;
}

/** processes.md P1: the applicant may withdraw any time before a decision. */
export function checkWithdrawal(v: ShareApplicationView, input: ReasonInput): Refusal | null {
  if (!isApplicantStaff(v, input.actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff withdraws its application");
  if (v.state !== 'pending_review' && v.state !== 'awaiting_supplement')
    return refuse('INVALID_STATE', `the application is ${v.state}; only an undecided application can be withdrawn`);
  return null;
}

/** processes.md P1: a bureau coordinator may urge (催办) the provider while a decision is awaited. */
export function checkUrge(v: ShareApplicationView, input: ReasonInput): Refusal | null {
  if (input.actor.role !== 'bureau_coordinator')
    return refuse('FORBIDDEN', 'only a bureau coordinator urges a provider');
  if (!awaitingDecision(v)) return refuse('INVALID_STATE', `the application is ${v.state} and awaits no decision`);
  return null;
}

/**
 * processes.md P1: the applicant may ask for a renewal of a live grant; the provider reviews it like a
 * conditional request.
 */
export function checkRenewal(v: ShareApplicationView, input: RenewalInput): Refusal | null {
  if (!isApplicantStaff(v, input.actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff asks for a renewal");
  if (v.state !== 'granted')
    return refuse('INVALID_STATE', `the application is ${v.state}; only a granted application can be renewed`);
  if (v.renewal?.state === 'pending_review') return refuse('INVALID_STATE', 'a renewal is already under review');
  const errors = [
    ...(!Number.isInteger(input.periodMonths) || input.periodMonths < 1 || input.periodMonths > MAX_PERIOD_MONTHS
      ? [{ path: 'periodMonths', message: `must be between 1 and ${MAX_PERIOD_MONTHS}` }]
      : []),
    ...(isBlank(input.reason) ? [{ path: 'reason', message: 'a renewal needs a reason' }] : []),
  ];
  return errors.length ? refuse('VALIDATION_FAILED', 'renewal needs periodMonths and reason', errors) : null;
}

/** processes.md P1: the provider or the bureau may revoke a grant, with a reason. */
export function checkRevocation(v: ShareApplicationView, input: ReasonInput): Refusal | null {
  const a = input.actor;
  if (!(isProviderReviewer(v, a) || a.role === 'bureau_admin'))
    return refuse('FORBIDDEN', "only the provider's reviewer or a bureau admin revokes a grant");
  if (v.state !== 'granted')
    return refuse('INVALID_STATE', `the application is ${v.state}; only a live grant can be revoked`);
  if (isBlank(input.reason))
    return refuse('VALIDATION_FAILED', 'a revocation needs a reason', [
      { path: 'reason', message: 'must not be empty' },
    ]);
  return null;
}

/** processes.md P1: after a rejection the applicant may object within share.objectionWindowWd, once. */
export function checkObjection(v: ShareApplicationView, input: FileObjectionInput, nowMs: number): Refusal | null {
  if (!isApplicantStaff(v, input.actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff objects to a refusal");
  if (v.state !== 'rejected')
    return refuse('INVALID_STATE', `the application is ${v.state}; only a rejection can be objected to`);
  if (v.decision?.final || v.objectionId)
    return refuse('INVALID_STATE', 'this refusal was already objected to and is final');
  if (!v.objectionDue || isPast(v.objectionDue.dueAt, nowMs))
    return refuse('INVALID_STATE', 'the objection window has closed');
  if (isBlank(input.statement))
    return refuse('VALIDATION_FAILED', 'an objection needs a statement', [
      { path: 'statement', message: 'must not be empty' },
    ]);
  return null;
}

/** processes.md P1 / P3 (gateway): the applicant's staff fetch (or rotate) the access credential of a live grant. */
export function checkCredential(v: ShareApplicationView, actor: Actor): Refusal | null {
  if (!isApplicantStaff(v, actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff hold the grant's credential");
  if (v.state !== 'granted' || v.grant?.state !== 'active')
    return refuse('INVALID_STATE', `the application is ${v.state}; only a live grant has a credential`);
  return null;
}

/**
 * processes.md P1: a grant is time-bound; a period in months ends on the corresponding day of its last month
 * (民法典 Art. 201-203).
 */
export function grantExpiry(grantedAtMs: number, periodMonths: number): { expiresDate: string; expiresAt: string } {
  const expiresDate = addMonths(localDate(grantedAtMs), periodMonths);
  return { expiresDate, expiresAt: endOfLocalDay(expiresDate) };
}

/** processes.md P1: a renewal continues the grant from its current end. */
export function renewedExpiry(
  currentExpiresDate: string,
  periodMonths: number,
): { expiresDate: string; expiresAt: string } {
  const expiresDate = addMonths(currentExpiresDate, periodMonths);
  return { expiresDate, expiresAt: endOfLocalDay(expiresDate) };
}

/** processes.md P1: the applicant is reminded share.expiryReminderDays natural days before the grant ends. */
export function reminderAtMs(expiresAt: string, policy: SharePolicy): number {
  return Date.parse(expiresAt) - policy.expiryReminderDays * 24 * 60 * 60 * 1000;
}

/** A case is open while its process runs: a refusal stays open only while it may still be objected to. */
/**
 * processes.md P1: the deadlines the application still runs against in its state — the review while it
 * awaits a decision, the supplement or objection window while it is open, a renewal's review. A
 * decided review's deadline stays on the case as it was, but no longer counts.
 */
export function openShareDeadlines(v: ShareApplicationView): TrackedDeadline[] {
  const open: (TrackedDeadline | null | undefined)[] =
    v.state === 'pending_review'
      ? [v.reviewDue]
      : v.state === 'awaiting_supplement'
        ? [v.supplementDue]
        : v.state === 'rejected' && !v.decision?.final
          ? [v.objectionDue]
          : v.state === 'granted' && v.renewal?.state === 'pending_review'
            ? [v.renewal.reviewDue]
            : [];
  return open.filter((d): d is TrackedDeadline => !!d);
}

/** The application's derived flags, as the read model and the work list show them. */
export function shareFlags(v: ShareApplicationView): { overdue: boolean; deadlineProvisional: boolean } {
  return {
    overdue: v.overdue || (v.renewal?.state === 'pending_review' && v.renewal.overdue),
    deadlineProvisional: openShareDeadlines(v).some((d) => d.provisional),
  };
}

export const isOpen = (v: ShareApplicationView): boolean =>
  !isTerminal(v.state) && !(v.state === 'rejected' && (v.decision?.final || !v.objectionDue));

export const isTerminal = (s: ShareApplicationState): boolean =>
  s === 'withdrawn' || s === 'closed' || s === 'expired' || s === 'revoked';

/** What a person may do on an application, in the API's words (the decision values and the endpoints). */
export const shareActions = [
  'approve',
  'reject',
  'request_supplement',
  'extend',
  'supplement',
  'withdraw',
  'urge',
  'renew',
  'revoke',
  'object',
  'credential',
] as const;
export type ShareAction = (typeof shareActions)[number];

/** The actions `actor` may take now: the update validators' own checks, probed with the input still empty. */
export function shareActionsFor(
  v: ShareApplicationView,
  actor: Actor,
  policy: SharePolicy,
  nowMs: number,
): ShareAction[] {
  const decide = (decision: DecisionInput['decision']) => () => checkDecision(v, { actor, decision }, policy, nowMs);
  return permitted<ShareAction>({
    approve: decide('approve'),
    reject: decide('reject'),
    request_supplement: decide('request_supplement'),
    extend: decide('extend'),
    supplement: () => checkSupplement(v, { actor, note: '' }, nowMs),
    withdraw: () => checkWithdrawal(v, { actor }),
    urge: () => checkUrge(v, { actor }),
    renew: () => checkRenewal(v, { actor, periodMonths: 1, reason: '' }),
    revoke: () => checkRevocation(v, { actor, reason: '' }),
    object: () =>
      checkObjection(
        v,
        { actor, objectionId: '', statement: '', policy: { negotiateWd: 1, providerStatementWd: 1, coordinateWd: 1 } },
        nowMs,
      ),
    credential: () => checkCredential(v, actor),
  });
}

const grantEnd = (g: NonNullable<ShareApplicationView['grant']>): Deadline => ({
  dueDate: g.expiresDate,
  dueAt: g.expiresAt,
  provisional: false,
});

/**
 * processes.md P1: what the application waits for — the provider's decision by the review deadline (and
 * the bureau's 督办 once it is overdue), a supplement or an objection within its window, and a
 * renewal once the applicant has been reminded that the grant ends.
 */
export function shareAwaited(v: ShareApplicationView, nowMs: number): Partial<Record<ShareAction, Awaited>> {
  // The bureau's 督办 is owed once the deadline has passed, until it has urged.
  const urgeOwed = (due: Deadline | null) => !!due && isPast(due.dueAt, nowMs) && v.urgedCount === 0;
  const decision = (due: Deadline | null): Partial<Record<ShareAction, Awaited>> => ({
    approve: { due },
    reject: { due },
    request_supplement: { due },
    extend: { due },
    ...(urgeOwed(due) ? { urge: { due } } : {}),
  });
  if (v.state === 'pending_review') return decision(v.reviewDue);
  if (v.state === 'awaiting_supplement') return { supplement: { due: v.supplementDue, lapses: true } };
  if (v.state === 'rejected' && v.objectionDue) return { object: { due: v.objectionDue, lapses: true } };
  if (v.state === 'granted' && v.renewal?.state === 'pending_review') return decision(v.renewal.reviewDue);
  if (v.state === 'granted' && v.grant?.reminderSent) return { renew: { due: grantEnd(v.grant), lapses: true } };
  return {};
}

/** The application as the work list and the statistics see it. */
export function shareApplicationWork(v: ShareApplicationView, policy: SharePolicy, nowMs: number): CaseWork {
  const parties: Party[] = [
    { role: 'agency_reviewer', agency: v.providerAgency, userId: null },
    { role: 'agency_staff', agency: v.applicantAgency, userId: null },
    { role: 'bureau_coordinator', agency: null, userId: null },
  ];
  const tasks = tasksOf(
    parties,
    () => shareAwaited(v, nowMs),
    (actor) => shareActionsFor(v, actor, policy, nowMs),
  );
  // The provider's own answer; an automatic one, or an objection's outcome (final), is not its review.
  const d = v.decision;
  const reviewed =
    d &&
    !d.automatic &&
    !d.final &&
    d.by.role === 'agency_reviewer' &&
    (d.decision === 'approve' || d.decision === 'reject')
      ? d.at
      : null;
  return {
    caseType: 'share-application',
    caseId: v.id,
    version: v.version,
    state: v.state,
    open: isOpen(v),
    title: v.resource.name,
    resourceName: v.resource.name,
    agencies: [v.applicantAgency, v.providerAgency],
    users: [],
    respondingAgency: v.providerAgency,
    due: earliest(tasks.map((t) => t.due)),
    overdue: shareFlags(v).overdue,
    openedAt: v.submittedAt,
    decidedAt: reviewed,
    tasks,
    view: v,
  };
}
