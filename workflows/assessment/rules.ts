// Pure decisions of the annual assessment (年度评估), docs/processes.md P4. Each names its source.
import {
  actsIn,
  agencyOfViewer,
  isBureauViewer,
  pickRole,
  refuse,
  systemActor,
  type ActionRoles,
  type Actor,
  type Refusal,
  type Role,
  type Viewer,
} from '../common/actors.js';
import type { NotificationSpec } from '../common/events.js';
import { eventOf, toAgency, toBureau, toUser, type Step, type StepContext } from '../common/step.js';
import { earliest, permitted, tasksOf, type Awaited, type CaseWork, type Party } from '../common/work.js';
import { isPast, retrack, trackDeadline, type TrackedDeadline } from '../common/deadlines.js';
import { addCalendarDays, endOfLocalDay, localDate, type CalendarData, type Deadline } from '../common/working-days.js';
import type {
  AppealAnswerInput,
  AppealInput,
  AssignAssessorInput,
  PublicationInput,
  RectificationInput,
  RectificationVerificationInput,
  ReviewInput,
  SelfAssessmentInput,
} from './messages.js';
import type { Policy } from '../../policy/index.js';
import { gradeLabels } from './types.js';
import type {
  AgencyAssessmentChange,
  AgencyAssessmentInput,
  AgencyAssessmentState,
  AgencyAssessmentView,
  AgencyResult,
  AgencyStateCounts,
  CycleChange,
  CycleInput,
  CycleState,
  CycleView,
  GradeCode,
  IndicatorSet,
  Metrics,
  PublicationStage,
  ScoreItem,
} from './types.js';

type FieldProblem = { path: string; message: string };
const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/**
 * processes.md P4 (role × action): who may take each step of the assessment. The agency's own staff
 * assess, appeal and rectify; the assigned assessor reviews; the bureau's admin runs the cycle.
 */
export const assessmentRoles = {
  manageIndicators: ['bureau_admin'],
  startCycle: ['bureau_admin'],
  followCycle: ['bureau_coordinator', 'bureau_admin'],
  assignAssessor: ['bureau_admin'],
  publish: ['bureau_admin'],
  selfAssess: ['agency_staff'],
  review: ['assessor'],
  appeal: ['agency_staff'],
  answerAppeal: ['bureau_admin'],
  rectify: ['agency_staff'],
  verifyRectification: ['bureau_admin'],
} as const satisfies ActionRoles<string>;

/** The agency's assessment an actor's role fits: its own for staff, the assigned one for an assessor. */
const fitsAssessment =
  (v: Pick<AgencyAssessmentView, 'agencyCode' | 'assessor'>) =>
  (a: Pick<Actor, 'id' | 'role' | 'agency'>): boolean =>
    a.role === 'agency_staff' ? a.agency === v.agencyCode : a.role === 'assessor' ? v.assessor?.id === a.id : true;

const may = (action: keyof typeof assessmentRoles, v: AgencyAssessmentView, a: Actor) =>
  actsIn(assessmentRoles[action], a, fitsAssessment(v));

/** processes.md P4: the bureau and the assessors see a cycle: its stages, its agencies and its own trail. */
export const cycleViewerRoles: readonly Role[] = ['bureau_coordinator', 'bureau_admin', 'assessor'];
export const canSeeAssessmentCycle = (viewer: Viewer): boolean =>
  viewer.roles.some((r) => cycleViewerRoles.includes(r));

/** processes.md P4: the role a viewer acts in on a cycle (a bureau admin publishes); the cycle has no parties. */
export const actingRoleOnCycle = (viewer: Viewer, allowed: readonly Role[]): Role | Refusal =>
  pickRole(
    viewer,
    allowed,
    () => true,
    () => 'this needs another role',
  );

/** processes.md P4: the agency itself, the bureau, and the assessor assigned to it see an agency's assessment. */
export function canSeeAgencyAssessment(viewer: Viewer, r: { agencyCode: string; assessorId: string | null }): boolean {
  if (isBureauViewer(viewer) || agencyOfViewer(viewer) === r.agencyCode) return true;
  return viewer.roles.includes('assessor') && r.assessorId === viewer.sub;
}

/**
 * processes.md P4: which of a cycle's agencies a viewer's list holds, matching `canSeeAgencyAssessment`:
 * every one for the bureau, those assigned to them for an assessor, none for anyone else.
 */
export function agencyAssessmentListScope(viewer: Viewer): { assessorId?: string } | null {
  if (isBureauViewer(viewer)) return {};
  return viewer.roles.includes('assessor') ? { assessorId: viewer.sub } : null;
}

/**
 * processes.md P4: the role a viewer acts in on an agency's assessment: the agency's own staff, an
 * assessor (the validators check it is the assigned one), or the bureau's admin.
 */
export function actingRoleOnAssessment(
  viewer: Viewer,
  r: { agencyCode: string },
  allowed: readonly Role[],
): Role | Refusal {
  return pickRole(
    viewer,
    allowed,
    (role) => (role === 'agency_staff' ? viewer.agency === r.agencyCode : true),
    () => 'your role does not take this step of the assessment',
  );
}

/** The year a scheduled run assesses: the one before the local (Asia/Shanghai) date it was scheduled for. */
export const yearAssessedAt = (instantMs: number): number => Number(localDate(instantMs).slice(0, 4)) - 1;

/**
 * processes.md P4: an admin starts or backfills a year that has ended (the records of a year in progress
 * are incomplete, and starting it would leave next January's scheduled run nothing to do).
 */
export function cycleYearProblem(year: number, today: string): string | null {
  if (!Number.isInteger(year) || year < 2000) return 'must be a year from 2000 on';
  if (year >= Number(today.slice(0, 4))) return 'a year is assessed once it has ended';
  return null;
}

/**
 * processes.md P4 / issue #5: an indicator whose source had nothing to measure is not applicable (never
 * zero). The catalog always applies: every agency must catalogue its data (目录编制), so an empty
 * catalog measures as incomplete. An indicator without a metric is scored on evidence and applies.
 */
