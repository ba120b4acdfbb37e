import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { agencyAssessmentStates, cycleStates } from '../../workflows/assessment/types.js';
import type {
  AgencyAssessmentView,
  AgencyResult,
  CycleView,
  IndicatorSet,
  Metrics,
} from '../../workflows/assessment/types.js';
import type { Actor } from '../../workflows/common/actors.js';

export const assessmentCycleState = pgEnum('assessment_cycle_state', cycleStates);
export const agencyAssessmentState = pgEnum('agency_assessment_state', agencyAssessmentStates);

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Versions of the indicator framework (评估指标体系): weights, floors and grade thresholds. Never edited. */
export const assessmentIndicatorSets = pgTable('assessment_indicator_sets', {
  version: text('version').primaryKey(),
  title: text('title').notNull(),
  grades: jsonb('grades').$type<IndicatorSet['grades']>().notNull(),
  indicators: jsonb('indicators').$type<IndicatorSet['indicators']>().notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  createdBy: text('created_by').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** One row per assessed year (年度评估): the cycle's read model, written by its workflow's activities. */
export const assessmentCycles = pgTable('assessment_cycles', {
  year: integer('year').primaryKey(),
  workflowId: text('workflow_id').notNull(),
  /** The run that claimed the year: a year runs at most once. */
  runId: text('run_id').notNull(),
  state: assessmentCycleState('state').notNull(),
  indicatorsVersion: text('indicators_version')
    .notNull()
    .references(() => assessmentIndicatorSets.version),
  /** The framework as it was when the cycle started. */
  indicators: jsonb('indicators').$type<IndicatorSet>().notNull(),
  agencyCount: integer('agency_count').notNull(),
  startedBy: jsonb('started_by').$type<Actor>().notNull(),
  startedAt: tz('started_at').notNull(),
  deadlines: jsonb('deadlines').$type<CycleView['deadlines']>().notNull(),
  publishedAt: jsonb('published_at').$type<CycleView['publishedAt']>().notNull(),
  rectifying: integer('rectifying').notNull().default(0),
  closedAt: tz('closed_at'),
  updatedAt: tz('updated_at').notNull(),
  version: integer('version').notNull(),
});

/** One row per agency per year: written by the agency's workflow (its view) and by the cycle (rank). */
export const assessmentAgencies = pgTable(
  'assessment_agencies',
  {
    year: integer('year')
      .notNull()
      .references(() => assessmentCycles.year),
    agencyCode: text('agency_code').notNull(),
    agencyName: text('agency_name').notNull(),
    state: agencyAssessmentState('state').notNull(),
    overdue: boolean('overdue').notNull().default(false),
    metrics: jsonb('metrics').$type<Metrics>(),
    applicable: jsonb('applicable').$type<string[]>().notNull().default([]),
    deadlines: jsonb('deadlines').$type<AgencyAssessmentView['deadlines']>(),
    selfDueDate: date('self_due_date', { mode: 'string' }),
    reviewDueDate: date('review_due_date', { mode: 'string' }),
    selfAssessment: jsonb('self_assessment').$type<AgencyAssessmentView['selfAssessment']>(),
    selfAssessmentMissed: boolean('self_assessment_missed').notNull().default(false),
    assessorId: text('assessor_id'),
    assessor: jsonb('assessor').$type<AgencyAssessmentView['assessor']>(),
    review: jsonb('review').$type<AgencyAssessmentView['review']>(),
    result: jsonb('result').$type<AgencyResult>(),
    total: doublePrecision('total'),
    grade: text('grade'),
    rank: integer('rank'),
    appeal: jsonb('appeal').$type<AgencyAssessmentView['appeal']>(),
    appealPending: boolean('appeal_pending').notNull().default(false),
    rectification: jsonb('rectification').$type<AgencyAssessmentView['rectification']>(),
    overdueStages: jsonb('overdue_stages').$type<string[]>().notNull().default([]),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    /** 0 while only the cycle has listed the agency; the agency's workflow writes 1, 2, ... */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.agencyCode] }),
    index('assessment_agencies_state_idx').on(t.year, t.state),
    index('assessment_agencies_assessor_idx').on(t.assessorId, t.year),
  ],
);
