import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { openDataStates } from '../../workflows/open-data-request/types.js';
import type { OpenDataView, UsageReport } from '../../workflows/open-data-request/types.js';
import { catalogResources } from './catalog.js';

export const openDataState = pgEnum('open_data_state', openDataStates);
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Read model of conditional open-data requests (有条件开放申请); identifiers only masked here. */
export const openDataRequests = pgTable(
  'open_data_requests',
  {
    id: uuid('id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => catalogResources.id),
    resourceCode: text('resource_code').notNull(),
    resourceName: text('resource_name').notNull(),
    providerAgency: text('provider_agency').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    requesterKind: text('requester_kind').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterMasked: text('requester_masked').notNull(),
    requesterKey: text('requester_key').notNull(),
    requesterContact: text('requester_contact').notNull(),
    requesterUser: text('requester_user').notNull(),
    purpose: text('purpose').notNull(),
    scenario: text('scenario').notNull(),
    periodMonths: integer('period_months').notNull(),
    securityMeasures: text('security_measures').notNull(),
    state: openDataState('state').notNull(),
    overdue: boolean('overdue').notNull().default(false),
    formalCheckDueAt: tz('formal_check_due_at'),
    formalCheckDueDate: date('formal_check_due_date', { mode: 'string' }),
    reviewDueAt: tz('review_due_at'),
    reviewDueDate: date('review_due_date', { mode: 'string' }),
    agreementDueAt: tz('agreement_due_at'),
    agreementDueDate: date('agreement_due_date', { mode: 'string' }),
    nextReportDueAt: tz('next_report_due_at'),
    nextReportDueDate: date('next_report_due_date', { mode: 'string' }),
    graceDueDate: date('grace_due_date', { mode: 'string' }),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    returnedReasons: jsonb('returned_reasons').$type<string[]>(),
    decision: jsonb('decision').$type<NonNullable<OpenDataView['decision']>>(),
    agreementVersion: integer('agreement_version'),
    signature: jsonb('signature').$type<NonNullable<OpenDataView['signature']>>(),
    activatedAt: tz('activated_at'),
    expiresAt: tz('expires_at'),
    expiresDate: date('expires_date', { mode: 'string' }),
    reports: jsonb('reports').$type<UsageReport[]>().notNull(),
    warnings: integer('warnings').notNull().default(0),
    revocation: jsonb('revocation').$type<NonNullable<OpenDataView['revocation']>>(),
    submittedAt: tz('submitted_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('open_data_requests_requester_idx').on(t.requesterUser, t.submittedAt, t.id),
    index('open_data_requests_provider_idx').on(t.providerAgency, t.submittedAt, t.id),
    index('open_data_requests_state_idx').on(t.state, t.submittedAt, t.id),
    index('open_data_requests_submitted_idx').on(t.submittedAt, t.id),
  ],
);

/** The one record that needs the full identifier: kept apart, never sent to Temporal or logs. */
export const openDataIdentities = pgTable('open_data_identities', {
  requestId: uuid('request_id').primaryKey(),
  kind: text('kind').notNull(),
  identifier: text('identifier').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Requesters refused a dataset after a violation (by keyed hash of their identifier). */
export const openDataDenyList = pgTable(
  'open_data_deny_list',
  {
    resourceId: uuid('resource_id').notNull(),
    requesterKey: text('requester_key').notNull(),
    reason: text('reason').notNull(),
    requestId: uuid('request_id').notNull(),
    addedAt: tz('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.requesterKey] })],
);

/** Versions of the open-data use agreement (公共数据开放利用协议). */
export const agreementTexts = pgTable('agreement_texts', {
  version: integer('version').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedBy: text('published_by').notNull(),
  publishedAt: tz('published_at').notNull().defaultNow(),
});

/** Access credentials, stored only as a hash; introspected by the data gateway. */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    hash: text('hash').notNull().unique(),
    kind: text('kind').notNull(),
    caseId: uuid('case_id').notNull(),
    holder: text('holder').notNull(),
    issuedAt: tz('issued_at').notNull().defaultNow(),
    revokedAt: tz('revoked_at'),
  },
  (t) => [index('credentials_case_idx').on(t.caseId)],
);
