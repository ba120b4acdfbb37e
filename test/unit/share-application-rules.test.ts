// Table-driven tests of the share application's pure rules (docs/processes.md P1). Every deadline and date
// below was worked out by hand from the 2026 State Council calendar.
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/index.js';
import { roles, type Actor, type Refusal, type Role } from '../../workflows/common/actors.js';
import type { TrackedDeadline } from '../../workflows/common/deadlines.js';
import type { DecisionInput } from '../../workflows/share-application/messages.js';
import {
  MAX_PERIOD_MONTHS,
  awaitingDecision,
  checkDecision,
  checkObjection,
  checkRenewal,
  checkRevocation,
  checkSupplement,
  checkUrge,
  checkWithdrawal,
  grantExpiry,
  initialRoute,
  isTerminal,
  reminderAtMs,
  renewedExpiry,
  shareRoles,
  type SharePolicy,
} from '../../workflows/share-application/rules.js';
import {
  shareApplicationStates,
  terminalShareStates,
  type DecisionRecord,
  type GrantView,
  type PrecheckResult,
  type RenewalView,
  type ResourceSnapshot,
  type ShareApplicationState,
  type ShareApplicationView,
  type ShareType,
} from '../../workflows/share-application/types.js';

// ---- actors ------------------------------------------------------------------------------------

const APPLICANT = 'AG-APPLICANT';
const PROVIDER = 'AG-PROVIDER';
const OTHER = 'AG-OTHER';

const applicantStaff: Actor = { id: 'u-zhang', name: 'Zhang San', role: 'agency_staff', agency: APPLICANT };
const providerReviewer: Actor = { id: 'u-li', name: 'Li Si', role: 'agency_reviewer', agency: PROVIDER };
const providerStaff: Actor = { id: 'u-wang', role: 'agency_staff', agency: PROVIDER };
const applicantReviewer: Actor = { id: 'u-zhao', role: 'agency_reviewer', agency: APPLICANT };
const otherReviewer: Actor = { id: 'u-qian', role: 'agency_reviewer', agency: OTHER };
const otherStaff: Actor = { id: 'u-sun', role: 'agency_staff', agency: OTHER };
const reviewerWithoutAgency: Actor = { id: 'u-zhou', role: 'agency_reviewer', agency: null };
const staffWithoutAgency: Actor = { id: 'u-wu', role: 'agency_staff' };
const coordinator: Actor = { id: 'u-zheng', role: 'bureau_coordinator', agency: 'BUREAU' };
const admin: Actor = { id: 'u-feng', role: 'bureau_admin', agency: 'BUREAU' };
const adminWithoutAgency: Actor = { id: 'u-chen', role: 'bureau_admin', agency: null };
const system: Actor = { id: 'system', name: 'precheck', role: 'system', agency: null };
const citizen: Actor = { id: 'u-public', role: 'public', agency: null };
const assessor: Actor = { id: 'u-assessor', role: 'assessor', agency: null };
const gateway: Actor = { id: 'gw-1', role: 'gateway', agency: null };
// A provider reviewer's id with the wrong role claimed: the role decides, not the person.
const providerReviewerAsStaff: Actor = { ...providerReviewer, role: 'agency_staff' };

// ---- policy and deadlines ----------------------------------------------------------------------

/** docs/processes.md P1 numbers, written out so a changed default cannot shift what these tests mean. */
const policy: SharePolicy = {
  precheckWd: 2,
  reviewWd: 10,
  supplementWd: 10,
  extensionWd: 10,
  expiryReminderDays: 10,
  objectionWindowWd: 15,
};

/** Submitted Mon 2026-03-02; 10 working days (03-03..03-06, 03-09..03-13, 03-16) end on 2026-03-16. */
const REVIEW_DUE: TrackedDeadline = {
  from: '2026-03-02',
  days: 10,
  dueDate: '2026-03-16',
  dueAt: '2026-03-16T15:59:59.999Z',
  provisional: false,
};

/** Supplement asked for on 2026-03-10; 10 working days end on 2026-03-24. */
const SUPPLEMENT_DUE: TrackedDeadline = {
  from: '2026-03-10',
  days: 10,
  dueDate: '2026-03-24',
  dueAt: '2026-03-24T15:59:59.999Z',
  provisional: false,
};

/** Rejected on 2026-03-10; the 15-working-day objection window ends on 2026-03-31. */
const OBJECTION_DUE: TrackedDeadline = {
  from: '2026-03-10',
  days: 15,
  dueDate: '2026-03-31',
  dueAt: '2026-03-31T15:59:59.999Z',
  provisional: false,
};

/** Renewal asked for on Fri 2026-08-28; 10 working days (08-31..09-04, 09-07..09-11) end on 2026-09-11. */
const RENEWAL_DUE: TrackedDeadline = {
  from: '2026-08-28',
  days: 10,
  dueDate: '2026-09-11',
  dueAt: '2026-09-11T15:59:59.999Z',
  provisional: false,
};

/** 10:00 local on 2026-03-10: inside the first review and inside the objection window. */
const NOW_REVIEW = Date.parse('2026-03-10T02:00:00.000Z');
/** 10:00 local on 2026-09-01: inside the renewal review. */
const NOW_RENEWAL = Date.parse('2026-09-01T02:00:00.000Z');

// ---- view factory ------------------------------------------------------------------------------

const resource = (shareType: ShareType = 'conditional'): ResourceSnapshot => ({
  id: 'res-1',
  code: 'RES-LICENCES',
  name: 'Business licences',
  providerAgency: PROVIDER,
  shareType,
  legalBasis: shareType === 'unconditional' ? null : 'Data Security Law, Art. 38',
  fields: ['name', 'licence_no', 'legal_person_id', 'address'],
});

const decisionRecord = (decision: DecisionRecord['decision'], extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  decision,
  by: providerReviewer,
  at: '2026-03-10T02:00:00.000Z',
  reason: null,
  legalBasis: null,
  conditions: null,
  ...extra,
});

/** The grant approved on 2026-03-10 with narrower fields and 6 months: it ends on 2026-09-10. */
const activeGrant = (extra: Partial<GrantView> = {}): GrantView => ({
  id: 'grant-1',
  state: 'active',
  fields: ['name', 'licence_no'],
  conditions: 'use only for licence verification',
  grantedAt: '2026-03-10T02:00:00.000Z',
  expiresAt: '2026-09-10T15:59:59.999Z',
  expiresDate: '2026-09-10',
  reminderSent: false,
  revokedAt: null,
  revokedReason: null,
  ...extra,
});

const renewal = (extra: Partial<RenewalView> = {}): RenewalView => ({
  state: 'pending_review',
  periodMonths: 6,
  reason: 'the licence check continues next half-year',
  requestedBy: applicantStaff,
  requestedAt: '2026-08-28T02:00:00.000Z',
  reviewDue: RENEWAL_DUE,
  overdue: false,
  decision: null,
  extension: null,
  ...extra,
});

