// The objection's (不予共享异议协商) next-state functions, docs/processes.md P2: what each step does to
// the case, with no Temporal at all. Dates worked out by hand on the built-in 2026 calendar.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../workflows/common/actors.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import { fixedContext } from '../../workflows/common/step.js';
import {
  assignment,
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
  type ObjectionStep,
} from '../../workflows/objection/rules.js';
import type { ObjectionState, ObjectionView } from '../../workflows/objection/types.js';

const A = 'AG-APPLICANT';
const P = 'AG-PROVIDER';
const applicantStaff: Actor = { id: 'u-zhao', name: '赵磊', role: 'agency_staff', agency: A };
const providerReviewer: Actor = { id: 'u-li', name: '王芳', role: 'agency_reviewer', agency: P };
const coordinator: Actor = { id: 'u-zheng', name: '李强', role: 'bureau_coordinator', agency: null };
const other: Actor = { id: 'u-sun', name: '孙丽', role: 'bureau_coordinator', agency: null };
const admin: Actor = { id: 'u-admin', name: '周敏', role: 'bureau_admin', agency: null };
const policy = { negotiateWd: 5, providerStatementWd: 3, coordinateWd: 10 };
const at = (iso: string): ObjectionContext => ({
  ...fixedContext(Date.parse(iso)),
  policy,
  agencyNames: { [A]: '市民政局', [P]: '市公安局' },
});
/** Mon 2026-03-02 and Tue 2026-03-10, 10:00 local. */
const MONDAY = at('2026-03-02T02:00:00.000Z');
const TUESDAY = at('2026-03-10T02:00:00.000Z');
const due = (from: string, days: number) => trackDeadline({ from, days }, BUILTIN_CALENDAR);

const objection = (state: ObjectionState, o: Partial<ObjectionView> = {}): ObjectionView => ({
  id: 'obj-1',
  state,
  overdue: false,
  version: 1,
  applicationId: 'app-1',
  applicantAgency: A,
  providerAgency: P,
  resource: { id: 'res-1', code: 'R-HH', name: '户籍信息' },
  refusal: {
    reason: '涉及个人隐私',
    legalBasis: '《个人信息保护法》第十三条',
    by: providerReviewer,
    at: MONDAY.at,
    automatic: false,
  },
  statement: '履职需要核验户籍',
  dutyBasis: '《社会救助暂行办法》第十一条',
  filedBy: applicantStaff,
  filedAt: MONDAY.at,
  coordinator: null,
  negotiationDue: due('2026-03-02', 5),
  statementDue: null,
  coordinationDue: null,
  coordinationStartedAt: null,
  statements: [],
  minutes: [],
  escalation: null,
  ruling: null,
  updatedAt: MONDAY.at,
  ...o,
});
const coordinating = (o: Partial<ObjectionView> = {}) =>
  objection('coordinating', {
    coordinator,
    coordinationStartedAt: MONDAY.at,
    statementDue: due('2026-03-02', 3),
    coordinationDue: due('2026-03-02', 10),
    ...o,
  });
const told = (step: ObjectionStep) => (step.notify ?? []).map((n) => `${n.audience}:${n.recipient ?? '-'}:${n.kind}`);

