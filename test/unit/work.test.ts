// What each case lets each person do now, and what it waits for from whom (the work list):
// computed from the same checks the update validators run. Tables per process.
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import type { TrackedDeadline } from '../../workflows/common/deadlines.js';
import { actionsOfPerson, earliest, permitted, tasksOf } from '../../workflows/common/work.js';
import {
  agencyAssessmentActionsFor,
  agencyAssessmentWork,
  cycleActionsFor,
  cycleWork,
  publicationWaitsFor,
} from '../../workflows/assessment/rules.js';
import { workItemOf } from '../../api/routes/work-items.js';
import type { CaseRow } from '../../db/queries/case.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import type { AgencyAssessmentView, CycleView } from '../../workflows/assessment/types.js';
import { correctionActionsFor, correctionWork } from '../../workflows/correction/rules.js';
import type { CorrectionView } from '../../workflows/correction/types.js';
import { objectionActionsFor, objectionWork } from '../../workflows/objection/rules.js';
import type { ObjectionView } from '../../workflows/objection/types.js';
import { checkUsageReport, openDataActionsFor, openDataWork } from '../../workflows/open-data-request/rules.js';
import type { OpenDataView } from '../../workflows/open-data-request/types.js';
import { shareActions, shareActionsFor, shareApplicationWork } from '../../workflows/share-application/rules.js';
import type { ShareApplicationView } from '../../workflows/share-application/types.js';

const A = 'AG-APPLICANT';
const P = 'AG-PROVIDER';
const O = 'AG-OTHER';
const staffA: Actor = { id: 'u-staff-a', role: 'agency_staff', agency: A };
const reviewerA: Actor = { id: 'u-rev-a', role: 'agency_reviewer', agency: A };
const staffP: Actor = { id: 'u-staff-p', role: 'agency_staff', agency: P };
const reviewerP: Actor = { id: 'u-rev-p', role: 'agency_reviewer', agency: P };
const reviewerO: Actor = { id: 'u-rev-o', role: 'agency_reviewer', agency: O };
const coordinator: Actor = { id: 'u-coord', role: 'bureau_coordinator', agency: 'BUREAU' };
const admin: Actor = { id: 'u-admin', role: 'bureau_admin', agency: 'BUREAU' };
const citizen: Actor = { id: 'u-citizen', role: 'public', agency: null };
const stranger: Actor = { id: 'u-stranger', role: 'public', agency: null };
const assessor: Actor = { id: 'u-assessor', role: 'assessor', agency: null };

const due = (dueDate: string, from = '2026-03-02', days = 10): TrackedDeadline => ({
  from,
  days,
  dueDate,
  dueAt: `${dueDate}T15:59:59.999Z`,
  provisional: false,
});
/** 10:00 local on 2026-03-10, inside every window below that ends later. */
const NOW = Date.parse('2026-03-10T02:00:00.000Z');
const AFTER = Date.parse('2026-04-20T02:00:00.000Z');

describe('permitted', () => {
  it('keeps an action whose check refuses only missing input, drops forbidden and wrong-state ones', () => {
    expect(
      permitted({
        a: () => null,
        b: () => ({ code: 'VALIDATION_FAILED', message: 'needs a reason' }),
        c: () => ({ code: 'FORBIDDEN', message: 'not yours' }),
        d: () => ({ code: 'INVALID_STATE', message: 'too late' }),
      }),
    ).toEqual(['a', 'b']);
  });

  it('gives a person with several roles each action once, in the process order', () => {
    const person = { sub: 'u', roles: ['bureau_admin', 'bureau_coordinator'] as const, agency: 'BUREAU' };
    expect(actionsOfPerson(person, ['x', 'y', 'z'], (a) => (a.role === 'bureau_admin' ? ['z', 'x'] : ['x']))).toEqual([
      'x',
      'z',
    ]);
  });

  it('takes the earliest deadline, and none from none', () => {
    expect(earliest([null, due('2026-03-20'), due('2026-03-16'), undefined])?.dueDate).toBe('2026-03-16');
    expect(earliest([])).toBeNull();
  });

  it('writes a task only for parties the checks permit, lapsing only when every awaited action is a window', () => {
    const tasks = tasksOf(
      [
        { role: 'agency_staff', agency: A, userId: null },
        { role: 'bureau_admin', agency: null, userId: null },
      ],
      () => ({ a: { due: due('2026-03-16'), lapses: true }, b: { due: due('2026-03-20') } }),
      (actor) => (actor.role === 'agency_staff' ? ['a', 'c'] : []),
    );
    expect(tasks).toEqual([
      {
        role: 'agency_staff',
        agency: A,
        userId: null,
        actions: ['a'],
        due: due('2026-03-16'),
        lapsesAt: '2026-03-16T15:59:59.999Z',
      },
    ]);
  });
});

