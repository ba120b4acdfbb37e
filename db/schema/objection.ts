import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { objectionOutcomes, objectionStates } from '../../workflows/objection/types.js';
import type {
  EscalationRecord,
  MinutesRecord,
  ObjectionInput,
  RulingRecord,
  StatementRecord,
} from '../../workflows/objection/types.js';
import type { Actor } from '../../workflows/common/actors.js';
import { shareApplications } from './share-application.js';

export const objectionState = pgEnum('objection_state', objectionStates);
export const objectionOutcome = pgEnum('objection_outcome', objectionOutcomes);

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Read model of objections to refused sharing (不予共享异议), written only by the workflow's activities. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => shareApplications.id),
    applicantAgency: text('applicant_agency').notNull(),
    providerAgency: text('provider_agency').notNull(),
    resourceCode: text('resource_code').notNull(),
    resourceName: text('resource_name').notNull(),
    refusal: jsonb('refusal').$type<ObjectionInput['refusal']>().notNull(),
    statement: text('statement').notNull(),
    dutyBasis: text('duty_basis'),
    filedBy: jsonb('filed_by').$type<Actor>().notNull(),
    state: objectionState('state').notNull(),
    overdue: boolean('overdue').notNull().default(false),
    coordinator: jsonb('coordinator').$type<Actor>(),
    negotiationDueAt: tz('negotiation_due_at'),
    negotiationDueDate: date('negotiation_due_date', { mode: 'string' }),
    statementDueAt: tz('statement_due_at'),
    statementDueDate: date('statement_due_date', { mode: 'string' }),
    coordinationDueAt: tz('coordination_due_at'),
    coordinationDueDate: date('coordination_due_date', { mode: 'string' }),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    statements: jsonb('statements').$type<StatementRecord[]>().notNull(),
    minutes: jsonb('minutes').$type<MinutesRecord[]>().notNull(),
    escalation: jsonb('escalation').$type<EscalationRecord>(),
    ruling: jsonb('ruling').$type<RulingRecord>(),
    outcome: objectionOutcome('outcome'),
    filedAt: tz('filed_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('objections_state_idx').on(t.state, t.filedAt, t.id),
    index('objections_applicant_idx').on(t.applicantAgency, t.filedAt, t.id),
    index('objections_provider_idx').on(t.providerAgency, t.filedAt, t.id),
    index('objections_filed_idx').on(t.filedAt, t.id),
    index('objections_application_idx').on(t.applicationId),
  ],
);