/** A full, coherent view of a case awaiting its first review; override what a test needs. */
function makeView(overrides: Partial<ShareApplicationView> = {}): ShareApplicationView {
  return {
    id: 'app-1',
    state: 'pending_review',
    overdue: false,
    version: 1,
    applicantAgency: APPLICANT,
    providerAgency: PROVIDER,
    resource: resource(),
    request: {
      fields: ['name', 'licence_no', 'legal_person_id'],
      purpose: 'verify business licences of market entities',
      dutyBasis: 'market supervision duties',
      usageScope: 'licence verification desk',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: 'access logged, data masked',
    },
    reviewDue: REVIEW_DUE,
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
    submittedBy: applicantStaff,
    submittedAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    ...overrides,
  };
}

type Kind =
  | 'pending_review'
  | 'pending_review_overdue'
  | 'awaiting_supplement'
  | 'granted'
  | 'granted_renewal_pending'
  | 'granted_renewal_approved'
  | 'granted_renewal_rejected'
  | 'rejected'
  | 'in_objection'
  | 'withdrawn'
  | 'closed'
  | 'expired'
  | 'revoked';

const grantedOverrides = (): Partial<ShareApplicationView> => ({
  state: 'granted',
  decision: decisionRecord('approve', { conditions: 'use only for licence verification' }),
  grant: activeGrant(),
});

/** A coherent view for each stage a case can be in, and an instant that fits it. */
function scenario(kind: Kind): { view: ShareApplicationView; nowMs: number } {
  switch (kind) {
    case 'pending_review':
      return { view: makeView(), nowMs: NOW_REVIEW };
    case 'pending_review_overdue':
      return { view: makeView({ overdue: true }), nowMs: Date.parse('2026-03-17T02:00:00.000Z') };
    case 'awaiting_supplement':
      return {
        view: makeView({
          state: 'awaiting_supplement',
          reviewDue: null,
          supplementDue: SUPPLEMENT_DUE,
          missing: ['signed security commitment'],
          decision: decisionRecord('request_supplement'),
        }),
        nowMs: NOW_REVIEW,
      };
    case 'granted':
      return { view: makeView(grantedOverrides()), nowMs: NOW_RENEWAL };
    case 'granted_renewal_pending':
      return { view: makeView({ ...grantedOverrides(), renewal: renewal() }), nowMs: NOW_RENEWAL };
    case 'granted_renewal_approved':
      return {
        view: makeView({
          ...grantedOverrides(),
          renewal: renewal({ state: 'approved', decision: decisionRecord('approve') }),
        }),
        nowMs: NOW_RENEWAL,
      };
    case 'granted_renewal_rejected':
      return {
        view: makeView({
          ...grantedOverrides(),
          renewal: renewal({
            state: 'rejected',
            decision: decisionRecord('reject', { reason: 'no longer needed', legalBasis: 'Art. 38' }),
          }),
        }),
        nowMs: NOW_RENEWAL,
      };
    case 'rejected':
      return {
        view: makeView({
          state: 'rejected',
          decision: decisionRecord('reject', { reason: 'personal data beyond the duty', legalBasis: 'PIPL Art. 34' }),
          objectionDue: OBJECTION_DUE,
        }),
        nowMs: NOW_REVIEW,
      };
    case 'in_objection':
      return {
        view: makeView({
          state: 'in_objection',
          decision: decisionRecord('reject', { reason: 'personal data beyond the duty', legalBasis: 'PIPL Art. 34' }),
          objectionDue: OBJECTION_DUE,
          objectionId: 'obj-1',
        }),
        nowMs: NOW_REVIEW,
      };
    case 'withdrawn':
      return { view: makeView({ state: 'withdrawn', reviewDue: null }), nowMs: NOW_REVIEW };
    case 'closed':
      return {
        view: makeView({
          state: 'closed',
          reviewDue: null,
          missing: ['signed security commitment'],
          decision: decisionRecord('request_supplement'),
        }),
        nowMs: Date.parse('2026-03-25T02:00:00.000Z'),
      };
    case 'expired':
      return {
        view: makeView({ ...grantedOverrides(), state: 'expired', grant: activeGrant({ state: 'expired' }) }),
        nowMs: Date.parse('2026-09-11T02:00:00.000Z'),
      };
    case 'revoked':
      return {
        view: makeView({
          ...grantedOverrides(),
          state: 'revoked',
          grant: activeGrant({ state: 'revoked', revokedAt: '2026-05-01T02:00:00.000Z', revokedReason: 'misuse' }),
        }),
        nowMs: NOW_RENEWAL,
      };
  }
}

const allKinds: Kind[] = [
  'pending_review',
  'pending_review_overdue',
  'awaiting_supplement',
  'granted',
  'granted_renewal_pending',
  'granted_renewal_approved',
  'granted_renewal_rejected',
  'rejected',
  'in_objection',
  'withdrawn',
  'closed',
  'expired',
  'revoked',
];

// ---- refusal shape -----------------------------------------------------------------------------

type Outcome = { code: Refusal['code']; paths: string[] } | null;

/** The parts of a refusal a caller acts on: its code and which inputs were wrong. */
const outcome = (r: Refusal | null): Outcome =>
  r ? { code: r.code, paths: (r.errors ?? []).map((e) => e.path) } : null;
const ok: Outcome = null;
const forbidden: Outcome = { code: 'FORBIDDEN', paths: [] };
const invalidState: Outcome = { code: 'INVALID_STATE', paths: [] };
const invalid = (...paths: string[]): Outcome => ({ code: 'VALIDATION_FAILED', paths });

/** How a test title states an outcome. */
const verdict = (o: Outcome): string =>
  o ? `is refused with ${o.code}${o.paths.length ? ` on ${o.paths.join(' and ')}` : ''}` : 'is accepted';

/** Rows with their title first, for it.each(...)('%s', ...): vitest shortens `$field` titles to 40 characters. */
const titled = <T>(rows: readonly T[], title: (row: T) => string): [string, T][] =>
  rows.map((row) => [title(row), row]);

/** One row per stage of a case with the outcome expected there. */
const byKind = (expected: [Kind, Outcome][]) => expected.map(([kind, outcome]) => ({ kind, expected: outcome }));

// ---- decision inputs ---------------------------------------------------------------------------

const decisionKinds = ['approve', 'reject', 'request_supplement', 'extend'] as const;

/** A decision of each kind that is complete and acceptable in itself. */
const validDecision = (decision: (typeof decisionKinds)[number], actor: Actor = providerReviewer): DecisionInput => {
  switch (decision) {
    case 'approve':
      return { actor, decision, conditions: 'use only for licence verification' };
    case 'reject':
      return { actor, decision, reason: 'personal data beyond the duty', legalBasis: 'PIPL Art. 34' };
    case 'request_supplement':
      return { actor, decision, missing: ['signed security commitment', 'duty basis document'] };
    case 'extend':
      return { actor, decision, reason: 'field-level check of personal data', extendWd: 5 };
  }
};

// ================================================================================================

