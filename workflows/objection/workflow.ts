// The objection coordination process (不予共享异议协商), docs/processes.md P2: negotiation between the
// parties, coordination by the bureau, escalation to the municipal government. Started by the
// share application it concerns; its outcome goes back to that workflow as a signal.
import { getExternalWorkflowHandle, log, patched } from '@temporalio/workflow';
import { dueMs, nowIso } from '../common/case.js';
import { openCase } from '../common/kernel.js';
import { objectionResolvedSignal, shareApplicationWorkflowId } from '../share-application/messages.js';
import {
  addMinutesUpdate,
  addStatementUpdate,
  assignUpdate,
  escalateUpdate,
  governmentDecisionUpdate,
  objectionViewQuery,
  registeredUpdate,
  ruleUpdate,
  settleUpdate,
} from './messages.js';
import {
  assignment,
  checkAssignment,
  checkEscalation,
  checkGovernmentDecision,
  checkMinutes,
  checkRuling,
  checkSettlement,
  checkStatement,
  coordinationLapsed,
  escalation,
  filing,
  governmentDecision,
  minutes,
  negotiationLapsed,
  nextDeadline,
  outcomeUndelivered,
  recomputedDeadlines,
  ruling,
  settlement,
  statement,
  statementOverdue,
  type ObjectionContext,
} from './rules.js';
import type { ObjectionInput, ObjectionState, ObjectionView } from './types.js';

/** Cases that hear of a calendar since this patch move only the deadlines still open in their state. */
export const OBJECTION_OPEN_DEADLINES_PATCH = 'objection-open-deadlines';

export async function objectionWorkflow(input: ObjectionInput): Promise<ObjectionView> {
  const v: ObjectionView = {
    id: input.id,
    state: 'negotiating',
    overdue: false,
    version: 0,
    applicationId: input.applicationId,
    applicantAgency: input.applicantAgency,
    providerAgency: input.providerAgency,
    resource: input.resource,
    refusal: input.refusal,
    statement: input.statement,
    dutyBasis: input.dutyBasis,
    filedBy: input.filedBy,
    filedAt: nowIso(),
    coordinator: null,
    negotiationDue: null,
    statementDue: null,
    coordinationDue: null,
    coordinationStartedAt: null,
    statements: [],
    minutes: [],
    escalation: null,
    ruling: null,
    updatedAt: nowIso(),
  };

  const kase = openCase<ObjectionView, ObjectionState>({
    process: 'objection',
    view: () => v,
    logFields: () => ({ caseId: v.id, applicationId: v.applicationId }),
    record: (acts) => acts.recordObjection,
    registering: 'the objection is still being registered',
    closed: () => v.state === 'resolved',
  });
  /** The moment, the policy and the agencies' names, for the next-state functions of rules.ts. */
  const ctx = (): ObjectionContext => ({ ...kase.context(), policy: input.policy, agencyNames: input.agencyNames });

  kase.viewQuery(objectionViewQuery);
  kase.registeredUpdate(registeredUpdate);

  kase.action(
    settleUpdate,
    (i) => checkSettlement(v, i),
    async (i) => (await kase.apply(settlement(v, i, ctx())), v),
  );
  kase.action(
    assignUpdate,
    (i) => checkAssignment(v, i),
    async (i) => (await kase.apply(assignment(v, i, ctx())), v),
  );
  kase.action(
    addStatementUpdate,
    (i) => checkStatement(v, i),
    async (i) => (await kase.apply(statement(v, i, ctx())), v),
  );
  kase.action(
    addMinutesUpdate,
    (i) => checkMinutes(v, i, Date.now()),
    async (i) => (await kase.apply(minutes(v, i, ctx())), v),
  );
  kase.action(
    ruleUpdate,
    (i) => checkRuling(v, i),
    async (i) => (await kase.apply(ruling(v, i, ctx())), v),
  );
  kase.action(
    escalateUpdate,
    (i) => checkEscalation(v, i),
    async (i) => (await kase.apply(escalation(v, i, ctx())), v),
  );
  kase.action(
    governmentDecisionUpdate,
    (i) => checkGovernmentDecision(v, i),
    async (i) => (await kase.apply(governmentDecision(v, i, ctx())), v),
  );

  // Only the deadlines still open move. Older cases recompute as they did when they ran: before the
  // local-steps patch every deadline, passed ones too; before OBJECTION_OPEN_DEADLINES_PATCH every one not passed.
  kase.onCalendar((calendar) => {
    const how = !kase.localSteps ? 'every' : patched(OBJECTION_OPEN_DEADLINES_PATCH) ? 'open' : 'unpassed';
    const moved = recomputedDeadlines(v, calendar, Date.now(), how);
    if (!moved) return null;
    Object.assign(v, moved);
    return {};
  });

  // ---- registration --------------------------------------------------------------------------
  await kase.loadCalendar();
  void kase.apply(filing(v, ctx()));
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines: negotiation lapses to coordination, a late statement is flagged, coordination
  // lapses to the government; the government's decision has no deadline ----------------------------
  let statementFlagged = false;
  // Until the case ends closed: should the database refuse its last step, the case is put back
  // where it was, and the workflow waits on (REOPENED_PATCH).
  for (;;) {
    while (v.state !== 'resolved') {
      await kase.refreshCalendar();
      if (v.state !== 'negotiating' && v.state !== 'coordinating') {
        await kase.changedBefore(null);
        continue;
      }
      const next = nextDeadline(v, statementFlagged);
      if (await kase.changedBefore(next ? dueMs(next.due) : null)) continue;
      if (next?.kind === 'negotiation') await kase.apply(negotiationLapsed(v, ctx()));
      else if (next?.kind === 'statement') {
        statementFlagged = true;
        await kase.apply(statementOverdue(v, ctx()));
      } else await kase.apply(coordinationLapsed(v, ctx()));
      // A case resolved while the calendar was reloading leaves the loop on its next test.
    }
    const endedIn = v.state;
    await kase.recording();
    if (!kase.reopened(endedIn)) break;
  }
  // The outcome goes back to the share application, which ends granted or finally rejected.
  const outcome = v.ruling!;
  try {
    await getExternalWorkflowHandle(shareApplicationWorkflowId(v.applicationId)).signal(objectionResolvedSignal, {
      objectionId: v.id,
      outcome: outcome.outcome,
      conditions: outcome.conditions,
      reasoning: outcome.reasoning,
      decidedBy: outcome.by,
    });
  } catch (error) {
    // The application's process is gone (e.g. terminated by an operator): the ruling stands in the
    // objection's own record and the bureau is told to act on the application by hand.
    log.error('could not deliver the objection outcome to its application', {
      caseId: v.id,
      applicationId: v.applicationId,
      error: String(error),
    });
    await kase.apply(outcomeUndelivered(v));
  }
  await kase.settle();
  return v;
}