describe('objection steps (processes.md P2)', () => {
  it('is filed into negotiation with 5 working days, keeping the refusal’s legal basis and the duty basis', () => {
    const step = filing(objection('negotiating', { version: 0, negotiationDue: null }), MONDAY);
    expect([step.action, step.to, step.actor]).toEqual(['file', 'negotiating', applicantStaff]);
    expect(step.set.negotiationDue).toMatchObject({ from: '2026-03-02', days: 5, dueDate: '2026-03-09' });
    expect(step.legalBasis).toBe('《个人信息保护法》第十三条');
    expect(step.data).toEqual({ negotiationDueDate: '2026-03-09', dutyBasis: '《社会救助暂行办法》第十一条' });
    expect(told(step)).toEqual([`agency:${P}:objection_filed`, 'bureau:-:objection_filed']);
    expect(step.notify![0]!.title).toContain('2026-03-09');
  });

  it('settles in negotiation: resolved, the ruling marked as the negotiation’s, both parties and the bureau told', () => {
    const step = settlement(
      objection('negotiating'),
      { actor: providerReviewer, outcome: 'conditional_share', conditions: '仅限核验' },
      TUESDAY,
    );
    expect([step.action, step.to]).toEqual(['settle', 'resolved']);
    expect(step.set.ruling).toMatchObject({
      outcome: 'conditional_share',
      conditions: '仅限核验',
      stage: 'negotiation',
      by: providerReviewer,
      at: TUESDAY.at,
      documentRef: null,
    });
    expect(step.data).toEqual({ outcome: 'conditional_share', conditions: '仅限核验' });
    expect(told(step)).toEqual([
      `agency:${A}:objection_settled`,
      `agency:${P}:objection_settled`,
      'bureau:-:objection_settled',
    ]);
  });

  describe('assignment', () => {
    it('taking over from negotiation starts the statement clock (3) and the coordination clock (10) today', () => {
      const step = assignment(objection('negotiating'), { actor: coordinator, coordinator }, TUESDAY);
      expect([step.action, step.to]).toEqual(['take_over', 'coordinating']);
      expect(step.set).toMatchObject({ coordinator, coordinationStartedAt: TUESDAY.at });
      expect(step.set.statementDue?.dueDate).toBe('2026-03-13');
      expect(step.set.coordinationDue?.dueDate).toBe('2026-03-24');
      expect(step.data).toEqual({
        coordinator: 'u-zheng',
        statementDueDate: '2026-03-13',
        coordinationDueDate: '2026-03-24',
      });
      expect(told(step)).toEqual([
        `agency:${A}:objection_coordinating`,
        `agency:${P}:objection_coordinating`,
        `agency:${P}:statement_requested`,
      ]);
      expect(step.notify![2]!.title).toContain('2026-03-13');
    });

    it('assigning after a lapse, or reassigning, keeps the clocks that run', () => {
      const lapsed = coordinating({ coordinator: null });
      const first = assignment(lapsed, { actor: admin, coordinator }, TUESDAY);
      expect(first.action).toBe('assign');
      expect(first.set).toEqual({ coordinator });
      expect(first.data).toMatchObject({ statementDueDate: '2026-03-05', coordinationDueDate: '2026-03-16' });
      const again = assignment(coordinating(), { actor: coordinator, coordinator: other }, TUESDAY);
      expect([again.action, again.set]).toEqual(['reassign', { coordinator: other }]);
    });
  });

  it('appends a party’s statement in sequence and tells the other party; the state does not move', () => {
    const v = coordinating({
      statements: [{ seq: 1, by: applicantStaff, party: 'applicant', text: '补充说明', at: MONDAY.at }],
    });
    const step = statement(v, { actor: providerReviewer, text: '同意按条件共享' }, TUESDAY);
    expect([step.action, step.to]).toEqual(['statement', 'coordinating']);
    expect(step.set.statements).toHaveLength(2);
    expect(step.set.statements![1]).toEqual({
      seq: 2,
      by: providerReviewer,
      party: 'provider',
      text: '同意按条件共享',
      at: TUESDAY.at,
    });
    expect(step.data).toEqual({ party: 'provider', seq: 2 });
    expect(told(step)).toEqual([`agency:${A}:objection_statement`]);
    expect(v.statements).toHaveLength(1);
  });

  it('appends the coordinator’s minutes in sequence', () => {
    const step = minutes(coordinating(), { actor: coordinator, text: '三方会商', heldAt: MONDAY.at }, TUESDAY);
    expect([step.action, step.to, step.reason]).toEqual(['minutes', 'coordinating', '三方会商']);
    expect(step.set.minutes).toEqual([
      { seq: 1, by: coordinator, text: '三方会商', heldAt: MONDAY.at, at: TUESDAY.at },
    ]);
    expect(step.data).toEqual({ heldAt: MONDAY.at, seq: 1 });
  });

  it('a ruling that upholds the refusal carries its legal basis; one to share does not', () => {
    const uphold = ruling(
      coordinating(),
      { actor: coordinator, outcome: 'uphold_refusal', reasoning: '确属隐私' },
      TUESDAY,
    );
    expect([uphold.action, uphold.to, uphold.legalBasis]).toEqual(['rule', 'resolved', '《个人信息保护法》第十三条']);
    expect(uphold.set.ruling).toMatchObject({
      outcome: 'uphold_refusal',
      stage: 'coordination',
      reasoning: '确属隐私',
    });
    const share = ruling(coordinating(), { actor: coordinator, outcome: 'share', reasoning: '履职必需' }, TUESDAY);
    expect(share.legalBasis).toBeNull();
    expect(told(share)).toEqual([`agency:${A}:objection_ruled`, `agency:${P}:objection_ruled`]);
  });

  it('escalation by the bureau is manual; a lapsed coordination escalates by itself and flags overdue', () => {
    const byHand = escalation(coordinating(), { actor: admin, reason: '分歧较大' }, TUESDAY);
    expect([byHand.action, byHand.to]).toEqual(['escalate', 'escalated']);
    expect(byHand.set).toEqual({ escalation: { reason: '分歧较大', by: admin, at: TUESDAY.at, automatic: false } });
    expect(byHand.notify![2]!.title).toBe('已提请市人民政府统筹协调：户籍信息 (R-HH)');
    const lapsed = coordinationLapsed(coordinating(), at('2026-03-17T02:00:00.000Z'));
    expect([lapsed.action, lapsed.to, lapsed.actor.name]).toEqual(['escalate', 'escalated', 'deadline']);
    expect(lapsed.set.overdue).toBe(true);
    expect(lapsed.set.escalation).toMatchObject({ automatic: true, reason: '协调期 2026-03-16 届满未作出协调意见' });
    expect(told(lapsed)).toEqual([
      `agency:${A}:objection_escalated`,
      `agency:${P}:objection_escalated`,
      'bureau:-:objection_escalated',
    ]);
    expect(lapsed.notify![2]!.title).toBe('协调期限届满，已提请市人民政府：户籍信息 (R-HH)');
  });

  it('the government’s decision resolves the case with its document', () => {
    const step = governmentDecision(
      objection('escalated'),
      { actor: admin, outcome: 'share', reasoning: '统筹决定共享', documentRef: '滨政函〔2026〕12号' },
      TUESDAY,
    );
    expect([step.action, step.to]).toEqual(['government_decision', 'resolved']);
    expect(step.set.ruling).toMatchObject({ stage: 'government', documentRef: '滨政函〔2026〕12号', outcome: 'share' });
    expect(step.data).toEqual({ outcome: 'share', documentRef: '滨政函〔2026〕12号' });
    expect(told(step)).toEqual([`agency:${A}:objection_decided`, `agency:${P}:objection_decided`]);
    expect(step.notify![0]!.title).toBe('市人民政府决定：予以共享：户籍信息 (R-HH)');
  });

  it('a lapsed negotiation passes to the bureau and starts the coordination clocks on the day it lapsed', () => {
    const step = negotiationLapsed(objection('negotiating'), TUESDAY);
    expect([step.action, step.to, step.actor.name]).toEqual(['negotiation_lapsed', 'coordinating', 'deadline']);
    expect(step.reason).toBe('协商期 2026-03-09 届满未达成一致');
    expect(step.set.coordinationStartedAt).toBe(TUESDAY.at);
    expect(step.data).toEqual({ statementDueDate: '2026-03-13', coordinationDueDate: '2026-03-24' });
    expect(told(step)).toEqual(['bureau:-:objection_needs_coordinator', `agency:${P}:statement_requested`]);
  });

  it('a late statement flags the case and names the provider to the bureau', () => {
    const step = statementOverdue(coordinating(), at('2026-03-06T02:00:00.000Z'));
    expect([step.action, step.to, step.set]).toEqual(['statement_overdue', 'coordinating', { overdue: true }]);
    expect(step.reason).toBe('数据提供单位未于 2026-03-05 前提交陈述');
    expect(told(step)).toEqual([`agency:${P}:overdue`, 'bureau:-:overdue']);
    expect(step.notify![1]!.title).toContain('市公安局');
  });

  it('an undelivered outcome stays resolved and asks the bureau to act by hand', () => {
    const step = outcomeUndelivered(objection('resolved'));
    expect([step.action, step.to, step.set]).toEqual(['outcome_undelivered', 'resolved', {}]);
    expect(told(step)).toEqual(['bureau:-:objection_outcome_undelivered']);
  });

  describe('nextDeadline', () => {
    it('waits for negotiation, then the earlier of the statement and the coordination, none once escalated', () => {
      expect(nextDeadline(objection('negotiating'), false)).toMatchObject({
        kind: 'negotiation',
        due: { dueDate: '2026-03-09' },
      });
      expect(nextDeadline(coordinating(), false)).toMatchObject({ kind: 'statement', due: { dueDate: '2026-03-05' } });
      expect(nextDeadline(coordinating(), true)).toMatchObject({
        kind: 'coordination',
        due: { dueDate: '2026-03-16' },
      });
      expect(nextDeadline(objection('escalated'), false)).toBeNull();
      expect(nextDeadline(objection('resolved'), false)).toBeNull();
    });

    it('stops watching the statement once the provider has spoken after coordination began', () => {
      const before = {
        seq: 1,
        by: providerReviewer,
        party: 'provider' as const,
        text: '旧陈述',
        at: '2026-03-01T02:00:00.000Z',
      };
      expect(nextDeadline(coordinating({ statements: [before] }), false)?.kind).toBe('statement');
      const after = { ...before, seq: 2, at: TUESDAY.at };
      expect(nextDeadline(coordinating({ statements: [before, after] }), false)?.kind).toBe('coordination');
    });
  });

  describe('recomputedDeadlines', () => {
    // Coordination began on Wed 2026-12-30: its deadlines reach 2027, which the built-in calendar lacks.
    const with2027 = { ...BUILTIN_CALENDAR, '2027': { holidays: ['2027-01-01'], workdays: [] } };
    const dec31 = Date.parse('2026-12-31T02:00:00.000Z');
    const late = coordinating({
      negotiationDue: due('2026-12-21', 5),
      statementDue: due('2026-12-30', 3),
      coordinationDue: due('2026-12-30', 10),
    });

    it('moves the deadlines still running onto the published year and leaves a passed one alone', () => {
      expect(late.statementDue).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      expect(late.coordinationDue).toMatchObject({ dueDate: '2027-01-13', provisional: true });
      const moved = recomputedDeadlines(late, with2027, dec31, 'open');
      expect(moved?.statementDue).toMatchObject({ dueDate: '2027-01-05', provisional: false });
      expect(moved?.coordinationDue).toMatchObject({ dueDate: '2027-01-14', provisional: false });
      expect(moved?.negotiationDue).toEqual(late.negotiationDue);
    });

    it('moves only the deadlines still open: not negotiation’s once taken over, not the statement once answered', () => {
      // Taken over on 2026-12-29, before negotiation's provisional deadline (filed 12-28: 5 working days, 2027-01-04).
      const early = { ...late, negotiationDue: due('2026-12-28', 5) };
      expect(early.negotiationDue).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      expect(recomputedDeadlines(early, with2027, dec31, 'open')?.negotiationDue).toEqual(early.negotiationDue);
      // Cases before the patch moved it all the same.
      expect(recomputedDeadlines(early, with2027, dec31, 'unpassed')?.negotiationDue).toMatchObject({
        dueDate: '2027-01-05',
      });
      const answered = {
        ...late,
        coordinationStartedAt: '2026-12-30T02:00:00.000Z',
        statements: [
          { seq: 1, by: providerReviewer, party: 'provider' as const, text: '陈述', at: '2026-12-30T03:00:00.000Z' },
        ],
      };
      const moved = recomputedDeadlines(answered, with2027, dec31, 'open');
      expect(moved?.statementDue).toEqual(late.statementDue);
      expect(moved?.coordinationDue).toMatchObject({ dueDate: '2027-01-14' });
      expect(
        recomputedDeadlines(
          objection('escalated', { coordinationDue: due('2026-12-30', 10) }),
          with2027,
          dec31,
          'open',
        ),
      ).toBeNull();
    });

    it('leaves a passed deadline alone; cases before the local-steps patch recomputed it too', () => {
      const passed = objection('negotiating', { negotiationDue: due('2026-12-28', 5) });
      expect(passed.negotiationDue).toMatchObject({ dueDate: '2027-01-04', provisional: true });
      const jan6 = Date.parse('2027-01-06T02:00:00.000Z');
      expect(recomputedDeadlines(passed, with2027, jan6, 'open')).toBeNull();
      expect(recomputedDeadlines(passed, with2027, jan6, 'unpassed')).toBeNull();
      expect(recomputedDeadlines(passed, with2027, jan6, 'every')?.negotiationDue).toMatchObject({
        dueDate: '2027-01-05',
        provisional: false,
      });
    });

    it('is null when nothing moved', () => {
      expect(recomputedDeadlines(coordinating(), with2027, Date.parse(MONDAY.at), 'open')).toBeNull();
    });
  });
});