describe('initialRoute', () => {
  const passed: PrecheckResult = { passed: true, problems: [] };
  const failed: PrecheckResult = { passed: false, problems: ['field "phone" is not in the resource'] };
  const rows = [
    { shareType: 'unconditional', precheck: passed, route: 'grant' },
    { shareType: 'unconditional', precheck: failed, route: 'review' },
    { shareType: 'conditional', precheck: passed, route: 'review' },
    { shareType: 'conditional', precheck: failed, route: 'review' },
    { shareType: 'not_shared', precheck: passed, route: 'reject' },
    { shareType: 'not_shared', precheck: failed, route: 'reject' },
  ] as const;

  it.each(
    titled(
      rows,
      (r) => `sends a ${r.shareType} resource whose pre-check ${r.precheck.passed ? 'passed' : 'failed'} to ${r.route}`,
    ),
  )('%s', (_, { shareType, precheck, route }) => {
    expect(initialRoute(resource(shareType), precheck)).toBe(route);
  });
});

describe('awaitingDecision', () => {
  it.each([
    ['pending_review', 'review'],
    ['pending_review_overdue', 'review'],
    ['awaiting_supplement', null],
    ['granted', null],
    ['granted_renewal_pending', 'renewal'],
    ['granted_renewal_approved', null],
    ['granted_renewal_rejected', null],
    ['rejected', null],
    ['in_objection', null],
    ['withdrawn', null],
    ['closed', null],
    ['expired', null],
    ['revoked', null],
  ] as const)('for a case that is %s answers %s', (kind, expected) => {
    expect(awaitingDecision(scenario(kind).view)).toBe(expected);
  });

  it('ignores a pending renewal left on a case that is no longer granted', () => {
    const { view } = scenario('revoked');
    expect(awaitingDecision({ ...view, renewal: renewal() })).toBeNull();
  });
});

