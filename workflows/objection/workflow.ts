// The objection coordination process (不予共享异议协商), docs/processes.md P2: negotiation between the
// parties, coordination by the bureau, escalation to the municipal government. Started by the
// share application it concerns; its outcome goes back to that workflow as a signal.
import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { systemActor } from '../common/actors.js';
import { dueMs, nowIso, today } from '../common/case.js';
import { recomputeOpen, type TrackedDeadline } from '../common/deadlines.js';
import { openCase } from '../common/kernel.js';
import { objectionOutcomeLabels, partyLabels } from '../common/glossary.js';
import { objectionResolvedSignal, shareApplicationWorkflowId } from '../share-application/messages.js';
import type { NotificationSpec } from '../common/events.js';
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
  checkAssignment,
  checkEscalation,
  checkGovernmentDecision,
  checkMinutes,
  checkRuling,
  checkSettlement,
  checkStatement,
  partyOf,
  providerHasAnswered,
} from './rules.js';
import type { ObjectionInput, ObjectionState, ObjectionView, RulingRecord } from './types.js';

export async function objectionWorkflow(input: ObjectionInput): Promise<ObjectionView> {
  const policy = input.policy;

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

  const toAgency = (agency: string, kind: string, title: string): NotificationSpec => ({
    audience: 'agency',
    recipient: agency,
    kind,
    title,
  });
  const toBureau = (kind: string, title: string): NotificationSpec => ({
    audience: 'bureau',
    recipient: null,
    kind,
    title,
  });
  const toParties = (kind: string, title: string): NotificationSpec[] => [
    toAgency(v.applicantAgency, kind, title),
    toAgency(v.providerAgency, kind, title),
  ];
  const label = () => `${v.resource.name} (${v.resource.code})`;
  const named = (code: string) => input.agencyNames?.[code] ?? code;

  const kase = openCase<ObjectionView, ObjectionState>({
    process: 'objection',
    view: () => v,
    logFields: () => ({ caseId: v.id, applicationId: v.applicationId }),
    record: (acts) => acts.recordObjection,
    registering: 'the objection is still being registered',
    closed: () => v.state === 'resolved',
  });
  const { transition, track } = kase;

  /** processes.md P2 step 2: coordination starts the provider's statement clock and the coordinator's. */
  function startCoordination(): void {
    v.coordinationStartedAt = nowIso();
    v.statementDue = track(today(), policy.providerStatementWd);
    v.coordinationDue = track(today(), policy.coordinateWd);
  }

  function resolve(ruling: RulingRecord): void {
    v.ruling = ruling;
  }

  kase.viewQuery(objectionViewQuery);
  kase.registeredUpdate(registeredUpdate);

  kase.action(
    settleUpdate,
    (i) => checkSettlement(v, i),
    async (i) => {
      resolve({
        outcome: i.outcome,
        reasoning: 'settled in negotiation: the provider agrees to share',
        conditions: i.conditions ?? null,
        by: i.actor,
        at: nowIso(),
        stage: 'negotiation',
        documentRef: null,
      });
      await transition('settle', 'resolved', i.actor, {
        reason: v.ruling!.reasoning,
        data: { outcome: i.outcome, conditions: i.conditions ?? null },
        notify: [
          ...toParties('objection_settled', `异议经协商一致：${label()}`),
          toBureau('objection_settled', `异议已协商一致：${label()}`),
        ],
      });
      return v;
    },
  );

  kase.action(
    assignUpdate,
    (i) => checkAssignment(v, i),
    async (i) => {
      const wasNegotiating = v.state === 'negotiating';
      const firstCoordinator = v.coordinator === null;
      v.coordinator = i.coordinator;
      if (wasNegotiating) startCoordination();
      await transition(
        wasNegotiating ? 'take_over' : firstCoordinator ? 'assign' : 'reassign',
        'coordinating',
        i.actor,
        {
          data: {
            coordinator: i.coordinator.id,
            statementDueDate: v.statementDue?.dueDate,
            coordinationDueDate: v.coordinationDue?.dueDate,
          },
          notify: [
            ...toParties(
              'objection_coordinating',
              `大数据局受理异议协调：${label()}，协调人 ${i.coordinator.name ?? i.coordinator.id}`,
            ),
            toAgency(
              v.providerAgency,
              'statement_requested',
              `请于 ${v.statementDue?.dueDate} 前向协调人提交陈述：${label()}`,
            ),
          ],
        },
      );
      return v;
    },
  );

  kase.action(
    addStatementUpdate,
    (i) => checkStatement(v, i),
    async (i) => {
      const party = partyOf(v, i.actor)!;
      v.statements = [
        ...v.statements,
        { seq: v.statements.length + 1, by: i.actor, party, text: i.text, at: nowIso() },
      ];
      await transition('statement', v.state, i.actor, {
        reason: i.text,
        data: { party, seq: v.statements.length },
        notify: [
          toAgency(
            party === 'applicant' ? v.providerAgency : v.applicantAgency,
            'objection_statement',
            `${partyLabels[party]}提交了新的陈述：${label()}`,
          ),
        ],
      });
      return v;
    },
  );

  kase.action(
    addMinutesUpdate,
    (i) => checkMinutes(v, i, Date.now()),
    async (i) => {
      v.minutes = [
        ...v.minutes,
        { seq: v.minutes.length + 1, by: i.actor, text: i.text, heldAt: i.heldAt, at: nowIso() },
      ];
      await transition('minutes', 'coordinating', i.actor, {
        reason: i.text,
        data: { heldAt: i.heldAt, seq: v.minutes.length },
      });
      return v;
    },
  );

  kase.action(
    ruleUpdate,
    (i) => checkRuling(v, i),
    async (i) => {
      resolve({
        outcome: i.outcome,
        reasoning: i.reasoning,
        conditions: i.conditions ?? null,
        by: i.actor,
        at: nowIso(),
        stage: 'coordination',
        documentRef: null,
      });
      await transition('rule', 'resolved', i.actor, {
        reason: i.reasoning,
        legalBasis: i.outcome === 'uphold_refusal' ? v.refusal.legalBasis : null,
        data: { outcome: i.outcome, conditions: i.conditions ?? null },
        notify: toParties('objection_ruled', `协调意见：${objectionOutcomeLabels[i.outcome]}：${label()}`),
      });
      return v;
    },
  );

  kase.action(
    escalateUpdate,
    (i) => checkEscalation(v, i),
    async (i) => {
      v.escalation = { reason: i.reason, by: i.actor, at: nowIso(), automatic: false };
      await transition('escalate', 'escalated', i.actor, {
        reason: i.reason,
        notify: [
          ...toParties('objection_escalated', `异议已提请市人民政府统筹协调：${label()}`),
          toBureau('objection_escalated', `已提请市人民政府统筹协调：${label()}`),
        ],
      });
      return v;
    },
  );

  kase.action(
    governmentDecisionUpdate,
    (i) => checkGovernmentDecision(v, i),
    async (i) => {
      resolve({
        outcome: i.outcome,
        reasoning: i.reasoning,
        conditions: i.conditions ?? null,
        by: i.actor,
        at: nowIso(),
        stage: 'government',
        documentRef: i.documentRef ?? null,
      });
      await transition('government_decision', 'resolved', i.actor, {
        reason: i.reasoning,
        data: { outcome: i.outcome, documentRef: i.documentRef ?? null },
        notify: toParties('objection_decided', `市人民政府决定：${objectionOutcomeLabels[i.outcome]}：${label()}`),
      });
      return v;
    },
  );

  kase.onCalendar((calendar) => {
    // Cases older than the local-steps patch recompute passed deadlines too, as they did when they ran.
    const re = (d: TrackedDeadline | null) =>
      kase.localSteps ? recomputeOpen(d, calendar, Date.now()) : d ? track(d.from, d.days) : d;
    const before = JSON.stringify([v.negotiationDue, v.statementDue, v.coordinationDue]);
    v.negotiationDue = re(v.negotiationDue);
    v.statementDue = re(v.statementDue);
    v.coordinationDue = re(v.coordinationDue);
    return JSON.stringify([v.negotiationDue, v.statementDue, v.coordinationDue]) === before ? null : {};
  });

  // ---- registration --------------------------------------------------------------------------
  await kase.loadCalendar();
  v.negotiationDue = track(today(), policy.negotiateWd);
  void transition('file', 'negotiating', input.filedBy, {
    reason: input.statement,
    legalBasis: input.refusal.legalBasis,
    data: { negotiationDueDate: v.negotiationDue.dueDate, dutyBasis: input.dutyBasis },
    notify: [
      toAgency(
        v.providerAgency,
        'objection_filed',
        `申请单位对不予共享提出异议，请于 ${v.negotiationDue.dueDate} 前协商：${label()}`,
      ),
      toBureau('objection_filed', `收到不予共享异议：${label()}`),
    ],
  });
  await kase.recording();
  kase.markRegistered();

  // ---- deadlines -----------------------------------------------------------------------------
  const waitForChange = (atMs: number | null): Promise<boolean> => kase.changedBefore(atMs);
  let statementFlagged = false;

  while (v.state !== 'resolved') {
    await kase.refreshCalendar();
    if (v.state === 'negotiating') {
      if (await waitForChange(dueMs(v.negotiationDue))) continue;
      // processes.md P2: negotiation's deadline passed unsettled; the bureau takes the case.
      startCoordination();
      await transition('negotiation_lapsed', 'coordinating', systemActor('deadline'), {
        reason: `协商期 ${v.negotiationDue?.dueDate} 届满未达成一致`,
        data: { statementDueDate: v.statementDue?.dueDate, coordinationDueDate: v.coordinationDue?.dueDate },
        notify: [
          toBureau('objection_needs_coordinator', `协商期届满未达成一致，请受理协调：${label()}`),
          toAgency(
            v.providerAgency,
            'statement_requested',
            `请于 ${v.statementDue?.dueDate} 前向协调人提交陈述：${label()}`,
          ),
        ],
      });
    } else if (v.state === 'coordinating') {
      const watchStatement = !statementFlagged && !providerHasAnswered(v);
      const timers = [
        ...(watchStatement && v.statementDue ? [{ at: dueMs(v.statementDue)!, kind: 'statement' as const }] : []),
        ...(v.coordinationDue ? [{ at: dueMs(v.coordinationDue)!, kind: 'coordination' as const }] : []),
      ].sort((a, b) => a.at - b.at);
      const next = timers[0] ?? null;
      if (await waitForChange(next?.at ?? null)) continue;
      if (next?.kind === 'statement') {
        // processes.md P2: the provider owes the coordinator a statement within objection.providerStatementWd.
        statementFlagged = true;
        v.overdue = true;
        await transition('statement_overdue', 'coordinating', systemActor('deadline'), {
          reason: `数据提供单位未于 ${v.statementDue?.dueDate} 前提交陈述`,
          notify: [
            toAgency(
              v.providerAgency,
              'overdue',
              `陈述超期：请尽快向协调人提交陈述（期限 ${v.statementDue?.dueDate}）：${label()}`,
            ),
            toBureau('overdue', `数据提供单位陈述超期（督办）：${named(v.providerAgency)}，${label()}`),
          ],
        });
      } else {
        // processes.md P2 step 3: coordination's deadline passed without a ruling: escalate.
        v.overdue = true;
        v.escalation = {
          reason: `协调期 ${v.coordinationDue?.dueDate} 届满未作出协调意见`,
          by: systemActor('deadline'),
          at: nowIso(),
          automatic: true,
        };
        await transition('escalate', 'escalated', systemActor('deadline'), {
          reason: v.escalation.reason,
          notify: [
            ...toParties('objection_escalated', `异议已提请市人民政府统筹协调：${label()}`),
            toBureau('objection_escalated', `协调期限届满，已提请市人民政府：${label()}`),
          ],
        });
      }
    } else if (v.state === 'escalated') {
      // processes.md P2 step 3: the government's decision has no deadline.
      await waitForChange(null);
    }
    // A case resolved while the calendar was reloading leaves the loop on its next test.
  }

  // The outcome goes back to the share application, which ends granted or finally rejected.
  await kase.recording();
  const ruling = v.ruling!;
  try {
    await getExternalWorkflowHandle(shareApplicationWorkflowId(v.applicationId)).signal(objectionResolvedSignal, {
      objectionId: v.id,
      outcome: ruling.outcome,
      conditions: ruling.conditions,
      reasoning: ruling.reasoning,
      decidedBy: ruling.by,
    });
  } catch (error) {
    // The application's process is gone (e.g. terminated by an operator): the ruling stands in the
    // objection's own record and the bureau is told to act on the application by hand.
    log.error('could not deliver the objection outcome to its application', {
      caseId: v.id,
      applicationId: v.applicationId,
      error: String(error),
    });
    await transition('outcome_undelivered', 'resolved', systemActor('objection'), {
      reason: '无法送达共享申请流程',
      notify: [toBureau('objection_outcome_undelivered', `异议结果未能送达共享申请，请人工处理：${label()}`)],
    });
  }
  await kase.settle();
  return v;
}
