// The share application's (共享申请) next-state functions, docs/processes.md P1: what each step does to
// the case, with no Temporal at all. Dates were worked out by hand on the built-in 2026 calendar
// (the State Council's holidays); 2027 is not in it, so deadlines reaching 2027 are provisional.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/common/actors.js';
import { fixedContext, stepped } from '../../workflows/common/step.js';
import { trackDeadline, type TrackedDeadline } from '../../workflows/common/deadlines.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import type { DecisionInput, ObjectionResolution } from '../../workflows/share-application/messages.js';
import {
  decision,
  grantTimers,
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
  type SharePolicy,
  type ShareStep,
} from '../../workflows/share-application/rules.js';
import type {
  GrantView,
  PrecheckResult,
  ShareApplicationView,
  ShareType,
} from '../../workflows/share-application/types.js';

const APPLICANT = 'AG-APPLICANT';
const PROVIDER = 'AG-PROVIDER';
const applicant: Actor = { id: 'u-zhang', name: '张敏', role: 'agency_staff', agency: APPLICANT };
const reviewer: Actor = { id: 'u-li', name: '王芳', role: 'agency_reviewer', agency: PROVIDER };
const coordinator: Actor = { id: 'u-zheng', name: '李强', role: 'bureau_coordinator', agency: 'BUREAU' };

const policy: SharePolicy = {
  precheckWd: 2,
  reviewWd: 10,
  supplementWd: 10,
  extensionWd: 10,
  expiryReminderDays: 10,
  objectionWindowWd: 15,
};
const names = { [APPLICANT]: '市市场监督管理局', [PROVIDER]: '市公安局' };
/** A step taken at `iso`, on the built-in calendar. */
const at = (iso: string): ShareContext => ({ ...fixedContext(Date.parse(iso)), policy, agencyNames: names });
/** Mon 2026-03-02, 10:00 local. */
const SUBMITTED = at('2026-03-02T02:00:00.000Z');
/** Tue 2026-03-10, 10:00 local. */
const TUESDAY = at('2026-03-10T02:00:00.000Z');

const due = (from: string, days: number): TrackedDeadline => trackDeadline({ from, days }, BUILTIN_CALENDAR);

function makeView(shareType: ShareType = 'conditional', overrides: Partial<ShareApplicationView> = {}) {
  const view: ShareApplicationView = {
    id: 'app-1',
    state: 'pending_review',
    overdue: false,
    version: 0,
    applicantAgency: APPLICANT,
    providerAgency: PROVIDER,
    resource: {
      id: 'res-1',
      code: 'RES-HOUSEHOLD',
      name: '户籍信息',
      providerAgency: PROVIDER,
      shareType,
      legalBasis: shareType === 'unconditional' ? null : '《中华人民共和国个人信息保护法》第六条',
      fields: ['name', 'id_number', 'address'],
    },
    request: {
      fields: ['name', 'id_number'],
      purpose: '市场主体登记核验',
      dutyBasis: '市场监管职责',
      usageScope: '登记窗口',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: '访问留痕',
    },
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
    submittedBy: applicant,
    submittedAt: SUBMITTED.at,
    updatedAt: SUBMITTED.at,
    ...overrides,
  };
  return view;
}

/** The application as registered on 2026-03-02, awaiting its review (due 2026-03-16). */
const inReview = (overrides: Partial<ShareApplicationView> = {}) =>
  makeView('conditional', { version: 1, reviewDue: due('2026-03-02', 10), ...overrides });

/** Granted on 2026-03-10 for 6 months: it ends at the end of 2026-09-10. */
const grant = (overrides: Partial<GrantView> = {}): GrantView => ({
  id: 'grant-1',
  state: 'active',
  fields: ['name'],
  conditions: null,
  grantedAt: TUESDAY.at,
  expiresAt: '2026-09-10T15:59:59.999Z',
  expiresDate: '2026-09-10',
  reminderSent: false,
  revokedAt: null,
  revokedReason: null,
  ...overrides,
});
const granted = (overrides: Partial<ShareApplicationView> = {}) =>
  inReview({ state: 'granted', version: 2, grant: grant(), ...overrides });

