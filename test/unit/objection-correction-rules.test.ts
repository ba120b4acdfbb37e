// processes.md P2 (不予共享异议协商) and P5 (数据纠错) as their rules.ts state them: who may take which
// action in which state, and what each action needs. Table-driven: each row is one rule.
import { describe, expect, it } from 'vitest';
import type { Actor, Refusal } from '../../workflows/common/actors.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import {
  checkExtension,
  checkForwarding,
  checkReporterAccess,
  checkReturn,
  checkVerification,
  correctionActionsFor,
} from '../../workflows/correction/rules.js';
import type { CorrectionState, CorrectionView } from '../../workflows/correction/types.js';
import {
  checkAssignment,
  checkEscalation,
  checkGovernmentDecision,
  checkMinutes,
  checkRuling,
  checkSettlement,
  checkStatement,
  objectionActionsFor,
  objectionFlags,
  providerHasAnswered,
} from '../../workflows/objection/rules.js';
import type { ObjectionState, ObjectionView } from '../../workflows/objection/types.js';

const A = 'APP';
const P = 'PRV';
const NOW = Date.parse('2026-03-03T02:00:00Z');
const staffA: Actor = { id: 'staff-a', role: 'agency_staff', agency: A };
const reviewerP: Actor = { id: 'rev-p', role: 'agency_reviewer', agency: P };
const reviewerO: Actor = { id: 'rev-o', role: 'agency_reviewer', agency: 'OTH' };
const coordinator: Actor = { id: 'coord-1', role: 'bureau_coordinator', agency: null };
const otherCoordinator: Actor = { id: 'coord-2', role: 'bureau_coordinator', agency: null };
const admin: Actor = { id: 'admin-1', role: 'bureau_admin', agency: null };
const code = (r: Refusal | null) => r?.code ?? 'ok';

const objection = (state: ObjectionState, o: Partial<ObjectionView> = {}): ObjectionView => ({
  id: 'obj-1',
  state,
  overdue: false,
  version: 1,
  applicationId: 'app-1',
  applicantAgency: A,
  providerAgency: P,
  resource: { id: 'res-1', code: 'R', name: '数据' },
  refusal: {
    reason: '涉密',
    legalBasis: '《数据安全法》',
    by: reviewerP,
    at: '2026-03-01T02:00:00Z',
    automatic: false,
  },
  statement: '履职需要',
  dutyBasis: null,
  filedBy: staffA,
  filedAt: '2026-03-02T02:00:00Z',
  coordinator: state === 'coordinating' || state === 'escalated' ? coordinator : null,
  negotiationDue: null,
  statementDue: null,
  coordinationDue: null,
  coordinationStartedAt: state === 'negotiating' ? null : '2026-03-02T03:00:00Z',
  statements: [],
  minutes: [],
  escalation: null,
  ruling: null,
  updatedAt: '2026-03-02T03:00:00Z',
  ...o,
});

describe('P2 rules: who may act, in which state', () => {
  it.each<[string, ObjectionState, Actor, string[]]>([
    ['the provider settles in negotiation, or states', 'negotiating', reviewerP, ['settle', 'statement']],
    ['the applicant states in negotiation', 'negotiating', staffA, ['statement']],
    ['a coordinator takes the case in negotiation', 'negotiating', coordinator, ['assign']],
    ["a third agency's reviewer does nothing", 'coordinating', reviewerO, []],
    [
      'the assigned coordinator records minutes, rules, escalates and may hand over',
      'coordinating',
      coordinator,
      ['assign', 'minutes', 'rule', 'escalate'],
    ],
    [
      'another coordinator may take over or escalate, but not rule',
      'coordinating',
      otherCoordinator,
      ['assign', 'escalate'],
    ],
    ['an admin may escalate coordination', 'coordinating', admin, ['escalate']],
    ["an admin records the government's decision", 'escalated', admin, ['government_decision']],
    ['nothing is left once resolved', 'resolved', admin, []],
  ])('%s', (_, state, actor, actions) => {
    expect(objectionActionsFor(objection(state), actor, NOW)).toEqual(actions);
  });
});

