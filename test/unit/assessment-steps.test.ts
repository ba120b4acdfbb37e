// The annual assessment's (年度评估) next-state functions, docs/processes.md P4: what each step of an
// agency's assessment and of the year's cycle does, with no Temporal at all. Dates worked out by hand
// on the built-in 2026 calendar (清明 4–6 April off).
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../policy/index.js';
import { DEFAULT_INDICATORS } from '../../workflows/assessment/indicators.js';
import {
  agencyNextDeadline,
  agencyOverdue,
  agencyRecomputed,
  appealAnswered,
  appealed,
  assessorAssigned,
  cycleClosed,
  cycleCollected,
  cycleOpened,
  cycleRanked,
  finalResult,
  metricOf,
  preliminaryResult,
  published,
  rectificationChecked,
  rectified,
  retrackedAgency,
  reviewed,
  selfAssessed,
  selfAssessmentClosed,
  type AgencyContext,
  type AgencyStep,
  type CycleContext,
} from '../../workflows/assessment/rules.js';
import type {
  AgencyAssessmentView,
  AgencyStateCounts,
  CycleView,
  Metrics,
  RectificationView,
} from '../../workflows/assessment/types.js';
import type { Actor } from '../../workflows/common/actors.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import { fixedContext } from '../../workflows/common/step.js';

const policy = parsePolicy({}).assessment; // selfWd 10, reviewWd 15, noticeWd 5, rectifyPlanWd 10, rectifyDays 30
const staff: Actor = { id: 'u-a1', name: '赵磊', role: 'agency_staff', agency: 'A1' };
const admin: Actor = { id: 'u-admin', name: '周敏', role: 'bureau_admin', agency: null };
const assessor: Actor = { id: 'as-1', name: '评估专家', role: 'assessor', agency: null };
const at = (iso: string): AgencyContext & CycleContext => ({
  ...fixedContext(Date.parse(iso)),
  policy,
  indicators: DEFAULT_INDICATORS,
});
/** Mon 2026-03-02, Fri 2026-04-10 and Mon 2026-05-11, 10:00 local. */
const MARCH = at('2026-03-02T02:00:00.000Z');
const APRIL = at('2026-04-10T02:00:00.000Z');
const MAY = at('2026-05-11T02:00:00.000Z');
const due = (from: string, days: number) => trackDeadline({ from, days }, BUILTIN_CALENDAR);
const na = (source: Metrics[keyof Metrics]['source']) => metricOf(source, 0, 0, 0, '');
const metrics: Metrics = {
  catalog: metricOf('catalog', 4, 3, null, '', true),
  freshness: metricOf('freshness', 4, 4, 0, ''),
  share: na('share'),
  objection: na('objection'),
  open: na('open'),
  correction: na('correction'),
};
const scores = (catalog: number, freshness: number) => [
  { indicator: 'catalog_completeness', score: catalog, comment: '按记录评分' },
  { indicator: 'data_freshness', score: freshness, comment: '按记录评分' },
];

const agency = (state: AgencyAssessmentView['state'], o: Partial<AgencyAssessmentView> = {}): AgencyAssessmentView => ({
  year: 2025,
  agencyCode: 'A1',
  agencyName: '市公安局',
  state,
  version: 1,
  overdue: false,
  overdueStages: [],
  metrics,
  applicable: ['catalog_completeness', 'data_freshness'],
  deadlines: { selfAssessment: due('2026-03-02', 10), review: due('2026-03-16', 15), notice: null },
  selfAssessment: null,
  selfAssessmentMissed: false,
  assessor: null,
  review: null,
  result: null,
  appeal: null,
  rectification: null,
  updatedAt: MARCH.at,
  ...o,
});
const assigned = { id: 'as-1', name: '评估专家', assignedBy: admin, at: MARCH.at };
const rectification = (o: Partial<RectificationView> = {}): RectificationView => ({
  state: 'awaiting_plan',
  reasons: ['data_freshness'],
  planDue: due('2026-04-10', 10),
  completionDue: null,
  plan: null,
  reports: [],
  verifications: [],
  ...o,
});
const told = (step: AgencyStep) => (step.notify ?? []).map((n) => `${n.audience}:${n.recipient ?? '-'}:${n.kind}`);
const LABEL = '市公安局（A1）2025 年度评估';