describe('checkDecision', () => {
  describe('who decides', () => {
    const wrongActors: [string, Actor][] = [
      ['the applicant agency staff', applicantStaff],
      ['the provider agency staff (not its reviewer)', providerStaff],
      ['a reviewer of the applicant agency', applicantReviewer],
      ['a reviewer of a third agency', otherReviewer],
      ['a reviewer with no agency', reviewerWithoutAgency],
      ['a bureau coordinator', coordinator],
      ['a bureau admin', admin],
      ['the system', system],
      ['a member of the public', citizen],
      ['an assessor', assessor],
      ['the gateway', gateway],
      ["the provider reviewer's account acting as staff", providerReviewerAsStaff],
    ];

    describe.each(decisionKinds)('%s', (decision) => {
      it('is accepted from the provider agency reviewer', () => {
        expect(outcome(checkDecision(makeView(), validDecision(decision), policy, NOW_REVIEW))).toEqual(ok);
      });

      it.each(wrongActors)('is forbidden to %s', (_, actor) => {
        expect(outcome(checkDecision(makeView(), validDecision(decision, actor), policy, NOW_REVIEW))).toEqual(
          forbidden,
        );
      });
    });

    it('answers FORBIDDEN before looking at the state', () => {
      const { view } = scenario('withdrawn');
      expect(outcome(checkDecision(view, validDecision('approve', otherReviewer), policy, NOW_REVIEW))).toEqual(
        forbidden,
      );
    });
  });

  describe('in which state', () => {
    // kind, approve, reject, request_supplement, extend
    const matrix: [Kind, Outcome, Outcome, Outcome, Outcome][] = [
      ['pending_review', ok, ok, ok, ok],
      ['pending_review_overdue', ok, ok, ok, invalidState],
      ['awaiting_supplement', invalidState, invalidState, invalidState, invalidState],
      ['granted', invalidState, invalidState, invalidState, invalidState],
      ['granted_renewal_pending', ok, ok, invalidState, ok],
      ['granted_renewal_approved', invalidState, invalidState, invalidState, invalidState],
      ['granted_renewal_rejected', invalidState, invalidState, invalidState, invalidState],
      ['rejected', invalidState, invalidState, invalidState, invalidState],
      ['in_objection', invalidState, invalidState, invalidState, invalidState],
      ['withdrawn', invalidState, invalidState, invalidState, invalidState],
      ['closed', invalidState, invalidState, invalidState, invalidState],
      ['expired', invalidState, invalidState, invalidState, invalidState],
      ['revoked', invalidState, invalidState, invalidState, invalidState],
    ];
    const rows = matrix.flatMap(([kind, ...expected]) =>
      decisionKinds.map((decision, i) => ({ kind, decision, expected: expected[i]! })),
    );

    it.each(titled(rows, (r) => `${r.decision} on a case that is ${r.kind} ${verdict(r.expected)}`))(
      '%s',
      (_, { kind, decision, expected }) => {
        const { view, nowMs } = scenario(kind);
        expect(outcome(checkDecision(view, validDecision(decision), policy, nowMs))).toEqual(expected);
      },
    );
  });

  describe('approve', () => {
    // Requested: name, licence_no, legal_person_id for 12 months; the resource also has address.
    const firstReview = [
      { name: 'as requested', fields: undefined, periodMonths: undefined, expected: ok },
      { name: 'with null fields and period', fields: null, periodMonths: null, expected: ok },
      {
        name: 'with exactly the requested fields',
        fields: ['name', 'licence_no', 'legal_person_id'],
        periodMonths: undefined,
        expected: ok,
      },
      { name: 'with narrower fields', fields: ['name'], periodMonths: undefined, expected: ok },
      {
        name: 'with a field the resource has but was not requested',
        fields: ['name', 'address'],
        periodMonths: undefined,
        expected: invalid('fields'),
      },
      {
        name: 'with a field the resource does not have',
        fields: ['phone'],
        periodMonths: undefined,
        expected: invalid('fields'),
      },
      { name: 'with no fields at all', fields: [], periodMonths: undefined, expected: invalid('fields') },
      { name: 'with a shorter period', fields: undefined, periodMonths: 6, expected: ok },
      { name: 'with the requested period', fields: undefined, periodMonths: 12, expected: ok },
      { name: 'with a one-month period', fields: undefined, periodMonths: 1, expected: ok },
      {
        name: 'with a longer period than requested',
        fields: undefined,
        periodMonths: 13,
        expected: invalid('periodMonths'),
      },
      { name: 'with a zero period', fields: undefined, periodMonths: 0, expected: invalid('periodMonths') },
      { name: 'with a negative period', fields: undefined, periodMonths: -1, expected: invalid('periodMonths') },
      { name: 'with narrower fields and a shorter period', fields: ['licence_no'], periodMonths: 3, expected: ok },
    ];

    it.each(titled(firstReview, (r) => `of a first review ${r.name} ${verdict(r.expected)}`))(
      '%s',
      (_, { fields, periodMonths, expected }) => {
        const input: DecisionInput = { actor: providerReviewer, decision: 'approve', fields, periodMonths };
        expect(outcome(checkDecision(makeView(), input, policy, NOW_REVIEW))).toEqual(expected);
      },
    );

    it('names every field that was not requested', () => {
      const refusal = checkDecision(
        makeView(),
        { actor: providerReviewer, decision: 'approve', fields: ['name', 'address', 'phone'] },
        policy,
        NOW_REVIEW,
      );
      expect(refusal?.errors?.[0]?.message).toBe('not requested: address, phone');
    });

    // A renewal is bounded by the live grant (name, licence_no) and the renewal's own 6 months.
    const renewalReview = [
      { name: 'as asked', fields: undefined, periodMonths: undefined, expected: ok },
      { name: 'with the granted fields', fields: ['name', 'licence_no'], periodMonths: undefined, expected: ok },
      { name: 'with narrower fields', fields: ['licence_no'], periodMonths: undefined, expected: ok },
      {
        name: 'with a field first requested but never granted',
        fields: ['name', 'legal_person_id'],
        periodMonths: undefined,
        expected: invalid('fields'),
      },
      { name: 'with no fields at all', fields: [], periodMonths: undefined, expected: invalid('fields') },
      { name: 'with the renewal period', fields: undefined, periodMonths: 6, expected: ok },
      { name: 'with a shorter period', fields: undefined, periodMonths: 2, expected: ok },
      {
        name: 'with the first request period, longer than the renewal asked',
        fields: undefined,
        periodMonths: 12,
        expected: invalid('periodMonths'),
      },
      { name: 'with one month more than asked', fields: undefined, periodMonths: 7, expected: invalid('periodMonths') },
      { name: 'with a zero period', fields: undefined, periodMonths: 0, expected: invalid('periodMonths') },
    ];

    it.each(titled(renewalReview, (r) => `of a renewal ${r.name} ${verdict(r.expected)}`))(
      '%s',
      (_, { fields, periodMonths, expected }) => {
        const { view, nowMs } = scenario('granted_renewal_pending');
        const input: DecisionInput = { actor: providerReviewer, decision: 'approve', fields, periodMonths };
        expect(outcome(checkDecision(view, input, policy, nowMs))).toEqual(expected);
      },
    );

    it('is still accepted after the review deadline has passed (nothing is decided by time running out)', () => {
      const { view, nowMs } = scenario('pending_review_overdue');
      expect(outcome(checkDecision(view, validDecision('approve'), policy, nowMs))).toEqual(ok);
    });
  });

  describe('reject', () => {
    const rows = [
      {
        name: 'a reason and a legal basis',
        reason: 'personal data beyond the duty',
        legalBasis: 'PIPL Art. 34',
        expected: ok,
      },
      { name: 'no reason', reason: undefined, legalBasis: 'PIPL Art. 34', expected: invalid('reason') },
      { name: 'a null reason', reason: null, legalBasis: 'PIPL Art. 34', expected: invalid('reason') },
      { name: 'an empty reason', reason: '', legalBasis: 'PIPL Art. 34', expected: invalid('reason') },
      { name: 'a blank reason', reason: '   ', legalBasis: 'PIPL Art. 34', expected: invalid('reason') },
      {
        name: 'no legal basis',
        reason: 'personal data beyond the duty',
        legalBasis: undefined,
        expected: invalid('legalBasis'),
      },
      {
        name: 'a null legal basis',
        reason: 'personal data beyond the duty',
        legalBasis: null,
        expected: invalid('legalBasis'),
      },
      {
        name: 'a blank legal basis',
        reason: 'personal data beyond the duty',
        legalBasis: '\t\n ',
        expected: invalid('legalBasis'),
      },
      { name: 'neither', reason: undefined, legalBasis: undefined, expected: invalid('reason', 'legalBasis') },
      { name: 'both blank', reason: ' ', legalBasis: '  ', expected: invalid('reason', 'legalBasis') },
    ];

    it.each(titled(rows, (r) => `with ${r.name} ${verdict(r.expected)}`))(
      '%s',
      (_, { reason, legalBasis, expected }) => {
        const input: DecisionInput = { actor: providerReviewer, decision: 'reject', reason, legalBasis };
        expect(outcome(checkDecision(makeView(), input, policy, NOW_REVIEW))).toEqual(expected);
      },
    );

    it('of a renewal also needs both a reason and a legal basis', () => {
      const { view, nowMs } = scenario('granted_renewal_pending');
      expect(
        outcome(
          checkDecision(
            view,
            { actor: providerReviewer, decision: 'reject', reason: 'no longer needed' },
            policy,
            nowMs,
          ),
        ),
      ).toEqual(invalid('legalBasis'));
    });
  });

  describe('request_supplement', () => {
    const rows = [
      { name: 'one missing item', missing: ['signed security commitment'], expected: ok },
      { name: 'several missing items', missing: ['signed security commitment', 'duty basis document'], expected: ok },
      { name: 'a blank item next to a real one', missing: ['  ', 'duty basis document'], expected: ok },
      { name: 'no list', missing: undefined, expected: invalid('missing') },
      { name: 'a null list', missing: null, expected: invalid('missing') },
      { name: 'an empty list', missing: [], expected: invalid('missing') },
      { name: 'only blank items', missing: ['', '   ', '\t'], expected: invalid('missing') },
    ];

    it.each(titled(rows, (r) => `with ${r.name} ${verdict(r.expected)}`))('%s', (_, { missing, expected }) => {
      const input: DecisionInput = { actor: providerReviewer, decision: 'request_supplement', missing };
      expect(outcome(checkDecision(makeView(), input, policy, NOW_REVIEW))).toEqual(expected);
    });

    describe('after the applicant has supplemented once', () => {
      // Supplemented on 2026-03-12: the review restarts in full, 10 working days to 2026-03-26.
      const supplemented = makeView({
        reviewDue: {
          from: '2026-03-12',
          days: 10,
          dueDate: '2026-03-26',
          dueAt: '2026-03-26T15:59:59.999Z',
          provisional: false,
        },
        missing: null,
        decision: decisionRecord('request_supplement'),
        supplements: [
          {
            by: applicantStaff,
            at: '2026-03-12T02:00:00.000Z',
            note: 'commitment attached',
            missing: ['signed security commitment'],
            changes: {},
          },
        ],
      });
      const now = Date.parse('2026-03-13T02:00:00.000Z');

      it('refuses a second request for a supplement (everything missing is told at once)', () => {
        expect(outcome(checkDecision(supplemented, validDecision('request_supplement'), policy, now))).toEqual(
          invalidState,
        );
      });

      it.each(['approve', 'reject', 'extend'] as const)('still accepts %s', (decision) => {
        expect(outcome(checkDecision(supplemented, validDecision(decision), policy, now))).toEqual(ok);
      });
    });

    it('is refused on a renewal, which is only approved or rejected', () => {
      const { view, nowMs } = scenario('granted_renewal_pending');
      expect(outcome(checkDecision(view, validDecision('request_supplement'), policy, nowMs))).toEqual(invalidState);
    });

    it('on a renewal is refused as a state problem even when nothing is listed', () => {
      const { view, nowMs } = scenario('granted_renewal_pending');
      expect(
        outcome(
          checkDecision(view, { actor: providerReviewer, decision: 'request_supplement', missing: [] }, policy, nowMs),
        ),
      ).toEqual(invalidState);
    });
  });

  describe('extend', () => {
    // No default for reason: an undefined reason must reach the rule as undefined.
    const extendWith = (extendWd: number | null | undefined, reason: string | null | undefined): DecisionInput => ({
      actor: providerReviewer,
      decision: 'extend',
      reason,
      extendWd,
    });
    const extend = (extendWd: number | null | undefined): DecisionInput => extendWith(extendWd, 'field-level check');

    const byDays = [
      { extendWd: 1, expected: ok },
      { extendWd: 5, expected: ok },
      { extendWd: 10, expected: ok },
      { extendWd: 0, expected: invalid('extendWd') },
      { extendWd: 11, expected: invalid('extendWd') },
      { extendWd: -2, expected: invalid('extendWd') },
      { extendWd: 2.5, expected: invalid('extendWd') },
      { extendWd: Number.NaN, expected: invalid('extendWd') },
      { extendWd: null, expected: invalid('extendWd') },
      { extendWd: undefined, expected: invalid('extendWd') },
    ];

    it.each(
      titled(byDays, (r) => `by ${r.extendWd} working days under the default maximum of 10 ${verdict(r.expected)}`),
    )('%s', (_, { extendWd, expected }) => {
      expect(outcome(checkDecision(makeView(), extend(extendWd), policy, NOW_REVIEW))).toEqual(expected);
    });

    const byReason = [
      { reason: undefined, extendWd: 5, expected: invalid('reason') },
      { reason: '', extendWd: 5, expected: invalid('reason') },
      { reason: '   ', extendWd: 5, expected: invalid('reason') },
      { reason: null, extendWd: 0, expected: invalid('reason', 'extendWd') },
    ];

    it.each(
      titled(byReason, (r) => `with reason ${JSON.stringify(r.reason)} by ${r.extendWd} days ${verdict(r.expected)}`),
    )('%s', (_, { reason, extendWd, expected }) => {
      expect(outcome(checkDecision(makeView(), extendWith(extendWd, reason), policy, NOW_REVIEW))).toEqual(expected);
    });

    const byPolicy = [
      { extensionWd: 5, extendWd: 5, expected: ok },
      { extensionWd: 5, extendWd: 6, expected: invalid('extendWd') },
      { extensionWd: 20, extendWd: 15, expected: ok },
      { extensionWd: 20, extendWd: 21, expected: invalid('extendWd') },
    ];

    it.each(
      titled(
        byPolicy,
        (r) => `by ${r.extendWd} days under a policy maximum of ${r.extensionWd} ${verdict(r.expected)}`,
      ),
    )('%s', (_, { extensionWd, extendWd, expected }) => {
      expect(outcome(checkDecision(makeView(), extend(extendWd), { ...policy, extensionWd }, NOW_REVIEW))).toEqual(
        expected,
      );
    });

    it('names the policy maximum in its message', () => {
      const refusal = checkDecision(makeView(), extend(11), { ...policy, extensionWd: 7 }, NOW_REVIEW);
      expect(refusal?.errors?.[0]?.message).toBe('must be a whole number of working days between 1 and 7');
    });

    const extension = {
      by: providerReviewer,
      at: '2026-03-05T02:00:00.000Z',
      reason: 'field-level check',
      extendWd: 3,
    };

    const firstReview = [
      { name: 'once already extended', overrides: { extension }, nowMs: NOW_REVIEW, expected: invalidState },
      { name: 'once marked overdue', overrides: { overdue: true }, nowMs: NOW_REVIEW, expected: invalidState },
      {
        name: 'one millisecond after the deadline, before the overdue flag is set',
        overrides: {},
        nowMs: Date.parse('2026-03-16T16:00:00.000Z'),
        expected: invalidState,
      },
      {
        name: 'a week after the deadline',
        overrides: {},
        nowMs: Date.parse('2026-03-23T02:00:00.000Z'),
        expected: invalidState,
      },
      {
        name: 'in the last millisecond of the deadline',
        overrides: {},
        nowMs: Date.parse('2026-03-16T15:59:59.999Z'),
        expected: ok,
      },
      {
        name: 'on the morning of the last day',
        overrides: {},
        nowMs: Date.parse('2026-03-16T00:30:00.000Z'),
        expected: ok,
      },
    ];

    it.each(titled(firstReview, (r) => `of a first review ${r.name} ${verdict(r.expected)}`))(
      '%s',
      (_, { overrides, nowMs, expected }) => {
        expect(outcome(checkDecision(makeView(overrides), extend(5), policy, nowMs))).toEqual(expected);
      },
    );

    it('is refused as already extended even with an invalid extendWd', () => {
      expect(outcome(checkDecision(makeView({ extension }), extendWith(99, ''), policy, NOW_REVIEW))).toEqual(
        invalidState,
      );
    });

    const renewalReview = [
      {
        name: 'when only the first review was extended',
        renewalOverrides: {},
        viewOverrides: { extension },
        nowMs: NOW_RENEWAL,
        expected: ok,
      },
      {
        name: 'when only the first review was overdue',
        renewalOverrides: {},
        viewOverrides: { overdue: true },
        nowMs: NOW_RENEWAL,
        expected: ok,
      },
      {
        name: 'once the renewal was already extended',
        renewalOverrides: { extension },
        viewOverrides: {},
        nowMs: NOW_RENEWAL,
        expected: invalidState,
      },
      {
        name: 'once the renewal is overdue',
        renewalOverrides: { overdue: true },
        viewOverrides: {},
        nowMs: NOW_RENEWAL,
        expected: invalidState,
      },
      {
        name: 'one millisecond after the renewal deadline',
        renewalOverrides: {},
        viewOverrides: {},
        nowMs: Date.parse('2026-09-11T16:00:00.000Z'),
        expected: invalidState,
      },
      {
        name: 'in the last millisecond of the renewal deadline',
        renewalOverrides: {},
        viewOverrides: {},
        nowMs: Date.parse('2026-09-11T15:59:59.999Z'),
        expected: ok,
      },
    ];

    it.each(titled(renewalReview, (r) => `of a renewal ${r.name} ${verdict(r.expected)}`))(
      '%s',
      (_, { renewalOverrides, viewOverrides, nowMs, expected }) => {
        const view = makeView({ ...grantedOverrides(), ...viewOverrides, renewal: renewal(renewalOverrides) });
        expect(outcome(checkDecision(view, extend(5), policy, nowMs))).toEqual(expected);
      },
    );

    it('of a renewal is judged against the renewal deadline, not the first review deadline (long past)', () => {
      const view = makeView({ ...grantedOverrides(), renewal: renewal() });
      // 2026-09-01 is months after REVIEW_DUE (2026-03-16) but before RENEWAL_DUE (2026-09-11).
      expect(outcome(checkDecision(view, extend(5), policy, NOW_RENEWAL))).toEqual(ok);
    });
  });
});

