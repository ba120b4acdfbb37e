// The data correction process (数据纠错/异议核实), docs/processes.md P5: routed at once to the verifying
// agency, verified under a working-day deadline (one approved extension), the resource marked
// disputed meanwhile, the reporter told the result. A transfer opens a new case for the owner.
import { ApplicationFailure, condition, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { dueMs, nowIso } from '../common/case.js';
import { openCase } from '../common/kernel.js';
import {
  correctionRegisteredUpdate,
  correctionViewQuery,
  correctionWorkflowId,
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from './messages.js';
import {
  checkExtension,
  checkForwarding,
  checkReturn,
  checkVerification,
  extension,
  forwarding,
  overdue,
  recomputedDeadlines,
  registration,
  returned,
  verification,
  type CorrectionContext,
} from './rules.js';
import { terminalCorrectionStates, type CorrectionInput, type CorrectionState, type CorrectionView } from './types.js';

export async function correctionWorkflow(input: CorrectionInput): Promise<CorrectionView> {
  const policy = input.policy;
  const v: CorrectionView = {
    id: input.id,
    state: 'forwarding',
    overdue: false,
    version: 0,
    resource: input.resource,
    assignedAgency: input.assignedAgency,
    report: input.report,
    reporter: input.reporter,
    transferredFrom: input.transferredFrom,
    verifyDue: null,
    extension: null,
    outcome: null,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };
  const kase = openCase<CorrectionView, CorrectionState>({
    process: 'correction',
    view: () => v,
    logFields: () => ({ caseId: v.id }),
    record: (acts) => acts.recordCorrection,
    registering: 'the correction is still being registered',
    closed: () => terminalCorrectionStates.includes(v.state),
    busy: () => (settling ? 'a verification of this correction is being recorded' : null),
  });
  // True while a transfer's new case is being started: other decisions wait for its outcome.
  let settling = false;
  /** The moment, the policy and the agencies' names, for the next-state functions of rules.ts. */
  const ctx = (): CorrectionContext => ({ ...kase.context(), policy, agencyNames: input.agencyNames });

  kase.viewQuery(correctionViewQuery);
  kase.registeredUpdate(correctionRegisteredUpdate);

  kase.action(
    extendVerificationUpdate,
    (i) => checkExtension(v, i, Date.now()),
    async (i) => (await kase.apply(extension(v, i, ctx())), v),
  );
  kase.action(
    verifyUpdate,
    (i) => checkVerification(v, i),
    async (i) => {
      const step = verification(v, i, ctx());
      v.outcome = step.set.outcome!;
      if (i.outcome === 'transferred') {
        // The owning agency verifies in a case of its own, with its own clock.
        settling = true;
        try {
          await startChild('correctionWorkflow', {
            workflowId: correctionWorkflowId(i.transferredCorrectionId!),
            args: [
              {
                ...input,
                id: i.transferredCorrectionId!,
                assignedAgency: i.transferTo!,
                transferredFrom: { correctionId: v.id, agency: v.assignedAgency },
              },
            ],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        } catch (error) {
          v.outcome = null;
          throw ApplicationFailure.create({
            type: 'UNAVAILABLE',
            message: `the transfer could not be started; retry: ${String(error)}`,
            nonRetryable: true,
            details: [{ state: v.state, errors: [] }],
          });
        } finally {
          settling = false;
        }
      }
      await kase.apply(step);
      return v;
    },
  );
  kase.action(
    returnCorrectionUpdate,
    (i) => checkReturn(v, i),
    async (i) => (await kase.apply(returned(v, i, ctx())), v),
  );
  kase.action(
    forwardCorrectionUpdate,
    (i) => checkForwarding(v, i),
    async (i) => (await kase.apply(forwarding(v, i, ctx())), v),
  );

  // A published calendar moves the deadline still running; cases older than the local-steps patch
  // recompute a passed verification deadline too, as they did when they ran.
  kase.onCalendar((calendar) => {
    const moved = recomputedDeadlines(v, calendar, Date.now(), !kase.localSteps);
    if (!moved) return null;
    Object.assign(v, moved.set);
    return { data: moved.data };
  });

  // ---- registration: reported, then routed at once to the verifying agency ----------------------
  await kase.loadCalendar();
  for (const step of registration(v, ctx())) void kase.apply(step);
  await kase.recording();
  kase.markRegistered();

  let flaggedDueAt: string | null = null;
  // Until the case ends closed: should the database refuse its last step, the case is put back
  // where it was, and the workflow waits on (REOPENED_PATCH).
  for (;;) {
    while (!terminalCorrectionStates.includes(v.state)) {
      // Verifying: the agency's verification deadline; returned to the bureau: its forwarding deadline.
      const due = v.state === 'forwarding' ? (v.forwardDue ?? null) : v.verifyDue;
      if (await kase.changedBefore(due && due.dueAt !== flaggedDueAt ? dueMs(due) : null)) continue;
      if (settling) {
        // A transfer is being recorded; its outcome decides whether the deadline still matters.
        await condition(() => !settling);
        continue;
      }
      if (v.state !== 'forwarding' && v.state !== 'verifying') continue;
      flaggedDueAt = due!.dueAt;
      await kase.apply(overdue(v, due!, ctx()));
    }
    const endedIn = v.state;
    await kase.settle();
    if (!kase.reopened(endedIn)) break;
  }
  return v;
}