// ---- P1 --------------------------------------------------------------------------------------

const share = (o: Partial<ShareApplicationView> = {}): ShareApplicationView => ({
  id: 'app-1',
  state: 'pending_review',
  overdue: false,
  version: 1,
  applicantAgency: A,
  providerAgency: P,
  resource: {
    id: 'res-1',
    code: 'R',
    name: '人口基础信息',
    providerAgency: P,
    shareType: 'conditional',
    legalBasis: '《数据安全法》',
    fields: ['name', 'id'],
  },
  request: {
    fields: ['name'],
    purpose: 'p',
    dutyBasis: 'd',
    usageScope: 's',
    periodMonths: 6,
    deliveryMethod: 'api',
    securityMeasures: null,
  },
  reviewDue: due('2026-03-16'),
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
  submittedBy: staffA,
  submittedAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...o,
});
const grant = {
  id: 'g',
  state: 'active' as const,
  fields: ['name'],
  conditions: null,
  grantedAt: '2026-03-10T02:00:00.000Z',
  expiresAt: '2026-09-10T15:59:59.999Z',
  expiresDate: '2026-09-10',
  reminderSent: false,
  revokedAt: null,
  revokedReason: null,
};
const supplement = { by: staffA, at: '2026-03-05T02:00:00.000Z', note: 'n', missing: ['x'], changes: {} };

describe('share application (P1) actions', () => {
  const cases: [string, ShareApplicationView, number, [Actor, string[]][]][] = [
    [
      'awaiting review',
      share(),
      NOW,
      [
        [reviewerP, ['approve', 'reject', 'request_supplement', 'extend']],
        [staffA, ['withdraw']],
        [coordinator, ['urge']],
        [staffP, []],
        [reviewerA, []],
        [reviewerO, []],
        [admin, []],
        [citizen, []],
      ],
    ],
    [
      'awaiting review after one supplement (一次性告知)',
      share({ supplements: [supplement] }),
      NOW,
      [[reviewerP, ['approve', 'reject', 'extend']]],
    ],
    [
      'past its review deadline',
      share({ overdue: true }),
      AFTER,
      [
        [reviewerP, ['approve', 'reject', 'request_supplement']],
        [coordinator, ['urge']],
      ],
    ],
    [
      'already extended once',
      share({ extension: { by: reviewerP, at: '2026-03-05T02:00:00.000Z', reason: 'r', extendWd: 5 } }),
      NOW,
      [[reviewerP, ['approve', 'reject', 'request_supplement']]],
    ],
    [
      'awaiting a supplement',
      share({ state: 'awaiting_supplement', reviewDue: null, supplementDue: due('2026-03-24') }),
      NOW,
      [
        [staffA, ['supplement', 'withdraw']],
        [reviewerP, []],
        [coordinator, []],
      ],
    ],
    [
      'awaiting a supplement, too late',
      share({ state: 'awaiting_supplement', reviewDue: null, supplementDue: due('2026-03-24') }),
      AFTER,
      [[staffA, ['withdraw']]],
    ],
    [
      'granted',
      share({ state: 'granted', reviewDue: null, grant }),
      NOW,
      [
        [staffA, ['renew', 'credential']],
        [reviewerP, ['revoke']],
        [admin, ['revoke']],
        [coordinator, []],
      ],
    ],
    [
      'granted with a renewal under review',
      share({
        state: 'granted',
        reviewDue: null,
        grant,
        renewal: {
          state: 'pending_review',
          periodMonths: 6,
          reason: 'r',
          requestedBy: staffA,
          requestedAt: '2026-03-09T02:00:00.000Z',
          reviewDue: due('2026-03-23'),
          overdue: false,
          decision: null,
          extension: null,
        },
      }),
      NOW,
      [
        [reviewerP, ['approve', 'reject', 'extend', 'revoke']],
        [staffA, ['credential']],
        [coordinator, ['urge']],
      ],
    ],
    [
      'rejected, objection window open',
      share({ state: 'rejected', reviewDue: null, objectionDue: due('2026-03-31') }),
      NOW,
      [
        [staffA, ['object']],
        [reviewerP, []],
      ],
    ],
    [
      'rejected, objection window closed',
      share({ state: 'rejected', reviewDue: null, objectionDue: due('2026-03-31') }),
      AFTER,
      [[staffA, []]],
    ],
    [
      'withdrawn',
      share({ state: 'withdrawn', reviewDue: null }),
      NOW,
      [
        [staffA, []],
        [reviewerP, []],
        [coordinator, []],
        [admin, []],
      ],
    ],
  ];
  for (const [name, v, now, rows] of cases) {
    it.each(rows.map(([actor, actions]) => [`${actor.role}@${actor.agency}`, actor, actions] as const))(
      `${name}: %s may %j`,
      (_who, actor, actions) => {
        expect(shareActionsFor(v, actor, defaultPolicy.share, now)).toEqual(actions);
      },
    );
  }
});