describe('checkSupplement', () => {
  const { view: waiting, nowMs } = scenario('awaiting_supplement');

  const byActor = [
    { name: 'the applicant agency staff', actor: applicantStaff, expected: ok },
    { name: 'the provider reviewer', actor: providerReviewer, expected: forbidden },
    { name: 'the provider agency staff', actor: providerStaff, expected: forbidden },
    { name: 'a reviewer of the applicant agency', actor: applicantReviewer, expected: forbidden },
    { name: 'staff of a third agency', actor: otherStaff, expected: forbidden },
    { name: 'staff with no agency', actor: staffWithoutAgency, expected: forbidden },
    { name: 'a bureau coordinator', actor: coordinator, expected: forbidden },
    { name: 'the system', actor: system, expected: forbidden },
  ];

  it.each(titled(byActor, (r) => `from ${r.name} ${verdict(r.expected)}`))('%s', (_, { actor, expected }) => {
    expect(outcome(checkSupplement(waiting, { actor, note: 'commitment attached' }, nowMs))).toEqual(expected);
  });

  it.each(allKinds.filter((k) => k !== 'awaiting_supplement'))(
    'is refused on a case that is %s (no supplement was asked for)',
    (kind) => {
      const s = scenario(kind);
      expect(outcome(checkSupplement(s.view, { actor: applicantStaff, note: 'commitment attached' }, s.nowMs))).toEqual(
        invalidState,
      );
    },
  );

  const byTime = [
    { name: 'on the day it was asked for', at: '2026-03-10T02:00:00.000Z', expected: ok },
    {
      name: 'in the last millisecond of the 10 working days (24:00 local on 03-24)',
      at: '2026-03-24T15:59:59.999Z',
      expected: ok,
    },
    { name: 'one millisecond after the 10 working days', at: '2026-03-24T16:00:00.000Z', expected: invalidState },
    { name: 'a week late', at: '2026-03-31T02:00:00.000Z', expected: invalidState },
  ];

  it.each(titled(byTime, (r) => `made ${r.name} ${verdict(r.expected)}`))('%s', (_, { at, expected }) => {
    expect(
      outcome(checkSupplement(waiting, { actor: applicantStaff, note: 'commitment attached' }, Date.parse(at))),
    ).toEqual(expected);
  });

  it('reports a closed supplement window before a blank note', () => {
    expect(
      outcome(checkSupplement(waiting, { actor: applicantStaff, note: '' }, Date.parse('2026-03-25T02:00:00.000Z'))),
    ).toEqual(invalidState);
  });

  const byNote = [
    { note: '', expected: invalid('note') },
    { note: '  \n', expected: invalid('note') },
    { note: 'commitment attached', expected: ok },
  ];

  it.each(titled(byNote, (r) => `with note ${JSON.stringify(r.note)} ${verdict(r.expected)}`))(
    '%s',
    (_, { note, expected }) => {
      expect(
        outcome(checkSupplement(waiting, { actor: applicantStaff, note, purpose: 'narrowed purpose' }, nowMs)),
      ).toEqual(expected);
    },
  );
});

