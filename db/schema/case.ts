import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every case of every process in one place, as the work list (待办), the statistics and the
 * `actions` of a case answer see it: written with each transition, in the same transaction.
 */
export const cases = pgTable(
  'cases',
  {
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    version: integer('version').notNull(),
    state: text('state').notNull(),
    open: boolean('open').notNull(),
    title: text('title').notNull(),
    resourceName: text('resource_name'),
    agencies: text('agencies').array().notNull(),
    users: text('users').array().notNull(),
    respondingAgency: text('responding_agency'),
    dueAt: tz('due_at'),
    dueDate: date('due_date', { mode: 'string' }),
    overdue: boolean('overdue').notNull(),
    openedAt: tz('opened_at').notNull(),
    decidedAt: tz('decided_at'),
    updatedAt: tz('updated_at').notNull(),
    /** The workflow's view of the case, from which each caller's actions are computed. */
    view: jsonb('view').$type<unknown>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseType, t.caseId] }),
    // 关注: open cases of an agency, by deadline.
    index('cases_agencies_idx')
      .using('gin', t.agencies)
      .where(sql`${t.open}`),
    index('cases_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.open}`),
    index('cases_opened_idx').on(t.caseType, t.openedAt),
  ],
);

/** What an open case waits for from whom (a role, at an agency, or one person) and by when. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    seq: smallint('seq').notNull(),
    role: text('role').notNull(),
    agency: text('agency'),
    userId: text('user_id'),
    actions: text('actions').array().notNull(),
    dueAt: tz('due_at'),
    dueDate: date('due_date', { mode: 'string' }),
    /** A window that closes at its deadline: after this the task is gone. */
    lapsesAt: tz('lapses_at'),
  },
  (t) => [
    primaryKey({ columns: [t.caseType, t.caseId, t.seq] }),
    index('case_tasks_party_idx').on(t.role, t.agency, t.dueAt),
    index('case_tasks_user_idx')
      .on(t.userId, t.dueAt)
      .where(sql`${t.userId} is not null`),
  ],
);