export function applicableIndicators(set: IndicatorSet, metrics: Metrics): string[] {
  return set.indicators
    .filter((i) => i.metric === null || i.metric === 'catalog' || metrics[i.metric].applicable)
    .map((i) => i.code);
}

/**
 * A framework version is usable: unique codes, positive weights, grades in order, one indicator that always
 * applies.
 */
export function indicatorSetProblems(set: IndicatorSet): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const codes = set.indicators.map((i) => i.code);
  if (new Set(codes).size !== codes.length)
    problems.push({ path: 'indicators', message: 'indicator codes must be unique' });
  set.indicators.forEach((i, n) => {
    if (!(i.weight > 0)) problems.push({ path: `indicators.${n}.weight`, message: 'must be positive' });
    if (i.floor !== null && (i.floor < 0 || i.floor > 100))
      problems.push({ path: `indicators.${n}.floor`, message: 'must be 0..100' });
  });
  const g = set.grades;
  if (!(g.excellent > g.good && g.good > g.pass && g.pass > 0 && g.excellent <= 100))
    problems.push({ path: 'grades', message: 'must satisfy 100 >= excellent > good > pass > 0' });
  if (!set.indicators.some((i) => i.metric === null || i.metric === 'catalog'))
    problems.push({
      path: 'indicators',
      message: 'at least one indicator must always apply (no metric, or the catalog)',
    });
  return problems;
}

/**
 * Score items cover each applicable indicator exactly once with a score of 0..100 (`partial`: any of
 * them, for an appeal's revision); `need` names the text each item must carry.
 */
export function scoreItemProblems(
  items: ScoreItem[],
  applicable: string[],
  need: 'evidence' | 'comment' | null,
  partial = false,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, n) => {
    if (!applicable.includes(item.indicator))
      problems.push({
        path: `items.${n}.indicator`,
        message: `not an applicable indicator of this agency (${applicable.join(', ')})`,
      });
    else if (seen.has(item.indicator)) problems.push({ path: `items.${n}.indicator`, message: 'given twice' });
    seen.add(item.indicator);
    if (typeof item.score !== 'number' || !Number.isFinite(item.score) || item.score < 0 || item.score > 100)
      problems.push({ path: `items.${n}.score`, message: 'must be a number from 0 to 100' });
    if (need && isBlank(item[need])) problems.push({ path: `items.${n}.${need}`, message: 'must not be empty' });
  });
  if (!partial) {
    for (const code of applicable)
      if (!seen.has(code)) problems.push({ path: 'items', message: `indicator ${code} is missing` });
  }
  return problems;
}

/** processes.md P4 step 5: the grade of a total on the version's thresholds (优秀/良好/合格/不合格). */
export function gradeOf(total: number, grades: IndicatorSet['grades']): GradeCode {
  if (total >= grades.excellent) return 'excellent';
  if (total >= grades.good) return 'good';
  if (total >= grades.pass) return 'pass';
  return 'fail';
}

/** The reviewed scores with an answered appeal's revisions over them. */
export function finalItems(v: Pick<AgencyAssessmentView, 'review' | 'appeal'>): ScoreItem[] {
  const revised = new Map((v.appeal?.answer?.value.revised ?? []).map((i) => [i.indicator, i]));
  return (v.review?.value ?? []).map((i) => revised.get(i.indicator) ?? i);
}

/**
 * processes.md P4 step 5: the weighted score over the applicable indicators (weights renormalised, so a
 * not-applicable indicator neither helps nor hurts), the grade, and what needs rectification (整改):
 * 不合格, or any indicator below its floor (step 6).
 */
export function scoreAgency(
  set: IndicatorSet,
  applicable: string[],
  items: ScoreItem[],
  stage: PublicationStage,
  at: string,
): AgencyResult {
  const byCode = new Map(items.map((i) => [i.indicator, i.score]));
  const scores = set.indicators
    .filter((i) => applicable.includes(i.code))
    .map((i) => {
      const score = byCode.get(i.code) ?? 0;
      return { indicator: i.code, score, weight: i.weight, belowFloor: i.floor !== null && score < i.floor };
    });
  const weights = scores.reduce((s, i) => s + i.weight, 0);
  const total =
    weights > 0 ? Math.round((scores.reduce((s, i) => s + i.score * i.weight, 0) / weights) * 100) / 100 : 0;
  const grade = gradeOf(total, set.grades);
  const belowFloor = scores.filter((s) => s.belowFloor).map((s) => s.indicator);
  return {
    stage,
    scores,
    total,
    grade,
    belowFloor,
    needsRectification: grade === 'fail' || belowFloor.length > 0,
    computedAt: at,
  };
}

/** Why rectification is required, one line per reason. */
export function rectificationReasons(result: AgencyResult, set: IndicatorSet): string[] {
  const name = (code: string) => set.indicators.find((i) => i.code === code)?.name ?? code;
  return [
    ...(result.grade === 'fail' ? [`总分${result.total}分，低于合格线${set.grades.pass}分（不合格）`] : []),
    ...result.belowFloor.map((code) => `${name(code)}（${code}）得分低于最低分`),
  ];
}

/** processes.md P4 step 3: the bureau assigns an independent assessor before the review is in. */
export function checkAssignment(v: AgencyAssessmentView, i: AssignAssessorInput): Refusal | null {
  if (!may('assignAssessor', v, i.actor)) return refuse('FORBIDDEN', 'only the bureau admin assigns assessors');
  if (v.review || !['collecting', 'self_assessment', 'review'].includes(v.state))
    return refuse('INVALID_STATE', `the agency's assessment is ${v.state}; its review is done`);
  if (isBlank(i.assessor.id))
    return refuse('VALIDATION_FAILED', 'an assignment names the assessor', [
      { path: 'assessor', message: 'must not be empty' },
    ]);
  return null;
}