describe('share application (P1) work', () => {
  it('awaits the provider reviewer by the review deadline, and the bureau only once it has passed', () => {
    const w = shareApplicationWork(share(), defaultPolicy.share, NOW);
    expect(w).toMatchObject({
      caseType: 'share-application',
      caseId: 'app-1',
      state: 'pending_review',
      open: true,
      title: '人口基础信息',
      agencies: [A, P],
      respondingAgency: P,
      decidedAt: null,
    });
    expect(w.tasks).toEqual([
      {
        role: 'agency_reviewer',
        agency: P,
        userId: null,
        actions: ['approve', 'reject', 'request_supplement', 'extend'],
        due: due('2026-03-16'),
        lapsesAt: null,
      },
    ]);
    expect(w.due?.dueDate).toBe('2026-03-16');
    const late = shareApplicationWork(share({ overdue: true }), defaultPolicy.share, AFTER);
    expect(late.tasks.map((t) => [t.role, t.actions])).toEqual([
      ['agency_reviewer', ['approve', 'reject', 'request_supplement']],
      ['bureau_coordinator', ['urge']],
    ]);
    expect(late.overdue).toBe(true);
  });

  it('awaits the applicant within the supplement window, and the window lapses with it', () => {
    const w = shareApplicationWork(
      share({ state: 'awaiting_supplement', reviewDue: null, supplementDue: due('2026-03-24') }),
      defaultPolicy.share,
      NOW,
    );
    expect(w.tasks).toEqual([
      {
        role: 'agency_staff',
        agency: A,
        userId: null,
        actions: ['supplement'],
        due: due('2026-03-24'),
        lapsesAt: '2026-03-24T15:59:59.999Z',
      },
    ]);
  });

  it('awaits nothing from a granted case until its expiry reminder, then a renewal before it ends', () => {
    expect(
      shareApplicationWork(share({ state: 'granted', reviewDue: null, grant }), defaultPolicy.share, NOW).tasks,
    ).toEqual([]);
    const reminded = shareApplicationWork(
      share({ state: 'granted', reviewDue: null, grant: { ...grant, reminderSent: true } }),
      defaultPolicy.share,
      NOW,
    );
    expect(reminded.tasks).toEqual([
      {
        role: 'agency_staff',
        agency: A,
        userId: null,
        actions: ['renew'],
        due: { dueDate: '2026-09-10', dueAt: '2026-09-10T15:59:59.999Z', provisional: false },
        lapsesAt: '2026-09-10T15:59:59.999Z',
      },
    ]);
  });

  it('counts a reviewer decision as decided, an automatic one not, and a withdrawn case as closed', () => {
    const decided = shareApplicationWork(
      share({
        state: 'granted',
        decision: {
          decision: 'approve',
          by: reviewerP,
          at: '2026-03-09T02:00:00.000Z',
          reason: null,
          legalBasis: null,
          conditions: null,
        },
        grant,
      }),
      defaultPolicy.share,
      NOW,
    );
    expect(decided.decidedAt).toBe('2026-03-09T02:00:00.000Z');
    const automatic = shareApplicationWork(
      share({
        state: 'granted',
        decision: {
          decision: 'approve',
          by: reviewerP,
          at: '2026-03-02T02:00:00.000Z',
          reason: null,
          legalBasis: null,
          conditions: null,
          automatic: true,
        },
        grant,
      }),
      defaultPolicy.share,
      NOW,
    );
    expect(automatic.decidedAt).toBeNull();
    expect(shareApplicationWork(share({ state: 'withdrawn' }), defaultPolicy.share, NOW).open).toBe(false);
  });

  it('lists every action name it can produce', () => {
    expect([...shareActions]).toEqual([
      'approve',
      'reject',
      'request_supplement',
      'extend',
      'supplement',
      'withdraw',
      'urge',
      'renew',
      'revoke',
      'object',
      'credential',
    ]);
  });
});

