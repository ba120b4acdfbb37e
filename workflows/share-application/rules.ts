// Pure decisions of the share application process (docs/processes.md P1). Each names its source.
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
import { toAgency, toBureau, type Step, type StepContext } from '../common/step.js';
import { addMonths, endOfLocalDay, localDate, type CalendarData, type Deadline } from '../common/working-days.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type { Policy } from '../../policy/index.js';
import type { ObjectionInput } from '../objection/types.js';
import type {
  DecisionInput,
  FileObjectionInput,
  ObjectionResolution,
  ReasonInput,
  RenewalInput,
  SupplementInput,
} from './messages.js';
import type {
  DecisionRecord,
  GrantView,
  PrecheckResult,
  ResourceSnapshot,
  ShareApplicationState,
  ShareApplicationView,
} from './types.js';

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
 * processes.md P1 (role × action): who may take each action on an application. A reviewer acts for the
 * provider and staff for the applicant (`fitsShare`); the checks below, the API and the console read this.
 */
export const shareRoles = {
  apply: ['agency_staff'],
  decide: ['agency_reviewer'],
  supplement: ['agency_staff'],
  withdraw: ['agency_staff'],
  urge: ['bureau_coordinator'],
  renew: ['agency_staff'],
  revoke: ['agency_reviewer', 'bureau_admin'],
  object: ['agency_staff'],
  credential: ['agency_staff'],
} as const satisfies ActionRoles<string>;

/** The case an actor's role fits: the provider's for a reviewer, the applicant's for staff; any for the bureau. */
export const fitsShare =
  (c: ShareParties) =>
  (a: Pick<Actor, 'role' | 'agency'>): boolean =>
    a.role === 'agency_reviewer'
      ? a.agency === c.providerAgency
      : a.role === 'agency_staff'
        ? a.agency === c.applicantAgency
        : true;

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
    (role) => fitsShare(c)({ role, agency: viewer.agency ?? null }),
    (held) => `only the ${held.map(named).join(' or ')} may do this`,
  );
}

const may = (action: keyof typeof shareRoles, v: ShareApplicationView, a: Actor) =>
  actsIn(shareRoles[action], a, fitsShare(v));

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
  if (!may('decide', v, input.actor))
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
  if (!may('supplement', v, input.actor))
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
  if (!may('withdraw', v, input.actor))
    return refuse('FORBIDDEN', "only the applicant agency's staff withdraws its application");
  if (v.state !== 'pending_review' && v.state !== 'awaiting_supplement')
    return refuse('INVALID_STATE', `the application is ${v.state}; only an undecided application can be withdrawn`);
  return null;
}

/** processes.md P1: a bureau coordinator may urge (催办) the provider while a decision is awaited. */
export function checkUrge(v: ShareApplicationView, input: ReasonInput): Refusal | null {
  if (!may('urge', v, input.actor)) return refuse('FORBIDDEN', 'only a bureau coordinator urges a provider');
  if (!awaitingDecision(v)) return refuse('INVALID_STATE', `the application is ${v.state} and awaits no decision`);
  return null;
}

/**
 * processes.md P1: the applicant may ask for a renewal of a live grant; the provider reviews it like a
 * conditional request.
 */