/** processes.md P4 step 2: the agency's own staff assess themselves, with evidence, within assessment.selfWd. */
export function checkSelfAssessment(v: AgencyAssessmentView, i: SelfAssessmentInput, nowMs: number): Refusal | null {
  if (!may('selfAssess', v, i.actor))
    return refuse('FORBIDDEN', "only the agency's own staff submit its self-assessment");
  if (v.state === 'collecting') return refuse('INVALID_STATE', 'the metrics are still being computed');
  if (v.selfAssessment) return refuse('INVALID_STATE', 'the self-assessment was already submitted');
  if (v.state !== 'self_assessment' || isPast(v.deadlines.selfAssessment.dueAt, nowMs))
    return refuse('INVALID_STATE', `the self-assessment window closed on ${v.deadlines.selfAssessment.dueDate}`);
  const problems = scoreItemProblems(i.items, v.applicable, 'evidence');
  return problems.length
    ? refuse('VALIDATION_FAILED', 'a self-assessment scores every applicable indicator with evidence', problems)
    : null;
}

/** processes.md P4 step 3: the assigned assessor reviews, once the self-assessment is in or its window closed. */
export function checkReview(v: AgencyAssessmentView, i: ReviewInput): Refusal | null {
  if (!may('review', v, i.actor)) return refuse('FORBIDDEN', 'only the assessor assigned to this agency reviews it');
  if (v.state !== 'review')
    return refuse(
      'INVALID_STATE',
      v.state === 'self_assessment' || v.state === 'collecting'
        ? 'the self-assessment is still open'
        : `the agency's assessment is ${v.state}; it awaits no review`,
    );
  const problems = scoreItemProblems(i.items, v.applicable, 'comment');
  return problems.length
    ? refuse('VALIDATION_FAILED', 'a review scores every applicable indicator with a comment', problems)
    : null;
}

/** processes.md P4 step 4: an agency may appeal its preliminary result once, during the notice period (公示). */
export function checkAppeal(v: AgencyAssessmentView, i: AppealInput, nowMs: number): Refusal | null {
  if (!may('appeal', v, i.actor)) return refuse('FORBIDDEN', "only the agency's own staff appeal its result");
  if (v.state !== 'notice')
    return refuse('INVALID_STATE', `the agency's assessment is ${v.state}; appeals are heard during the notice period`);
  if (v.deadlines.notice && isPast(v.deadlines.notice.dueAt, nowMs))
    return refuse('INVALID_STATE', `the notice period ended on ${v.deadlines.notice.dueDate}`);
  if (v.appeal) return refuse('INVALID_STATE', 'the agency has already appealed this result');
  if (isBlank(i.text))
    return refuse('VALIDATION_FAILED', 'an appeal says why', [{ path: 'text', message: 'must not be empty' }]);
  return null;
}

/** processes.md P4 step 4: the bureau answers each appeal, and may revise scores. */
export function checkAppealAnswer(v: AgencyAssessmentView, i: AppealAnswerInput): Refusal | null {
  if (!may('answerAppeal', v, i.actor)) return refuse('FORBIDDEN', 'only the bureau admin answers appeals');
  if (v.state !== 'notice' || !v.appeal || v.appeal.answer)
    return refuse(
      'INVALID_STATE',
      v.appeal?.answer ? 'the appeal was already answered' : 'there is no appeal to answer',
    );
  const problems = [
    ...(isBlank(i.text) ? [{ path: 'text', message: 'must not be empty' }] : []),
    ...scoreItemProblems(i.revised, v.applicable, null, true).map((p) => ({
      ...p,
      path: p.path.replace(/^items/, 'revised'),
    })),
  ];
  return problems.length
    ? refuse('VALIDATION_FAILED', 'an answer says why, and revises applicable indicators only', problems)
    : null;
}

/** processes.md P4 step 6: the agency files its rectification plan, then its completion report. */
export function checkRectification(v: AgencyAssessmentView, i: RectificationInput): Refusal | null {
  if (!may('rectify', v, i.actor))
    return refuse('FORBIDDEN', "only the agency's own staff report on its rectification");
  const r = v.rectification;
  if (v.state !== 'rectification' || !r)
    return refuse('INVALID_STATE', `the agency's assessment is ${v.state}; no rectification is open`);
  if (i.stage === 'plan' && r.state !== 'awaiting_plan')
    return refuse('INVALID_STATE', 'the rectification plan was already filed');
  if (i.stage === 'report' && r.state !== 'in_progress')
    return refuse(
      'INVALID_STATE',
      r.state === 'awaiting_plan'
        ? 'file the rectification plan first'
        : "the completion report awaits the bureau's verification",
    );
  if (isBlank(i.text))
    return refuse('VALIDATION_FAILED', 'the text must say something', [{ path: 'text', message: 'must not be empty' }]);
  return null;
}

/**
 * processes.md P4 step 6: completion within assessment.rectifyDays natural days of `from` (the plan, or a
 * failed check).
 */
export function completionDeadline(from: string, rectifyDays: number): Deadline {
  const due = addCalendarDays(from, rectifyDays);
  return { dueDate: due, dueAt: endOfLocalDay(due), provisional: false };
}

/** processes.md P4 step 6: the bureau verifies the rectification; a failed check reopens it. */
export function checkRectificationVerification(
  v: AgencyAssessmentView,
  i: RectificationVerificationInput,
): Refusal | null {
  if (!may('verifyRectification', v, i.actor))
    return refuse('FORBIDDEN', 'only the bureau admin verifies rectifications');
  if (v.state !== 'rectification' || v.rectification?.state !== 'awaiting_verification')
    return refuse('INVALID_STATE', 'no completion report awaits verification');
  return null;
}

/**
 * processes.md "Working days": the stage deadlines on a newer calendar. Only provisional deadlines not yet
 * passed move, and the review window follows a self-assessment deadline that moved.
 */
export function retrackStages<
  D extends { selfAssessment: TrackedDeadline; review: TrackedDeadline; notice: TrackedDeadline | null },