const refused = (overrides: Partial<ShareApplicationView> = {}) =>
  inReview({
    state: 'rejected',
    version: 2,
    decision: {
      decision: 'reject',
      by: reviewer,
      at: TUESDAY.at,
      reason: '涉及个人信息',
      legalBasis: '《中华人民共和国个人信息保护法》第六条',
      conditions: null,
    },
    objectionDue: due('2026-03-10', 15),
    ...overrides,
  });

/** Who each notice of a step goes to, as `audience:recipient:kind`. */
const told = (step: ShareStep) => (step.notify ?? []).map((n) => `${n.audience}:${n.recipient}:${n.kind}`);

describe('registration (processes.md P1 step 1)', () => {
  const passed: PrecheckResult = { passed: true, problems: [] };
  const failed: PrecheckResult = { passed: false, problems: ['field not in the resource: photo'] };

  it('grants an unconditional request the pre-check passes at once, with the pre-check deadline on record', () => {
    const steps = registration(makeView('unconditional'), applicant, passed, SUBMITTED);
    expect(steps.map((s) => [s.action, s.to, s.actor.name])).toEqual([
      ['submit', 'pending_review', '张敏'],
      ['auto_grant', 'granted', 'bureau compliance pre-check'],
    ]);
    const [, grantStep] = steps;
    // 12 months from 2026-03-02.
    expect(grantStep!.set.grant).toMatchObject({
      id: 'id-1',
      fields: ['name', 'id_number'],
      expiresDate: '2027-03-02',
    });
    expect(grantStep!.set.decision).toMatchObject({ decision: 'approve', automatic: true, legalBasis: null });
    // 2 working days after Mon 2026-03-02.
    expect(grantStep!.data).toMatchObject({ precheckedOn: '2026-03-02', precheckDueDate: '2026-03-04' });
    expect(told(grantStep!)).toEqual([`agency:${PROVIDER}:granted`]);
    expect(grantStep!.notify![0]!.title).toContain('市市场监督管理局');
  });

  it('sends an unconditional request that fails the pre-check to review, listing the problems', () => {
    const [submit, ...rest] = registration(makeView('unconditional'), applicant, failed, SUBMITTED);
    expect(rest).toEqual([]);
    expect(submit).toMatchObject({ action: 'submit', to: 'pending_review' });
    expect(submit!.set.reviewDue?.dueDate).toBe('2026-03-16');
    expect(submit!.data).toMatchObject({ route: 'review', precheckProblems: failed.problems });
    expect(told(submit!)).toEqual([`agency:${PROVIDER}:review_requested`]);
  });

  it('sends a conditional request to the provider review, due in 10 working days', () => {
    const steps = registration(makeView('conditional'), applicant, passed, SUBMITTED);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.set.reviewDue).toEqual(due('2026-03-02', 10));
    // Only an unconditional request is pre-checked by the bureau.
    expect(steps[0]!.data).not.toHaveProperty('precheckDueDate');
  });

  it('refuses a resource the catalog marks not shareable at once, with its legal basis and an objection window', () => {
    const steps = registration(makeView('not_shared'), applicant, passed, SUBMITTED);
    expect(steps.map((s) => [s.action, s.to])).toEqual([
      ['submit', 'pending_review'],
      ['auto_reject', 'rejected'],
    ]);
    const reject = steps[1]!;
    expect(reject.legalBasis).toBe('《中华人民共和国个人信息保护法》第六条');
    // 15 working days after 2026-03-02.
    expect(reject.set.objectionDue?.dueDate).toBe('2026-03-23');
    expect(told(reject)).toEqual([`agency:${APPLICANT}:rejected`]);
  });
});

