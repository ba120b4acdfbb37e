// The share application (共享申请) process, docs/processes.md P1, as one durable workflow per application.
// Handlers change the case synchronously (so a concurrent second decision is refused by its
// validator) and record every transition, in order, through one activity.
import {
  ApplicationFailure,
  setHandler,
  type ChildWorkflowHandle,
  type Workflow,
  condition,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  startChild,
} from '@temporalio/workflow';
import { objectionWorkflowId } from '../objection/messages.js';
import { dueMs, nowIso } from '../common/case.js';
import { openCase, REOPENED_PATCH } from '../common/kernel.js';
import {
  decideUpdate,
  fileObjectionUpdate,
  objectionResolvedSignal,
  renewUpdate,
  revokeUpdate,
  submittedUpdate,
  supplementUpdate,
  urgeUpdate,
  viewQuery,
  withdrawUpdate,
  type ObjectionResolution,
} from './messages.js';
import {
  checkDecision,
  checkObjection,
  checkRenewal,
  checkRevocation,
  checkSupplement,
  checkUrge,
  checkWithdrawal,
  decision,
  grantTimers,
  isTerminal,
  objectionFiled,
  objectionInput,
  objectionOutcome,
  objectionProcessFailed,
  objectionWindowClosed,
  recomputedDeadlines,
  registration,
  renewalRequest,
  reviewOverdue,
  revocation,
  supplement,
  supplementLapsed,
  urging,
  withdrawal,
  type ShareContext,
} from './rules.js';
import type { ShareApplicationInput, ShareApplicationState, ShareApplicationView } from './types.js';