>(d: D, calendar: CalendarData, nowMs: number): D {
  const selfAssessment = retrack(d.selfAssessment, calendar, nowMs);
  const review =
    selfAssessment.dueDate !== d.review.from && !isPast(d.review.dueAt, nowMs)
      ? trackDeadline({ from: selfAssessment.dueDate, days: d.review.days }, calendar)
      : retrack(d.review, calendar, nowMs);
  return { ...d, selfAssessment, review, notice: d.notice ? retrack(d.notice, calendar, nowMs) : null };
}

/**
 * processes.md P4 steps 4–5: preliminary results once the self-assessment window has closed (every review
 * in is checked against the records); final results once the notice period has ended.
 */
export function checkPublication(c: CycleView, i: PublicationInput, nowMs: number): Refusal | null {
  if (!actsIn(assessmentRoles.publish, i.actor)) return refuse('FORBIDDEN', 'only the bureau admin publishes results');
  if (i.stage === 'preliminary') {
    if (c.state !== 'review')
      return refuse(
        'INVALID_STATE',
        c.state === 'collecting' || c.state === 'self_assessment'
          ? `the self-assessment window runs to ${c.deadlines.selfAssessment.dueDate}`
          : 'preliminary results are already published',
      );
    return null;
  }
  if (c.state !== 'notice')
    return refuse(
      'INVALID_STATE',
      c.state === 'final' || c.state === 'closed'
        ? 'final results are already published'
        : 'publish the preliminary results first',
    );
  if (c.deadlines.notice && !isPast(c.deadlines.notice.dueAt, nowMs))
    return refuse('INVALID_STATE', `the notice period (公示) runs to ${c.deadlines.notice.dueDate}`);
  return null;
}

/** What a publication waits for in the records: every agency reviewed, every appeal answered. */
export interface PublicationProgress {
  unreviewed: number;
  pendingAppeals: number;
}

/**
 * processes.md P4 steps 4–5: nothing is published on time running out — the preliminary results wait for
 * every review, the final ones for every appeal's answer.
 */
export function publicationWaitsFor(
  stage: PublicationStage,
  progress: PublicationProgress,
  agencyCount: number,
): Refusal | null {
  if (stage === 'preliminary' && progress.unreviewed > 0)
    return refuse('INVALID_STATE', `${progress.unreviewed} of ${agencyCount} agencies are not reviewed yet`);
  if (stage === 'final' && progress.pendingAppeals > 0)
    return refuse('INVALID_STATE', `${progress.pendingAppeals} appeals are not answered yet`);
  return null;
}

/**
 * processes.md "Catalog": a complete entry has a description, its data items, and the legal basis its
 * share or open type requires (conditional, not shared, not open: 「注明相关法律、法规和规章等依据」).
 */
export function catalogEntryComplete(r: {
  description: string | null;
  fields: unknown[];
  shareType: string;
  openType: string;
  legalBasis: string | null;
}): boolean {
  const needsBasis = r.shareType !== 'unconditional' || r.openType !== 'unconditional';
  return !isBlank(r.description) && r.fields.length > 0 && (!needsBasis || !isBlank(r.legalBasis));
}

/** A metric from what was counted; not applicable when nothing was (issue #5: never a zero). */
export function metricOf(
  source: Metrics[keyof Metrics]['source'],
  total: number,
  ok: number,
  overdue: number | null,
  note: string,
  alwaysApplies = false,
): Metrics[keyof Metrics] {
  const applicable = total > 0 || alwaysApplies;
  const ratio = total > 0 ? ok / total : applicable ? 0 : null;
  return {
    source,
    applicable,
    total,
    ok,
    overdue,
    ratio,
    systemScore: ratio === null ? null : Math.round(ratio * 1000) / 10,
    note,
  };
}

/** What a person may do on an agency's assessment, in the API's words (the endpoints and their stages). */
export const agencyAssessmentActions = [
  'assign_assessor',
  'self_assessment',
  'review',
  'appeal',
  'answer_appeal',
  'rectification_plan',
  'rectification_report',
  'verify_rectification',
] as const;
export type AgencyAssessmentAction = (typeof agencyAssessmentActions)[number];

/** The actions `actor` may take now: the update validators' own checks, probed with the input still empty. */
export function agencyAssessmentActionsFor(
  v: AgencyAssessmentView,
  actor: Actor,
  nowMs: number,
): AgencyAssessmentAction[] {
  return permitted<AgencyAssessmentAction>({
    assign_assessor: () => checkAssignment(v, { actor, assessor: { id: '', name: null } }),
    self_assessment: () => checkSelfAssessment(v, { actor, items: [] }, nowMs),
    review: () => checkReview(v, { actor, items: [] }),
    appeal: () => checkAppeal(v, { actor, text: '' }, nowMs),
    answer_appeal: () => checkAppealAnswer(v, { actor, text: '', revised: [] }),
    rectification_plan: () => checkRectification(v, { actor, stage: 'plan', text: '' }),
    rectification_report: () => checkRectification(v, { actor, stage: 'report', text: '' }),
    verify_rectification: () => checkRectificationVerification(v, { actor, passed: false, note: null }),
  });
}

/**
 * processes.md P4: what an agency's assessment waits for — its self-assessment within the window, an
 * assessor (until one is assigned) and the review, the answer to an appeal before the notice period
 * ends, and in rectification the plan, the completion report and the bureau's verification.
 */
export function agencyAssessmentAwaited(v: AgencyAssessmentView): Partial<Record<AgencyAssessmentAction, Awaited>> {
  const d = v.deadlines;
  const review =
    !v.review && ['self_assessment', 'review'].includes(v.state)
      ? {
          ...(v.assessor ? {} : { assign_assessor: { due: d.review } }),
          ...(v.state === 'review' ? { review: { due: d.review } } : {}),
        }
      : {};
  if (v.state === 'self_assessment') return { self_assessment: { due: d.selfAssessment, lapses: true }, ...review };
  if (v.state === 'review') return review;
  if (v.state === 'notice' && v.appeal && !v.appeal.answer) return { answer_appeal: { due: d.notice } };
  const r = v.rectification;
  if (v.state === 'rectification' && r) {
    if (r.state === 'awaiting_plan') return { rectification_plan: { due: r.planDue } };
    if (r.state === 'in_progress') return { rectification_report: { due: r.completionDue } };
    if (r.state === 'awaiting_verification') return { verify_rectification: { due: null } };
  }
  return {};
}