describe('decision (processes.md P1 steps 2–3)', () => {
  const decide = (d: Partial<DecisionInput> & Pick<DecisionInput, 'decision'>, v = inReview()) =>
    decision(v, { actor: reviewer, ...d }, TUESDAY);

  it('an approval grants the narrower fields for the shorter period, from the day of the decision', () => {
    const step = decide({ decision: 'approve', fields: ['name'], periodMonths: 6, conditions: '仅限核验' });
    expect([step.action, step.to]).toEqual(['approve', 'granted']);
    expect(step.set.grant).toMatchObject({ fields: ['name'], conditions: '仅限核验', expiresDate: '2026-09-10' });
    expect(step.data).toEqual({ conditions: '仅限核验', fields: ['name'], expiresDate: '2026-09-10' });
    expect(told(step)).toEqual([`agency:${APPLICANT}:granted`]);
  });

  it('a refusal keeps its legal basis and opens the 15-working-day objection window', () => {
    const step = decide({ decision: 'reject', reason: '涉密', legalBasis: '《保守国家秘密法》第二条' });
    expect([step.action, step.to, step.legalBasis]).toEqual(['reject', 'rejected', '《保守国家秘密法》第二条']);
    expect(step.set.objectionDue?.dueDate).toBe('2026-03-31');
    expect(step.set.decision).toMatchObject({ decision: 'reject', legalBasis: '《保守国家秘密法》第二条' });
  });

  it('a supplement request lists everything missing once, stops the review clock and gives 10 working days', () => {
    const step = decide({ decision: 'request_supplement', reason: '材料不全', missing: [' 履职依据 ', '', '承诺书'] });
    expect([step.action, step.to]).toEqual(['request_supplement', 'awaiting_supplement']);
    expect(step.set).toMatchObject({ missing: ['履职依据', '承诺书'], reviewDue: null });
    expect(step.set.supplementDue?.dueDate).toBe('2026-03-24');
  });

  it('an extension adds its working days to the original deadline, counted from the same day', () => {
    const step = decide({ decision: 'extend', reason: '需征求意见', extendWd: 5 });
    expect(step.set.reviewDue).toEqual(due('2026-03-02', 15));
    expect(step.set.reviewDue?.dueDate).toBe('2026-03-23');
    expect(step.set.extension).toMatchObject({ extendWd: 5, reason: '需征求意见', by: reviewer });
  });

  describe('on a renewal', () => {
    // The reminder of the current end was sent: an approved renewal must reset it.
    const renewing = () =>
      granted({
        grant: grant({ reminderSent: true }),
        renewal: {
          state: 'pending_review',
          periodMonths: 6,
          reason: '继续使用',
          requestedBy: applicant,
          requestedAt: '2026-08-28T02:00:00.000Z',
          reviewDue: due('2026-08-28', 10),
          overdue: false,
          decision: null,
          extension: null,
        },
      });

    it('an approval moves the end from the current one, not from today', () => {
      const step = decision(renewing(), { actor: reviewer, decision: 'approve' }, at('2026-09-01T02:00:00.000Z'));
      expect([step.action, step.to]).toEqual(['renewal_approved', 'granted']);
      expect(step.set.grant).toMatchObject({ id: 'grant-1', expiresDate: '2027-03-10', reminderSent: false });
      expect(step.set.renewal?.state).toBe('approved');
    });

    it('a refusal leaves the grant as it is', () => {
      const step = decision(renewing(), { actor: reviewer, decision: 'reject', legalBasis: '某法' }, TUESDAY);
      expect([step.action, step.to, step.legalBasis]).toEqual(['renewal_rejected', 'granted', '某法']);
      expect(step.set).not.toHaveProperty('grant');
      expect(step.set.renewal?.state).toBe('rejected');
    });

    it("an extension moves the renewal's review deadline, not the application's", () => {
      const step = decision(renewing(), { actor: reviewer, decision: 'extend', extendWd: 3, reason: '核实' }, TUESDAY);
      expect(step.action).toBe('renewal_review_extended');
      expect(step.set.renewal?.reviewDue).toEqual(due('2026-08-28', 13));
      expect(step.set.renewal?.reviewDue?.dueDate).toBe('2026-09-16');
      expect(step.set).not.toHaveProperty('reviewDue');
    });
  });
});