describe('checkWithdrawal', () => {
  const rows = byKind([
    ['pending_review', ok],
    ['pending_review_overdue', ok],
    ['awaiting_supplement', ok],
    ['granted', invalidState],
    ['granted_renewal_pending', invalidState],
    ['granted_renewal_approved', invalidState],
    ['granted_renewal_rejected', invalidState],
    ['rejected', invalidState],
    ['in_objection', invalidState],
    ['withdrawn', invalidState],
    ['closed', invalidState],
    ['expired', invalidState],
    ['revoked', invalidState],
  ]);

  it.each(titled(rows, (r) => `by the applicant of a case that is ${r.kind} ${verdict(r.expected)}`))(
    '%s',
    (_, { kind, expected }) => {
      expect(
        outcome(checkWithdrawal(scenario(kind).view, { actor: applicantStaff, reason: 'no longer needed' })),
      ).toEqual(expected);
    },
  );

  it('needs no reason', () => {
    expect(outcome(checkWithdrawal(makeView(), { actor: applicantStaff }))).toEqual(ok);
  });

  it.each([
    ['the provider reviewer', providerReviewer],
    ['the provider agency staff', providerStaff],
    ['a reviewer of the applicant agency', applicantReviewer],
    ['staff of a third agency', otherStaff],
    ['a bureau coordinator', coordinator],
    ['a bureau admin', admin],
    ['the system', system],
  ])('is forbidden to %s', (_, actor) => {
    expect(outcome(checkWithdrawal(makeView(), { actor, reason: 'no longer needed' }))).toEqual(forbidden);
  });
});

describe('checkUrge', () => {
  const rows = byKind([
    ['pending_review', ok],
    ['pending_review_overdue', ok],
    ['awaiting_supplement', invalidState],
    ['granted', invalidState],
    ['granted_renewal_pending', ok],
    ['granted_renewal_approved', invalidState],
    ['granted_renewal_rejected', invalidState],
    ['rejected', invalidState],
    ['in_objection', invalidState],
    ['withdrawn', invalidState],
    ['closed', invalidState],
    ['expired', invalidState],
    ['revoked', invalidState],
  ]);

  it.each(titled(rows, (r) => `by a coordinator on a case that is ${r.kind} ${verdict(r.expected)}`))(
    '%s',
    (_, { kind, expected }) => {
      expect(outcome(checkUrge(scenario(kind).view, { actor: coordinator, reason: 'past due' }))).toEqual(expected);
    },
  );

  it.each([
    ['a bureau admin', admin],
    ['the provider reviewer', providerReviewer],
    ['the applicant agency staff', applicantStaff],
    ['the system', system],
    ['a member of the public', citizen],
  ])('is forbidden to %s', (_, actor) => {
    expect(outcome(checkUrge(scenario('pending_review_overdue').view, { actor }))).toEqual(forbidden);
  });
});

describe('checkRenewal', () => {
  const { view: granted } = scenario('granted');
  const ask = (periodMonths: number, reason = 'the licence check continues', actor: Actor = applicantStaff) => ({
    actor,
    periodMonths,
    reason,
  });

  const rows = byKind([
    ['granted', ok],
    ['granted_renewal_pending', invalidState],
    ['granted_renewal_approved', ok],
    ['granted_renewal_rejected', ok],
    ['pending_review', invalidState],
    ['awaiting_supplement', invalidState],
    ['rejected', invalidState],
    ['in_objection', invalidState],
    ['withdrawn', invalidState],
    ['closed', invalidState],
    ['expired', invalidState],
    ['revoked', invalidState],
  ]);

  it.each(titled(rows, (r) => `by the applicant of a case that is ${r.kind} ${verdict(r.expected)}`))(
    '%s',
    (_, { kind, expected }) => {
      expect(outcome(checkRenewal(scenario(kind).view, ask(6)))).toEqual(expected);
    },
  );

  it.each([
    ['the provider reviewer', providerReviewer],
    ['the provider agency staff', providerStaff],
    ['a reviewer of the applicant agency', applicantReviewer],
    ['staff of a third agency', otherStaff],
    ['a bureau admin', admin],
  ])('is forbidden to %s', (_, actor) => {
    expect(outcome(checkRenewal(granted, ask(6, 'continue', actor)))).toEqual(forbidden);
  });

  const byInput = [
    { periodMonths: 1, reason: 'continue', expected: ok },
    { periodMonths: 36, reason: 'continue', expected: ok },
    { periodMonths: 0, reason: 'continue', expected: invalid('periodMonths') },
    { periodMonths: 37, reason: 'continue', expected: invalid('periodMonths') },
    { periodMonths: -6, reason: 'continue', expected: invalid('periodMonths') },
    { periodMonths: 1.5, reason: 'continue', expected: invalid('periodMonths') },
    { periodMonths: Number.NaN, reason: 'continue', expected: invalid('periodMonths') },
    { periodMonths: 6, reason: '', expected: invalid('reason') },
    { periodMonths: 6, reason: '   ', expected: invalid('reason') },
    { periodMonths: 0, reason: ' ', expected: invalid('periodMonths', 'reason') },
  ];

  it.each(
    titled(
      byInput,
      (r) => `for ${r.periodMonths} months with reason ${JSON.stringify(r.reason)} ${verdict(r.expected)}`,
    ),
  )('%s', (_, { periodMonths, reason, expected }) => {
    expect(outcome(checkRenewal(granted, ask(periodMonths, reason)))).toEqual(expected);
  });

  it('caps a renewal at 36 months', () => {
    expect(MAX_PERIOD_MONTHS).toBe(36);
  });
});