// ---- P2 --------------------------------------------------------------------------------------

const objection = (o: Partial<ObjectionView> = {}): ObjectionView => ({
  id: 'obj-1',
  state: 'negotiating',
  overdue: false,
  version: 1,
  applicationId: 'app-1',
  applicantAgency: A,
  providerAgency: P,
  resource: { id: 'res-1', code: 'R', name: '人口基础信息' },
  refusal: { reason: 'r', legalBasis: 'b', by: reviewerP, at: '2026-03-02T02:00:00.000Z', automatic: false },
  statement: 's',
  dutyBasis: null,
  filedBy: staffA,
  filedAt: '2026-03-03T02:00:00.000Z',
  coordinator: null,
  negotiationDue: due('2026-03-10', '2026-03-03', 5),
  statementDue: null,
  coordinationDue: null,
  coordinationStartedAt: null,
  statements: [],
  minutes: [],
  escalation: null,
  ruling: null,
  updatedAt: '2026-03-03T02:00:00.000Z',
  ...o,
});
const coordinating = (o: Partial<ObjectionView> = {}) =>
  objection({
    state: 'coordinating',
    coordinator,
    coordinationStartedAt: '2026-03-09T02:00:00.000Z',
    statementDue: due('2026-03-12', '2026-03-09', 3),
    coordinationDue: due('2026-03-23', '2026-03-09', 10),
    ...o,
  });

describe('objection (P2)', () => {
  it.each([
    [
      'negotiating',
      objection(),
      [
        [reviewerP, ['settle', 'statement']],
        [staffA, ['statement']],
        [coordinator, ['assign']],
        [admin, []],
        [reviewerO, []],
      ],
    ],
    [
      'coordinating, assigned',
      coordinating(),
      [
        [coordinator, ['assign', 'minutes', 'rule', 'escalate']],
        [{ ...coordinator, id: 'u-other-coord' }, ['assign', 'escalate']],
        [admin, ['escalate']],
        [reviewerP, ['statement']],
      ],
    ],
    [
      'escalated',
      coordinating({ state: 'escalated' }),
      [
        [admin, ['government_decision']],
        [coordinator, []],
        [staffA, ['statement']],
      ],
    ],
    [
      'resolved',
      coordinating({ state: 'resolved' }),
      [
        [admin, []],
        [coordinator, []],
        [staffA, []],
      ],
    ],
  ] as [string, ObjectionView, [Actor, string[]][]][])('%s', (_name, v, rows) => {
    for (const [actor, actions] of rows) expect(objectionActionsFor(v, actor, NOW), `${actor.id}`).toEqual(actions);
  });

  it("awaits a coordinator when none is assigned, then the coordinator and the provider's statement", () => {
    const unassigned = objectionWork(coordinating({ coordinator: null }), NOW);
    expect(unassigned.tasks).toEqual([
      {
        role: 'bureau_coordinator',
        agency: null,
        userId: null,
        actions: ['assign'],
        due: due('2026-03-23', '2026-03-09', 10),
        lapsesAt: null,
      },
    ]);
    const assigned = objectionWork(coordinating(), NOW);
    expect(assigned.tasks.map((t) => [t.role, t.agency, t.userId, t.actions, t.due?.dueDate])).toEqual([
      ['agency_reviewer', P, null, ['statement'], '2026-03-12'],
      ['agency_staff', P, null, ['statement'], '2026-03-12'],
      ['bureau_coordinator', null, 'u-coord', ['minutes', 'rule'], '2026-03-23'],
    ]);
    const answered = objectionWork(
      coordinating({
        statements: [{ seq: 1, by: reviewerP, party: 'provider', text: 't', at: '2026-03-10T01:00:00.000Z' }],
      }),
      NOW,
    );
    expect(answered.tasks.map((t) => t.role)).toEqual(['bureau_coordinator']);
    expect(objectionWork(objection(), NOW).tasks).toEqual([
      {
        role: 'agency_reviewer',
        agency: P,
        userId: null,
        actions: ['settle'],
        due: due('2026-03-10', '2026-03-03', 5),
        lapsesAt: '2026-03-10T15:59:59.999Z',
      },
    ]);
  });
});