describe('the other actions', () => {
  it('a supplement restarts the review in full from its day and merges the corrected request', () => {
    const v = inReview({ state: 'awaiting_supplement', missing: ['履职依据'], supplementDue: due('2026-03-05', 10) });
    const step = supplement(v, { actor: applicant, note: '已补充', dutyBasis: '新依据' }, TUESDAY);
    expect([step.action, step.to]).toEqual(['supplement', 'pending_review']);
    expect(step.set.reviewDue).toEqual(due('2026-03-10', 10));
    expect(step.set.request).toMatchObject({ dutyBasis: '新依据', purpose: '市场主体登记核验' });
    expect(step.set.supplements).toEqual([
      { by: applicant, at: TUESDAY.at, note: '已补充', missing: ['履职依据'], changes: { dutyBasis: '新依据' } },
    ]);
    expect(step.set).toMatchObject({ missing: null, supplementDue: null });
  });

  it('a withdrawal ends the case and stops its clocks', () => {
    const step = withdrawal(inReview(), { actor: applicant, reason: '不再需要' });
    expect([step.action, step.to, step.set]).toEqual([
      'withdraw',
      'withdrawn',
      { reviewDue: null, supplementDue: null },
    ]);
    expect(told(step)).toEqual([`agency:${PROVIDER}:withdrawn`]);
  });

  it('urging counts, keeps the state and tells the provider its deadline', () => {
    const step = urging(inReview({ urgedCount: 1 }), { actor: coordinator });
    expect([step.action, step.to, step.set.urgedCount]).toEqual(['urge', 'pending_review', 2]);
    expect(step.notify![0]!.title).toContain('期限 2026-03-16');
  });

  it('a renewal request is reviewed within 10 working days of its day', () => {
    const step = renewalRequest(granted(), { actor: applicant, periodMonths: 6, reason: '继续使用' }, TUESDAY);
    expect([step.action, step.to]).toEqual(['request_renewal', 'granted']);
    expect(step.set.renewal).toMatchObject({
      state: 'pending_review',
      periodMonths: 6,
      reviewDue: due('2026-03-10', 10),
    });
    expect(step.set.renewal?.reviewDue?.dueDate).toBe('2026-03-24');
  });

  it.each([
    { by: 'the provider', actor: reviewer, notified: [`agency:${APPLICANT}:revoked`] },
    {
      by: 'the bureau',
      actor: coordinator,
      notified: [`agency:${APPLICANT}:revoked`, `agency:${PROVIDER}:revoked`],
    },
  ])('a revocation by $by tells $notified.length parties', ({ actor, notified }) => {
    const step = revocation(granted(), { actor, reason: '违规使用' }, TUESDAY);
    expect([step.action, step.to]).toEqual(['revoke', 'revoked']);
    expect(step.set.grant).toMatchObject({ state: 'revoked', revokedAt: TUESDAY.at, revokedReason: '违规使用' });
    expect(told(step)).toEqual(notified);
  });

  it('a revocation rejects a renewal still awaiting review, and says so in the audit', () => {
    const v = granted({
      renewal: {
        state: 'pending_review',
        periodMonths: 6,
        reason: 'x',
        requestedBy: applicant,
        requestedAt: TUESDAY.at,
        reviewDue: due('2026-03-10', 10),
        overdue: false,
        decision: null,
        extension: null,
      },
    });
    const step = revocation(v, { actor: reviewer }, TUESDAY);
    expect(step.set.renewal?.state).toBe('rejected');
    expect(step.data).toEqual({ renewalPendingAtRevocation: true });
  });
});

describe('objections (processes.md P2)', () => {
  const filing = { actor: applicant, objectionId: 'obj-1', statement: '履职必需', policy: {} as never };

  it("an objection carries the refusal's legal basis to the coordination and into the audit", () => {
    const v = refused();
    expect(objectionInput(v, filing, names).refusal).toMatchObject({
      legalBasis: '《中华人民共和国个人信息保护法》第六条',
      by: reviewer,
      automatic: false,
    });
    const step = objectionFiled(v, filing);
    expect([step.action, step.to, step.legalBasis]).toEqual([
      'file_objection',
      'in_objection',
      '《中华人民共和国个人信息保护法》第六条',
    ]);
  });

  const resolution = (outcome: ObjectionResolution['outcome']): ObjectionResolution => ({
    objectionId: 'obj-1',
    outcome,
    reasoning: '协调意见',
    decidedBy: coordinator,
    ...(outcome === 'conditional_share' ? { conditions: '仅限登记窗口' } : {}),
  });

  it('an upheld refusal is final and keeps its legal basis', () => {
    const step = objectionOutcome(
      refused({ state: 'in_objection', objectionId: 'obj-1' }),
      resolution('uphold_refusal'),
      TUESDAY,
    );
    expect([step.action, step.to, step.legalBasis]).toEqual([
      'objection_upheld_refusal',
      'rejected',
      '《中华人民共和国个人信息保护法》第六条',
    ]);
    expect(step.set.decision).toMatchObject({ final: true, decision: 'reject' });
    expect(step.set.objectionDue).toBeNull();
  });

  it('an order to share grants the requested fields with its conditions, from the day of the outcome', () => {
    const step = objectionOutcome(
      refused({ state: 'in_objection', objectionId: 'obj-1' }),
      resolution('conditional_share'),
      TUESDAY,
    );
    expect([step.action, step.to]).toEqual(['objection_granted', 'granted']);
    expect(step.set.grant).toMatchObject({
      fields: ['name', 'id_number'],
      conditions: '仅限登记窗口',
      expiresDate: '2027-03-10',
    });
    expect(told(step)).toEqual([`agency:${APPLICANT}:granted`, `agency:${PROVIDER}:objection_resolved`]);
  });

  it('a window that closes with no objection makes the refusal final', () => {
    const step = objectionWindowClosed(refused());
    expect([step.action, step.to, step.reason]).toEqual([
      'objection_window_closed',
      'rejected',
      '未于 2026-03-31 前提出异议',
    ]);
    expect(step.set.decision).toMatchObject({ final: true, legalBasis: '《中华人民共和国个人信息保护法》第六条' });
  });

  it('an objection process that ended with no outcome opens a fresh window', () => {
    const step = objectionProcessFailed(
      refused({ state: 'in_objection', objectionId: 'obj-1' }),
      at('2026-03-20T02:00:00.000Z'),
    );
    expect(step.set).toEqual({ objectionId: null, objectionDue: due('2026-03-20', 15) });
    expect(told(step)).toEqual([`agency:${APPLICANT}:objection_failed`, 'bureau:null:objection_failed']);
  });
});

