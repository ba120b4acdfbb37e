import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shareApplicationStates, deliveryMethods, grantStates } from '../../workflows/share-application/types.js';
import type {
  DecisionRecord,
  RenewalView,
  SupplementRecord,
  ExtensionRecord,
} from '../../workflows/share-application/types.js';
import { catalogResources } from './catalog.js';

export const shareApplicationState = pgEnum('share_application_state', shareApplicationStates);
export const deliveryMethod = pgEnum('delivery_method', deliveryMethods);
export const grantState = pgEnum('grant_state', grantStates);

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Read model of share applications (共享申请), written only by the workflow's activities. */
export const shareApplications = pgTable(
  'share_applications',
  {
    id: uuid('id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    applicantAgency: text('applicant_agency').notNull(),
    providerAgency: text('provider_agency').notNull(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => catalogResources.id),
    resourceCode: text('resource_code').notNull(),
    resourceName: text('resource_name').notNull(),
    shareType: text('share_type').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    dutyBasis: text('duty_basis').notNull(),
    usageScope: text('usage_scope').notNull(),
    periodMonths: integer('period_months').notNull(),
    deliveryMethod: deliveryMethod('delivery_method').notNull(),
    securityMeasures: text('security_measures'),
    state: shareApplicationState('state').notNull(),
    overdue: boolean('overdue').notNull().default(false),
    reviewDueAt: tz('review_due_at'),
    reviewDueDate: date('review_due_date', { mode: 'string' }),
    supplementDueAt: tz('supplement_due_at'),
    supplementDueDate: date('supplement_due_date', { mode: 'string' }),
    objectionDueAt: tz('objection_due_at'),
    objectionDueDate: date('objection_due_date', { mode: 'string' }),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    missing: jsonb('missing').$type<string[]>(),
    decision: jsonb('decision').$type<DecisionRecord>(),
    extension: jsonb('extension').$type<ExtensionRecord>(),
    supplements: jsonb('supplements').$type<SupplementRecord[]>().notNull().default([]),
    renewal: jsonb('renewal').$type<RenewalView>(),
    urgedCount: integer('urged_count').notNull().default(0),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: tz('submitted_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('share_applications_applicant_idx').on(t.applicantAgency, t.submittedAt, t.id),
    index('share_applications_provider_idx').on(t.providerAgency, t.submittedAt, t.id),
    index('share_applications_state_idx').on(t.state, t.submittedAt, t.id),
    index('share_applications_submitted_idx').on(t.submittedAt, t.id),
    index('share_applications_resource_idx').on(t.resourceId, t.submittedAt),
    // The bureau's 督办 list: overdue cases only, newest first.
    index('share_applications_overdue_idx')
      .on(t.submittedAt, t.id)
      .where(sql`${t.overdue}`),
  ],
);

/** A purpose- and time-bound grant of access that a share application produced. */
export const shareGrants = pgTable(
  'share_grants',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => shareApplications.id),
    applicantAgency: text('applicant_agency').notNull(),
    providerAgency: text('provider_agency').notNull(),
    resourceId: uuid('resource_id').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    conditions: text('conditions'),
    state: grantState('state').notNull(),
    grantedAt: tz('granted_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    expiresDate: date('expires_date', { mode: 'string' }).notNull(),
    revokedAt: tz('revoked_at'),
    revokedReason: text('revoked_reason'),
    credentialHash: text('credential_hash').unique(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [index('share_grants_expiry_idx').on(t.state, t.expiresAt)],
);
