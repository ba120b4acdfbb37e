// JSON-safe shapes of the annual assessment (年度评估), docs/processes.md P4: one cycle per year, one
// per-agency process under it.
import type { CaseEvent } from '../common/events.js';
import type { Actor } from '../common/actors.js';
import type { TrackedDeadline } from '../common/deadlines.js';
import type { CalendarData, Deadline } from '../common/working-days.js';
import type { NotificationSpec } from '../common/events.js';
import type { Policy } from '../../policy/index.js';

export const cycleStates = ['collecting', 'self_assessment', 'review', 'notice', 'final', 'closed'] as const;
export type CycleState = (typeof cycleStates)[number];

export const agencyAssessmentStates = [
  'collecting',
  'self_assessment',
  'review',
  'reviewed',
  'notice',
  'rectification',
  'closed',
] as const;
export type AgencyAssessmentState = (typeof agencyAssessmentStates)[number];

export const rectificationStates = ['awaiting_plan', 'in_progress', 'awaiting_verification', 'verified'] as const;
export type RectificationState = (typeof rectificationStates)[number];

export const publicationStages = ['preliminary', 'final'] as const;
export type PublicationStage = (typeof publicationStages)[number];

/** Where a metric comes from: the system's own records of P1, P2, P3, P5, P6 and the catalog. */
export const metricSources = ['catalog', 'freshness', 'share', 'objection', 'open', 'correction'] as const;
export type MetricSource = (typeof metricSources)[number];

export const gradeCodes = ['excellent', 'good', 'pass', 'fail'] as const;
export type GradeCode = (typeof gradeCodes)[number];
/** The grades in the glossary's words (优秀/良好/合格/不合格). */
export { gradeLabels } from '../common/glossary.js';

/** One indicator of a versioned framework: its weight, the floor below which it needs rectification, its metric. */
export interface Indicator {
  code: string;
  name: string;
  weight: number;
  /** An indicator scored below its floor needs rectification (整改); null: no floor. */
  floor: number | null;
  /** The system metric shown beside it; null for an indicator scored on evidence alone. */
  metric: MetricSource | null;
  description?: string;
}

export interface IndicatorSet {
  version: string;
  title: string;
  /** Lowest total of each grade; below `pass` is 不合格. */
  grades: { excellent: number; good: number; pass: number };
  indicators: Indicator[];
}

/** A metric computed from the records of the assessed year; not applicable when there was nothing to measure. */
export interface Metric {
  source: MetricSource;
  applicable: boolean;
  /** What was counted (cases, resources). */
  total: number;
  /** Of those, how many met the rule (on time, complete, fresh, upheld). */
  ok: number;
  /** Overdue cases, where the source has deadlines. */
  overdue: number | null;
  /** ok / total, or null when not applicable. */
  ratio: number | null;
  /** ratio as a score of 0..100, for the assessor's reference. */
  systemScore: number | null;
  note: string;
}
export type Metrics = Record<MetricSource, Metric>;

export interface ScoreItem {
  indicator: string;
  score: number;
  evidence?: string;
  comment?: string;
}

export interface IndicatorScore {
  indicator: string;
  score: number;
  weight: number;
  belowFloor: boolean;
}

export interface AgencyResult {
  stage: PublicationStage;
  scores: IndicatorScore[];
  total: number;
  grade: GradeCode;
  /** Indicators scored below their floor. */
  belowFloor: string[];
  needsRectification: boolean;
  computedAt: string;
}

export interface Signed<T> {
  by: Actor;
  at: string;
  value: T;
}

export interface AgencyAssessmentInput {
  year: number;
  agency: { code: string; name: string };
  indicators: IndicatorSet;
  deadlines: { selfAssessment: TrackedDeadline; review: TrackedDeadline };
  policy: Policy['assessment'];
  cycleWorkflowId: string;
  /**
   * Since ASSESSMENT_BATCH_INPUTS_PATCH: the calendar in force as the cycle read it, and the agency's
   * metrics as its batch computed them, so the agency's process starts without a step of its own.
   */
  calendar?: CalendarData;
  metrics?: Metrics;
}

/** An agency's assessment its batch opened: the view in self_assessment, as recorded, and the cycle's calendar. */
export interface OpenedAgencyInput extends AgencyAssessmentInput {
  calendar: CalendarData;
  opened: AgencyAssessmentView;
}

export interface RectificationView {
  state: RectificationState;
  reasons: string[];
  planDue: TrackedDeadline;
  completionDue: Deadline | null;
  plan: Signed<string> | null;
  reports: Signed<string>[];
  verifications: Signed<{ passed: boolean; note: string | null }>[];
}

export interface AgencyAssessmentView {
  year: number;
  agencyCode: string;
  agencyName: string;
  state: AgencyAssessmentState;
  version: number;
  /** A stage deadline passed with its step undone. */
  overdue: boolean;
  overdueStages: string[];
  metrics: Metrics | null;
  /** Indicators that apply to this agency: those whose metric had something to measure. */
  applicable: string[];
  deadlines: {
    selfAssessment: TrackedDeadline;
    review: TrackedDeadline;
    notice: TrackedDeadline | null;
  };
  selfAssessment: Signed<ScoreItem[]> | null;
  selfAssessmentMissed: boolean;
  assessor: { id: string; name: string | null; assignedBy: Actor; at: string } | null;
  review: Signed<ScoreItem[]> | null;
  result: AgencyResult | null;
  appeal: { text: string; by: Actor; at: string; answer: Signed<{ text: string; revised: ScoreItem[] }> | null } | null;
  rectification: RectificationView | null;
  updatedAt: string;
}

export interface AgencyAssessmentChange {
  view: AgencyAssessmentView;
  event: CaseEvent;
  notify: NotificationSpec[];
}

/** How the cycle fans out: agencies per batch, and the history size at which it continues as new. */
export interface FanOut {
  batchSize: number;
  maxHistoryEvents: number;
}

export interface CycleInput {
  year: number;
  /** null: the framework version marked default. */
  indicatorsVersion: string | null;
  startedBy: Actor;
  policy: Policy['assessment'];
  fanOut?: FanOut;
  /** Set when the cycle continues as new: where it was. */
  resume?: CycleRun;
}

/** What a cycle carries from one run to the next when it continues as new. */
export interface CycleRun {
  view: CycleView;
  indicators: IndicatorSet;
  /** The fan-out's cursor: the last agency code started; null before the first. */
  afterCode: string | null;
  fannedOut: boolean;
  /** Publications already signalled to every agency. */
  told: { preliminary: boolean; final: boolean };
  ranked: boolean;
}

export interface CycleView {
  year: number;
  state: CycleState;
  version: number;
  indicatorsVersion: string;
  agencyCount: number;
  startedBy: Actor;
  startedAt: string;
  deadlines: { selfAssessment: TrackedDeadline; review: TrackedDeadline; notice: TrackedDeadline | null };
  publishedAt: { preliminary: string | null; final: string | null };
  rectifying: number;
  closedAt: string | null;
  updatedAt: string;
}

export interface CycleChange {
  view: CycleView;
  indicators: IndicatorSet;
  event: CaseEvent;
  notify: NotificationSpec[];
}

export type AgencyStateCounts = Record<AgencyAssessmentState, number>;