describe('deadlines', () => {
  it('an overdue review is flagged and reported to the bureau, and stays open', () => {
    const step = reviewOverdue(inReview(), TUESDAY);
    expect([step.action, step.to, step.set]).toEqual(['overdue', 'pending_review', { overdue: true }]);
    expect(told(step)).toEqual([`agency:${PROVIDER}:overdue`, 'bureau:null:overdue']);
    expect(step.notify![1]!.title).toContain('市公安局');
  });

  it('a supplement not made in time closes the case', () => {
    const step = supplementLapsed(inReview({ state: 'awaiting_supplement', supplementDue: due('2026-03-10', 10) }));
    expect([step.action, step.to, step.reason]).toEqual(['close', 'closed', '未于 2026-03-24 前补正']);
  });

  it('a grant waits for its reminder 10 days before its end, then for the end itself', () => {
    const timers = grantTimers(granted(), TUESDAY);
    expect(timers.map((t) => [new Date(t.at).toISOString(), t.step.action])).toEqual([
      ['2026-08-31T15:59:59.999Z', 'expiry_reminder'],
      ['2026-09-10T16:00:00.000Z', 'expire'],
    ]);
    const [remind] = timers;
    expect(stepped(granted(), remind!.step).grant?.reminderSent).toBe(true);
    // With no renewal pending the grant just ends, and both agencies are told.
    const expire = timers[1]!.step;
    expect(expire.set).toEqual({ grant: { ...grant(), state: 'expired' } });
    expect([expire.to, expire.reason, expire.data]).toEqual([
      'expired',
      '使用期限已于 2026-09-10 届满',
      { renewalPendingAtExpiry: false },
    ]);
    expect(told(expire)).toEqual([`agency:${APPLICANT}:expired`, `agency:${PROVIDER}:expired`]);
  });

  it("a renewal's review not decided in time is flagged once, to the provider and the bureau", () => {
    const renewal = {
      state: 'pending_review' as const,
      periodMonths: 6,
      reason: 'x',
      requestedBy: applicant,
      requestedAt: '2026-08-20T02:00:00.000Z',
      reviewDue: due('2026-08-20', 10),
      overdue: false,
      decision: null,
      extension: null,
    };
    expect(renewal.reviewDue.dueDate).toBe('2026-09-03');
    const timers = grantTimers(granted({ grant: grant({ reminderSent: true }), renewal }), TUESDAY);
    expect(timers.map((t) => t.step.action)).toEqual(['renewal_overdue', 'expire']);
    const late = timers[0]!.step;
    expect([late.to, late.set, late.reason]).toEqual([
      'granted',
      { renewal: { ...renewal, overdue: true } },
      '续期审核期限 2026-09-03 已过',
    ]);
    expect(told(late)).toEqual([`agency:${PROVIDER}:overdue`, 'bureau:null:overdue']);
    expect(late.notify![1]!.title).toContain('市公安局');
    const flagged = grantTimers(
      granted({ grant: grant({ reminderSent: true }), renewal: { ...renewal, overdue: true } }),
      TUESDAY,
    );
    expect(flagged.map((t) => t.step.action)).toEqual(['expire']);
  });

  it('a sent reminder is not sent again; a renewal under review has its own deadline', () => {
    const v = granted({
      grant: grant({ reminderSent: true }),
      renewal: {
        state: 'pending_review',
        periodMonths: 6,
        reason: 'x',
        requestedBy: applicant,
        requestedAt: '2026-08-28T02:00:00.000Z',
        reviewDue: due('2026-08-28', 10),
        overdue: false,
        decision: null,
        extension: null,
      },
    });
    const timers = grantTimers(v, TUESDAY);
    expect(timers.map((t) => t.step.action)).toEqual(['expire', 'renewal_overdue']);
    // The grant ends on 09-10, before the renewal's review is due on 09-11; the renewal falls with it.
    expect(timers[0]!.step.set.renewal?.state).toBe('rejected');
    expect(timers[0]!.step.data).toEqual({ renewalPendingAtExpiry: true });
  });
});

