// Pure decisions of the objection coordination process (docs/processes.md P2). Each names its source.
import {
  actsIn,
  agencyRoles,
  pickRole,
  refuse,
  systemActor,
  type ActionRoles,
  type Actor,
  type Refusal,
  type Role,
  type Viewer,
} from '../common/actors.js';
import { recomputeOpen, trackDeadline, type TrackedDeadline } from '../common/deadlines.js';
import type { NotificationSpec } from '../common/events.js';
import { objectionOutcomeLabels, partyLabels } from '../common/glossary.js';
import { toAgency, toBureau, type Step, type StepContext } from '../common/step.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type { CalendarData } from '../common/working-days.js';
import type { Policy } from '../../policy/index.js';
import type {
  AssignmentInput,
  EscalationInput,
  GovernmentDecisionInput,
  MinutesInput,
  RulingInput,
  SettlementInput,
  StatementInput,
} from './messages.js';
import {
  objectionOutcomes,
  settlementOutcomes,
  type ObjectionState,
  type ObjectionView,
  type RulingRecord,
} from './types.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
const fromParty = (v: ObjectionView, a: Actor): boolean =>
  !!a.agency && (a.agency === v.applicantAgency || a.agency === v.providerAgency);
const badOutcome = (outcome: string, allowed: readonly string[]): Refusal | null =>
  allowed.includes(outcome)
    ? null
    : refuse('VALIDATION_FAILED', `outcome must be one of ${allowed.join(', ')}`, [
        { path: 'outcome', message: 'not an allowed outcome' },
      ]);

/**
 * processes.md P2 (role × action): who may take each action on an objection. The parties act as staff
 * or reviewers of their agency; a bureau role acts only when it is not from either agency, and minutes
 * and the ruling belong to the assigned coordinator alone.
 */
export const objectionRoles = {
  settle: ['agency_reviewer'],
  assign: ['bureau_coordinator'],
  statement: ['agency_staff', 'agency_reviewer'],
  minutes: ['bureau_coordinator'],
  rule: ['bureau_coordinator'],
  escalate: ['bureau_coordinator', 'bureau_admin'],
  governmentDecision: ['bureau_admin'],
} as const satisfies ActionRoles<string>;

/** The party an actor speaks for, if any: staff or reviewer of the applicant or of the provider. */
export function partyOf(v: ObjectionView, a: Actor): 'applicant' | 'provider' | null {
  if (a.role === 'system' || !agencyRoles.includes(a.role) || !a.agency) return null;
  if (a.agency === v.applicantAgency) return 'applicant';
  if (a.agency === v.providerAgency) return 'provider';
  return null;
}

/**
 * processes.md P2: a settlement or ruling to share on conditions states them. The route checks it as it
 * reads the body, the workflow's validators through `checkSettlement` and `checkRuling`.
 */
export const conditionsProblem = (b: {
  outcome: string;
  conditions?: string | null | undefined;
}): { path: string; message: string } | null =>
  b.outcome === 'conditional_share' && isBlank(b.conditions)
    ? { path: 'conditions', message: 'required for conditional_share' }
    : null;

const needsConditions = (outcome: string, conditions: string | null | undefined): Refusal | null => {
  const problem = conditionsProblem({ outcome, conditions });
  return problem ? refuse('VALIDATION_FAILED', 'a conditional share states its conditions', [problem]) : null;
};

/**
 * processes.md P2: the role a viewer acts in on an objection: staff or a reviewer of either party (the
 * validators then tell the applicant's part from the provider's), or a bureau role.
 */
export function actingRoleOnObjection(
  viewer: Viewer,
  c: { applicantAgency: string; providerAgency: string },
  allowed: readonly Role[],
): Role | Refusal {
  const party = viewer.agency === c.applicantAgency || viewer.agency === c.providerAgency;
  return pickRole(
    viewer,
    allowed,
    (r) => (r === 'agency_staff' || r === 'agency_reviewer' ? party : true),
    () => 'only the two agencies of the objection may do this',
  );
}

