// The conditional open-data request (有条件开放申请), docs/processes.md P3: formal check by the bureau,
// review by the provider, the signed agreement, then supervised access until it ends.
import { patched } from '@temporalio/workflow';
import { dueMs, nowIso } from '../common/case.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import {
  formalCheckUpdate,
  openDecideUpdate,
  openRegisteredUpdate,
  openRevokeUpdate,
  openViewQuery,
  reportUsageUpdate,
  resubmitUpdate,
  signUpdate,
} from './messages.js';
import {
  accessStep,
  accessTimers,
  agreementLapsed,
  checkFormalCheck,
  checkOpenDecision,
  checkOpenRevocation,
  checkResubmission,
  checkSignature,
  checkUsageReport,
  decision,
  decisionOverdue,
  denyListed,
  formalCheck,
  recomputedDeadlines,
  resubmission,
  revocation,
  signature,
  submission,
  usageReport,
  type OpenDataContext,
} from './rules.js';
import { terminalOpenDataStates, type OpenDataRequestInput, type OpenDataState, type OpenDataView } from './types.js';

export async function openDataRequestWorkflow(input: OpenDataRequestInput): Promise<OpenDataView> {
  const v: OpenDataView = {
    id: input.id,
    state: 'formal_check',
    overdue: false,
    version: 0,
    resource: input.resource,
    requester: input.requester,
    request: input.request,
    formalCheckDue: null,
    reviewDue: null,
    agreementDue: null,
    returnedReasons: null,
    resubmissions: 0,
    decision: null,
    agreementVersion: null,
    signature: null,
    activatedAt: null,
    expiresAt: null,
    expiresDate: null,
    nextReportDueAt: null,
    nextReportDueDate: null,
    graceDue: null,
    reports: [],
    warnings: 0,
    revocation: null,
    submittedAt: nowIso(),
    updatedAt: nowIso(),
  };

  const kase = openCase<OpenDataView, OpenDataState>({
    process: 'open-data request',
    view: () => v,
    // The requester appears in logs by mask only.
    logFields: () => ({ caseId: v.id, requester: v.requester.identifierMasked }),
    record: (acts) => acts.recordOpenDataRequest,
    registering: 'the request is still being registered',
    closed: () => terminalOpenDataStates.includes(v.state),
  });
  /** The moment and the policy, for the next-state functions of rules.ts. */
  const ctx = (): OpenDataContext => ({ ...kase.context(), policy: input.policy });

  kase.viewQuery(openViewQuery);
  kase.registeredUpdate(openRegisteredUpdate);

  kase.action(
    formalCheckUpdate,
    (i) => checkFormalCheck(v, i),
    async (i) => (await kase.apply(formalCheck(v, i, ctx())), v),
  );
  kase.action(
    resubmitUpdate,
    (i) => checkResubmission(v, i),
    async (i) => (await kase.apply(resubmission(v, i, ctx())), v),
  );
  kase.action(
    openDecideUpdate,
    (i) => checkOpenDecision(v, i),
    async (i) => (await kase.apply(decision(v, i, ctx())), v),
  );
  kase.action(
    signUpdate,
    (i) => checkSignature(v, i, Date.now()),
    async (i) => (await kase.apply(signature(v, i, ctx(), patched('first-report-due-within-access'))), v),
  );
  kase.action(
    reportUsageUpdate,
    (i) => checkUsageReport(v, i),
    // Cases since this patch never move a report's due date past the end of access.
    async (i) => (await kase.apply(usageReport(v, i, ctx(), patched('report-due-within-access'))), v),
  );
  kase.action(
    openRevokeUpdate,
    (i) => checkOpenRevocation(v, i),
    async (i) => (await kase.apply(revocation(v, i, ctx())), v),
  );

  // Cases older than the local-steps patch recompute passed deadlines too, as they did when they ran.
  kase.onCalendar((calendar) => {
    const moved = recomputedDeadlines(v, calendar, Date.now(), !kase.localSteps);
    if (!moved) return null;
    Object.assign(v, moved);
    return {};
  });

  // ---- registration --------------------------------------------------------------------------
  await kase.loadCalendar();
  const requesterKeys = [input.requester.key, `user:${input.requester.userId}`];
  if (await kase.steps.isDenyListed({ resourceId: input.resource.id, requesterKeys })) {
    for (const step of denyListed(v, input.submittedBy)) void kase.apply(step);
  } else void kase.apply(submission(v, input.submittedBy, ctx()));
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines -----------------------------------------------------------------------------
  const flagged = new Set<string>();
  let remindedFor: string | null = null;

  /** processes.md P3: a missed check or review deadline flags the request once per deadline. */
  async function awaitDecision(due: TrackedDeadline | null): Promise<void> {
    const waitingIn = v.state;
    const key = due ? `${v.state}:${due.dueAt}` : null;
    if (await kase.changedBefore(due && key && !flagged.has(key) ? dueMs(due) : null)) return;
    if (v.state !== waitingIn) return;
    flagged.add(key!);
    await kase.apply(decisionOverdue(v, due!));
  }

  /** processes.md P3 step 4: access ends, or a report is reminded, missed, or its grace period ends. */
  async function awaitAccess(): Promise<void> {
    const next = accessTimers(v, remindedFor, input.policy)[0]!;
    if (await kase.changedBefore(next.at)) return;
    if (next.event === 'report_reminder') remindedFor = v.nextReportDueAt;
    await kase.apply(accessStep(v, next.event, ctx()));
  }

  // Until the case ends closed: should the database refuse its last step, the case is put back
  // where it was, and the workflow waits on (REOPENED_PATCH).
  for (;;) {
    while (!terminalOpenDataStates.includes(v.state)) {
      await kase.refreshCalendar();
      if (v.state === 'formal_check') await awaitDecision(v.formalCheckDue);
      else if (v.state === 'provider_review') await awaitDecision(v.reviewDue);
      else if (v.state === 'awaiting_agreement') {
        if (await kase.changedBefore(dueMs(v.agreementDue))) continue;
        await kase.apply(agreementLapsed(v));
      } else if (v.state === 'active' || v.state === 'suspended') await awaitAccess();
      else if (v.state === 'returned') await kase.changedBefore(null);
    }
    const endedIn = v.state;
    await kase.settle();
    if (!kase.reopened(endedIn)) break;
  }
  return v;
}