describe('recomputedDeadlines: a published calendar moves only the deadlines still running', () => {
  // Submitted Thu 2026-12-24: the 10th working day falls in 2027, which the built-in calendar lacks.
  const provisional = due('2026-12-24', 10);
  const calendar2027 = {
    ...BUILTIN_CALENDAR,
    '2027': { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] },
  };
  const dec25 = Date.parse('2026-12-25T02:00:00.000Z');

  it('moves a provisional review deadline onto the published year', () => {
    expect(provisional).toMatchObject({ dueDate: '2027-01-07', provisional: true });
    const moved = recomputedDeadlines(inReview({ reviewDue: provisional }), calendar2027, dec25, false);
    expect(moved?.set.reviewDue).toMatchObject({ dueDate: '2027-01-08', provisional: false });
    expect(moved?.data).toEqual({ reviewDueDate: '2027-01-08', supplementDueDate: null, objectionDueDate: null });
  });

  it("leaves a decided review's deadline as it was (the stale-deadline defect)", () => {
    const decided = granted({ reviewDue: provisional });
    expect(recomputedDeadlines(decided, calendar2027, dec25, false)).toBeNull();
    // Cases older than the local-steps patch recomputed every deadline, and replay as they ran.
    expect(recomputedDeadlines(decided, calendar2027, dec25, true)?.set.reviewDue?.dueDate).toBe('2027-01-08');
  });

  it('is null when the calendar moves nothing, on either path', () => {
    expect(recomputedDeadlines(inReview(), calendar2027, TUESDAY.nowMs, false)).toBeNull();
    expect(recomputedDeadlines(inReview(), calendar2027, TUESDAY.nowMs, true)).toBeNull();
  });

  it("moves a pending renewal's review deadline, and not a decided one's", () => {
    const renewal = {
      state: 'pending_review' as const,
      periodMonths: 6,
      reason: 'x',
      requestedBy: applicant,
      requestedAt: '2026-12-24T02:00:00.000Z',
      reviewDue: provisional,
      overdue: false,
      decision: null,
      extension: null,
    };
    const moved = recomputedDeadlines(granted({ renewal }), calendar2027, dec25, false);
    expect(moved?.set.renewal?.reviewDue).toMatchObject({ dueDate: '2027-01-08', provisional: false });
    expect(
      recomputedDeadlines(granted({ renewal: { ...renewal, state: 'approved' } }), calendar2027, dec25, false),
    ).toBeNull();
  });

  it('moves the objection window of a refusal still open to objection', () => {
    // Refused Thu 2026-12-24: 15 working days, provisional (2027-01-14), then 2027-01-15 with 1 January off.
    const window = due('2026-12-24', 15);
    expect(window).toMatchObject({ dueDate: '2027-01-14', provisional: true });
    const moved = recomputedDeadlines(refused({ objectionDue: window }), calendar2027, dec25, false);
    expect(moved?.set.objectionDue).toMatchObject({ dueDate: '2027-01-15', provisional: false });
    expect(moved?.data).toMatchObject({ objectionDueDate: '2027-01-15' });
  });
});