/** An agency's assessment as the work list and the statistics see it. */
export function agencyAssessmentWork(v: AgencyAssessmentView, nowMs: number): CaseWork {
  const parties: Party[] = [
    { role: 'agency_staff', agency: v.agencyCode, userId: null },
    { role: 'assessor', agency: null, userId: v.assessor?.id ?? null },
    { role: 'bureau_admin', agency: null, userId: null },
  ];
  const tasks = tasksOf(
    parties,
    () => agencyAssessmentAwaited(v),
    (actor) => agencyAssessmentActionsFor(v, actor, nowMs),
  );
  return {
    caseType: 'assessment',
    caseId: `${v.year}:${v.agencyCode}`,
    version: v.version,
    state: v.state,
    open: v.state !== 'closed',
    title: `${v.year}年度评估 · ${v.agencyName}`,
    resourceName: null,
    agencies: [v.agencyCode],
    users: v.assessor ? [v.assessor.id] : [],
    respondingAgency: v.agencyCode,
    due: earliest(tasks.map((t) => t.due)),
    overdue: v.overdue,
    openedAt: v.deadlines.selfAssessment.from,
    decidedAt: v.review?.at ?? null,
    tasks,
    view: v,
  };
}

/** What a person may do on a year's cycle: publish its results. */
export const cycleActions = ['publish_preliminary', 'publish_final'] as const;
export type CycleAction = (typeof cycleActions)[number];

/** The cycle's actions; with the records' progress, a publication they do not allow yet is not offered. */
export function cycleActionsFor(
  c: CycleView,
  actor: Actor,
  nowMs: number,
  progress?: PublicationProgress,
): CycleAction[] {
  const publish = (stage: PublicationStage) => () =>
    checkPublication(c, { actor, stage }, nowMs) ??
    (progress ? publicationWaitsFor(stage, progress, c.agencyCount) : null);
  return permitted<CycleAction>({
    publish_preliminary: publish('preliminary'),
    publish_final: publish('final'),
  });
}

/**
 * processes.md P4 steps 4–5: the cycle waits for the preliminary results after the reviews, the final ones
 * after the notice period.
 */
export function cycleWork(c: CycleView, nowMs: number): CaseWork {
  const awaited: Partial<Record<CycleAction, Awaited>> =
    c.state === 'review'
      ? { publish_preliminary: { due: c.deadlines.review } }
      : c.state === 'notice'
        ? { publish_final: { due: c.deadlines.notice } }
        : {};
  // The final results wait for the notice period to end, which records nothing: the task is written
  // as it will stand then, and the work list shows it once the check permits it.
  const noticeEndMs = c.deadlines.notice ? Date.parse(c.deadlines.notice.dueAt) + 1 : nowMs;
  const probeMs = c.state === 'notice' ? Math.max(nowMs, noticeEndMs) : nowMs;
  const tasks = tasksOf(
    [{ role: 'bureau_admin', agency: null, userId: null }],
    () => awaited,
    (actor) => cycleActionsFor(c, actor, probeMs),
  );
  return {
    caseType: 'assessment-cycle',
    caseId: String(c.year),
    version: c.version,
    state: c.state,
    open: c.state !== 'closed',
    title: `${c.year}年度评估`,
    resourceName: null,
    agencies: [],
    users: [],
    respondingAgency: null,
    due: earliest(tasks.map((t) => t.due)),
    overdue: false,
    openedAt: c.startedAt,
    decidedAt: c.publishedAt.final,
    tasks,
    view: c,
  };
}

// ---- next states: an agency's assessment as it opens ----------------------------------------------

const agencyLabel = (year: number, agency: { code: string; name: string }): string =>
  `${agency.name}（${agency.code}）${year} 年度评估`;

/** An agency's assessment as its cycle fans it out: collecting, before its metrics. */
export function collectingView(input: AgencyAssessmentInput, at: string): AgencyAssessmentView {
  return {
    year: input.year,
    agencyCode: input.agency.code,
    agencyName: input.agency.name,
    state: 'collecting',
    version: 0,
    overdue: false,
    overdueStages: [],
    metrics: null,
    applicable: [],
    deadlines: { ...input.deadlines, notice: null },
    selfAssessment: null,
    selfAssessmentMissed: false,
    assessor: null,
    review: null,
    result: null,
    appeal: null,
    rectification: null,
    updatedAt: at,
  };
}

/**
 * processes.md P4 step 1: the metrics from the system's own records decide which indicators apply,
 * and the agency is asked for its self-assessment by assessment.selfWd's deadline.
 */
export function metricsCollected(
  v: AgencyAssessmentView,
  metrics: Metrics,
  indicators: IndicatorSet,
): Step<AgencyAssessmentView, AgencyAssessmentState> {
  const applicable = applicableIndicators(indicators, metrics);
  return {
    set: { metrics, applicable },
    action: 'metrics',
    to: 'self_assessment',
    actor: systemActor('metrics'),
    data: { applicable },
    notify: [
      toAgency(
        v.agencyCode,
        'assessment_self',
        `请于 ${v.deadlines.selfAssessment.dueDate} 前提交自评：${agencyLabel(v.year, { code: v.agencyCode, name: v.agencyName })}`,
      ),
    ],
  };
}

/**
 * An agency's assessment opened by its batch (since ASSESSMENT_BATCH_OPENINGS_PATCH): its deadlines on
 * the cycle's calendar, its metrics collected, and the change that records that first transition,
 * exactly as the agency's own process would have recorded it.
 */
export function openedAgency(
  input: AgencyAssessmentInput,
  metrics: Metrics,
  calendar: CalendarData,
  nowMs: number,
): AgencyAssessmentChange {
  const at = new Date(nowMs).toISOString();
  const v = collectingView(input, at);
  v.deadlines = retrackStages(v.deadlines, calendar, nowMs);
  const step = metricsCollected(v, metrics, input.indicators);
  const view: AgencyAssessmentView = { ...v, ...step.set, state: step.to, version: 1, updatedAt: at };
  return { view, event: eventOf(step, v.state, at), notify: step.notify ?? [] };
}