export function checkRenewal(v: ShareApplicationView, input: RenewalInput): Refusal | null {
  if (!may('renew', v, input.actor)) return refuse('FORBIDDEN', "only the applicant agency's staff asks for a renewal");
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
  if (!may('revoke', v, a))
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
  if (!may('object', v, input.actor))
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
  if (!may('credential', v, actor))
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

// ---- next states: what each step does to the case ------------------------------------------------
// The workflow asks these, applies the step and records it (workflows/common/step.ts). Each names
// its source in processes.md P1 where the step is more than bookkeeping.

export type ShareStep = Step<ShareApplicationView, ShareApplicationState>;

/** The moment of a step, with the policy in force and the agencies' names for the notices. */
export interface ShareContext extends StepContext {
  policy: SharePolicy;
  agencyNames?: Record<string, string> | undefined;
}

const label = (v: ShareApplicationView): string => `${v.resource.name} (${v.resource.code})`;
const named = (ctx: ShareContext, code: string): string => ctx.agencyNames?.[code] ?? code;
const toProvider = (v: ShareApplicationView, kind: string, title: string) => toAgency(v.providerAgency, kind, title);
const toApplicant = (v: ShareApplicationView, kind: string, title: string) => toAgency(v.applicantAgency, kind, title);

/** A grant of the requested (or the narrower approved) fields for the period of use, from now. */
function newGrant(
  v: ShareApplicationView,
  ctx: ShareContext,
  opts: { fields?: string[] | null; periodMonths?: number | null; conditions?: string | null },
): GrantView {
  const { expiresAt, expiresDate } = grantExpiry(ctx.nowMs, opts.periodMonths ?? v.request.periodMonths);
  return {
    id: ctx.newId(),
    state: 'active',
    fields: opts.fields ?? v.request.fields,
    conditions: opts.conditions ?? null,
    grantedAt: ctx.at,
    expiresAt,
    expiresDate,
    reminderSent: false,
    revokedAt: null,
    revokedReason: null,
  };
}

const decisionRecord = (input: DecisionInput, at: string): DecisionRecord => ({
  decision: input.decision,
  by: input.actor,
  at,
  reason: input.reason ?? null,
  legalBasis: input.legalBasis ?? null,
  conditions: input.conditions ?? null,
});

/**
 * processes.md P1 step 1: the application as registered. An unconditional request the bureau's
 * pre-check passes is granted at once; a resource the catalog marks not shareable is refused at once
 * (and may be objected to); everything else goes to the provider's review within share.reviewWd.
 */
export function registration(
  v: ShareApplicationView,
  submittedBy: Actor,
  check: PrecheckResult,
  ctx: ShareContext,
): ShareStep[] {
  const route = initialRoute(v.resource, check);
  const submit = { action: 'submit', to: 'pending_review', actor: submittedBy } as const;
  // The bureau pre-checks within share.precheckWd; it does so at once, and the audit keeps the
  // deadline beside the day it was done.
  const prechecked =
    v.resource.shareType === 'unconditional'
      ? { precheckedOn: ctx.today, precheckDueDate: ctx.track(ctx.today, ctx.policy.precheckWd).dueDate }
      : {};
  if (route === 'grant') {
    const bureau = systemActor('bureau compliance pre-check');
    const decision: DecisionRecord = {
      decision: 'approve',
      by: bureau,
      at: ctx.at,
      reason: '无条件共享：合规预审通过',
      legalBasis: null,
      conditions: null,
      automatic: true,
    };
    const grant = newGrant(v, ctx, {});
    return [
      { ...submit, set: {}, data: { route } },
      {
        set: { decision, grant, objectionDue: null },
        action: 'auto_grant',
        to: 'granted',
        actor: bureau,
        reason: decision.reason,
        data: { fields: v.request.fields, expiresDate: grant.expiresDate, ...prechecked },
        notify: [toProvider(v, 'granted', `无条件共享已授权给 ${named(ctx, v.applicantAgency)}：${label(v)}`)],
      },
    ];
  }
  if (route === 'reject') {
    const catalog = systemActor('catalog');
    const decision: DecisionRecord = {
      decision: 'reject',
      by: catalog,
      at: ctx.at,
      reason: '资源目录注明该资源不予共享',
      legalBasis: v.resource.legalBasis,
      conditions: null,
      automatic: true,
    };
    return [
      { ...submit, set: {}, data: { route } },
      {
        set: { decision, objectionDue: ctx.track(ctx.today, ctx.policy.objectionWindowWd) },
        action: 'auto_reject',
        to: 'rejected',
        actor: catalog,
        reason: decision.reason,
        legalBasis: v.resource.legalBasis,
        notify: [toApplicant(v, 'rejected', `目录注明不予共享：${label(v)}`)],
      },
    ];
  }
  const reviewDue = ctx.track(ctx.today, ctx.policy.reviewWd);
  return [
    {
      ...submit,
      set: { reviewDue },
      data: { route, precheckProblems: check.problems, reviewDueDate: reviewDue.dueDate, ...prechecked },
      notify: [
        toProvider(
          v,
          'review_requested',
          `收到 ${named(ctx, v.applicantAgency)} 的共享申请：${label(v)}，审核期限 ${reviewDue.dueDate}`,
        ),
      ],
    },
  ];
}

/** processes.md P1 steps 2–3 (and a renewal's review): the provider's decision, as checkDecision allowed it. */
export function decision(v: ShareApplicationView, input: DecisionInput, ctx: ShareContext): ShareStep {
  const record = decisionRecord(input, ctx.at);
  const by = input.actor;
  const reason = input.reason ?? null;
  const extension = { by, at: ctx.at, reason: input.reason ?? '', extendWd: input.extendWd ?? 0 };
  if (awaitingDecision(v) === 'renewal' && v.renewal && v.grant) {
    const renewal = v.renewal;
    switch (input.decision) {
      case 'approve': {
        const { expiresAt, expiresDate } = renewedExpiry(
          v.grant.expiresDate,
          input.periodMonths ?? renewal.periodMonths,
        );
        return {
          set: {
            renewal: { ...renewal, state: 'approved', decision: record },
            grant: {
              ...v.grant,
              expiresAt,
              expiresDate,
              reminderSent: false,
              conditions: input.conditions ?? v.grant.conditions,
              fields: input.fields ?? v.grant.fields,
            },
          },
          action: 'renewal_approved',
          to: 'granted',
          actor: by,
          reason,
          notify: [toApplicant(v, 'renewal_approved', `续期申请已通过：${label(v)}，有效期至 ${expiresDate}`)],
        };
      }
      case 'reject':
        return {
          set: { renewal: { ...renewal, state: 'rejected', decision: record } },
          action: 'renewal_rejected',
          to: 'granted',
          actor: by,
          reason,
          legalBasis: input.legalBasis ?? null,
          notify: [toApplicant(v, 'renewal_rejected', `续期申请不予通过：${label(v)}`)],
        };
      default: {
        // extend (a renewal takes no supplement: checkDecision refused it).
        const due = renewal.reviewDue!;
        const reviewDue = ctx.track(due.from, due.days + (input.extendWd ?? 0));
        return {
          set: { renewal: { ...renewal, extension, reviewDue } },
          action: 'renewal_review_extended',
          to: 'granted',
          actor: by,
          reason,
          data: { extendWd: input.extendWd, reviewDueDate: reviewDue.dueDate },
          notify: [toApplicant(v, 'review_extended', `续期审核已延期至 ${reviewDue.dueDate}`)],
        };
      }
    }
  }
  switch (input.decision) {
    case 'approve': {
      const grant = newGrant(v, ctx, {
        fields: input.fields ?? null,
        periodMonths: input.periodMonths ?? null,
        conditions: input.conditions ?? null,
      });
      return {
        set: { decision: record, grant, objectionDue: null },
        action: 'approve',
        to: 'granted',
        actor: by,
        reason,
        data: { conditions: input.conditions ?? null, fields: grant.fields, expiresDate: grant.expiresDate },
        notify: [toApplicant(v, 'granted', `共享申请已通过：${label(v)}`)],
      };
    }
    case 'reject':
      // processes.md P2: a refusal may be objected to within share.objectionWindowWd.
      return {
        set: { decision: record, objectionDue: ctx.track(ctx.today, ctx.policy.objectionWindowWd) },
        action: 'reject',
        to: 'rejected',
        actor: by,
        reason,
        legalBasis: input.legalBasis ?? null,
        notify: [toApplicant(v, 'rejected', `共享申请不予共享：${label(v)}`)],
      };
    case 'request_supplement': {
      const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
      const supplementDue = ctx.track(ctx.today, ctx.policy.supplementWd);
      return {
        set: { decision: record, missing, reviewDue: null, supplementDue },
        action: 'request_supplement',
        to: 'awaiting_supplement',
        actor: by,
        reason,
        data: { missing, supplementDueDate: supplementDue.dueDate },
        notify: [
          toApplicant(v, 'supplement_requested', `共享申请要求补正：${label(v)}，需补正：${missing.join('；')}`),
        ],
      };
    }
    case 'extend': {
      const due = v.reviewDue!;
      const reviewDue = ctx.track(due.from, due.days + (input.extendWd ?? 0));
      return {
        set: { extension, reviewDue },
        action: 'extend',
        to: 'pending_review',
        actor: by,
        reason,
        data: { extendWd: input.extendWd, reviewDueDate: reviewDue.dueDate },
        notify: [toApplicant(v, 'review_extended', `共享申请审核已延期至 ${reviewDue.dueDate}：${label(v)}`)],
      };
    }
  }
}

/** processes.md P1: the supplement; the review clock restarts in full from it (an overdue mark stays: it was late). */
export function supplement(v: ShareApplicationView, input: SupplementInput, ctx: ShareContext): ShareStep {
  const changes = {
    ...(input.purpose ? { purpose: input.purpose } : {}),
    ...(input.dutyBasis ? { dutyBasis: input.dutyBasis } : {}),
    ...(input.usageScope ? { usageScope: input.usageScope } : {}),
  };
  const reviewDue = ctx.track(ctx.today, ctx.policy.reviewWd);
  return {
    set: {
      supplements: [
        ...v.supplements,
        { by: input.actor, at: ctx.at, note: input.note, missing: v.missing ?? [], changes },
      ],
      request: { ...v.request, ...changes },
      missing: null,
      supplementDue: null,
      reviewDue,
    },
    action: 'supplement',
    to: 'pending_review',
    actor: input.actor,
    reason: input.note,
    data: { changes, reviewDueDate: reviewDue.dueDate },
    notify: [toProvider(v, 'supplemented', `申请单位已补正：${label(v)}，审核期限 ${reviewDue.dueDate}`)],
  };
}

export function withdrawal(v: ShareApplicationView, input: ReasonInput): ShareStep {
  return {
    set: { reviewDue: null, supplementDue: null },
    action: 'withdraw',
    to: 'withdrawn',
    actor: input.actor,
    reason: input.reason ?? null,
    notify: [toProvider(v, 'withdrawn', `共享申请已撤回：${label(v)}`)],
  };
}

/** The bureau's urging (督办): the provider is told again, with its deadline. */
export function urging(v: ShareApplicationView, input: ReasonInput): ShareStep {
  const urgedCount = v.urgedCount + 1;
  const due = awaitingDecision(v) === 'renewal' ? v.renewal?.reviewDue : v.reviewDue;
  return {
    set: { urgedCount },
    action: 'urge',
    to: v.state,
    actor: input.actor,
    reason: input.reason ?? null,
    data: { urgedCount },
    notify: [toProvider(v, 'urged', `大数据局督办：请尽快审核${label(v)}${due ? `（期限 ${due.dueDate}）` : ''}`)],
  };
}

/** processes.md P1: a renewal is reviewed as an application is, within share.reviewWd. */
export function renewalRequest(v: ShareApplicationView, input: RenewalInput, ctx: ShareContext): ShareStep {
  const reviewDue = ctx.track(ctx.today, ctx.policy.reviewWd);
  return {
    set: {
      renewal: {
        state: 'pending_review',
        periodMonths: input.periodMonths,
        reason: input.reason,
        requestedBy: input.actor,
        requestedAt: ctx.at,
        reviewDue,
        overdue: false,
        decision: null,
        extension: null,
      },
    },
    action: 'request_renewal',
    to: 'granted',
    actor: input.actor,
    reason: input.reason,
    data: { periodMonths: input.periodMonths, reviewDueDate: reviewDue.dueDate },
    notify: [toProvider(v, 'renewal_requested', `收到续期申请：${label(v)}`)],
  };
}

/** A revoked grant ends the case; a renewal awaiting review falls with it. */
export function revocation(v: ShareApplicationView, input: ReasonInput, ctx: ShareContext): ShareStep {
  const renewalPending = v.renewal?.state === 'pending_review';
  const notify = [toApplicant(v, 'revoked', `共享授权已撤销：${label(v)}`)];
  if (input.actor.agency !== v.providerAgency)
    notify.push(toProvider(v, 'revoked', `大数据局已撤销共享授权：${label(v)}`));
  return {
    set: {
      grant: { ...v.grant!, state: 'revoked', revokedAt: ctx.at, revokedReason: input.reason ?? null },
      ...(v.renewal && renewalPending ? { renewal: { ...v.renewal, state: 'rejected' as const } } : {}),
    },
    action: 'revoke',
    to: 'revoked',
    actor: input.actor,
    reason: input.reason ?? null,
    data: { renewalPendingAtRevocation: renewalPending },
    notify,
  };
}

/** processes.md P2: the objection process's input, carrying the refusal objected to with its legal basis. */
export function objectionInput(
  v: ShareApplicationView,
  input: FileObjectionInput,
  agencyNames: Record<string, string> | undefined,
): ObjectionInput {
  const refusal = v.decision!;
  return {
    id: input.objectionId,
    applicationId: v.id,
    applicantAgency: v.applicantAgency,
    ...(agencyNames ? { agencyNames } : {}),
    providerAgency: v.providerAgency,
    resource: { id: v.resource.id, code: v.resource.code, name: v.resource.name },
    refusal: {
      reason: refusal.reason,
      legalBasis: refusal.legalBasis,
      by: refusal.by,
      at: refusal.at,
      automatic: refusal.automatic ?? false,
    },
    statement: input.statement,
    dutyBasis: input.dutyBasis ?? null,
    filedBy: input.actor,
    policy: input.policy,
  };
}

/** The objection has been started: the case waits for its outcome. */
export function objectionFiled(v: ShareApplicationView, input: FileObjectionInput): ShareStep {
  return {
    set: { objectionId: input.objectionId },
    action: 'file_objection',
    to: 'in_objection',
    actor: input.actor,
    reason: input.statement,
    legalBasis: v.decision!.legalBasis,
    data: { objectionId: input.objectionId },
  };
}

/**
 * processes.md P2: the coordination's outcome is final. An upheld refusal keeps the refusal's legal
 * basis on the final decision and in the audit; an order to share grants as an approval does.
 */
export function objectionOutcome(v: ShareApplicationView, r: ObjectionResolution, ctx: ShareContext): ShareStep {
  const upheld = r.outcome === 'uphold_refusal';
  const decision: DecisionRecord = {
    decision: upheld ? 'reject' : 'approve',
    by: r.decidedBy,
    at: ctx.at,
    reason: r.reasoning,
    legalBasis: upheld ? (v.decision?.legalBasis ?? null) : null,
    conditions: r.conditions ?? null,
    final: true,
  };
  if (upheld)
    return {
      set: { decision, objectionDue: null },
      action: 'objection_upheld_refusal',
      to: 'rejected',
      actor: r.decidedBy,
      reason: r.reasoning,
      legalBasis: decision.legalBasis,
      data: { objectionId: r.objectionId },
      notify: [toApplicant(v, 'objection_resolved', `异议协调结果：维持不予共享：${label(v)}`)],
    };
  return {
    set: { decision, objectionDue: null, grant: newGrant(v, ctx, { conditions: r.conditions ?? null }) },
    action: 'objection_granted',
    to: 'granted',
    actor: r.decidedBy,
    reason: r.reasoning,
    data: { objectionId: r.objectionId, outcome: r.outcome, conditions: r.conditions ?? null },
    notify: [
      toApplicant(v, 'granted', `异议协调结果：予以共享：${label(v)}`),
      toProvider(v, 'objection_resolved', `协调意见要求共享：${label(v)}`),
    ],
  };
}

/** processes.md P1: nothing is approved because time ran out; the case is flagged overdue and stays open. */
export function reviewOverdue(v: ShareApplicationView, ctx: ShareContext): ShareStep {
  return {
    set: { overdue: true },
    action: 'overdue',
    to: v.state,
    actor: systemActor('deadline'),
    reason: `审核期限 ${v.reviewDue?.dueDate} 已过`,
    notify: [
      toProvider(v, 'overdue', `共享申请审核超期（期限 ${v.reviewDue?.dueDate}），请尽快办理：${label(v)}`),
      toBureau('overdue', `共享申请审核超期（督办）：${named(ctx, v.providerAgency)}，${label(v)}`),
    ],
  };
}

/** processes.md P1: no supplement within share.supplementWd closes the case. */
export function supplementLapsed(v: ShareApplicationView): ShareStep {
  return {
    set: { supplementDue: null },
    action: 'close',
    to: 'closed',
    actor: systemActor('deadline'),
    reason: `未于 ${v.supplementDue?.dueDate} 前补正`,
    notify: [
      toApplicant(v, 'closed', `逾期未补正，共享申请已关闭：${label(v)}`),
      toProvider(v, 'closed', `逾期未补正，共享申请已关闭：${label(v)}`),
    ],
  };
}

/**
 * processes.md P1: what a grant waits for, soonest first — the reminder share.expiryReminderDays
 * before it ends, a renewal's review deadline, and the end of the period of use (a renewal still
 * awaiting review falls with it).
 */
export function grantTimers(v: ShareApplicationView, ctx: ShareContext): { at: number; step: ShareStep }[] {
  const g = v.grant!;
  const renewal = v.renewal;
  const deadline = systemActor('deadline');
  const renewalPending = renewal?.state === 'pending_review';
  const timers: { at: number; step: ShareStep }[] = [
    {
      at: Date.parse(g.expiresAt) + 1,
      step: {
        set: {
          grant: { ...g, state: 'expired' },
          ...(renewal && renewalPending ? { renewal: { ...renewal, state: 'rejected' as const } } : {}),
        },
        action: 'expire',
        to: 'expired',
        actor: deadline,
        reason: `使用期限已于 ${g.expiresDate} 届满`,
        data: { renewalPendingAtExpiry: renewalPending },
        notify: [
          toApplicant(v, 'expired', `共享授权已到期：${label(v)}`),
          toProvider(v, 'expired', `对 ${named(ctx, v.applicantAgency)} 的共享授权已到期：${label(v)}`),
        ],
      },
    },
  ];
  if (!g.reminderSent)
    timers.push({
      at: reminderAtMs(g.expiresAt, ctx.policy),
      step: {
        set: { grant: { ...g, reminderSent: true } },
        action: 'expiry_reminder',
        to: 'granted',
        actor: deadline,
        reason: `共享授权将于 ${g.expiresDate} 到期`,
        notify: [
          toApplicant(v, 'expiry_reminder', `共享授权将于 ${g.expiresDate} 到期，如需继续使用请申请续期：${label(v)}`),
        ],
      },
    });
  if (renewal && renewalPending && !renewal.overdue && renewal.reviewDue)
    timers.push({
      at: Date.parse(renewal.reviewDue.dueAt) + 1,
      step: {
        set: { renewal: { ...renewal, overdue: true } },
        action: 'renewal_overdue',
        to: 'granted',
        actor: deadline,
        reason: `续期审核期限 ${renewal.reviewDue.dueDate} 已过`,
        notify: [
          toProvider(v, 'overdue', `续期审核超期，请尽快办理：${label(v)}`),
          toBureau('overdue', `续期审核超期（督办）：${named(ctx, v.providerAgency)}，${label(v)}`),
        ],
      },
    });
  return timers.sort((a, b) => a.at - b.at);
}

/** processes.md P2: no objection within share.objectionWindowWd makes the refusal final. */
export function objectionWindowClosed(v: ShareApplicationView): ShareStep {
  return {
    set: { decision: { ...v.decision!, final: true }, objectionDue: null },
    action: 'objection_window_closed',
    to: 'rejected',
    actor: systemActor('deadline'),
    reason: `未于 ${v.objectionDue?.dueDate} 前提出异议`,
  };
}

/** An objection process that ended with no outcome: the applicant may object again, in a fresh window. */
export function objectionProcessFailed(v: ShareApplicationView, ctx: ShareContext): ShareStep {
  const objectionDue = ctx.track(ctx.today, ctx.policy.objectionWindowWd);
  return {
    set: { objectionId: null, objectionDue },
    action: 'objection_process_failed',
    to: 'rejected',
    actor: systemActor('objection'),
    reason: '异议流程未产生结果即结束',
    notify: [
      toApplicant(v, 'objection_failed', `您的异议未能办理，可于 ${objectionDue.dueDate} 前重新提出：${label(v)}`),
      toBureau('objection_failed', `异议流程异常：${label(v)}`),
    ],
  };
}

/**
 * A published calendar: the deadlines still running move, each recomputed from its rule; a decided
 * review's date stays as it was. `everyDeadline` is how cases older than the local-steps patch
 * recomputed (every deadline, open or not), kept so they replay as they ran. Null when nothing moved.
 */
export function recomputedDeadlines(
  v: ShareApplicationView,
  calendar: CalendarData,
  nowMs: number,
  everyDeadline: boolean,
): { set: Partial<ShareApplicationView>; data: Record<string, unknown> } | null {
  const open = openShareDeadlines(v);
  const again = (d: TrackedDeadline | null): TrackedDeadline | null =>
    everyDeadline
      ? d && trackDeadline({ from: d.from, days: d.days }, calendar)
      : d && open.includes(d)
        ? recomputeOpen(d, calendar, nowMs)
        : d;
  const set: Partial<ShareApplicationView> = {
    reviewDue: again(v.reviewDue),
    supplementDue: again(v.supplementDue),
    objectionDue: again(v.objectionDue),
    ...(v.renewal?.state === 'pending_review'
      ? { renewal: { ...v.renewal, reviewDue: again(v.renewal.reviewDue) } }
      : {}),
  };
  const dates = (x: Partial<ShareApplicationView>) =>
    JSON.stringify([x.reviewDue, x.supplementDue, x.objectionDue, x.renewal?.reviewDue]);
  if (dates({ ...v, ...set }) === dates(v)) return null;
  return {
    set,
    data: {
      reviewDueDate: set.reviewDue?.dueDate ?? null,
      supplementDueDate: set.supplementDue?.dueDate ?? null,
      objectionDueDate: set.objectionDue?.dueDate ?? null,
    },
  };
}