// ---- P3 --------------------------------------------------------------------------------------

const open = (o: Partial<OpenDataView> = {}): OpenDataView => ({
  id: 'odr-1',
  state: 'formal_check',
  overdue: false,
  version: 1,
  resource: { id: 'res-2', code: 'D', name: '企业登记信息', providerAgency: P, fields: ['name'] },
  requester: {
    kind: 'person',
    name: '张三',
    identifierMasked: '1101**********002X',
    key: 'k',
    contact: 'c',
    userId: citizen.id,
  },
  request: { fields: ['name'], purpose: 'p', scenario: 's', periodMonths: 6, securityMeasures: 'm' },
  formalCheckDue: due('2026-03-09', '2026-03-02', 5),
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
  submittedAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  ...o,
});

describe('open-data request (P3)', () => {
  it('keeps a usage report for every month of the longest period, then refuses', () => {
    const report = (n: number) => ({
      seq: n,
      period: `第${n}期`,
      summary: 's',
      outcomes: null,
      by: citizen,
      at: '2026-03-02T02:00:00.000Z',
    });
    const long = (count: number) =>
      open({
        state: 'active',
        expiresAt: '2029-03-10T15:59:59.999Z',
        request: { fields: ['name'], purpose: 'p', scenario: 's', periodMonths: 36, securityMeasures: 'm' },
        reports: Array.from({ length: count }, (_, n) => report(n + 1)) as OpenDataView['reports'],
      });
    const input = { actor: citizen, period: '下一期', summary: '利用情况' };
    expect(defaultPolicy.open.reportEveryMonths).toBeGreaterThanOrEqual(1);
    expect(checkUsageReport(long(36), input)).toBeNull();
    expect(checkUsageReport(long(47), input)).toBeNull();
    expect(checkUsageReport(long(48), input)?.code).toBe('INVALID_STATE');
    expect(openDataActionsFor(long(48), citizen, NOW)).not.toContain('report_usage');
  });

  it.each([
    [
      'formal check',
      open(),
      [
        [coordinator, ['formal_check']],
        [citizen, []],
        [reviewerP, []],
        [admin, []],
      ],
    ],
    [
      'returned',
      open({ state: 'returned' }),
      [
        [citizen, ['resubmit']],
        [stranger, []],
      ],
    ],
    [
      'provider review',
      open({ state: 'provider_review', reviewDue: due('2026-03-23') }),
      [
        [reviewerP, ['approve', 'reject']],
        [reviewerO, []],
        [coordinator, []],
      ],
    ],
    [
      'awaiting agreement',
      open({ state: 'awaiting_agreement', agreementVersion: 2, agreementDue: due('2026-03-16') }),
      [
        [citizen, ['sign']],
        [stranger, []],
      ],
    ],
    [
      'active',
      open({ state: 'active', expiresAt: '2026-09-10T15:59:59.999Z' }),
      [
        [citizen, ['report_usage', 'credential']],
        [reviewerP, ['revoke']],
        [coordinator, ['revoke']],
        [admin, ['revoke']],
      ],
    ],
  ] as [string, OpenDataView, [Actor, string[]][]][])('%s', (_name, v, rows) => {
    for (const [actor, actions] of rows) expect(openDataActionsFor(v, actor, NOW), `${actor.id}`).toEqual(actions);
  });

  it('awaits the requester by account, the signature lapsing with its window', () => {
    const w = openDataWork(
      open({ state: 'awaiting_agreement', agreementVersion: 2, agreementDue: due('2026-03-16') }),
      NOW,
    );
    expect(w.tasks).toEqual([
      {
        role: 'public',
        agency: null,
        userId: citizen.id,
        actions: ['sign'],
        due: due('2026-03-16'),
        lapsesAt: '2026-03-16T15:59:59.999Z',
      },
    ]);
    expect(w.users).toEqual([citizen.id]);
    expect(openDataWork(open(), NOW).tasks.map((t) => t.role)).toEqual(['bureau_coordinator']);
    expect(openDataWork(open({ state: 'rejected' }), NOW)).toMatchObject({ open: false, tasks: [] });
  });
});

// ---- P5 --------------------------------------------------------------------------------------

