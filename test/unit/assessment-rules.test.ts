// processes.md P4's pure rules, table by table: applicability, score items, weighted scores and grades,
// ranking, who may act when, the schedule's year and spec.
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../policy/index.js';
import { scheduleDefinitions } from '../../lib/schedules.js';
import { DEFAULT_INDICATORS } from '../../workflows/assessment/indicators.js';
import {
  applicableIndicators,
  catalogEntryComplete,
  checkAppeal,
  checkAppealAnswer,
  checkAssignment,
  checkPublication,
  checkRectification,
  checkRectificationVerification,
  checkReview,
  checkSelfAssessment,
  cycleYearProblem,
  finalItems,
  gradeOf,
  indicatorSetProblems,
  metricOf,
  openedAgency,
  scoreAgency,
  scoreItemProblems,
  yearAssessedAt,
} from '../../workflows/assessment/rules.js';
import type { AgencyAssessmentView, CycleView, Metrics } from '../../workflows/assessment/types.js';
import type { Actor } from '../../workflows/common/actors.js';
import { trackDeadline } from '../../workflows/common/deadlines.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';

const na = (source: Metrics[keyof Metrics]['source']) => metricOf(source, 0, 0, 0, '');
const metrics = (over: Partial<Metrics> = {}): Metrics => ({
  catalog: metricOf('catalog', 4, 3, null, '', true),
  freshness: metricOf('freshness', 4, 4, 0, ''),
  share: na('share'),
  objection: na('objection'),
  open: na('open'),
  correction: na('correction'),
  ...over,
});
const staff = (agency = 'A1'): Actor => ({ id: `s-${agency}`, role: 'agency_staff', agency });
const admin: Actor = { id: 'adm', role: 'bureau_admin', agency: null };
const assessor: Actor = { id: 'as-1', role: 'assessor', agency: null };
const NOW = Date.parse('2027-01-20T02:00:00Z');
const deadline = (from: string, days: number) => trackDeadline({ from, days }, BUILTIN_CALENDAR);

function view(over: Partial<AgencyAssessmentView> = {}): AgencyAssessmentView {
  return {
    year: 2026,
    agencyCode: 'A1',
    agencyName: 'A',
    state: 'self_assessment',
    version: 1,
    overdue: false,
    overdueStages: [],
    metrics: metrics(),
    applicable: ['catalog_completeness', 'data_freshness'],
    deadlines: { selfAssessment: deadline('2027-01-15', 10), review: deadline('2027-01-29', 15), notice: null },
    selfAssessment: null,
    selfAssessmentMissed: false,
    assessor: null,
    review: null,
    result: null,
    appeal: null,
    rectification: null,
    updatedAt: '2027-01-15T01:00:00.000Z',
    ...over,
  };
}
const items = (score: number, key: 'evidence' | 'comment' = 'evidence') => [
  { indicator: 'catalog_completeness', score, [key]: 'e' },
  { indicator: 'data_freshness', score, [key]: 'e' },
];

describe('metrics and applicability', () => {
  it('counts a source with nothing to measure as not applicable, never as zero; the catalog always applies', () => {
    expect(metricOf('share', 0, 0, 0, '')).toMatchObject({ applicable: false, ratio: null, systemScore: null });
    expect(metricOf('catalog', 0, 0, null, '', true)).toMatchObject({ applicable: true, ratio: 0, systemScore: 0 });
    expect(metricOf('share', 8, 6, 2, '')).toMatchObject({ applicable: true, ratio: 0.75, systemScore: 75 });
    expect(applicableIndicators(DEFAULT_INDICATORS, metrics())).toEqual(['catalog_completeness', 'data_freshness']);
    expect(
      applicableIndicators(
        DEFAULT_INDICATORS,
        metrics({ catalog: metricOf('catalog', 0, 0, null, '', true), freshness: na('freshness') }),
      ),
    ).toEqual(['catalog_completeness']);
    expect(applicableIndicators(DEFAULT_INDICATORS, metrics({ open: metricOf('open', 1, 1, 0, '') }))).toContain(
      'open_timeliness',
    );
  });

  it.each([
    [
      'complete and unconditional',
      { description: 'd', fields: [1], shareType: 'unconditional', openType: 'unconditional', legalBasis: null },
      true,
    ],
    [
      'no description',
      { description: ' ', fields: [1], shareType: 'unconditional', openType: 'unconditional', legalBasis: null },
      false,
    ],
    [
      'no data items',
      { description: 'd', fields: [], shareType: 'unconditional', openType: 'unconditional', legalBasis: null },
      false,
    ],
    [
      'conditional sharing without a legal basis',
      { description: 'd', fields: [1], shareType: 'conditional', openType: 'unconditional', legalBasis: null },
      false,
    ],
    [
      'not open, with its basis',
      { description: 'd', fields: [1], shareType: 'unconditional', openType: 'not_open', legalBasis: '《条例》' },
      true,
    ],
  ])('a catalogue entry that is %s is complete: %s', (_what, entry, complete) => {
    expect(catalogEntryComplete(entry)).toBe(complete);
  });
});