// ---- next states: an agency's assessment as it runs ------------------------------------------------
// The workflow asks these, applies the step and records it (workflows/common/step.ts).

export type AgencyStep = Step<AgencyAssessmentView, AgencyAssessmentState>;

/** The moment of a step, with the policy in force and the cycle's indicator set. */
export interface AgencyContext extends StepContext {
  policy: Policy['assessment'];
  indicators: IndicatorSet;
}

const labelOf = (v: AgencyAssessmentView): string => agencyLabel(v.year, { code: v.agencyCode, name: v.agencyName });
const toThisAgency = (v: AgencyAssessmentView, kind: string, title: string) => toAgency(v.agencyCode, kind, title);
const publication = systemActor('publication');

/** processes.md P4 step 3: the bureau assigns the third-party assessor (第三方评估机构), who is told. */
export function assessorAssigned(v: AgencyAssessmentView, i: AssignAssessorInput, ctx: AgencyContext): AgencyStep {
  return {
    set: { assessor: { id: i.assessor.id, name: i.assessor.name, assignedBy: i.actor, at: ctx.at } },
    action: 'assign_assessor',
    to: v.state,
    actor: i.actor,
    data: { assessor: i.assessor.id },
    notify: [toUser(i.assessor.id, 'assessment_assigned', `您被指派评审：${labelOf(v)}`)],
  };
}

/** processes.md P4 step 2: the self-assessment with evidence goes to review; the assessor, if any, is told. */
export function selfAssessed(v: AgencyAssessmentView, i: SelfAssessmentInput, ctx: AgencyContext): AgencyStep {
  return {
    set: { selfAssessment: { by: i.actor, at: ctx.at, value: i.items } },
    action: 'self_assessment',
    to: 'review',
    actor: i.actor,
    notify: v.assessor
      ? [
          toUser(
            v.assessor.id,
            'assessment_to_review',
            `自评已提交，请于 ${v.deadlines.review.dueDate} 前完成评审：${labelOf(v)}`,
          ),
        ]
      : [],
  };
}

/** processes.md P4 step 3: the assessor's scores; the case waits for the preliminary publication. */
export function reviewed(v: AgencyAssessmentView, i: ReviewInput, ctx: AgencyContext): AgencyStep {
  return {
    set: { review: { by: i.actor, at: ctx.at, value: i.items } },
    action: 'review',
    to: 'reviewed',
    actor: i.actor,
    notify: [toBureau('assessment_reviewed', `评审已完成：${labelOf(v)}`)],
  };
}

/** processes.md P4 step 4: the preliminary result is published for a notice period (公示), scored on the review. */
export function preliminaryResult(v: AgencyAssessmentView, noticeDue: TrackedDeadline, ctx: AgencyContext): AgencyStep {
  const result = scoreAgency(ctx.indicators, v.applicable, finalItems(v), 'preliminary', ctx.at);
  return {
    set: { deadlines: { ...v.deadlines, notice: noticeDue }, result },
    action: 'preliminary_result',
    to: 'notice',
    actor: publication,
    data: { total: result.total, grade: result.grade, noticeDueDate: noticeDue.dueDate },
    notify: [
      toThisAgency(
        v,
        'assessment_preliminary',
        `初步结果：${labelOf(v)} ${result.total} 分（${gradeLabels[result.grade]}），公示期至 ${noticeDue.dueDate}，可提出申诉`,
      ),
    ],
  };
}

/** processes.md P4 step 4: the agency appeals during the notice period; the bureau answers. */
export function appealed(v: AgencyAssessmentView, i: AppealInput, ctx: AgencyContext): AgencyStep {
  return {
    set: { appeal: { text: i.text, by: i.actor, at: ctx.at, answer: null } },
    action: 'appeal',
    to: 'notice',
    actor: i.actor,
    reason: i.text,
    notify: [toBureau('assessment_appeal', `收到对初步结果的申诉：${labelOf(v)}`)],
  };
}

/** processes.md P4 step 4: the bureau's answer; scores it revises are scored again at once. */
export function appealAnswered(v: AgencyAssessmentView, i: AppealAnswerInput, ctx: AgencyContext): AgencyStep {
  const appeal = { ...v.appeal!, answer: { by: i.actor, at: ctx.at, value: { text: i.text, revised: i.revised } } };
  const result = i.revised.length
    ? scoreAgency(ctx.indicators, v.applicable, finalItems({ review: v.review, appeal }), 'preliminary', ctx.at)
    : v.result;
  return {
    set: { appeal, result },
    action: 'appeal_answered',
    to: 'notice',
    actor: i.actor,
    reason: i.text,
    data: { revised: i.revised.map((r) => r.indicator), total: result?.total ?? null },
    notify: [toThisAgency(v, 'assessment_appeal_answered', `大数据局已答复您的申诉：${labelOf(v)}`)],
  };
}

/**
 * processes.md P4 steps 5–6: the final result, on the review as the appeal left it. 不合格 or a score
 * below an indicator's floor opens a rectification (整改), its plan due in assessment.rectifyPlanWd.
 */
export function finalResult(v: AgencyAssessmentView, ctx: AgencyContext): AgencyStep {
  const result = scoreAgency(ctx.indicators, v.applicable, finalItems(v), 'final', ctx.at);
  const data = { total: result.total, grade: result.grade, belowFloor: result.belowFloor };
  const scored = `${labelOf(v)} ${result.total} 分（${gradeLabels[result.grade]}）`;
  if (!result.needsRectification) {
    return {
      set: { result },
      action: 'final_result',
      to: 'closed',
      actor: publication,
      data,
      notify: [toThisAgency(v, 'assessment_final', `最终结果：${scored}`)],
    };
  }
  const planDue = ctx.track(ctx.today, ctx.policy.rectifyPlanWd);
  return {
    set: {
      result,
      rectification: {
        state: 'awaiting_plan',
        reasons: rectificationReasons(result, ctx.indicators),
        planDue,
        completionDue: null,
        plan: null,
        reports: [],
        verifications: [],
      },
    },
    action: 'final_result',
    to: 'rectification',
    actor: publication,
    data: { ...data, planDueDate: planDue.dueDate },
    notify: [toThisAgency(v, 'rectification_required', `最终结果：${scored}，请于 ${planDue.dueDate} 前提交整改方案`)],
  };
}