export async function shareApplicationWorkflow(input: ShareApplicationInput): Promise<ShareApplicationView> {
  const policy = input.policy;

  const v: ShareApplicationView = {
    id: input.id,
    state: 'pending_review',
    overdue: false,
    version: 0,
    applicantAgency: input.applicantAgency,
    providerAgency: input.resource.providerAgency,
    resource: input.resource,
    request: input.request,
    reviewDue: null,
    supplementDue: null,
    objectionDue: null,
    missing: null,
    decision: null,
    extension: null,
    supplements: [],
    renewal: null,
    urgedCount: 0,
    objectionId: null,
    grant: null,
    submittedBy: input.submittedBy,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };

  const kase = openCase<ShareApplicationView, ShareApplicationState>({
    process: 'share application',
    view: () => v,
    logFields: () => ({ caseId: v.id }),
    record: (acts) => acts.recordShareApplication,
    registering: 'the application is still being registered',
    ...(input.calendar ? { calendar: input.calendar } : {}),
  });
  /** The moment, the policy and the agencies' names, for the next-state functions of rules.ts. */
  const ctx = (): ShareContext => ({ ...kase.context(), policy, agencyNames: input.agencyNames });

  // Kept in an object: it is set inside an update handler, which narrowing cannot see.
  const objectionProcess: { handle: ChildWorkflowHandle<Workflow> | null } = { handle: null };

  // ---- queries and updates -------------------------------------------------------------------

  kase.viewQuery(viewQuery);
  kase.registeredUpdate(submittedUpdate);

  kase.action(
    decideUpdate,
    (i) => checkDecision(v, i, policy, Date.now()),
    async (i) => (await kase.apply(decision(v, i, ctx())), v),
  );
  kase.action(
    supplementUpdate,
    (i) => checkSupplement(v, i, Date.now()),
    async (i) => (await kase.apply(supplement(v, i, ctx())), v),
  );
  kase.action(
    withdrawUpdate,
    (i) => checkWithdrawal(v, i),
    async (i) => (await kase.apply(withdrawal(v, i)), v),
  );
  kase.action(
    urgeUpdate,
    (i) => checkUrge(v, i),
    async (i) => (await kase.apply(urging(v, i)), v),
  );
  kase.action(
    renewUpdate,
    (i) => checkRenewal(v, i),
    async (i) => (await kase.apply(renewalRequest(v, i, ctx())), v),
  );
  kase.action(
    revokeUpdate,
    (i) => checkRevocation(v, i),
    async (i) => (await kase.apply(revocation(v, i, ctx())), v),
  );
  kase.action(
    fileObjectionUpdate,
    (i) => checkObjection(v, i, Date.now()),
    async (i) => {
      // Claimed at once, so a concurrent second filing is refused by its validator.
      v.objectionId = i.objectionId;
      // The objection is a workflow of its own; it answers back by signal when resolved.
      try {
        objectionProcess.handle = await startChild('objectionWorkflow', {
          workflowId: objectionWorkflowId(i.objectionId),
          args: [objectionInput(v, i, input.agencyNames)],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      } catch (error) {
        v.objectionId = null;
        throw ApplicationFailure.create({
          type: 'UNAVAILABLE',
          message: `the objection could not be started; retry: ${String(error)}`,
          nonRetryable: true,
          details: [{ state: v.state, errors: [] }],
        });
      }
      try {
        await kase.apply(objectionFiled(v, i));
      } catch (error) {
        // The database refused the filing: the case is back as it was, without an objection (the claim was
        // taken before the step), and the objection started for it is cancelled, so it may be filed again.
        if (v.state !== 'in_objection' && patched(REOPENED_PATCH)) {
          v.objectionId = null;
          objectionProcess.handle = null;
          await getExternalWorkflowHandle(objectionWorkflowId(i.objectionId))
            .cancel()
            .catch(() => undefined);
        }
        throw error;
      }
      return v;
    },
  );

  setHandler(objectionResolvedSignal, async (resolution: ObjectionResolution) => {
    if (!kase.registered() || v.state !== 'in_objection' || v.objectionId !== resolution.objectionId) {
      log.warn('ignoring an objection outcome that does not match this case', {
        caseId: v.id,
        objectionId: resolution.objectionId,
        state: v.state,
      });
      return;
    }
    await kase.apply(objectionOutcome(v, resolution, ctx()));
  });

  // A published calendar moves the deadlines still running; cases older than the local-steps patch
  // recompute every deadline, as they did when they ran.
  kase.onCalendar((calendar) => {
    const moved = recomputedDeadlines(v, calendar, Date.now(), !kase.localSteps);
    if (!moved) return null;
    Object.assign(v, moved.set);
    return { data: moved.data };
  });

  // ---- registration --------------------------------------------------------------------------

  await kase.loadCalendar();
  const check =
    input.resource.shareType === 'unconditional'
      ? (input.precheck ??
        (await kase.steps.precheckShareApplication({
          applicantAgency: input.applicantAgency,
          resourceId: input.resource.id,
          fields: input.request.fields,
        })))
      : { passed: true, problems: [] };
  for (const step of registration(v, input.submittedBy, check, ctx())) void kase.apply(step);
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines: what the case waits for in each state ------------------------------------------

  let flaggedDueAt: string | null = null;
  async function awaitReview(): Promise<void> {
    const due = v.reviewDue;
    if (await kase.changedBefore(due && due.dueAt !== flaggedDueAt ? dueMs(due) : null)) return;
    flaggedDueAt = due!.dueAt;
    await kase.apply(reviewOverdue(v, ctx()));
  }

  async function awaitSupplement(): Promise<void> {
    if (await kase.changedBefore(dueMs(v.supplementDue))) return;
    await kase.apply(supplementLapsed(v));
  }

  async function awaitGrantEnd(): Promise<void> {
    const next = grantTimers(v, ctx())[0]!;
    if (await kase.changedBefore(next.at)) return;
    await kase.apply(next.step);
  }

  /** True when the objection window closed with no objection: the refusal stands. */
  async function awaitObjectionWindow(): Promise<boolean> {
    if (v.decision?.final || !v.objectionDue) return true;
    if (await kase.changedBefore(dueMs(v.objectionDue))) return false;
    // An objection filed just in time is still being started: the window is not closed over it, and the
    // loop waits for the filing's outcome rather than asking again at once.
    if (v.objectionId) {
      if (patched(REOPENED_PATCH)) await condition(() => !v.objectionId || v.state !== 'rejected');
      return false;
    }
    await kase.apply(objectionWindowClosed(v));
    return true;
  }

  /** The outcome arrives by signal; a failed or terminated objection process must not leave the case waiting. */
  async function awaitObjection(): Promise<void> {
    const version = v.version;
    const never = new Promise<never>(() => {});
    const processFailed = objectionProcess.handle
      ? objectionProcess.handle.result().then(
          () => never,
          () => true,
        )
      : never;
    const failed = await Promise.race([condition(() => v.version !== version).then(() => false), processFailed]);
    if (!failed || v.state !== 'in_objection') return;
    log.error('the objection process failed; the applicant may object again', {
      caseId: v.id,
      objectionId: v.objectionId,
    });
    await kase.apply(objectionProcessFailed(v, ctx()));
  }

  // Until the case ends closed: should the database refuse its last step, the case is put back
  // where it was, and the workflow waits on (REOPENED_PATCH).
  for (;;) {
    for (;;) {
      if (isTerminal(v.state)) break;
      await kase.refreshCalendar();
      if (v.state === 'pending_review') await awaitReview();
      else if (v.state === 'awaiting_supplement') await awaitSupplement();
      else if (v.state === 'granted') await awaitGrantEnd();
      else if (v.state === 'rejected') {
        if (await awaitObjectionWindow()) break;
      } else if (v.state === 'in_objection') await awaitObjection();
    }
    const endedIn = v.state;
    await kase.settle();
    if (!kase.reopened(endedIn)) break;
  }
  return v;
}