describe('scores, grades and ranking', () => {
  it.each([
    [95, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [60, 'pass'],
    [59.99, 'fail'],
    [0, 'fail'],
  ] as const)('a total of %s grades %s', (total, grade) => {
    expect(gradeOf(total, DEFAULT_INDICATORS.grades)).toBe(grade);
  });

  it('weights only the applicable indicators, so a not-applicable one neither helps nor hurts', () => {
    const r = scoreAgency(
      DEFAULT_INDICATORS,
      ['catalog_completeness', 'share_timeliness'],
      [
        { indicator: 'catalog_completeness', score: 90 },
        { indicator: 'share_timeliness', score: 60 },
      ],
      'final',
      't',
    );
    // weights 20 and 20: (90*20 + 60*20) / 40
    expect(r).toMatchObject({ total: 75, grade: 'pass', belowFloor: [], needsRectification: false });
    const weighted = scoreAgency(
      DEFAULT_INDICATORS,
      ['catalog_completeness', 'objection_outcomes'],
      [
        { indicator: 'catalog_completeness', score: 100 },
        { indicator: 'objection_outcomes', score: 40 },
      ],
      'final',
      't',
    );
    // weights 20 and 10; the objections indicator has no floor
    expect(weighted).toMatchObject({ total: 80, grade: 'good', belowFloor: [], needsRectification: false });
  });

  it('requires rectification for 不合格 or for any indicator below its floor', () => {
    expect(
      scoreAgency(
        DEFAULT_INDICATORS,
        ['catalog_completeness', 'data_freshness'],
        [
          { indicator: 'catalog_completeness', score: 100 },
          { indicator: 'data_freshness', score: 55 },
        ],
        'final',
        't',
      ),
    ).toMatchObject({ total: 77.5, grade: 'pass', belowFloor: ['data_freshness'], needsRectification: true });
    expect(
      scoreAgency(
        DEFAULT_INDICATORS,
        ['catalog_completeness'],
        [{ indicator: 'catalog_completeness', score: 59 }],
        'final',
        't',
      ),
    ).toMatchObject({ grade: 'fail', needsRectification: true });
  });

  it('lets an answered appeal revise reviewed scores', () => {
    const v = view({
      review: { by: assessor, at: 't', value: items(50, 'comment') },
      appeal: {
        text: 'x',
        by: staff(),
        at: 't',
        answer: { by: admin, at: 't', value: { text: 'ok', revised: [{ indicator: 'data_freshness', score: 70 }] } },
      },
    });
    expect(finalItems(v).map((i) => [i.indicator, i.score])).toEqual([
      ['catalog_completeness', 50],
      ['data_freshness', 70],
    ]);
  });
});

describe('score items', () => {
  const applicable = ['catalog_completeness', 'data_freshness'];
  it.each([
    ['every applicable indicator once, with evidence', items(80), []],
    ['one missing', items(80).slice(0, 1), ['items']],
    [
      'a not-applicable indicator',
      [...items(80), { indicator: 'share_timeliness', score: 1, evidence: 'e' }],
      ['items.2.indicator'],
    ],
    ['a duplicate', [...items(80), { indicator: 'data_freshness', score: 1, evidence: 'e' }], ['items.2.indicator']],
    [
      'a score above 100',
      [{ indicator: 'catalog_completeness', score: 101, evidence: 'e' }, items(80)[1]!],
      ['items.0.score'],
    ],
    ['no evidence', [{ indicator: 'catalog_completeness', score: 90 }, items(80)[1]!], ['items.0.evidence']],
  ])('%s', (_what, given, paths) => {
    expect(scoreItemProblems(given, applicable, 'evidence').map((p) => p.path)).toEqual(paths);
  });

  it('accepts a partial revision of applicable indicators only', () => {
    expect(scoreItemProblems([{ indicator: 'data_freshness', score: 70 }], applicable, null, true)).toEqual([]);
    expect(
      scoreItemProblems([{ indicator: 'open_timeliness', score: 70 }], applicable, null, true).map((p) => p.path),
    ).toEqual(['items.0.indicator']);
  });
});

describe('who may act, and when', () => {
  const code = (r: ReturnType<typeof checkSelfAssessment>) => r?.code ?? null;
  it.each([
    ['its own staff, in time', view(), staff(), null],
    ['another agency', view(), staff('B2'), 'FORBIDDEN'],
    ['the reviewer role', view(), { ...staff(), role: 'agency_reviewer' } as Actor, 'FORBIDDEN'],
    ['while metrics are computed', view({ state: 'collecting' }), staff(), 'INVALID_STATE'],
    ['twice', view({ selfAssessment: { by: staff(), at: 't', value: items(1) } }), staff(), 'INVALID_STATE'],
    [
      'after the window',
      view({ deadlines: { ...view().deadlines, selfAssessment: deadline('2027-01-04', 1) } }),
      staff(),
      'INVALID_STATE',
    ],
  ] as const)('a self-assessment by %s: %s', (_what, v, actor, expected) => {
    expect(code(checkSelfAssessment(v, { actor, items: items(80) }, NOW))).toBe(expected);
  });

  it.each([
    [
      'the assigned assessor',
      view({ state: 'review', assessor: { id: 'as-1', name: null, assignedBy: admin, at: 't' } }),
      assessor,
      null,
    ],
    [
      'another assessor',
      view({ state: 'review', assessor: { id: 'as-9', name: null, assignedBy: admin, at: 't' } }),
      assessor,
      'FORBIDDEN',
    ],
    ['nobody assigned', view({ state: 'review' }), assessor, 'FORBIDDEN'],
    [
      'during the self-assessment',
      view({ assessor: { id: 'as-1', name: null, assignedBy: admin, at: 't' } }),
      assessor,
      'INVALID_STATE',
    ],
  ] as const)('a review by %s: %s', (_what, v, actor, expected) => {
    expect(code(checkReview(v, { actor, items: items(80, 'comment') }))).toBe(expected);
  });

  it('assigns before the review only, by the bureau admin', () => {
    expect(checkAssignment(view(), { actor: admin, assessor: { id: 'x', name: null } })).toBeNull();
    expect(checkAssignment(view(), { actor: staff(), assessor: { id: 'x', name: null } })?.code).toBe('FORBIDDEN');
    expect(
      checkAssignment(view({ state: 'reviewed', review: { by: assessor, at: 't', value: [] } }), {
        actor: admin,
        assessor: { id: 'x', name: null },
      })?.code,
    ).toBe('INVALID_STATE');
  });

  it('hears one appeal during the notice period, answered by the bureau admin', () => {
    const notice = view({ state: 'notice', deadlines: { ...view().deadlines, notice: deadline('2027-01-19', 5) } });
    expect(checkAppeal(notice, { actor: staff(), text: 'why' }, NOW)).toBeNull();
    expect(checkAppeal(notice, { actor: staff(), text: 'why' }, Date.parse('2027-02-01T00:00:00Z'))?.code).toBe(
      'INVALID_STATE',
    );
    expect(checkAppeal(notice, { actor: staff(), text: ' ' }, NOW)?.code).toBe('VALIDATION_FAILED');
    expect(checkAppeal(view({ state: 'reviewed' }), { actor: staff(), text: 'why' }, NOW)?.code).toBe('INVALID_STATE');
    const appealed = { ...notice, appeal: { text: 'why', by: staff(), at: 't', answer: null } };
    expect(checkAppeal(appealed, { actor: staff(), text: 'again' }, NOW)?.code).toBe('INVALID_STATE');
    expect(checkAppealAnswer(appealed, { actor: admin, text: 'ok', revised: [] })).toBeNull();
    expect(
      checkAppealAnswer(appealed, { actor: { ...admin, role: 'bureau_coordinator' }, text: 'ok', revised: [] })?.code,
    ).toBe('FORBIDDEN');
    expect(
      checkAppealAnswer(appealed, { actor: admin, text: 'ok', revised: [{ indicator: 'open_timeliness', score: 1 }] })
        ?.errors?.[0]?.path,
    ).toBe('revised.0.indicator');
    expect(checkAppealAnswer(notice, { actor: admin, text: 'ok', revised: [] })?.code).toBe('INVALID_STATE');
  });

  it('takes the plan, then the report; the bureau verifies, and a failed check says why', () => {
    const rect = (state: 'awaiting_plan' | 'in_progress' | 'awaiting_verification') =>
      view({
        state: 'rectification',
        rectification: {
          state,
          reasons: [],
          planDue: deadline('2027-03-01', 10),
          completionDue: null,
          plan: null,
          reports: [],
          verifications: [],
        },
      });
    expect(checkRectification(rect('awaiting_plan'), { actor: staff(), stage: 'plan', text: 'p' })).toBeNull();
    expect(checkRectification(rect('awaiting_plan'), { actor: staff(), stage: 'report', text: 'r' })?.code).toBe(
      'INVALID_STATE',
    );
    expect(checkRectification(rect('in_progress'), { actor: staff(), stage: 'plan', text: 'p' })?.code).toBe(
      'INVALID_STATE',
    );
    expect(checkRectification(rect('in_progress'), { actor: staff('B2'), stage: 'report', text: 'r' })?.code).toBe(
      'FORBIDDEN',
    );
    // docs/api.md's body is { passed }: a failed check needs no note (the reason recorded says it was not accepted).
    expect(
      checkRectificationVerification(rect('awaiting_verification'), { actor: admin, passed: false, note: null }),
    ).toBeNull();
    expect(
      checkRectificationVerification(rect('awaiting_verification'), { actor: staff(), passed: true, note: null })?.code,
    ).toBe('FORBIDDEN');
    expect(
      checkRectificationVerification(rect('awaiting_verification'), { actor: admin, passed: true, note: null }),
    ).toBeNull();
    expect(checkRectificationVerification(rect('in_progress'), { actor: admin, passed: true, note: null })?.code).toBe(
      'INVALID_STATE',
    );
  });

  it('publishes preliminary results after the self-assessment window, final ones after the notice period', () => {
    const c = (state: CycleView['state'], notice: CycleView['deadlines']['notice'] = null): CycleView => ({
      year: 2026,
      state,
      version: 3,
      indicatorsVersion: 'v',
      agencyCount: 1,
      startedBy: admin,
      startedAt: 't',
      deadlines: { selfAssessment: deadline('2027-01-15', 10), review: deadline('2027-01-29', 15), notice },
      publishedAt: { preliminary: null, final: null },
      rectifying: 0,
      closedAt: null,
      updatedAt: 't',
    });
    expect(checkPublication(c('review'), { actor: admin, stage: 'preliminary' }, NOW)).toBeNull();
    expect(checkPublication(c('self_assessment'), { actor: admin, stage: 'preliminary' }, NOW)?.code).toBe(
      'INVALID_STATE',
    );
    expect(
      checkPublication(c('review'), { actor: { ...admin, role: 'bureau_coordinator' }, stage: 'preliminary' }, NOW)
        ?.code,
    ).toBe('FORBIDDEN');
    expect(checkPublication(c('notice', deadline('2027-01-19', 5)), { actor: admin, stage: 'final' }, NOW)?.code).toBe(
      'INVALID_STATE',
    );
    expect(
      checkPublication(
        c('notice', deadline('2027-01-19', 5)),
        { actor: admin, stage: 'final' },
        Date.parse('2027-02-01T00:00:00Z'),
      ),
    ).toBeNull();
    expect(checkPublication(c('review'), { actor: admin, stage: 'final' }, NOW)?.code).toBe('INVALID_STATE');
  });
});

describe('the cycle year and the framework', () => {
  it.each([
    ['2027-01-15T01:00:00Z', 2026],
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
    ['2026-12-31T16:30:00Z', 2026],
    ['2026-12-31T15:30:00Z', 2025],
  ])('a run scheduled for %s assesses %s', (at, year) => {
    expect(yearAssessedAt(Date.parse(at))).toBe(year);
  });

  it('starts only years that have ended', () => {
    expect(cycleYearProblem(2025, '2026-12-01')).toBeNull();
    expect(cycleYearProblem(2026, '2026-12-01')).toMatch(/ended/);
    expect(cycleYearProblem(2027, '2026-12-01')).toMatch(/ended/);
    expect(cycleYearProblem(1999, '2026-12-01')).toMatch(/2000/);
  });

  it('accepts the default framework and names what is wrong with a bad one', () => {
    expect(indicatorSetProblems(DEFAULT_INDICATORS)).toEqual([]);
    const bad = {
      ...DEFAULT_INDICATORS,
      grades: { excellent: 80, good: 85, pass: 60 },
      indicators: [
        { code: 'x', name: 'x', weight: 0, floor: 120, metric: 'share' as const },
        { code: 'x', name: 'y', weight: 1, floor: null, metric: 'open' as const },
      ],
    };
    expect(indicatorSetProblems(bad).map((p) => p.path)).toEqual([
      'indicators',
      'indicators.0.weight',
      'indicators.0.floor',
      'grades',
      'indicators',
    ]);
  });

  it('schedules the cycle from the policy, in Shanghai time', () => {
    const [, assessment] = scheduleDefinitions(
      'q',
      parsePolicy({ assessment: { startsOn: '03-01', startsAt: '08:30' } }),
    );
    expect(assessment!.spec.calendars?.[0]).toMatchObject({ month: 'MARCH', dayOfMonth: 1, hour: 8, minute: 30 });
    expect(assessment!.spec.timezone).toBe('Asia/Shanghai');
    expect(assessment!.action).toMatchObject({ args: [{ policy: expect.objectContaining({ startsOn: '03-01' }) }] });
  });
});

describe('openedAgency: an agency its batch opens (ASSESSMENT_BATCH_OPENINGS_PATCH)', () => {
  // The cycle started on Fri 2027-01-15 with the built-in calendar, which has no 2027: the 10 working
  // days of the self-assessment were counted on weekdays alone (to 01-29) and are provisional.
  const input = {
    year: 2026,
    agency: { code: 'A1', name: '市公安局' },
    indicators: DEFAULT_INDICATORS,
    deadlines: { selfAssessment: deadline('2027-01-15', 10), review: deadline('2027-01-29', 15) },
    policy: parsePolicy({}).assessment,
    cycleWorkflowId: 'assessment:2026',
  };
  const opened = (calendar = BUILTIN_CALENDAR) =>
    openedAgency(input, metrics(), calendar, Date.parse('2027-01-15T02:00:00.000Z'));

  it('is in self_assessment at version 1, with its metrics and the indicators they make applicable', () => {
    const { view } = opened();
    expect(input.deadlines.selfAssessment).toMatchObject({ dueDate: '2027-01-29', provisional: true });
    expect(view).toMatchObject({ state: 'self_assessment', version: 1, overdue: false, agencyName: '市公安局' });
    expect(view.metrics).toEqual(metrics());
    expect(view.applicable).toEqual(['catalog_completeness', 'data_freshness']);
    expect(view.updatedAt).toBe('2027-01-15T02:00:00.000Z');
  });

  it('records the transition from collecting, by the metrics system, and asks the agency for its self-assessment', () => {
    const { event, notify } = opened();
    expect(event).toEqual({
      action: 'metrics',
      from: 'collecting',
      to: 'self_assessment',
      actor: { id: 'system', name: 'metrics', role: 'system', agency: null },
      at: '2027-01-15T02:00:00.000Z',
      reason: null,
      legalBasis: null,
      data: { applicable: ['catalog_completeness', 'data_freshness'] },
    });
    expect(notify).toEqual([
      {
        audience: 'agency',
        recipient: 'A1',
        kind: 'assessment_self',
        title: '请于 2027-01-29 前提交自评：市公安局（A1）2026 年度评估',
      },
    ]);
  });

  it("counts its deadlines on the cycle's calendar: a published 2027 moves the provisional ones", () => {
    // 2027-01-18 a holiday: the 10th working day after 01-15 is Mon 02-01, and the review follows it.
    const calendar = { ...BUILTIN_CALENDAR, '2027': { holidays: ['2027-01-18'], workdays: [] } };
    const { view, notify } = opened(calendar);
    expect(view.deadlines.selfAssessment).toMatchObject({ dueDate: '2027-02-01', provisional: false });
    // 15 working days after 02-01 (this calendar names no Spring Festival).
    expect(view.deadlines.review).toMatchObject({ from: '2027-02-01', dueDate: '2027-02-22', provisional: false });
    expect(notify[0]!.title).toContain('2027-02-01');
  });
});