describe("an agency's assessment, step by step (processes.md P4)", () => {
  it('the stage deadlines of the fixture: self-assessment 10 working days, review 15 after it', () => {
    expect(agency('self_assessment').deadlines.selfAssessment.dueDate).toBe('2026-03-16');
    expect(agency('self_assessment').deadlines.review.dueDate).toBe('2026-04-07');
  });

  it('assigning an assessor keeps the state and tells the assessor', () => {
    const step = assessorAssigned(
      agency('self_assessment'),
      { actor: admin, assessor: { id: 'as-1', name: '评估专家' } },
      MARCH,
    );
    expect([step.action, step.to, step.set]).toEqual(['assign_assessor', 'self_assessment', { assessor: assigned }]);
    expect(told(step)).toEqual(['user:as-1:assessment_assigned']);
    expect(step.notify![0]!.title).toBe(`您被指派评审：${LABEL}`);
  });

  it('the self-assessment goes to review, telling the assessor of the review deadline (nobody when none is assigned)', () => {
    const step = selfAssessed(
      agency('self_assessment', { assessor: assigned }),
      { actor: staff, items: scores(90, 90) },
      MARCH,
    );
    expect([step.action, step.to]).toEqual(['self_assessment', 'review']);
    expect(step.set.selfAssessment).toEqual({ by: staff, at: MARCH.at, value: scores(90, 90) });
    expect(step.notify![0]!.title).toContain('2026-04-07');
    expect(selfAssessed(agency('self_assessment'), { actor: staff, items: scores(90, 90) }, MARCH).notify).toEqual([]);
  });

  it('the review waits for publication; the preliminary result is scored on it for the notice period', () => {
    const review = reviewed(agency('review'), { actor: assessor, items: scores(80, 90) }, MARCH);
    expect([review.action, review.to, told(review)]).toEqual(['review', 'reviewed', ['bureau:-:assessment_reviewed']]);
    const v = agency('reviewed', { review: review.set.review! });
    const noticeDue = due('2026-04-10', 5);
    const step = preliminaryResult(v, noticeDue, APRIL);
    expect([step.action, step.to, step.actor.name]).toEqual(['preliminary_result', 'notice', 'publication']);
    expect(step.set.deadlines).toEqual({ ...v.deadlines, notice: noticeDue });
    expect(step.set.result).toMatchObject({ stage: 'preliminary', total: 85, grade: 'good', computedAt: APRIL.at });
    expect(step.data).toEqual({ total: 85, grade: 'good', noticeDueDate: '2026-04-17' });
    expect(step.notify![0]!.title).toBe(`初步结果：${LABEL} 85 分（良好），公示期至 2026-04-17，可提出申诉`);
  });

  describe('appeal', () => {
    const inNotice = agency('notice', {
      review: { by: assessor, at: MARCH.at, value: scores(50, 50) },
      result: {
        stage: 'preliminary',
        scores: [],
        total: 50,
        grade: 'fail',
        belowFloor: [],
        needsRectification: true,
        computedAt: 't',
      },
    });

    it('an appeal stays in the notice period and reaches the bureau', () => {
      const step = appealed(inNotice, { actor: staff, text: '数据更新记录漏计' }, APRIL);
      expect([step.action, step.to, step.reason]).toEqual(['appeal', 'notice', '数据更新记录漏计']);
      expect(step.set.appeal).toEqual({ text: '数据更新记录漏计', by: staff, at: APRIL.at, answer: null });
      expect(told(step)).toEqual(['bureau:-:assessment_appeal']);
    });

    it('an answer that revises a score scores the result again; one that revises nothing keeps it', () => {
      const v = { ...inNotice, appeal: { text: '数据更新记录漏计', by: staff, at: APRIL.at, answer: null } };
      const revised = appealAnswered(
        v,
        { actor: admin, text: '核实后调整', revised: [{ indicator: 'data_freshness', score: 70 }] },
        APRIL,
      );
      // (50×20 + 70×20) / 40
      expect(revised.set.result).toMatchObject({ total: 60, grade: 'pass', stage: 'preliminary' });
      expect(revised.set.appeal?.answer).toEqual({
        by: admin,
        at: APRIL.at,
        value: { text: '核实后调整', revised: [{ indicator: 'data_freshness', score: 70 }] },
      });
      expect(revised.data).toEqual({ revised: ['data_freshness'], total: 60 });
      expect(told(revised)).toEqual(['agency:A1:assessment_appeal_answered']);
      const kept = appealAnswered(v, { actor: admin, text: '维持原评分', revised: [] }, APRIL);
      expect(kept.set.result).toBe(inNotice.result);
      expect(kept.data).toEqual({ revised: [], total: 50 });
      expect(v.appeal.answer).toBeNull();
    });
  });

  describe('final result', () => {
    it('a pass with every indicator above its floor closes the assessment', () => {
      const step = finalResult(agency('notice', { review: { by: assessor, at: 't', value: scores(80, 70) } }), APRIL);
      expect([step.action, step.to]).toEqual(['final_result', 'closed']);
      expect(step.set.result).toMatchObject({ stage: 'final', total: 75, grade: 'pass', needsRectification: false });
      expect(step.set).not.toHaveProperty('rectification');
      expect(step.data).toEqual({ total: 75, grade: 'pass', belowFloor: [] });
    });

    it('a score below a floor opens a rectification, its plan due in 10 working days', () => {
      const step = finalResult(agency('notice', { review: { by: assessor, at: 't', value: scores(100, 55) } }), APRIL);
      expect([step.action, step.to]).toEqual(['final_result', 'rectification']);
      expect(step.set.rectification).toMatchObject({
        state: 'awaiting_plan',
        reasons: expect.any(Array),
        completionDue: null,
      });
      expect(step.set.rectification!.reasons.length).toBeGreaterThan(0);
      expect(step.set.rectification!.planDue).toMatchObject({ from: '2026-04-10', dueDate: '2026-04-24' });
      expect(step.data).toEqual({
        total: 77.5,
        grade: 'pass',
        belowFloor: ['data_freshness'],
        planDueDate: '2026-04-24',
      });
      expect(told(step)).toEqual(['agency:A1:rectification_required']);
    });
  });

  describe('rectification', () => {
    it('the plan starts 30 natural days to completion; the report waits for verification', () => {
      const v = agency('rectification', { rectification: rectification() });
      const plan = rectified(v, { actor: staff, stage: 'plan', text: '建立更新台账' }, MAY);
      expect([plan.action, plan.to]).toEqual(['rectification_plan', 'rectification']);
      expect(plan.set.rectification).toMatchObject({
        state: 'in_progress',
        plan: { by: staff, at: MAY.at, value: '建立更新台账' },
        completionDue: { dueDate: '2026-06-10', provisional: false },
      });
      expect(plan.data).toEqual({ completionDueDate: '2026-06-10' });
      const report = rectified(
        { ...v, rectification: plan.set.rectification! },
        { actor: staff, stage: 'report', text: '台账已建立' },
        MAY,
      );
      expect(report.set.rectification).toMatchObject({
        state: 'awaiting_verification',
        completionDue: { dueDate: '2026-06-10' },
      });
      expect(report.set.rectification!.reports).toEqual([{ by: staff, at: MAY.at, value: '台账已建立' }]);
      expect(v.rectification!.state).toBe('awaiting_plan');
    });

    it('a passed check closes the assessment; a failed one reopens it with a fresh period', () => {
      const v = agency('rectification', { rectification: rectification({ state: 'awaiting_verification' }) });
      const passed = rectificationChecked(v, { actor: admin, passed: true, note: '验收合格' }, MAY);
      expect([passed.action, passed.to, passed.set.rectification?.state]).toEqual([
        'rectification_verified',
        'closed',
        'verified',
      ]);
      const failed = rectificationChecked(v, { actor: admin, passed: false, note: null }, MAY);
      expect([failed.action, failed.to, failed.reason]).toEqual([
        'rectification_reopened',
        'rectification',
        'the bureau did not accept the rectification',
      ]);
      expect(failed.set.rectification).toMatchObject({
        state: 'in_progress',
        completionDue: { dueDate: '2026-06-10' },
      });
      expect(failed.set.rectification!.verifications).toEqual([
        { by: admin, at: MAY.at, value: { passed: false, note: null } },
      ]);
    });
  });

  describe('deadlines', () => {
    it('a missed self-assessment closes the window: to review, on the records alone, the assessor told', () => {
      const v = agency('self_assessment', { assessor: assigned });
      expect(agencyNextDeadline(v)).toMatchObject({ stage: 'self_assessment', due: { dueDate: '2026-03-16' } });
      const step = agencyOverdue(v)!;
      expect([step.action, step.to, step.data]).toEqual(['overdue', 'review', { stage: 'self_assessment' }]);
      expect(step.set).toEqual({ overdue: true, overdueStages: ['self_assessment'], selfAssessmentMissed: true });
      expect(told(step)).toEqual(['agency:A1:overdue', 'bureau:-:overdue', 'user:as-1:assessment_to_review']);
    });

    it('a missed review is flagged once; the bureau hears that no assessor is assigned', () => {
      const v = agency('review');
      const step = agencyOverdue(v)!;
      expect([step.to, step.set.overdueStages]).toEqual(['review', ['review']]);
      expect(told(step)).toEqual(['bureau:-:overdue']);
      expect(step.notify![0]!.title).toContain('尚未指派评估机构');
      const flagged = { ...v, overdueStages: ['review'] };
      expect(agencyNextDeadline(flagged)).toBeNull();
      expect(agencyOverdue(flagged)).toBeNull();
    });

    it('the plan and each completion period are stages of their own', () => {
      const plan = agency('rectification', { rectification: rectification() });
      expect(agencyNextDeadline(plan)).toMatchObject({ stage: 'rectification_plan', due: { dueDate: '2026-04-24' } });
      const completion = rectification({
        state: 'in_progress',
        completionDue: { dueDate: '2026-06-10', dueAt: '2026-06-10T15:59:59.999Z', provisional: false },
      });
      const late = agency('rectification', { rectification: completion, overdueStages: ['rectification_plan'] });
      const step = agencyOverdue(late)!;
      expect(step.data).toEqual({ stage: 'rectification_completion:2026-06-10' });
      expect(step.set.overdueStages).toEqual(['rectification_plan', 'rectification_completion:2026-06-10']);
      expect(agencyNextDeadline({ ...late, overdueStages: step.set.overdueStages! })).toBeNull();
      const reopened = {
        ...completion,
        completionDue: { dueDate: '2026-07-20', dueAt: '2026-07-20T15:59:59.999Z', provisional: false },
      };
      expect(
        agencyNextDeadline({ ...late, rectification: reopened, overdueStages: step.set.overdueStages! })?.stage,
      ).toBe('rectification_completion:2026-07-20');
    });

    it('nothing is due while reviewed or in the notice period', () => {
      expect(agencyNextDeadline(agency('reviewed'))).toBeNull();
      expect(agencyNextDeadline(agency('notice'))).toBeNull();
    });
  });

  describe('a published calendar', () => {
    // Opened on Mon 2026-12-28: 10 working days reach 2027, which the built-in calendar lacks.
    const with2027 = { ...BUILTIN_CALENDAR, '2027': { holidays: ['2027-01-01'], workdays: [] } };
    const dec29 = Date.parse('2026-12-29T02:00:00.000Z');
    const late = agency('self_assessment', {
      deadlines: { selfAssessment: due('2026-12-28', 10), review: due('2027-01-11', 15), notice: null },
    });

    it('moves the provisional deadlines not yet passed, the review following the self-assessment', () => {
      expect(late.deadlines.selfAssessment).toMatchObject({ dueDate: '2027-01-11', provisional: true });
      const re = retrackedAgency(late, null, with2027, dec29);
      expect(re.moved).toBe(true);
      expect(re.deadlines.selfAssessment).toMatchObject({ dueDate: '2027-01-12', provisional: false });
      expect(re.deadlines.review.from).toBe('2027-01-12');
      expect(re.noticeDue).toBeNull();
      const recorded = agencyRecomputed({ ...late, deadlines: re.deadlines });
      expect(recorded.data).toEqual({ deadlines: re.deadlines, planDue: null });
      expect(recorded.notify.map((n) => n.kind)).toEqual(['deadlines_recomputed']);
    });

    it('moves nothing on a calendar that changes nothing', () => {
      expect(retrackedAgency(agency('self_assessment'), null, with2027, Date.parse(MARCH.at)).moved).toBe(false);
    });
  });
});