/**
 * processes.md P4 step 6: the plan starts the completion period (assessment.rectifyDays natural days);
 * the completion report awaits the bureau's verification.
 */
export function rectified(v: AgencyAssessmentView, i: RectificationInput, ctx: AgencyContext): AgencyStep {
  const r = v.rectification!;
  if (i.stage === 'plan') {
    const completionDue = completionDeadline(ctx.today, ctx.policy.rectifyDays);
    return {
      set: {
        rectification: { ...r, plan: { by: i.actor, at: ctx.at, value: i.text }, state: 'in_progress', completionDue },
      },
      action: 'rectification_plan',
      to: 'rectification',
      actor: i.actor,
      data: { completionDueDate: completionDue.dueDate },
      notify: [toBureau('rectification_plan', `已提交整改方案：${labelOf(v)}`)],
    };
  }
  return {
    set: {
      rectification: {
        ...r,
        reports: [...r.reports, { by: i.actor, at: ctx.at, value: i.text }],
        state: 'awaiting_verification',
      },
    },
    action: 'rectification_report',
    to: 'rectification',
    actor: i.actor,
    notify: [toBureau('rectification_report', `已报告整改完成，待验收：${labelOf(v)}`)],
  };
}

/** processes.md P4 step 6: a passed check closes the assessment; a failed one reopens it with a fresh period. */
export function rectificationChecked(
  v: AgencyAssessmentView,
  i: RectificationVerificationInput,
  ctx: AgencyContext,
): AgencyStep {
  const r = v.rectification!;
  const verifications = [...r.verifications, { by: i.actor, at: ctx.at, value: { passed: i.passed, note: i.note } }];
  if (i.passed) {
    return {
      set: { rectification: { ...r, verifications, state: 'verified' } },
      action: 'rectification_verified',
      to: 'closed',
      actor: i.actor,
      reason: i.note,
      notify: [toThisAgency(v, 'rectification_verified', `整改验收通过：${labelOf(v)}`)],
    };
  }
  const completionDue = completionDeadline(ctx.today, ctx.policy.rectifyDays);
  return {
    set: { rectification: { ...r, verifications, state: 'in_progress', completionDue } },
    action: 'rectification_reopened',
    to: 'rectification',
    actor: i.actor,
    reason: i.note ?? 'the bureau did not accept the rectification',
    data: { completionDueDate: completionDue.dueDate },
    notify: [
      toThisAgency(
        v,
        'rectification_reopened',
        `整改验收未通过，请于 ${completionDue.dueDate} 前重新报告：${labelOf(v)}`,
      ),
    ],
  };
}

/** The stage whose deadline the agency waits for now, once per stage (a reopened completion is a stage of its own). */
export function agencyNextDeadline(v: AgencyAssessmentView): { stage: string; due: Deadline } | null {
  const r = v.rectification;
  const open = (stage: string, due: Deadline | null) =>
    due && !v.overdueStages.includes(stage) ? { stage, due } : null;
  if (v.state === 'self_assessment') return { stage: 'self_assessment', due: v.deadlines.selfAssessment };
  if (v.state === 'review') return open('review', v.deadlines.review);
  if (v.state === 'rectification' && r?.state === 'awaiting_plan') return open('rectification_plan', r.planDue);
  if (v.state === 'rectification' && r?.state === 'in_progress' && r.completionDue)
    return open(`rectification_completion:${r.completionDue.dueDate}`, r.completionDue);
  return null;
}

/**
 * processes.md P4: a stage deadline passed with its step undone flags the assessment overdue and tells
 * whoever owes the step and the bureau. A missed self-assessment closes the window: the review goes
 * ahead on the records alone. Null when no stage is waiting (the deadline belongs to a step already taken).
 */
export function agencyOverdue(v: AgencyAssessmentView): AgencyStep | null {
  const next = agencyNextDeadline(v);
  if (!next) return null;
  const label = labelOf(v);
  const r = v.rectification;
  const flagged = (to: AgencyAssessmentState, reason: string, notify: NotificationSpec[], set = {}): AgencyStep => ({
    set: { overdue: true, overdueStages: [...v.overdueStages, next.stage], ...set },
    action: 'overdue',
    to,
    actor: systemActor('deadline'),
    reason,
    data: { stage: next.stage },
    notify,
  });
  if (next.stage === 'self_assessment')
    return flagged(
      'review',
      `the self-assessment was due ${v.deadlines.selfAssessment.dueDate}`,
      [
        toThisAgency(v, 'overdue', `自评超期未提交：${label}`),
        toBureau('overdue', `自评超期（督办）：${label}`),
        ...(v.assessor
          ? [
              toUser(
                v.assessor.id,
                'assessment_to_review',
                `请于 ${v.deadlines.review.dueDate} 前完成评审（该单位未提交自评）：${label}`,
              ),
            ]
          : []),
      ],
      { selfAssessmentMissed: true },
    );
  if (next.stage === 'review')
    return flagged('review', `the review was due ${v.deadlines.review.dueDate}`, [
      ...(v.assessor ? [toUser(v.assessor.id, 'overdue', `评审超期，请尽快完成：${label}`)] : []),
      toBureau('overdue', `评审超期（督办）：${label}${v.assessor ? '' : '，尚未指派评估机构'}`),
    ]);
  if (next.stage === 'rectification_plan')
    return flagged('rectification', `the rectification plan was due ${r!.planDue.dueDate}`, [
      toThisAgency(v, 'overdue', `整改方案超期未提交：${label}`),
      toBureau('overdue', `整改方案超期（督办）：${label}`),
    ]);
  return flagged('rectification', `the rectification was due ${r!.completionDue!.dueDate}`, [
    toThisAgency(v, 'overdue', `整改超期未完成：${label}`),
    toBureau('overdue', `整改超期（督办）：${label}`),
  ]);
}