/** processes.md P2 step 1: the provider may settle in negotiation by agreeing to share. */
export function checkSettlement(v: ObjectionView, input: SettlementInput): Refusal | null {
  if (!actsIn(objectionRoles.settle, input.actor, (a) => a.agency === v.providerAgency))
    return refuse('FORBIDDEN', "only the provider's reviewer settles an objection");
  if (v.state !== 'negotiating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; settlement belongs to negotiation`);
  return badOutcome(input.outcome, settlementOutcomes) ?? needsConditions(input.outcome, input.conditions);
}

/** processes.md P2 step 2: a bureau coordinator takes the case, never one from either agency. */
export function checkAssignment(v: ObjectionView, input: AssignmentInput): Refusal | null {
  if (!actsIn(objectionRoles.assign, input.actor))
    return refuse('FORBIDDEN', 'only a bureau coordinator assigns a coordinator');
  const conflicted = [input.actor, input.coordinator].some((a) => fromParty(v, a));
  if (conflicted) return refuse('FORBIDDEN', 'the coordinator may not come from either agency');
  if (v.state !== 'negotiating' && v.state !== 'coordinating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; only negotiation or coordination can be assigned`);
  if (v.state === 'coordinating' && v.coordinator?.id === input.coordinator.id)
    return refuse('INVALID_STATE', `${input.coordinator.id} is already the assigned coordinator`);
  return null;
}

/** processes.md P2: either party may make statements while the case is open; they are immutable. */
export function checkStatement(v: ObjectionView, input: StatementInput): Refusal | null {
  if (!actsIn(objectionRoles.statement, input.actor, (a) => !!partyOf(v, a)))
    return refuse('FORBIDDEN', 'only the applicant or the provider makes statements');
  if (v.state === 'resolved') return refuse('INVALID_STATE', 'the objection is resolved');
  if (isBlank(input.text))
    return refuse('VALIDATION_FAILED', 'a statement needs text', [{ path: 'text', message: 'must not be empty' }]);
  return null;
}

// The acting person is checked again: an assignment by id cannot know the assignee's agency.
const isAssignedCoordinator = (v: ObjectionView, a: Actor, roles: readonly Role[]) =>
  actsIn(roles, a, () => v.coordinator?.id === a.id && !fromParty(v, a));

/** processes.md P2 step 2: only the assigned coordinator records consultation minutes. */
export function checkMinutes(v: ObjectionView, input: MinutesInput, nowMs: number): Refusal | null {
  if (!isAssignedCoordinator(v, input.actor, objectionRoles.minutes))
    return refuse('FORBIDDEN', 'only the assigned coordinator records minutes');
  if (v.state !== 'coordinating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; minutes belong to coordination`);
  if (isBlank(input.text))
    return refuse('VALIDATION_FAILED', 'minutes need text', [{ path: 'text', message: 'must not be empty' }]);
  if (Number.isNaN(Date.parse(input.heldAt)) || Date.parse(input.heldAt) > nowMs + 5 * 60_000) {
    return refuse('VALIDATION_FAILED', 'heldAt is when the consultation took place', [
      { path: 'heldAt', message: 'must be a past instant' },
    ]);
  }
  return null;
}

/** processes.md P2 step 2: only the assigned coordinator rules, with reasoning. */
export function checkRuling(v: ObjectionView, input: RulingInput): Refusal | null {
  if (!isAssignedCoordinator(v, input.actor, objectionRoles.rule))
    return refuse('FORBIDDEN', 'only the assigned coordinator rules');
  if (v.state !== 'coordinating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; a ruling belongs to coordination`);
  if (isBlank(input.reasoning))
    return refuse('VALIDATION_FAILED', 'a ruling gives its reasoning', [
      { path: 'reasoning', message: 'must not be empty' },
    ]);
  return badOutcome(input.outcome, objectionOutcomes) ?? needsConditions(input.outcome, input.conditions);
}

/** processes.md P2 step 3: when coordination fails the bureau escalates to the municipal government. */
export function checkEscalation(v: ObjectionView, input: EscalationInput): Refusal | null {
  if (!actsIn(objectionRoles.escalate, input.actor, (a) => !fromParty(v, a)))
    return refuse('FORBIDDEN', 'only the bureau escalates an objection');
  if (v.state !== 'coordinating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; only coordination is escalated`);
  if (isBlank(input.reason))
    return refuse('VALIDATION_FAILED', 'an escalation gives its reason', [
      { path: 'reason', message: 'must not be empty' },
    ]);
  return null;
}

/** processes.md P2 step 3: a bureau admin records the municipal government's decision (市人民政府统筹协调). */
export function checkGovernmentDecision(v: ObjectionView, input: GovernmentDecisionInput): Refusal | null {
  if (!actsIn(objectionRoles.governmentDecision, input.actor, (a) => !fromParty(v, a)))
    return refuse('FORBIDDEN', "only a bureau admin records the government's decision");
  if (v.state !== 'escalated')
    return refuse('INVALID_STATE', `the objection is ${v.state}; the government decides escalated cases`);
  if (isBlank(input.reasoning))
    return refuse('VALIDATION_FAILED', 'the decision gives its reasoning', [
      { path: 'reasoning', message: 'must not be empty' },
    ]);
  // The government's conditions may live in its document (documentRef); they are not required here.
  return badOutcome(input.outcome, objectionOutcomes);
}

/** processes.md P2: the derived flags the read model shows: a deadline still running on a provisional calendar. */
export function objectionFlags(v: ObjectionView): { deadlineProvisional: boolean } {
  const deadlines = [v.negotiationDue, v.statementDue, v.coordinationDue];
  return { deadlineProvisional: v.state !== 'resolved' && deadlines.some((d) => d?.provisional) };
}

/** processes.md P2 step 2: the provider owes the coordinator a statement made after coordination began. */
export function providerHasAnswered(v: ObjectionView): boolean {
  return (
    !!v.coordinationStartedAt && v.statements.some((s) => s.party === 'provider' && s.at >= v.coordinationStartedAt!)
  );
}

/** What a person may do on an objection, in the API's words (the endpoints). */
export const objectionActions = [
  'settle',
  'assign',
  'statement',
  'minutes',
  'rule',
  'escalate',
  'government_decision',
] as const;
export type ObjectionAction = (typeof objectionActions)[number];

/** The actions `actor` may take now: the update validators' own checks, probed with the input still empty. */
export function objectionActionsFor(v: ObjectionView, actor: Actor, nowMs: number): ObjectionAction[] {
  return permitted<ObjectionAction>({
    settle: () => checkSettlement(v, { actor, outcome: 'share', conditions: null }),
    // Taking the case oneself, or (for the coordinator who has it) handing it to another.
    assign: () =>
      checkAssignment(v, {
        actor,
        coordinator:
          v.coordinator?.id === actor.id
            ? { id: '(another coordinator)', role: 'bureau_coordinator', agency: null }
            : actor,
      }),
    statement: () => checkStatement(v, { actor, text: '' }),
    minutes: () => checkMinutes(v, { actor, text: '', heldAt: '' }, nowMs),
    rule: () => checkRuling(v, { actor, outcome: 'share', reasoning: '' }),
    escalate: () => checkEscalation(v, { actor, reason: '' }),
    government_decision: () => checkGovernmentDecision(v, { actor, outcome: 'share', reasoning: '' }),
  });
}

/**
 * processes.md P2: what the objection waits for — the provider's settlement while negotiation lasts; in
 * coordination a coordinator (until one takes it), the provider's statement to the coordinator, and
 * the coordinator's minutes and ruling; once escalated, the government's decision as recorded by an admin.
 */
export function objectionAwaited(v: ObjectionView, party: Party): Partial<Record<ObjectionAction, Awaited>> {
  if (v.state === 'negotiating') return { settle: { due: v.negotiationDue, lapses: true } };
  if (v.state === 'coordinating') {
    if (!v.coordinator) return { assign: { due: v.coordinationDue } };
    const providerOwesStatement = party.agency === v.providerAgency && !providerHasAnswered(v);
    return {
      minutes: { due: v.coordinationDue },
      rule: { due: v.coordinationDue },
      ...(providerOwesStatement ? { statement: { due: v.statementDue } } : {}),
    };
  }
  if (v.state === 'escalated') return { government_decision: { due: null } };
  return {};
}

/** The objection as the work list and the statistics see it. */
export function objectionWork(v: ObjectionView, nowMs: number): CaseWork {
  const parties: Party[] = [
    { role: 'agency_reviewer', agency: v.providerAgency, userId: null },
    { role: 'agency_staff', agency: v.providerAgency, userId: null },
    { role: 'bureau_coordinator', agency: null, userId: v.coordinator?.id ?? null },
    { role: 'bureau_admin', agency: null, userId: null },
  ];
  const tasks = tasksOf(
    parties,
    (party) => objectionAwaited(v, party),
    (actor) => objectionActionsFor(v, actor, nowMs),
  );
  return {
    caseType: 'objection',
    caseId: v.id,
    version: v.version,
    state: v.state,
    open: v.state !== 'resolved',
    title: v.resource.name,
    resourceName: v.resource.name,
    agencies: [v.applicantAgency, v.providerAgency],
    users: v.coordinator ? [v.coordinator.id] : [],
    respondingAgency: v.providerAgency,
    due: earliest(tasks.map((t) => t.due)),
    overdue: v.overdue,
    openedAt: v.filedAt,
    decidedAt: v.ruling?.at ?? null,
    tasks,
    view: v,
  };
}

// ---- next states: what each step does to the case ------------------------------------------------
// The workflow asks these, applies the step and records it (workflows/common/step.ts).

export type ObjectionStep = Step<ObjectionView, ObjectionState>;

/** The moment of a step, with the policy in force and the agencies' names for the notices. */
export interface ObjectionContext extends StepContext {
  policy: Policy['objection'];
  agencyNames?: Record<string, string> | undefined;
}

const label = (v: ObjectionView): string => `${v.resource.name} (${v.resource.code})`;
const named = (ctx: ObjectionContext, code: string): string => ctx.agencyNames?.[code] ?? code;
const toParties = (v: ObjectionView, kind: string, title: string): NotificationSpec[] => [
  toAgency(v.applicantAgency, kind, title),
  toAgency(v.providerAgency, kind, title),
];
const statementRequested = (v: ObjectionView, dueDate: string | undefined): NotificationSpec =>
  toAgency(v.providerAgency, 'statement_requested', `请于 ${dueDate} 前向协调人提交陈述：${label(v)}`);
const escalatedNotices = (v: ObjectionView, bureauTitle: string): NotificationSpec[] => [
  ...toParties(v, 'objection_escalated', `异议已提请市人民政府统筹协调：${label(v)}`),
  toBureau('objection_escalated', bureauTitle),
];

/** processes.md P2 step 2: coordination starts the provider's statement clock and the coordinator's. */
const coordinationClocks = (ctx: ObjectionContext): Partial<ObjectionView> => ({
  coordinationStartedAt: ctx.at,
  statementDue: ctx.track(ctx.today, ctx.policy.providerStatementWd),
  coordinationDue: ctx.track(ctx.today, ctx.policy.coordinateWd),
});

const ruled = (
  i: { outcome: RulingRecord['outcome']; conditions?: string | null | undefined; actor: Actor },
  reasoning: string,
  stage: RulingRecord['stage'],
  ctx: ObjectionContext,
  documentRef: string | null = null,
): RulingRecord => ({
  outcome: i.outcome,
  reasoning,
  conditions: i.conditions ?? null,
  by: i.actor,
  at: ctx.at,
  stage,
  documentRef,
});

/** processes.md P2 step 1: filed against a refusal; the parties negotiate within objection.negotiateWd. */
export function filing(v: ObjectionView, ctx: ObjectionContext): ObjectionStep {
  const negotiationDue = ctx.track(ctx.today, ctx.policy.negotiateWd);
  return {
    set: { negotiationDue },
    action: 'file',
    to: 'negotiating',
    actor: v.filedBy,
    reason: v.statement,
    legalBasis: v.refusal.legalBasis,
    data: { negotiationDueDate: negotiationDue.dueDate, dutyBasis: v.dutyBasis },
    notify: [
      toAgency(
        v.providerAgency,
        'objection_filed',
        `申请单位对不予共享提出异议，请于 ${negotiationDue.dueDate} 前协商：${label(v)}`,
      ),
      toBureau('objection_filed', `收到不予共享异议：${label(v)}`),
    ],
  };
}

/** processes.md P2 step 1: the provider agrees to share; the objection is resolved in negotiation. */
export function settlement(v: ObjectionView, i: SettlementInput, ctx: ObjectionContext): ObjectionStep {
  const ruling = ruled(i, 'settled in negotiation: the provider agrees to share', 'negotiation', ctx);
  return {
    set: { ruling },
    action: 'settle',
    to: 'resolved',
    actor: i.actor,
    reason: ruling.reasoning,
    data: { outcome: i.outcome, conditions: i.conditions ?? null },
    notify: [
      ...toParties(v, 'objection_settled', `异议经协商一致：${label(v)}`),
      toBureau('objection_settled', `异议已协商一致：${label(v)}`),
    ],
  };
}

/**
 * processes.md P2 step 2: a coordinator takes the case from negotiation (the coordination clocks
 * start), is assigned to it, or replaces the one assigned (the clocks run on).
 */
export function assignment(v: ObjectionView, i: AssignmentInput, ctx: ObjectionContext): ObjectionStep {
  const wasNegotiating = v.state === 'negotiating';
  const clocks = wasNegotiating ? coordinationClocks(ctx) : {};
  const statementDue = clocks.statementDue ?? v.statementDue;
  const coordinationDue = clocks.coordinationDue ?? v.coordinationDue;
  return {
    set: { coordinator: i.coordinator, ...clocks },
    action: wasNegotiating ? 'take_over' : v.coordinator === null ? 'assign' : 'reassign',
    to: 'coordinating',
    actor: i.actor,
    data: {
      coordinator: i.coordinator.id,
      statementDueDate: statementDue?.dueDate,
      coordinationDueDate: coordinationDue?.dueDate,
    },
    notify: [
      ...toParties(
        v,
        'objection_coordinating',
        `大数据局受理异议协调：${label(v)}，协调人 ${i.coordinator.name ?? i.coordinator.id}`,
      ),
      statementRequested(v, statementDue?.dueDate),
    ],
  };
}

/** processes.md P2: a party's statement is appended (never changed); the other party is told. */
export function statement(v: ObjectionView, i: StatementInput, ctx: ObjectionContext): ObjectionStep {
  const party = partyOf(v, i.actor)!;
  const seq = v.statements.length + 1;
  return {
    set: { statements: [...v.statements, { seq, by: i.actor, party, text: i.text, at: ctx.at }] },
    action: 'statement',
    to: v.state,
    actor: i.actor,
    reason: i.text,
    data: { party, seq },
    notify: [
      toAgency(
        party === 'applicant' ? v.providerAgency : v.applicantAgency,
        'objection_statement',
        `${partyLabels[party]}提交了新的陈述：${label(v)}`,
      ),
    ],
  };
}

/** processes.md P2 step 2: the coordinator's minutes of a consultation are appended. */
export function minutes(v: ObjectionView, i: MinutesInput, ctx: ObjectionContext): ObjectionStep {
  const seq = v.minutes.length + 1;
  return {
    set: { minutes: [...v.minutes, { seq, by: i.actor, text: i.text, heldAt: i.heldAt, at: ctx.at }] },
    action: 'minutes',
    to: 'coordinating',
    actor: i.actor,
    reason: i.text,
    data: { heldAt: i.heldAt, seq },
  };
}

/** processes.md P2 step 2: the coordinator's ruling resolves the case; upholding the refusal keeps its legal basis. */
export function ruling(v: ObjectionView, i: RulingInput, ctx: ObjectionContext): ObjectionStep {
  return {
    set: { ruling: ruled(i, i.reasoning, 'coordination', ctx) },
    action: 'rule',
    to: 'resolved',
    actor: i.actor,
    reason: i.reasoning,
    legalBasis: i.outcome === 'uphold_refusal' ? v.refusal.legalBasis : null,
    data: { outcome: i.outcome, conditions: i.conditions ?? null },
    notify: toParties(v, 'objection_ruled', `协调意见：${objectionOutcomeLabels[i.outcome]}：${label(v)}`),
  };
}

/** processes.md P2 step 3: the bureau escalates a failed coordination to the municipal government. */
export function escalation(v: ObjectionView, i: EscalationInput, ctx: ObjectionContext): ObjectionStep {
  return {
    set: { escalation: { reason: i.reason, by: i.actor, at: ctx.at, automatic: false } },
    action: 'escalate',
    to: 'escalated',
    actor: i.actor,
    reason: i.reason,
    notify: escalatedNotices(v, `已提请市人民政府统筹协调：${label(v)}`),
  };
}

/** processes.md P2 step 3: the municipal government's decision (市人民政府统筹协调), as a bureau admin records it. */
export function governmentDecision(v: ObjectionView, i: GovernmentDecisionInput, ctx: ObjectionContext): ObjectionStep {
  return {
    set: { ruling: ruled(i, i.reasoning, 'government', ctx, i.documentRef ?? null) },
    action: 'government_decision',
    to: 'resolved',
    actor: i.actor,
    reason: i.reasoning,
    data: { outcome: i.outcome, documentRef: i.documentRef ?? null },
    notify: toParties(v, 'objection_decided', `市人民政府决定：${objectionOutcomeLabels[i.outcome]}：${label(v)}`),
  };
}

/** processes.md P2: negotiation's deadline passed unsettled; the bureau takes the case. */
export function negotiationLapsed(v: ObjectionView, ctx: ObjectionContext): ObjectionStep {
  const clocks = coordinationClocks(ctx);
  return {
    set: clocks,
    action: 'negotiation_lapsed',
    to: 'coordinating',
    actor: systemActor('deadline'),
    reason: `协商期 ${v.negotiationDue?.dueDate} 届满未达成一致`,
    data: { statementDueDate: clocks.statementDue?.dueDate, coordinationDueDate: clocks.coordinationDue?.dueDate },
    notify: [
      toBureau('objection_needs_coordinator', `协商期届满未达成一致，请受理协调：${label(v)}`),
      statementRequested(v, clocks.statementDue?.dueDate),
    ],
  };
}

/** processes.md P2: the provider owes the coordinator a statement within objection.providerStatementWd. */
export function statementOverdue(v: ObjectionView, ctx: ObjectionContext): ObjectionStep {
  return {
    set: { overdue: true },
    action: 'statement_overdue',
    to: 'coordinating',
    actor: systemActor('deadline'),
    reason: `数据提供单位未于 ${v.statementDue?.dueDate} 前提交陈述`,
    notify: [
      toAgency(
        v.providerAgency,
        'overdue',
        `陈述超期：请尽快向协调人提交陈述（期限 ${v.statementDue?.dueDate}）：${label(v)}`,
      ),
      toBureau('overdue', `数据提供单位陈述超期（督办）：${named(ctx, v.providerAgency)}，${label(v)}`),
    ],
  };
}

/** processes.md P2 step 3: coordination's deadline passed without a ruling: the case escalates by itself. */
export function coordinationLapsed(v: ObjectionView, ctx: ObjectionContext): ObjectionStep {
  const reason = `协调期 ${v.coordinationDue?.dueDate} 届满未作出协调意见`;
  const by = systemActor('deadline');
  return {
    set: { overdue: true, escalation: { reason, by, at: ctx.at, automatic: true } },
    action: 'escalate',
    to: 'escalated',
    actor: by,
    reason,
    notify: escalatedNotices(v, `协调期限届满，已提请市人民政府：${label(v)}`),
  };
}

/** The share application's process is gone: the ruling stands here and the bureau acts on the application by hand. */
export function outcomeUndelivered(v: ObjectionView): ObjectionStep {
  return {
    set: {},
    action: 'outcome_undelivered',
    to: 'resolved',
    actor: systemActor('objection'),
    reason: '无法送达共享申请流程',
    notify: [toBureau('objection_outcome_undelivered', `异议结果未能送达共享申请，请人工处理：${label(v)}`)],
  };
}

/**
 * processes.md P2: the next deadline the objection waits for — negotiation's; in coordination the
 * provider's statement (until answered or flagged) and the coordinator's, whichever comes first; none
 * once escalated (the government's decision has no deadline).
 */
export function nextDeadline(
  v: ObjectionView,
  statementFlagged: boolean,
): { due: TrackedDeadline; kind: 'negotiation' | 'statement' | 'coordination' } | null {
  if (v.state === 'negotiating') return v.negotiationDue ? { due: v.negotiationDue, kind: 'negotiation' } : null;
  if (v.state !== 'coordinating') return null;
  const watchStatement = !statementFlagged && !providerHasAnswered(v);
  const timers = [
    ...(watchStatement && v.statementDue ? [{ due: v.statementDue, kind: 'statement' as const }] : []),
    ...(v.coordinationDue ? [{ due: v.coordinationDue, kind: 'coordination' as const }] : []),
  ].sort((a, b) => Date.parse(a.due.dueAt) - Date.parse(b.due.dueAt));
  return timers[0] ?? null;
}

/**
 * processes.md P2: the deadlines still open in the objection's state — negotiation's while it lasts; in
 * coordination the provider's statement (until it has answered) and the coordinator's; none after.
 */
export function openObjectionDeadlines(v: ObjectionView): ('negotiationDue' | 'statementDue' | 'coordinationDue')[] {
  if (v.state === 'negotiating') return ['negotiationDue'];
  if (v.state === 'coordinating')
    return providerHasAnswered(v) ? ['coordinationDue'] : ['statementDue', 'coordinationDue'];
  return [];
}

/**
 * A published calendar: the objection's deadlines still open and not passed move. How older cases
 * recomputed: `every` (before the local-steps patch: every deadline, passed ones too) or `unpassed`
 * (before OBJECTION_OPEN_DEADLINES_PATCH: every deadline not passed, open or not). Null when nothing moved.
 */
export function recomputedDeadlines(
  v: ObjectionView,
  calendar: CalendarData,
  nowMs: number,
  how: 'open' | 'unpassed' | 'every' = 'open',
): Partial<ObjectionView> | null {
  const open = openObjectionDeadlines(v);
  const re = (key: 'negotiationDue' | 'statementDue' | 'coordinationDue') => {
    const d = v[key];
    if (!d) return d;
    if (how === 'every') return trackDeadline({ from: d.from, days: d.days }, calendar);
    return how === 'unpassed' || open.includes(key) ? recomputeOpen(d, calendar, nowMs) : d;
  };
  const set = {
    negotiationDue: re('negotiationDue'),
    statementDue: re('statementDue'),
    coordinationDue: re('coordinationDue'),
  };
  const before = [v.negotiationDue, v.statementDue, v.coordinationDue];
  return JSON.stringify(Object.values(set)) === JSON.stringify(before) ? null : set;
}