describe('checkRevocation', () => {
  const { view: granted } = scenario('granted');

  const byActor = [
    { name: 'the provider reviewer', actor: providerReviewer, expected: ok },
    { name: 'a bureau admin', actor: admin, expected: ok },
    { name: 'a bureau admin with no agency', actor: adminWithoutAgency, expected: ok },
    { name: 'a bureau coordinator', actor: coordinator, expected: forbidden },
    { name: 'the provider agency staff', actor: providerStaff, expected: forbidden },
    { name: 'the applicant agency staff', actor: applicantStaff, expected: forbidden },
    { name: 'a reviewer of the applicant agency', actor: applicantReviewer, expected: forbidden },
    { name: 'a reviewer of a third agency', actor: otherReviewer, expected: forbidden },
    { name: 'the system', actor: system, expected: forbidden },
    { name: 'the gateway', actor: gateway, expected: forbidden },
  ];

  it.each(titled(byActor, (r) => `by ${r.name} ${verdict(r.expected)}`))('%s', (_, { actor, expected }) => {
    expect(outcome(checkRevocation(granted, { actor, reason: 'data used beyond the stated purpose' }))).toEqual(
      expected,
    );
  });

  const rows = byKind([
    ['granted', ok],
    ['granted_renewal_pending', ok],
    ['granted_renewal_approved', ok],
    ['pending_review', invalidState],
    ['awaiting_supplement', invalidState],
    ['rejected', invalidState],
    ['in_objection', invalidState],
    ['withdrawn', invalidState],
    ['closed', invalidState],
    ['expired', invalidState],
    ['revoked', invalidState],
  ]);

  it.each(titled(rows, (r) => `of a case that is ${r.kind} ${verdict(r.expected)}`))('%s', (_, { kind, expected }) => {
    expect(outcome(checkRevocation(scenario(kind).view, { actor: providerReviewer, reason: 'misuse' }))).toEqual(
      expected,
    );
  });

  const byReason = [
    { reason: undefined, expected: invalid('reason') },
    { reason: null, expected: invalid('reason') },
    { reason: '', expected: invalid('reason') },
    { reason: ' \t', expected: invalid('reason') },
  ];

  it.each(titled(byReason, (r) => `with reason ${JSON.stringify(r.reason) ?? 'undefined'} ${verdict(r.expected)}`))(
    '%s',
    (_, { reason, expected }) => {
      expect(outcome(checkRevocation(granted, { actor: admin, reason }))).toEqual(expected);
    },
  );
});

describe('checkObjection', () => {
  const { view: rejected } = scenario('rejected');
  const object = (actor: Actor = applicantStaff, statement = 'the data is needed for licence verification duties') => ({
    actor,
    objectionId: 'obj-1',
    statement,
    policy: defaultPolicy.objection,
  });

  const byActor = [
    { name: 'the applicant agency staff', actor: applicantStaff, expected: ok },
    { name: 'the provider reviewer', actor: providerReviewer, expected: forbidden },
    { name: 'a reviewer of the applicant agency', actor: applicantReviewer, expected: forbidden },
    { name: 'staff of a third agency', actor: otherStaff, expected: forbidden },
    { name: 'a bureau coordinator', actor: coordinator, expected: forbidden },
  ];

  it.each(titled(byActor, (r) => `by ${r.name} ${verdict(r.expected)}`))('%s', (_, { actor, expected }) => {
    expect(outcome(checkObjection(rejected, object(actor), NOW_REVIEW))).toEqual(expected);
  });

  it.each(allKinds.filter((k) => k !== 'rejected'))('is refused on a case that is %s', (kind) => {
    expect(outcome(checkObjection(scenario(kind).view, object(), NOW_REVIEW))).toEqual(invalidState);
  });

  const byTime = [
    { name: 'on the day of the rejection', nowMs: NOW_REVIEW, expected: ok },
    {
      name: 'in the last millisecond of the window (24:00 local on 03-31)',
      nowMs: Date.parse('2026-03-31T15:59:59.999Z'),
      expected: ok,
    },
    {
      name: 'one millisecond after the window (00:00 local on 04-01)',
      nowMs: Date.parse('2026-03-31T16:00:00.000Z'),
      expected: invalidState,
    },
    { name: 'a month after the window', nowMs: Date.parse('2026-04-30T02:00:00.000Z'), expected: invalidState },
  ];

  it.each(titled(byTime, (r) => `filed ${r.name} ${verdict(r.expected)}`))('%s', (_, { nowMs, expected }) => {
    expect(outcome(checkObjection(rejected, object(), nowMs))).toEqual(expected);
  });

  const closed = [
    { name: 'that was already objected to', overrides: { objectionId: 'obj-0' } },
    {
      name: 'made final by the objection ruling',
      overrides: { decision: decisionRecord('reject', { reason: 'upheld', legalBasis: 'Art. 38', final: true }) },
    },
    { name: 'without an objection window', overrides: { objectionDue: null } },
  ];

  it.each(titled(closed, (r) => `is refused with INVALID_STATE on a rejection ${r.name}`))('%s', (_, { overrides }) => {
    expect(outcome(checkObjection({ ...rejected, ...overrides }, object(), NOW_REVIEW))).toEqual(invalidState);
  });

  it('is accepted against an automatic not_shared rejection inside the window', () => {
    const view = makeView({
      state: 'rejected',
      resource: resource('not_shared'),
      reviewDue: null,
      decision: {
        ...decisionRecord('reject', { reason: 'not shared', legalBasis: 'Data Security Law, Art. 38' }),
        by: system,
        automatic: true,
      },
      objectionDue: OBJECTION_DUE,
    });
    expect(outcome(checkObjection(view, object(), NOW_REVIEW))).toEqual(ok);
  });

  it.each(['', '   '])('is refused with VALIDATION_FAILED on statement when the statement is %j', (statement) => {
    expect(outcome(checkObjection(rejected, object(applicantStaff, statement), NOW_REVIEW))).toEqual(
      invalid('statement'),
    );
  });

  it('reports a closed window before a blank statement', () => {
    expect(
      outcome(checkObjection(rejected, object(applicantStaff, ''), Date.parse('2026-04-01T02:00:00.000Z'))),
    ).toEqual(invalidState);
  });
});