const correction = (o: Partial<CorrectionView> = {}): CorrectionView => ({
  id: 'cor-1',
  state: 'verifying',
  overdue: false,
  version: 2,
  resource: { id: 'res-1', code: 'R', name: '人口基础信息', providerAgency: P },
  assignedAgency: P,
  report: { recordRef: 'r1', field: null, currentValue: null, claimedValue: null, description: 'd', evidence: null },
  reporter: staffA,
  transferredFrom: null,
  verifyDue: due('2026-03-13', '2026-03-06', 5),
  extension: null,
  outcome: null,
  submittedAt: '2026-03-06T02:00:00.000Z',
  updatedAt: '2026-03-06T02:00:00.000Z',
  ...o,
});

describe('correction (P5)', () => {
  it("lets the verifying agency's reviewer extend once, verify or return; the reporter only watches", () => {
    expect(correctionActionsFor(correction(), reviewerP, NOW)).toEqual(['extend', 'verify', 'return']);
    expect(
      correctionActionsFor(
        correction({ extension: { approvedBy: '局长', reason: 'r', by: reviewerP, at: '2026-03-09T02:00:00.000Z' } }),
        reviewerP,
        NOW,
      ),
    ).toEqual(['verify', 'return']);
    expect(correctionActionsFor(correction(), reviewerP, AFTER)).toEqual(['verify', 'return']);
    expect(correctionActionsFor(correction(), staffA, NOW)).toEqual([]);
    expect(correctionActionsFor(correction({ state: 'corrected' }), reviewerP, NOW)).toEqual([]);
    const w = correctionWork(correction(), NOW);
    expect(w.tasks).toEqual([
      {
        role: 'agency_reviewer',
        agency: P,
        userId: null,
        actions: ['extend', 'verify', 'return'],
        due: due('2026-03-13', '2026-03-06', 5),
        lapsesAt: null,
      },
    ]);
    expect(w.agencies).toEqual([P]);
    expect(w.users).toEqual([staffA.id]);
  });

  it("puts a returned report in the bureau coordinators' 待办, due by the forwarding deadline, with no agency's clock running", () => {
    const forwardDue = due('2026-03-10', '2026-03-06', 2);
    const returned = correction({
      state: 'forwarding',
      returned: { agency: P, reason: '非本单位数据', by: reviewerP, at: '2026-03-06T02:00:00.000Z' },
      forwardDue,
    });
    const w = correctionWork(returned, NOW);
    expect(w.tasks).toEqual([
      { role: 'bureau_coordinator', agency: null, userId: null, actions: ['forward'], due: forwardDue, lapsesAt: null },
    ]);
    expect(w).toMatchObject({ respondingAgency: null, due: forwardDue, open: true });
  });
});

// ---- P4 --------------------------------------------------------------------------------------

const agencyAssessment = (o: Partial<AgencyAssessmentView> = {}): AgencyAssessmentView => ({
  year: 2025,
  agencyCode: A,
  agencyName: '市公安局',
  state: 'self_assessment',
  version: 2,
  overdue: false,
  overdueStages: [],
  metrics: null,
  applicable: ['catalog'],
  deadlines: {
    selfAssessment: due('2026-01-29', '2026-01-15', 10),
    review: due('2026-02-26', '2026-01-29', 15),
    notice: null,
  },
  selfAssessment: null,
  selfAssessmentMissed: false,
  assessor: null,
  review: null,
  result: null,
  appeal: null,
  rectification: null,
  updatedAt: '2026-01-15T01:00:00.000Z',
  ...o,
});
const DURING_SELF = Date.parse('2026-01-20T02:00:00.000Z');

