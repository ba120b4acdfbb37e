import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { freshnessStates, updateCycles, type Freshness, type UpdateCycle } from '../../workflows/freshness/types.js';
import { agencies } from './agency.js';

export const shareTypes = ['unconditional', 'conditional', 'not_shared'] as const;
export type ShareType = (typeof shareTypes)[number];
export const openTypes = ['unconditional', 'conditional', 'not_open'] as const;
export type OpenType = (typeof openTypes)[number];
export { freshnessStates, updateCycles, type Freshness, type UpdateCycle };

export const shareType = pgEnum('share_type', shareTypes);
export const openType = pgEnum('open_type', openTypes);
export const updateCycle = pgEnum('update_cycle', updateCycles);
export const freshness = pgEnum('freshness', freshnessStates);

export interface ResourceField {
  name: string;
  type?: string;
  personal?: boolean;
}

/** The public-data resource catalog (公共数据资源目录). */
export const catalogResources = pgTable(
  'catalog_resources',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    providerAgency: text('provider_agency')
      .notNull()
      .references(() => agencies.code),
    description: text('description'),
    fields: jsonb('fields').$type<ResourceField[]>().notNull(),
    shareType: shareType('share_type').notNull(),
    openType: openType('open_type').notNull(),
    legalBasis: text('legal_basis'),
    shareConditions: text('share_conditions'),
    openConditions: text('open_conditions'),
    updateCycle: updateCycle('update_cycle').notNull(),
    lastDataUpdateAt: timestamp('last_data_update_at', { withTimezone: true, mode: 'date' }),
    freshness: freshness('freshness').notNull().default('fresh'),
    disputed: boolean('disputed').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_resources_provider_idx').on(t.providerAgency, t.createdAt, t.id),
    index('catalog_resources_created_idx').on(t.createdAt, t.id),
  ],
);

/** Each recorded data update of a resource (feeds freshness, P6). */
export const catalogDataUpdates = pgTable(
  'catalog_data_updates',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => catalogResources.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('catalog_data_updates_resource_idx').on(t.resourceId, t.at)],
);