describe('P2 rules: what each action needs', () => {
  const fromProvider: Actor = { id: 'coord-p', role: 'bureau_coordinator', agency: P };
  it.each<[string, () => Refusal | null, string]>([
    [
      'a conditional settlement states its conditions',
      () => checkSettlement(objection('negotiating'), { actor: reviewerP, outcome: 'conditional_share' }),
      'VALIDATION_FAILED',
    ],
    [
      'a settlement to share needs nothing more',
      () => checkSettlement(objection('negotiating'), { actor: reviewerP, outcome: 'share' }),
      'ok',
    ],
    [
      'settlement belongs to negotiation',
      () => checkSettlement(objection('coordinating'), { actor: reviewerP, outcome: 'share' }),
      'INVALID_STATE',
    ],
    [
      'a coordinator from a party is refused',
      () => checkAssignment(objection('negotiating'), { actor: coordinator, coordinator: fromProvider }),
      'FORBIDDEN',
    ],
    [
      'the same coordinator is not assigned twice',
      () => checkAssignment(objection('coordinating'), { actor: coordinator, coordinator }),
      'INVALID_STATE',
    ],
    [
      'a statement has text',
      () => checkStatement(objection('coordinating'), { actor: staffA, text: ' ' }),
      'VALIDATION_FAILED',
    ],
    [
      'minutes are of a consultation already held',
      () =>
        checkMinutes(
          objection('coordinating'),
          { actor: coordinator, text: '会议', heldAt: '2026-03-04T02:00:00Z' },
          NOW,
        ),
      'VALIDATION_FAILED',
    ],
    [
      'a ruling gives its reasoning',
      () => checkRuling(objection('coordinating'), { actor: coordinator, outcome: 'share', reasoning: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'a ruling to uphold the refusal stands with reasoning',
      () =>
        checkRuling(objection('coordinating'), {
          actor: coordinator,
          outcome: 'uphold_refusal',
          reasoning: '理由成立',
        }),
      'ok',
    ],
    [
      'an escalation gives its reason',
      () => checkEscalation(objection('coordinating'), { actor: coordinator, reason: '' }),
      'VALIDATION_FAILED',
    ],
    [
      "only escalated cases get the government's decision",
      () => checkGovernmentDecision(objection('coordinating'), { actor: admin, outcome: 'share', reasoning: '统筹' }),
      'INVALID_STATE',
    ],
  ])('%s', (_, check, expected) => {
    expect(code(check())).toBe(expected);
  });

  it.each<[string, ObjectionView['statements'], boolean]>([
    ['the provider has not answered while it said nothing', [], false],
    [
      'a statement made before coordination began is not the answer',
      [{ seq: 1, by: reviewerP, party: 'provider', text: 't', at: '2026-03-02T02:30:00Z' }],
      false,
    ],
    [
      'a statement after it is',
      [{ seq: 1, by: reviewerP, party: 'provider', text: 't', at: '2026-03-02T04:00:00Z' }],
      true,
    ],
    [
      "the applicant's statement is not the provider's",
      [{ seq: 1, by: staffA, party: 'applicant', text: 't', at: '2026-03-02T04:00:00Z' }],
      false,
    ],
  ])('%s', (_, statements, answered) => {
    expect(providerHasAnswered(objection('coordinating', { statements }))).toBe(answered);
  });
});

const correction = (state: CorrectionState, o: Partial<CorrectionView> = {}): CorrectionView => ({
  id: 'cor-1',
  state,
  overdue: false,
  version: 2,
  resource: { id: 'res-1', code: 'R', name: '数据', providerAgency: P },
  assignedAgency: P,
  report: {
    recordRef: 'REC-1',
    field: 'name',
    currentValue: '张三',
    claimedValue: '张叁',
    description: '错',
    evidence: '',
  },
  reporter: { id: 'citizen-1', role: 'public', agency: null },
  transferredFrom: null,
  verifyDue: trackDeadline({ from: '2026-03-02', days: 5 }, {}),
  extension: null,
  outcome: null,
  submittedAt: '2026-03-02T02:00:00Z',
  updatedAt: '2026-03-02T02:00:00Z',
  ...o,
});
const returnedCorrection = () =>
  correction('forwarding', {
    returned: { agency: P, reason: '非本单位数据', by: reviewerP, at: '2026-03-03T01:00:00Z' },
    forwardDue: trackDeadline({ from: '2026-03-03', days: 2 }, {}),
  });

describe('P5 rules', () => {
  it.each<[string, CorrectionView, Actor, string[]]>([
    [
      "the verifying agency's reviewer extends, verifies or returns",
      correction('verifying'),
      reviewerP,
      ['extend', 'verify', 'return'],
    ],
    [
      'once extended, it verifies or returns',
      correction('verifying', {
        extension: { approvedBy: '主任', reason: 'r', by: reviewerP, at: '2026-03-03T01:00:00Z' },
      }),
      reviewerP,
      ['verify', 'return'],
    ],
    ['another agency does nothing', correction('verifying'), reviewerO, []],
    ['a coordinator does nothing while an agency verifies', correction('verifying'), coordinator, []],
    ['returned, a coordinator forwards it', returnedCorrection(), coordinator, ['forward']],
    ['returned, the agency that returned it does nothing', returnedCorrection(), reviewerP, []],
    ['returned, an admin does not route it', returnedCorrection(), admin, []],
    ['nothing is left once verified', correction('corrected'), reviewerP, []],
  ])('%s', (_, view, actor, actions) => {
    expect(correctionActionsFor(view, actor, NOW)).toEqual(actions);
  });

  it.each<[string, () => Refusal | null, string]>([
    [
      'an extension names the head who approved it',
      () => checkExtension(correction('verifying'), { actor: reviewerP, approvedBy: '', reason: 'r' }, NOW),
      'VALIDATION_FAILED',
    ],
    [
      'an extension comes before the deadline',
      () =>
        checkExtension(
          correction('verifying'),
          { actor: reviewerP, approvedBy: '主任', reason: 'r' },
          Date.parse('2026-03-20T02:00:00Z'),
        ),
      'INVALID_STATE',
    ],
    [
      'a verification gives its note',
      () => checkVerification(correction('verifying'), { actor: reviewerP, outcome: 'no_change', note: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'a transfer names the owning agency',
      () =>
        checkVerification(correction('verifying'), {
          actor: reviewerP,
          outcome: 'transferred',
          note: 'n',
          transferredCorrectionId: 'x',
        }),
      'VALIDATION_FAILED',
    ],
    [
      'a transfer goes to another agency',
      () =>
        checkVerification(correction('verifying'), {
          actor: reviewerP,
          outcome: 'transferred',
          note: 'n',
          transferTo: P,
          transferredCorrectionId: 'x',
        }),
      'VALIDATION_FAILED',
    ],
    [
      'a transfer to the owner stands',
      () =>
        checkVerification(correction('verifying'), {
          actor: reviewerP,
          outcome: 'transferred',
          note: 'n',
          transferTo: 'OWN',
          transferredCorrectionId: 'x',
        }),
      'ok',
    ],
    [
      'a corrected case is not verified again',
      () => checkVerification(correction('corrected'), { actor: reviewerP, outcome: 'corrected', note: 'n' }),
      'INVALID_STATE',
    ],
    [
      'a return says why',
      () => checkReturn(correction('verifying'), { actor: reviewerP, reason: ' ' }),
      'VALIDATION_FAILED',
    ],
    [
      'a return with its reasons stands',
      () => checkReturn(correction('verifying'), { actor: reviewerP, reason: '非本单位数据' }),
      'ok',
    ],
    [
      'another agency does not return it',
      () => checkReturn(correction('verifying'), { actor: reviewerO, reason: 'r' }),
      'FORBIDDEN',
    ],
    [
      'a report routed at once awaits no forwarding',
      () => checkForwarding(correction('forwarding'), { actor: coordinator, agency: 'OWN' }),
      'INVALID_STATE',
    ],
    [
      'forwarding names the agency',
      () => checkForwarding(returnedCorrection(), { actor: coordinator, agency: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'forwarding a returned report stands',
      () => checkForwarding(returnedCorrection(), { actor: coordinator, agency: 'OWN' }),
      'ok',
    ],
  ])('%s', (_, check, expected) => {
    expect(code(check())).toBe(expected);
  });
});

describe('P5 rules: who may report an error in a resource', () => {
  const none = { agencyGrant: false, openAgreement: false };
  const conditionalOpen = { providerAgency: P, openType: 'conditional' };
  const openToAll = { providerAgency: P, openType: 'unconditional' };
  it.each([
    ['a citizen, data opened to all', { roles: ['public'], agency: null }, openToAll, none, 'ok'],
    ['a citizen without an agreement', { roles: ['public'], agency: null }, conditionalOpen, none, 'FORBIDDEN'],
    [
      'a citizen with an active agreement',
      { roles: ['public'], agency: null },
      conditionalOpen,
      { ...none, openAgreement: true },
      'ok',
    ],
    ["the provider's staff", { roles: ['agency_staff'], agency: P }, conditionalOpen, none, 'ok'],
    ["the provider's reviewer", { roles: ['agency_reviewer'], agency: P }, conditionalOpen, none, 'ok'],
    [
      'staff of another agency without a grant',
      { roles: ['agency_staff'], agency: A },
      conditionalOpen,
      none,
      'FORBIDDEN',
    ],
    [
      'staff of an agency holding a grant',
      { roles: ['agency_staff'], agency: A },
      conditionalOpen,
      { ...none, agencyGrant: true },
      'ok',
    ],
    // A grant is an agency's: it counts only for someone acting for an agency.
    [
      'an assessor, a grant found for no agency',
      { roles: ['assessor'], agency: A },
      conditionalOpen,
      { ...none, agencyGrant: true },
      'FORBIDDEN',
    ],
    ['a bureau coordinator', { roles: ['bureau_coordinator'], agency: null }, conditionalOpen, none, 'ok'],
    ['a bureau admin', { roles: ['bureau_admin'], agency: null }, conditionalOpen, none, 'ok'],
  ] as const)('%s → %s', (_who, reporter, resource, access, expected) => {
    expect(code(checkReporterAccess({ roles: [...reporter.roles], agency: reporter.agency }, resource, access))).toBe(
      expected,
    );
  });
});

describe('P2 derived flags', () => {
  const provisional = trackDeadline({ from: '2026-03-02', days: 5 }, {});
  const published = trackDeadline({ from: '2026-03-02', days: 5 }, { 2026: { holidays: [], workdays: [] } });
  it.each([
    ['a running deadline on a provisional calendar', 'negotiating', provisional, true],
    ['a running deadline on a published calendar', 'negotiating', published, false],
    ['a resolved objection, whatever its old deadlines', 'resolved', provisional, false],
  ] as const)('%s: deadlineProvisional %s', (_what, state, due, expected) => {
    expect(provisional.provisional).toBe(true);
    expect(objectionFlags(objection(state, { negotiationDue: due })).deadlineProvisional).toBe(expected);
  });
});
