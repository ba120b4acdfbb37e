import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { correctionStates } from '../../workflows/correction/types.js';
import type { CorrectionView } from '../../workflows/correction/types.js';
import { catalogResources } from './catalog.js';

export const correctionState = pgEnum('correction_state', correctionStates);
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Read model of data corrections (数据纠错), written only by the workflow's activities. */
export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => catalogResources.id),
    resourceCode: text('resource_code').notNull(),
    resourceName: text('resource_name').notNull(),
    providerAgency: text('provider_agency').notNull(),
    assignedAgency: text('assigned_agency').notNull(),
    recordRef: text('record_ref').notNull(),
    field: text('field'),
    currentValue: text('current_value'),
    claimedValue: text('claimed_value'),
    description: text('description').notNull(),
    evidence: text('evidence'),
    reporterId: text('reporter_id').notNull(),
    reporterAgency: text('reporter_agency'),
    state: correctionState('state').notNull(),
    overdue: boolean('overdue').notNull().default(false),
    verifyDueAt: tz('verify_due_at'),
    verifyDueDate: date('verify_due_date', { mode: 'string' }),
    forwardDueAt: tz('forward_due_at'),
    forwardDueDate: date('forward_due_date', { mode: 'string' }),
    returned: jsonb('returned').$type<NonNullable<CorrectionView['returned']>>(),
    extension: jsonb('extension').$type<NonNullable<CorrectionView['extension']>>(),
    outcome: jsonb('outcome').$type<NonNullable<CorrectionView['outcome']>>(),
    transferredFrom: uuid('transferred_from'),
    submittedAt: tz('submitted_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('corrections_assigned_idx').on(t.assignedAgency, t.submittedAt, t.id),
    index('corrections_reporter_idx').on(t.reporterId, t.submittedAt, t.id),
    index('corrections_state_idx').on(t.state, t.submittedAt, t.id),
    index('corrections_resource_idx').on(t.resourceId, t.state),
  ],
);