/**
 * processes.md "Working days": a published year moves the agency's provisional deadlines not yet
 * passed — its stages, a rectification plan's, and a notice period signalled but not yet taken.
 */
export function retrackedAgency(
  v: AgencyAssessmentView,
  noticeDue: TrackedDeadline | null,
  calendar: CalendarData,
  nowMs: number,
): {
  deadlines: AgencyAssessmentView['deadlines'];
  planDue: TrackedDeadline | null;
  noticeDue: TrackedDeadline | null;
  moved: boolean;
} {
  const deadlines = retrackStages(v.deadlines, calendar, nowMs);
  const planDue = v.rectification ? retrack(v.rectification.planDue, calendar, nowMs) : null;
  const notice = noticeDue ? retrack(noticeDue, calendar, nowMs) : null;
  const moved =
    JSON.stringify([deadlines, planDue, notice]) !==
    JSON.stringify([v.deadlines, v.rectification?.planDue ?? null, noticeDue]);
  return { deadlines, planDue, noticeDue: notice, moved };
}

/** The notice of a recompute: the moved deadlines, and the agency told. */
export function agencyRecomputed(v: AgencyAssessmentView): {
  data: Record<string, unknown>;
  notify: NotificationSpec[];
} {
  return {
    data: { deadlines: v.deadlines, planDue: v.rectification?.planDue ?? null },
    notify: [toThisAgency(v, 'deadlines_recomputed', `工作日历已发布，办理期限已重算：${labelOf(v)}`)],
  };
}

// ---- next states: the year's cycle ----------------------------------------------------------------

export type CycleStep = Step<CycleView, CycleState>;

/** The moment of a cycle's step, with the policy in force. */
export interface CycleContext extends StepContext {
  policy: Policy['assessment'];
}

/**
 * processes.md P4 step 1: the cycle opens in collecting, claiming its year; the self-assessment is due
 * assessment.selfWd working days after the start and the review window (assessment.reviewWd) follows it.
 */
export function cycleOpened(input: CycleInput, indicators: IndicatorSet, ctx: CycleContext): CycleChange {
  const selfAssessment = ctx.track(ctx.today, ctx.policy.selfWd);
  const review = ctx.track(selfAssessment.dueDate, ctx.policy.reviewWd);
  const view: CycleView = {
    year: input.year,
    state: 'collecting',
    version: 1,
    indicatorsVersion: indicators.version,
    agencyCount: 0,
    startedBy: input.startedBy,
    startedAt: ctx.at,
    deadlines: { selfAssessment, review, notice: null },
    publishedAt: { preliminary: null, final: null },
    rectifying: 0,
    closedAt: null,
    updatedAt: ctx.at,
  };
  const open = {
    action: 'open',
    to: 'collecting',
    actor: input.startedBy,
    data: { indicatorsVersion: indicators.version },
  };
  return { view, indicators, event: eventOf(open, null, ctx.at), notify: [] };
}

/** processes.md P4 step 1: every agency's metrics are collected; the self-assessment window is open. */
export function cycleCollected(c: CycleView, counts: AgencyStateCounts): CycleStep {
  return {
    set: {},
    action: 'metrics_collected',
    to: 'self_assessment',
    actor: systemActor('metrics'),
    data: { agencies: c.agencyCount, counts },
    notify: [
      toBureau(
        'assessment_collected',
        `${c.year}年度评估：已为 ${c.agencyCount} 家单位采集指标，自评截至 ${c.deadlines.selfAssessment.dueDate}`,
      ),
    ],
  };
}

/** processes.md P4 step 2: the self-assessment window closes on its deadline; the review goes on. */
export function selfAssessmentClosed(c: CycleView): CycleStep {
  return {
    set: {},
    action: 'self_assessment_closed',
    to: 'review',
    actor: systemActor('deadline'),
    reason: `自评期已于 ${c.deadlines.selfAssessment.dueDate} 截止`,
  };
}

/**
 * processes.md P4 steps 4–5: the bureau publishes the preliminary results, opening the notice period
 * (assessment.noticeWd), or the final ones, reported to the municipal government.
 */
export function published(c: CycleView, i: PublicationInput, ctx: CycleContext): CycleStep {
  if (i.stage === 'preliminary') {
    const notice = ctx.track(ctx.today, ctx.policy.noticeWd);
    return {
      set: { deadlines: { ...c.deadlines, notice }, publishedAt: { ...c.publishedAt, preliminary: ctx.at } },
      action: 'publish_preliminary',
      to: 'notice',
      actor: i.actor,
      data: { noticeDueDate: notice.dueDate },
      notify: [toBureau('assessment_preliminary', `${c.year}年度评估初步结果已发布，公示期至 ${notice.dueDate}`)],
    };
  }
  return {
    set: { publishedAt: { ...c.publishedAt, final: ctx.at } },
    action: 'publish_final',
    to: 'final',
    actor: i.actor,
    notify: [toBureau('assessment_final', `${c.year}年度评估最终结果已发布，并报市人民政府`)],
  };
}

/** processes.md P4 step 5: every final result in, the agencies ranked; those in rectification counted. */
export function cycleRanked(counts: AgencyStateCounts): CycleStep {
  return {
    set: { rectifying: counts.rectification },
    action: 'ranked',
    to: 'final',
    actor: systemActor('publication'),
    data: { rectifying: counts.rectification, counts },
  };
}

/** processes.md P4 step 6: the cycle closes when every agency's assessment has closed. */
export function cycleClosed(ctx: CycleContext): CycleStep {
  return {
    set: { closedAt: ctx.at },
    action: 'close',
    to: 'closed',
    actor: systemActor('rectification'),
    reason: '各参评单位评估均已办结',
  };
}
