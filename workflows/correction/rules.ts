// Pure decisions of the data correction process (docs/processes.md P5). Each names its source.
import {
  agencyOfViewer,
  bureauRoles,
  isBureauViewer,
  pickRole,
  refuse,
  type Actor,
  type Refusal,
  type Role,
  type Viewer,
} from '../common/actors.js';
import { isPast } from '../common/deadlines.js';
import type { ExtensionInput, ForwardInput, ReturnInput, VerificationInput } from './messages.js';
import { correctionOutcomes, terminalCorrectionStates, type CorrectionView } from './types.js';
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
    (role) => (role === 'agency_reviewer' ? !!r.assignedAgency && viewer.agency === r.assignedAgency : true),
    () => "only the verifying agency's reviewer does this",
  );
}
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
const isVerifier = (v: CorrectionView, a: Actor) => a.role === 'agency_reviewer' && a.agency === v.assignedAgency;

/** processes.md P5: one extension to correction.verifyExtendedWd, approved by the provider's head and recorded. */
export function checkExtension(v: CorrectionView, i: ExtensionInput, nowMs: number): Refusal | null {
  if (!isVerifier(v, i.actor)) return refuse('FORBIDDEN', "only the verifying agency's reviewer extends verification");
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
  if (!isVerifier(v, i.actor)) return refuse('FORBIDDEN', "only the verifying agency's reviewer verifies");
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
  if (!isVerifier(v, i.actor))
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
  if (i.actor.role !== 'bureau_coordinator')
    return refuse('FORBIDDEN', "only the bureau's coordinator routes a report by hand");
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
