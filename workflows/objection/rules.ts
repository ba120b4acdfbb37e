// Pure decisions of the objection coordination process (docs/processes.md P2). Each names its source.
import { pickRole, refuse, type Actor, type Refusal, type Role, type Viewer } from '../common/actors.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import type {
  AssignmentInput,
  EscalationInput,
  GovernmentDecisionInput,
  MinutesInput,
  RulingInput,
  SettlementInput,
  StatementInput,
} from './messages.js';
import { objectionOutcomes, settlementOutcomes, type ObjectionView } from './types.js';

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
const fromParty = (v: ObjectionView, a: Actor): boolean =>
  !!a.agency && (a.agency === v.applicantAgency || a.agency === v.providerAgency);
const badOutcome = (outcome: string, allowed: readonly string[]): Refusal | null =>
  allowed.includes(outcome)
    ? null
    : refuse('VALIDATION_FAILED', `outcome must be one of ${allowed.join(', ')}`, [
        { path: 'outcome', message: 'not an allowed outcome' },
      ]);
const agencyRoles = ['agency_staff', 'agency_reviewer'];

/** The party an actor speaks for, if any: staff or reviewer of the applicant or of the provider. */
export function partyOf(v: ObjectionView, a: Actor): 'applicant' | 'provider' | null {
  if (!agencyRoles.includes(a.role) || !a.agency) return null;
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
  if (!(input.actor.role === 'agency_reviewer' && input.actor.agency === v.providerAgency))
    return refuse('FORBIDDEN', "only the provider's reviewer settles an objection");
  if (v.state !== 'negotiating')
    return refuse('INVALID_STATE', `the objection is ${v.state}; settlement belongs to negotiation`);
  return badOutcome(input.outcome, settlementOutcomes) ?? needsConditions(input.outcome, input.conditions);
}

/** processes.md P2 step 2: a bureau coordinator takes the case, never one from either agency. */
export function checkAssignment(v: ObjectionView, input: AssignmentInput): Refusal | null {
  if (input.actor.role !== 'bureau_coordinator')
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
  if (!partyOf(v, input.actor)) return refuse('FORBIDDEN', 'only the applicant or the provider makes statements');
  if (v.state === 'resolved') return refuse('INVALID_STATE', 'the objection is resolved');
  if (isBlank(input.text))
    return refuse('VALIDATION_FAILED', 'a statement needs text', [{ path: 'text', message: 'must not be empty' }]);
  return null;
}

// The acting person is checked again: an assignment by id cannot know the assignee's agency.
const isAssignedCoordinator = (v: ObjectionView, a: Actor) =>
  a.role === 'bureau_coordinator' && v.coordinator?.id === a.id && !fromParty(v, a);

/** processes.md P2 step 2: only the assigned coordinator records consultation minutes. */
export function checkMinutes(v: ObjectionView, input: MinutesInput, nowMs: number): Refusal | null {
  if (!isAssignedCoordinator(v, input.actor))
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
  if (!isAssignedCoordinator(v, input.actor)) return refuse('FORBIDDEN', 'only the assigned coordinator rules');
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
  if ((input.actor.role !== 'bureau_coordinator' && input.actor.role !== 'bureau_admin') || fromParty(v, input.actor))
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
  if (input.actor.role !== 'bureau_admin' || fromParty(v, input.actor))
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