describe('grantExpiry', () => {
  const rows = [
    {
      name: 'clamps Jan 31 + 1 month to the end of February',
      grantedAt: '2026-01-31T02:00:00.000Z',
      months: 1,
      expiresDate: '2026-02-28',
      expiresAt: '2026-02-28T15:59:59.999Z',
    },
    {
      name: 'uses the local date: 17:00Z on Nov 22 is already Nov 23 in Shanghai',
      grantedAt: '2026-11-22T17:00:00.000Z',
      months: 1,
      expiresDate: '2026-12-23',
      expiresAt: '2026-12-23T15:59:59.999Z',
    },
    {
      name: 'uses the local date: 15:59:59.999Z on Nov 22 is still Nov 22 in Shanghai',
      grantedAt: '2026-11-22T15:59:59.999Z',
      months: 1,
      expiresDate: '2026-12-22',
      expiresAt: '2026-12-22T15:59:59.999Z',
    },
    {
      name: 'turns the local day at exactly 16:00Z',
      grantedAt: '2026-11-22T16:00:00.000Z',
      months: 1,
      expiresDate: '2026-12-23',
      expiresAt: '2026-12-23T15:59:59.999Z',
    },
    {
      name: 'clamps a grant at 20:00Z on Jan 30 (local Jan 31) to Feb 28',
      grantedAt: '2026-01-30T20:00:00.000Z',
      months: 1,
      expiresDate: '2026-02-28',
      expiresAt: '2026-02-28T15:59:59.999Z',
    },
    {
      name: 'clamps to Feb 29 in a leap year',
      grantedAt: '2024-01-31T02:00:00.000Z',
      months: 1,
      expiresDate: '2024-02-29',
      expiresAt: '2024-02-29T15:59:59.999Z',
    },
    {
      name: 'clamps Feb 29 + 12 months to Feb 28',
      grantedAt: '2024-02-29T01:00:00.000Z',
      months: 12,
      expiresDate: '2025-02-28',
      expiresAt: '2025-02-28T15:59:59.999Z',
    },
    {
      name: 'clamps Aug 31 + 1 month to Sep 30',
      grantedAt: '2026-08-31T02:00:00.000Z',
      months: 1,
      expiresDate: '2026-09-30',
      expiresAt: '2026-09-30T15:59:59.999Z',
    },
    {
      name: 'crosses the year end (Nov 30 + 3 months -> Feb 28)',
      grantedAt: '2026-11-30T02:00:00.000Z',
      months: 3,
      expiresDate: '2027-02-28',
      expiresAt: '2027-02-28T15:59:59.999Z',
    },
    {
      name: 'keeps the corresponding day for 6 months',
      grantedAt: '2026-03-10T02:00:00.000Z',
      months: 6,
      expiresDate: '2026-09-10',
      expiresAt: '2026-09-10T15:59:59.999Z',
    },
    {
      name: 'reaches the 36-month maximum',
      grantedAt: '2026-03-15T02:00:00.000Z',
      months: 36,
      expiresDate: '2029-03-15',
      expiresAt: '2029-03-15T15:59:59.999Z',
    },
  ];

  it.each(titled(rows, (r) => `${r.name}: granted ${r.grantedAt} for ${r.months} months ends ${r.expiresAt}`))(
    '%s',
    (_, { grantedAt, months, expiresDate, expiresAt }) => {
      expect(grantExpiry(Date.parse(grantedAt), months)).toEqual({ expiresDate, expiresAt });
    },
  );
});

describe('renewedExpiry', () => {
  it.each([
    { current: '2026-02-28', months: 1, expiresDate: '2026-03-28', expiresAt: '2026-03-28T15:59:59.999Z' },
    { current: '2026-09-10', months: 6, expiresDate: '2027-03-10', expiresAt: '2027-03-10T15:59:59.999Z' },
    { current: '2026-12-31', months: 2, expiresDate: '2027-02-28', expiresAt: '2027-02-28T15:59:59.999Z' },
    { current: '2027-03-31', months: 1, expiresDate: '2027-04-30', expiresAt: '2027-04-30T15:59:59.999Z' },
    { current: '2027-08-31', months: 6, expiresDate: '2028-02-29', expiresAt: '2028-02-29T15:59:59.999Z' },
    { current: '2026-06-30', months: 12, expiresDate: '2027-06-30', expiresAt: '2027-06-30T15:59:59.999Z' },
  ])(
    'continues a grant ending $current by $months months to $expiresDate',
    ({ current, months, expiresDate, expiresAt }) => {
      expect(renewedExpiry(current, months)).toEqual({ expiresDate, expiresAt });
    },
  );
});

describe('reminderAtMs', () => {
  it.each([
    { expiresAt: '2026-02-28T15:59:59.999Z', days: 10, reminder: '2026-02-18T15:59:59.999Z' },
    { expiresAt: '2026-03-28T15:59:59.999Z', days: 31, reminder: '2026-02-25T15:59:59.999Z' },
    { expiresAt: '2027-01-05T15:59:59.999Z', days: 10, reminder: '2026-12-26T15:59:59.999Z' },
    { expiresAt: '2026-09-10T15:59:59.999Z', days: 1, reminder: '2026-09-09T15:59:59.999Z' },
    { expiresAt: '2026-09-10T15:59:59.999Z', days: 0, reminder: '2026-09-10T15:59:59.999Z' },
  ])('reminds $days natural days before $expiresAt, at $reminder', ({ expiresAt, days, reminder }) => {
    expect(reminderAtMs(expiresAt, { ...policy, expiryReminderDays: days })).toBe(Date.parse(reminder));
  });
});

describe('isTerminal', () => {
  it.each([
    ['pending_review', false],
    ['awaiting_supplement', false],
    ['granted', false],
    ['rejected', false],
    ['in_objection', false],
    ['withdrawn', true],
    ['closed', true],
    ['expired', true],
    ['revoked', true],
  ] as [ShareApplicationState, boolean][])('%s -> %s', (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal);
  });

  it('agrees with terminalShareStates for every state', () => {
    expect(shareApplicationStates.filter(isTerminal)).toEqual([...terminalShareStates]);
  });
});

describe('checkDecision with a period that is not a whole number of months', () => {
  it.each([1.5, Number.NaN])('refuses approving a period of %s months', (periodMonths) => {
    const r = checkDecision(
      makeView(),
      { actor: providerReviewer, decision: 'approve', periodMonths },
      policy,
      NOW_REVIEW,
    );
    expect(outcome(r)).toEqual(invalid('periodMonths'));
  });
});

describe('the role table (shareRoles) is what the checks read', () => {
  // Each role in turn, of the provider agency where it is an agency role: refused FORBIDDEN exactly when
  // the table leaves it out of the action.
  const inRole = (role: Role): Actor => ({ id: 'u-1', role, agency: role.startsWith('agency') ? PROVIDER : null });
  it.each(roles)('%s may revoke a grant and urge a review exactly when shareRoles says so', (role) => {
    const revoke = checkRevocation(makeView(grantedOverrides()), { actor: inRole(role), reason: 'misuse' });
    expect(revoke?.code === 'FORBIDDEN').toBe(!shareRoles.revoke.some((r) => r === role));
    const urge = checkUrge(makeView(), { actor: inRole(role) });
    expect(urge?.code === 'FORBIDDEN').toBe(!shareRoles.urge.some((r) => r === role));
  });
});