describe('annual assessment (P4)', () => {
  it("awaits the agency's self-assessment and an assessor; then the assigned assessor's review", () => {
    const v = agencyAssessment();
    expect(agencyAssessmentActionsFor(v, { id: 's', role: 'agency_staff', agency: A }, DURING_SELF)).toEqual([
      'self_assessment',
    ]);
    expect(agencyAssessmentActionsFor(v, admin, DURING_SELF)).toEqual(['assign_assessor']);
    expect(agencyAssessmentActionsFor(v, assessor, DURING_SELF)).toEqual([]);
    expect(
      agencyAssessmentWork(v, DURING_SELF).tasks.map((t) => [t.role, t.actions, t.due?.dueDate, t.lapsesAt]),
    ).toEqual([
      ['agency_staff', ['self_assessment'], '2026-01-29', '2026-01-29T15:59:59.999Z'],
      ['bureau_admin', ['assign_assessor'], '2026-02-26', null],
    ]);
    const reviewing = agencyAssessment({
      state: 'review',
      assessor: { id: assessor.id, name: null, assignedBy: admin, at: '2026-01-16T01:00:00.000Z' },
    });
    expect(agencyAssessmentWork(reviewing, DURING_SELF).tasks).toEqual([
      {
        role: 'assessor',
        agency: null,
        userId: assessor.id,
        actions: ['review'],
        due: due('2026-02-26', '2026-01-29', 15),
        lapsesAt: null,
      },
    ]);
    expect(agencyAssessmentActionsFor(reviewing, { ...assessor, id: 'someone-else' }, DURING_SELF)).toEqual([]);
    expect(agencyAssessmentWork(reviewing, DURING_SELF)).toMatchObject({
      caseType: 'assessment',
      caseId: `2025:${A}`,
      title: '2025年度评估 · 市公安局',
    });
  });

  it('awaits the final publication only once the notice period is over', () => {
    const c: CycleView = {
      year: 2025,
      state: 'notice',
      version: 5,
      indicatorsVersion: 'default-v1',
      agencyCount: 3,
      startedBy: admin,
      startedAt: '2026-01-15T01:00:00.000Z',
      deadlines: {
        selfAssessment: due('2026-01-29'),
        review: due('2026-02-26'),
        notice: due('2026-03-09', '2026-03-02', 5),
      },
      publishedAt: { preliminary: '2026-03-02T01:00:00.000Z', final: null },
      rectifying: 0,
      closedAt: null,
      updatedAt: '2026-03-02T01:00:00.000Z',
    };
    const w = cycleWork(c, Date.parse('2026-03-03T02:00:00.000Z'));
    expect(w.tasks).toEqual([
      {
        role: 'bureau_admin',
        agency: null,
        userId: null,
        actions: ['publish_final'],
        due: due('2026-03-09', '2026-03-02', 5),
        lapsesAt: null,
      },
    ]);
  });
});

// ---- found in review -------------------------------------------------------------------------

describe('what a case is, after the fact', () => {
  const refusal = {
    decision: 'reject' as const,
    by: reviewerP,
    at: '2026-03-09T02:00:00.000Z',
    reason: 'r',
    legalBasis: 'b',
    conditions: null,
  };
  it('closes a refusal once it can no longer be objected to, and keeps it open while it can', () => {
    expect(
      shareApplicationWork(
        share({ state: 'rejected', decision: refusal, objectionDue: due('2026-03-31') }),
        defaultPolicy.share,
        NOW,
      ).open,
    ).toBe(true);
    expect(
      shareApplicationWork(
        share({ state: 'rejected', decision: refusal, objectionDue: null }),
        defaultPolicy.share,
        AFTER,
      ).open,
    ).toBe(false);
    expect(
      shareApplicationWork(
        share({ state: 'rejected', decision: { ...refusal, final: true, by: coordinator }, objectionDue: null }),
        defaultPolicy.share,
        NOW,
      ).open,
    ).toBe(false);
  });

  it("measures the provider's own answer, not an objection's outcome or the catalog's automatic refusal", () => {
    expect(
      shareApplicationWork(
        share({ state: 'rejected', decision: refusal, objectionDue: due('2026-03-31') }),
        defaultPolicy.share,
        NOW,
      ).decidedAt,
    ).toBe('2026-03-09T02:00:00.000Z');
    const ruled = share({
      state: 'granted',
      grant,
      decision: {
        decision: 'approve',
        by: coordinator,
        at: '2026-03-20T02:00:00.000Z',
        reason: null,
        legalBasis: null,
        conditions: null,
        final: true,
      },
    });
    expect(shareApplicationWork(ruled, defaultPolicy.share, NOW).decidedAt).toBeNull();
    const automatic = share({
      state: 'rejected',
      decision: { ...refusal, automatic: true },
      objectionDue: due('2026-03-31'),
    });
    expect(shareApplicationWork(automatic, defaultPolicy.share, NOW).decidedAt).toBeNull();
  });

  it('owes the bureau one 督办 of an overdue review, not a standing one', () => {
    expect(
      shareApplicationWork(share({ overdue: true, urgedCount: 1 }), defaultPolicy.share, AFTER).tasks.map(
        (t) => t.role,
      ),
    ).toEqual(['agency_reviewer']);
  });

  it("gives a correction to its reporter as a person, not to the reporter's agency", () => {
    expect(correctionWork(correction(), NOW)).toMatchObject({ agencies: [P], users: [staffA.id] });
  });

  it('shows the grace deadline of a missed usage report, which is when access is suspended', () => {
    const missed = open({
      state: 'active',
      nextReportDueAt: '2026-03-02T15:59:59.999Z',
      nextReportDueDate: '2026-03-02',
      graceDue: due('2026-03-16', '2026-03-02', 10),
    });
    expect(openDataWork(missed, NOW).tasks[0]?.due?.dueDate).toBe('2026-03-16');
  });

  it('lets the assigned coordinator hand the objection to another', () => {
    expect(objectionActionsFor(coordinating(), coordinator, NOW)).toContain('assign');
  });
});