describe("the year's cycle, step by step (processes.md P4)", () => {
  const counts = (o: Partial<AgencyStateCounts> = {}): AgencyStateCounts => ({
    collecting: 0,
    self_assessment: 0,
    review: 0,
    reviewed: 0,
    notice: 0,
    rectification: 0,
    closed: 0,
    ...o,
  });
  const opened = cycleOpened(
    { year: 2025, indicatorsVersion: null, startedBy: admin, policy },
    DEFAULT_INDICATORS,
    MARCH,
  );
  const cycle = (state: CycleView['state'], o: Partial<CycleView> = {}): CycleView => ({
    ...opened.view,
    state,
    agencyCount: 40,
    ...o,
  });

  it('opens in collecting: the self-assessment due in 10 working days, the review 15 after it', () => {
    expect(opened.view).toMatchObject({ state: 'collecting', version: 1, startedAt: MARCH.at, agencyCount: 0 });
    expect(opened.view.deadlines.selfAssessment.dueDate).toBe('2026-03-16');
    expect(opened.view.deadlines.review).toMatchObject({ from: '2026-03-16', dueDate: '2026-04-07' });
    expect(opened.event).toMatchObject({ action: 'open', from: null, to: 'collecting', actor: admin });
    expect(opened.event.data).toEqual({ indicatorsVersion: DEFAULT_INDICATORS.version });
    expect(opened.indicators).toBe(DEFAULT_INDICATORS);
  });

  it('collects, closes the self-assessment window, ranks and closes', () => {
    const collected = cycleCollected(cycle('collecting'), counts({ self_assessment: 40 }));
    expect([collected.action, collected.to, collected.data]).toEqual([
      'metrics_collected',
      'self_assessment',
      { agencies: 40, counts: counts({ self_assessment: 40 }) },
    ]);
    expect(collected.notify![0]!.title).toBe('2025年度评估：已为 40 家单位采集指标，自评截至 2026-03-16');
    expect(selfAssessmentClosed(cycle('self_assessment')).reason).toBe('自评期已于 2026-03-16 截止');
    const ranked = cycleRanked(counts({ rectification: 3, closed: 37 }));
    expect([ranked.to, ranked.set]).toEqual(['final', { rectifying: 3 }]);
    expect(cycleClosed(MAY)).toMatchObject({ action: 'close', to: 'closed', set: { closedAt: MAY.at } });
  });

  it('publishes the preliminary results with a 5-working-day notice period, then the final ones', () => {
    const pre = published(cycle('review'), { actor: admin, stage: 'preliminary' }, APRIL);
    expect([pre.action, pre.to, pre.data]).toEqual(['publish_preliminary', 'notice', { noticeDueDate: '2026-04-17' }]);
    expect(pre.set.deadlines?.notice).toMatchObject({ from: '2026-04-10', dueDate: '2026-04-17' });
    expect(pre.set.publishedAt).toEqual({ preliminary: APRIL.at, final: null });
    const fin = published(
      cycle('notice', { publishedAt: { preliminary: APRIL.at, final: null } }),
      { actor: admin, stage: 'final' },
      MAY,
    );
    expect([fin.action, fin.to, fin.set]).toEqual([
      'publish_final',
      'final',
      { publishedAt: { preliminary: APRIL.at, final: MAY.at } },
    ]);
  });
});
