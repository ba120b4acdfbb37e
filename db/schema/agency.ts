import { pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const agencyLevels = ['municipal', 'county'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];
export const agencyLevel = pgEnum('agency_level', agencyLevels);

/** Public-management and service agencies (公共管理和服务机构), keyed by their code. */
export const agencies = pgTable('agencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: agencyLevel('level').notNull(),
  region: text('region'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