describe('cycle publications and the records', () => {
  const c: CycleView = {
    year: 2025,
    state: 'review',
    version: 4,
    indicatorsVersion: 'default-v1',
    agencyCount: 3,
    startedBy: admin,
    startedAt: '2026-01-15T01:00:00.000Z',
    deadlines: { selfAssessment: due('2026-01-29'), review: due('2026-02-26'), notice: null },
    publishedAt: { preliminary: null, final: null },
    rectifying: 0,
    closedAt: null,
    updatedAt: '2026-02-01T01:00:00.000Z',
  };
  it('offers the preliminary results only once every agency is reviewed, and the final ones once every appeal is answered', () => {
    expect(cycleActionsFor(c, admin, NOW, { unreviewed: 1, pendingAppeals: 0 })).toEqual([]);
    expect(cycleActionsFor(c, admin, NOW, { unreviewed: 0, pendingAppeals: 0 })).toEqual(['publish_preliminary']);
    const notice = {
      ...c,
      state: 'notice' as const,
      deadlines: { ...c.deadlines, notice: due('2026-03-09', '2026-03-02', 5) },
    };
    expect(cycleActionsFor(notice, admin, AFTER, { unreviewed: 0, pendingAppeals: 2 })).toEqual([]);
    expect(cycleActionsFor(notice, admin, AFTER, { unreviewed: 0, pendingAppeals: 0 })).toEqual(['publish_final']);
    expect(publicationWaitsFor('preliminary', { unreviewed: 2, pendingAppeals: 0 }, 3)?.message).toBe(
      '2 of 3 agencies are not reviewed yet',
    );
  });
});

describe('a work-list row', () => {
  const row = (o: Partial<CaseRow>, dueDate: string | null) => ({
    case: {
      caseType: 'share-application',
      caseId: 'app-1',
      version: 3,
      state: 'pending_review',
      open: true,
      title: 't',
      resourceName: 't',
      agencies: [A, P],
      users: [],
      respondingAgency: P,
      dueAt: null,
      dueDate: null,
      overdue: false,
      openedAt: new Date('2026-03-02T02:00:00Z'),
      decidedAt: null,
      updatedAt: new Date(),
      view: {},
      ...o,
    } as CaseRow,
    dueAt: dueDate ? new Date(`${dueDate}T15:59:59.999Z`) : null,
    dueDate,
    actedAt: null,
    awaited: [],
  });
  const calendar = BUILTIN_CALENDAR;
  it('reads its own deadline: a case that was late once is not red on a new deadline', () => {
    const item = workItemOf(row({ overdue: true }, '2026-03-16'), ['approve'], NOW, calendar, 2);
    expect(item).toMatchObject({ overdue: false, workingDaysLeft: 4, dueSoon: false });
  });
  it('counts working days left and overdue across a holiday, due soon within remindWd', () => {
    // Around the 2026 National Day holiday: 10-01..10-07 off; 10-08, 10-09, 10-10 (a Saturday, made up) and
    // 10-12 worked.
    const eve = Date.parse('2026-09-30T02:00:00.000Z');
    expect(workItemOf(row({}, '2026-10-09'), [], eve, calendar, 2)).toMatchObject({
      workingDaysLeft: 2,
      dueSoon: true,
      overdue: false,
    });
    expect(workItemOf(row({}, '2026-09-30'), [], eve, calendar, 2)).toMatchObject({
      workingDaysLeft: 0,
      dueSoon: true,
      overdue: false,
    });
    const after = Date.parse('2026-10-12T02:00:00.000Z');
    expect(workItemOf(row({}, '2026-09-30'), [], after, calendar, 2)).toMatchObject({
      workingDaysLeft: -4,
      dueSoon: false,
      overdue: true,
    });
    expect(workItemOf(row({}, null), [], eve, calendar, 2)).toMatchObject({
      workingDaysLeft: null,
      dueSoon: false,
      overdue: false,
    });
  });
});
