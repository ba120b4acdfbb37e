// Pure decisions of the data correction process (docs/processes.md P5). Each names its source.
import {
  actsIn,
  agencyOfViewer,
  bureauRoles,
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
import { isPast, recomputeOpen, trackDeadline } from '../common/deadlines.js';
import { correctionOutcomeLabels } from '../common/glossary.js';
import { toAgency, toBureau, toUser, type Step, type StepContext } from '../common/step.js';
import type { CalendarData } from '../common/working-days.js';
import type { Policy } from '../../policy/index.js';
import type { ExtensionInput, ForwardInput, ReturnInput, VerificationInput } from './messages.js';
import { correctionOutcomes, terminalCorrectionStates, type CorrectionState, type CorrectionView } from './types.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/** processes.md P5: the reporter, the provider, the verifying agency and the bureau see a correction. */
export function canSeeCorrection(
  viewer: Viewer,
  r: { reporterId: string; assignedAgency: string | null; providerAgency: string },
): boolean {
  if (isBureauViewer(viewer) || viewer.sub === r.reporterId) return true;
  const agency = agencyOfViewer(viewer);
  return !!agency && (agency === r.assignedAgency || agency === r.providerAgency);
}

/** processes.md P5: which corrections a viewer's list holds, matching `canSeeCorrection`. */
export function correctionListScope(viewer: Viewer): { reporterId?: string; agency?: string } {
  if (isBureauViewer(viewer)) return {};
  const agency = agencyOfViewer(viewer);
  return { reporterId: viewer.sub, ...(agency ? { agency } : {}) };
}

/**
 * processes.md P5: the role a viewer acts in on a correction: the verifying agency's reviewer, or the
 * bureau's coordinator who routes a returned report by hand.
 */
export function actingRoleOnCorrection(
  viewer: Viewer,
  r: { assignedAgency: string | null },
  allowed: readonly Role[],
): Role | Refusal {
  return pickRole(
    viewer,
    allowed,
    (role) => fitsCorrection(r)({ role, agency: viewer.agency ?? null }),
    () => "only the verifying agency's reviewer does this",
  );
}
/**
 * processes.md P5: the role a report is filed in, when the reporter holds several: the bureau's first,
 * then the agency's, then the public's; whether that role may report on the resource is
 * `checkReporterAccess`'s.
 */
export const reportingRoles: readonly Role[] = [
  'bureau_coordinator',
  'bureau_admin',
  'agency_reviewer',
  'agency_staff',
  'public',
  'assessor',
  'gateway',
];
export const reportingRole = (roles: readonly Role[]): Role => reportingRoles.find((r) => roles.includes(r))!;

/** What a reporter holds of a resource, as the API finds it in the share grants and open-data agreements. */
export interface ReporterAccess {
  /** The reporter acts for an agency (staff or reviewer) that holds an active share grant on the resource. */
  agencyGrant: boolean;
  /** The reporter holds an active conditional-open agreement (有条件开放) on the resource. */
  openAgreement: boolean;
}

/**
 * processes.md P5: anyone with access reports an error in a resource — the bureau, the provider's
 * own people, an agency holding an active share grant, a holder of an active open-data agreement,
 * and anyone at all for data opened unconditionally (无条件开放).
 */
export function checkReporterAccess(
  reporter: { roles: readonly Role[]; agency: string | null },
  resource: { providerAgency: string; openType: string },
  access: ReporterAccess,
): Refusal | null {
  if (reporter.roles.some((r) => bureauRoles.includes(r))) return null;
  const forAgency = reporter.roles.some((r) => r === 'agency_staff' || r === 'agency_reviewer')
    ? reporter.agency
    : null;
  if (forAgency && forAgency === resource.providerAgency) return null;
  if (resource.openType === 'unconditional') return null;
  if (forAgency && access.agencyGrant) return null;
  if (access.openAgreement) return null;
  return refuse(
    'FORBIDDEN',
    'you have no access to this resource: errors are reported by those who hold its data (a share grant, an open-data agreement, or its provider)',
  );
}
/**
 * processes.md P5 (role × action): who may take each action on a correction. The verifying agency's
 * reviewer extends, verifies and returns; the bureau's coordinator routes a returned report by hand.
 */
export const correctionRoles = {
  extend: ['agency_reviewer'],
  verify: ['agency_reviewer'],
  return: ['agency_reviewer'],
  forward: ['bureau_coordinator'],
} as const satisfies ActionRoles<string>;

/** The correction an actor's role fits: a reviewer the verifying agency's; a bureau role any. */
const fitsCorrection =
  (r: { assignedAgency: string | null }) =>
  (a: Pick<Actor, 'role' | 'agency'>): boolean =>
    a.role === 'agency_reviewer' ? !!r.assignedAgency && a.agency === r.assignedAgency : true;

const may = (action: keyof typeof correctionRoles, v: CorrectionView, a: Actor) =>
  actsIn(correctionRoles[action], a, fitsCorrection(v));

/** processes.md P5: one extension to correction.verifyExtendedWd, approved by the provider's head and recorded. */
export function checkExtension(v: CorrectionView, i: ExtensionInput, nowMs: number): Refusal | null {
  if (!may('extend', v, i.actor))
    return refuse('FORBIDDEN', "only the verifying agency's reviewer extends verification");
  if (v.state !== 'verifying')
    return refuse('INVALID_STATE', `the correction is ${v.state}; only verification can be extended`);
  if (v.extension) return refuse('INVALID_STATE', 'verification was already extended once');
  if (v.verifyDue && isPast(v.verifyDue.dueAt, nowMs))
    return refuse('INVALID_STATE', 'the verification deadline has passed');
  const errors = [
    ...(isBlank(i.approvedBy)
      ? [{ path: 'approvedBy', message: "the provider head's approval is recorded by name" }]
      : []),
    ...(isBlank(i.reason) ? [{ path: 'reason', message: 'must not be empty' }] : []),
  ];
  return errors.length ? refuse('VALIDATION_FAILED', 'an extension names who approved it and why', errors) : null;
}

/** processes.md P5: the verifying agency answers corrected, no_change (with reasons) or transferred to the owner. */
export function checkVerification(v: CorrectionView, i: VerificationInput): Refusal | null {
  if (!may('verify', v, i.actor)) return refuse('FORBIDDEN', "only the verifying agency's reviewer verifies");
  if (v.state !== 'verifying')
    return refuse('INVALID_STATE', `the correction is ${v.state}; it awaits no verification`);
  if (!correctionOutcomes.includes(i.outcome))
    return refuse('VALIDATION_FAILED', 'unknown outcome', [{ path: 'outcome', message: 'not an allowed outcome' }]);
  if (isBlank(i.note))
    return refuse('VALIDATION_FAILED', 'a verification gives its note (the reasons, for no_change)', [
      { path: 'note', message: 'must not be empty' },
    ]);
  if (i.outcome === 'transferred') {
    if (isBlank(i.transferTo))
      return refuse('VALIDATION_FAILED', 'a transfer names the agency that owns the data', [
        { path: 'transferTo', message: 'required for transferred' },
      ]);
    if (i.transferTo === v.assignedAgency)
      return refuse('VALIDATION_FAILED', 'a transfer goes to another agency', [
        { path: 'transferTo', message: 'is the verifying agency itself' },
      ]);
    if (isBlank(i.transferredCorrectionId))
      return refuse('VALIDATION_FAILED', 'a transfer needs the id of its new case', [
        { path: 'transferredCorrectionId', message: 'required for transferred' },
      ]);
  }
  return null;
}

/**
 * processes.md P5: the verifying agency that finds a report is not its data, and does not know whose
 * it is, returns it to the bureau with its reasons (a transfer names the owner instead).
 */
export function checkReturn(v: CorrectionView, i: ReturnInput): Refusal | null {
  if (!may('return', v, i.actor))
    return refuse('FORBIDDEN', "only the verifying agency's reviewer returns a report to the bureau");
  if (v.state !== 'verifying')
    return refuse('INVALID_STATE', `the correction is ${v.state}; only a report under verification can be returned`);
  if (isBlank(i.reason))
    return refuse('VALIDATION_FAILED', 'a return says why the data is not yours', [
      { path: 'reason', message: 'must not be empty' },
    ]);
  return null;
}

/**
 * processes.md P5: a returned report is routed by hand by a bureau coordinator, within
 * correction.forwardWd; the verification clock starts again on forwarding.
 */
export function checkForwarding(v: CorrectionView, i: ForwardInput): Refusal | null {
  if (!may('forward', v, i.actor)) return refuse('FORBIDDEN', "only the bureau's coordinator routes a report by hand");
  if (v.state !== 'forwarding' || !v.returned)
    return refuse('INVALID_STATE', `the correction is ${v.state}; it awaits no routing by hand`);
  if (isBlank(i.agency))
    return refuse('VALIDATION_FAILED', 'forwarding names the agency that verifies', [
      { path: 'agency', message: 'must not be empty' },
    ]);
  return null;
}

/** What a person may do on a correction, in the API's words (the endpoints). */
export const correctionActions = ['extend', 'verify', 'return', 'forward'] as const;
export type CorrectionAction = (typeof correctionActions)[number];

/** The actions `actor` may take now: the update validators' own checks, probed with the input still empty. */
export function correctionActionsFor(v: CorrectionView, actor: Actor, nowMs: number): CorrectionAction[] {
  return permitted<CorrectionAction>({
    extend: () => checkExtension(v, { actor, approvedBy: '', reason: '' }, nowMs),
    verify: () => checkVerification(v, { actor, outcome: 'corrected', note: '' }),
    return: () => checkReturn(v, { actor, reason: '' }),
    forward: () => checkForwarding(v, { actor, agency: '' }),
  });
}

/**
 * processes.md P5: a correction waits for the verifying agency's answer by the verification deadline, or,
 * returned, for the bureau's routing by the forwarding deadline.
 */
export function correctionAwaited(v: CorrectionView): Partial<Record<CorrectionAction, Awaited>> {
  if (v.state === 'forwarding') return { forward: { due: v.forwardDue ?? null } };
  return v.state === 'verifying'
    ? { verify: { due: v.verifyDue }, return: { due: v.verifyDue }, extend: { due: v.verifyDue, lapses: true } }
    : {};
}

/** The correction as the work list and the statistics see it. */
export function correctionWork(v: CorrectionView, nowMs: number): CaseWork {
  const parties: Party[] = [
    { role: 'agency_reviewer', agency: v.assignedAgency, userId: null },
    { role: 'bureau_coordinator', agency: null, userId: null },
  ];
  const tasks = tasksOf(
    parties,
    () => correctionAwaited(v),
    (actor) => correctionActionsFor(v, actor, nowMs),
  );
  // The reporter follows the case as a person; their agency is no party (API: only the reporter sees it).
  const agencies = [...new Set([v.assignedAgency, v.resource.providerAgency])];
  return {
    caseType: 'correction',
    caseId: v.id,
    version: v.version,
    state: v.state,
    open: !terminalCorrectionStates.includes(v.state),
    title: v.resource.name,
    resourceName: v.resource.name,
    agencies,
    users: [v.reporter.id],
    // While the bureau routes a returned report by hand, no agency's clock runs.
    respondingAgency: v.state === 'forwarding' ? null : v.assignedAgency,
    due: earliest(tasks.map((t) => t.due)),
    overdue: v.overdue,
    openedAt: v.submittedAt,
    decidedAt: v.outcome?.at ?? null,
    tasks,
    view: v,
  };
}

// ---- next states: what each step does to the case ------------------------------------------------
// The workflow asks these, applies the step and records it (workflows/common/step.ts).

export type CorrectionStep = Step<CorrectionView, CorrectionState>;

/** The moment of a step, with the policy in force and the agencies' names for the notices. */
export interface CorrectionContext extends StepContext {
  policy: Policy['correction'];
  agencyNames?: Record<string, string> | undefined;
}

const label = (v: CorrectionView): string => `${v.resource.name} (${v.resource.code}) 记录 ${v.report.recordRef}`;
const named = (ctx: CorrectionContext, code: string): string => ctx.agencyNames?.[code] ?? code;
const toVerify = (v: CorrectionView, agency: string, dueDate: string) =>
  toAgency(agency, 'correction_to_verify', `请于 ${dueDate} 前核实报告的数据错误：${label(v)}`);

/** processes.md P5: reported, then routed at once to the verifying agency, whose clock starts on forwarding. */
export function registration(v: CorrectionView, ctx: CorrectionContext): CorrectionStep[] {
  const verifyDue = ctx.track(ctx.today, ctx.policy.verifyWd);
  return [
    {
      set: {},
      action: 'report',
      to: 'forwarding',
      actor: v.reporter,
      reason: v.report.description,
      data: { recordRef: v.report.recordRef, field: v.report.field },
    },
    {
      set: { verifyDue },
      action: 'route',
      to: 'verifying',
      actor: systemActor('routing'),
      data: { assignedAgency: v.assignedAgency, verifyDueDate: verifyDue.dueDate, transferredFrom: v.transferredFrom },
      notify: [toVerify(v, v.assignedAgency, verifyDue.dueDate)],
    },
  ];
}

/** processes.md P5: extendable once, to correction.verifyExtendedWd in all, counted from forwarding. */
export function extension(v: CorrectionView, i: ExtensionInput, ctx: CorrectionContext): CorrectionStep {
  const verifyDue = ctx.track(v.verifyDue!.from, ctx.policy.verifyExtendedWd);
  return {
    set: { extension: { approvedBy: i.approvedBy, reason: i.reason, by: i.actor, at: ctx.at }, verifyDue },
    action: 'extend',
    to: 'verifying',
    actor: i.actor,
    reason: i.reason,
    data: { approvedBy: i.approvedBy, verifyDueDate: verifyDue.dueDate },
    notify: [toUser(v.reporter.id, 'verification_extended', `数据纠错核实已延期至 ${verifyDue.dueDate}：${label(v)}`)],
  };
}

/** processes.md P5: the verification's outcome ends the case; the reporter is told, a transfer's owner too. */
export function verification(v: CorrectionView, i: VerificationInput, ctx: CorrectionContext): CorrectionStep {
  const notify = [
    toUser(
      v.reporter.id,
      'correction_result',
      `您报告的数据错误已处理：${correctionOutcomeLabels[i.outcome]}：${label(v)}`,
    ),
  ];
  if (i.outcome === 'transferred')
    notify.push(toAgency(i.transferTo!, 'correction_transferred', `一件数据纠错已转交贵单位核实：${label(v)}`));
  const transfer = { transferTo: i.transferTo ?? null, transferredCorrectionId: i.transferredCorrectionId ?? null };
  return {
    set: { outcome: { outcome: i.outcome, note: i.note, ...transfer, by: i.actor, at: ctx.at } },
    action: 'verify',
    to: i.outcome,
    actor: i.actor,
    reason: i.note,
    data: { outcome: i.outcome, ...transfer },
    notify,
  };
}

/**
 * processes.md P5: not this agency's data, owner unknown — returned to the bureau, which routes it by
 * hand within correction.forwardWd.
 */
export function returned(v: CorrectionView, i: ReturnInput, ctx: CorrectionContext): CorrectionStep {
  const forwardDue = ctx.track(ctx.today, ctx.policy.forwardWd);
  return {
    set: {
      returned: { agency: v.assignedAgency, reason: i.reason, by: i.actor, at: ctx.at },
      forwardDue,
      overdue: false,
    },
    action: 'return',
    to: 'forwarding',
    actor: i.actor,
    reason: i.reason,
    data: { returnedBy: v.assignedAgency, forwardDueDate: forwardDue.dueDate },
    notify: [
      toBureau(
        'correction_to_forward',
        `请于 ${forwardDue.dueDate} 前转交核实单位：${named(ctx, v.assignedAgency)}退回的数据纠错，${label(v)}`,
      ),
    ],
  };
}

/** processes.md P5: the verification clock starts again on forwarding, with an extension of its own. */
export function forwarding(v: CorrectionView, i: ForwardInput, ctx: CorrectionContext): CorrectionStep {
  const verifyDue = ctx.track(ctx.today, ctx.policy.verifyWd);
  return {
    set: { assignedAgency: i.agency, verifyDue, extension: null, overdue: false },
    action: 'forward',
    to: 'verifying',
    actor: i.actor,
    reason: i.note ?? null,
    data: { assignedAgency: i.agency, verifyDueDate: verifyDue.dueDate },
    notify: [toVerify(v, i.agency, verifyDue.dueDate)],
  };
}

/**
 * processes.md P5, as P1: a missed deadline flags the case overdue and it stays open. Missed by the
 * bureau (forwarding), its coordinators are told; missed by the verifying agency, it and the bureau.
 */
export function overdue(v: CorrectionView, due: { dueDate: string }, ctx: CorrectionContext): CorrectionStep {
  const forwarding = v.state === 'forwarding';
  return {
    set: { overdue: true },
    action: 'overdue',
    to: forwarding ? 'forwarding' : 'verifying',
    actor: systemActor('deadline'),
    reason: `${forwarding ? '转交' : '核实'}期限 ${due.dueDate} 已过`,
    notify: forwarding
      ? [toBureau('overdue', `数据纠错转交超期，请尽快转交核实单位：${label(v)}`)]
      : [
          toAgency(v.assignedAgency, 'overdue', `数据纠错核实超期，请尽快办理：${label(v)}`),
          toBureau('overdue', `数据纠错核实超期（督办）：${named(ctx, v.assignedAgency)}，${label(v)}`),
        ],
  };
}

/**
 * A published calendar: the deadline still running moves (the bureau's forwarding deadline while it is
 * back with the bureau, else the verification's). `everyDeadline` is how cases older than the
 * local-steps patch recomputed (a passed verification deadline too). Null when nothing moved.
 */
export function recomputedDeadlines(
  v: CorrectionView,
  calendar: CalendarData,
  nowMs: number,
  everyDeadline: boolean,
): { set: Partial<CorrectionView>; data: Record<string, unknown> } | null {
  if (terminalCorrectionStates.includes(v.state)) return null;
  if (v.state === 'forwarding' && v.forwardDue) {
    const forwardDue = recomputeOpen(v.forwardDue, calendar, nowMs);
    return forwardDue.dueAt === v.forwardDue.dueAt
      ? null
      : { set: { forwardDue }, data: { forwardDueDate: forwardDue.dueDate } };
  }
  if (!v.verifyDue) return null;
  const verifyDue = everyDeadline
    ? trackDeadline({ from: v.verifyDue.from, days: v.verifyDue.days }, calendar)
    : recomputeOpen(v.verifyDue, calendar, nowMs);
  return verifyDue.dueAt === v.verifyDue.dueAt
    ? null
    : { set: { verifyDue }, data: { verifyDueDate: verifyDue.dueDate } };
}
