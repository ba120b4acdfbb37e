import { and, desc, eq, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { afterCursor, containing, pageOf, type Cursor } from './page.js';
import {
  catalogDataUpdates,
  catalogResources,
  type Freshness,
  type OpenType,
  type ResourceField,
  type ShareType,
  type UpdateCycle,
} from '../schema/catalog.js';

export type ResourceRow = typeof catalogResources.$inferSelect;

export interface NewResource {
  code: string;
  name: string;
  providerAgency: string;
  description?: string | null;
  fields: ResourceField[];
  shareType: ShareType;
  openType: OpenType;
  legalBasis?: string | null;
  shareConditions?: string | null;
  openConditions?: string | null;
  updateCycle: UpdateCycle;
  createdBy: string;
}

/** Adds a resource to the catalog; null when the code is taken. */
export async function createResource(db: DbOrTx, input: NewResource): Promise<ResourceRow | null> {
  const [row] = await db
    .insert(catalogResources)
    .values(input)
    .onConflictDoNothing({ target: catalogResources.code })
    .returning();
  return row ?? null;
}

export async function getResource(db: DbOrTx, id: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(catalogResources).where(eq(catalogResources.id, id)).limit(1);
  return row ?? null;
}

export interface ResourceFilter {
  provider?: string;
  shareType?: ShareType;
  openType?: OpenType;
  freshness?: Freshness;
  /** Part of the name, code or description. */
  q?: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listResources(db: DbOrTx, filter: ResourceFilter, limit: number, cursor: Cursor | null) {
  const where: SQL[] = [];
  if (filter.provider) where.push(eq(catalogResources.providerAgency, filter.provider));
  if (filter.shareType) where.push(eq(catalogResources.shareType, filter.shareType));
  if (filter.openType) where.push(eq(catalogResources.openType, filter.openType));
  if (filter.freshness) where.push(eq(catalogResources.freshness, filter.freshness));
  if (filter.q) {
    const like = containing(filter.q);
    where.push(
      or(
        ilike(catalogResources.name, like),
        ilike(catalogResources.code, like),
        ilike(catalogResources.description, like),
      )!,
    );
  }
  if (cursor) {
    where.push(afterCursor(catalogResources.createdAt, catalogResources.id, cursor));
  }
  const rows = await db
    .select()
    .from(catalogResources)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(catalogResources.createdAt), desc(catalogResources.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => r.createdAt);
}

/**
 * Records a data update and, unless a later one is already recorded, the resource's freshness as of
 * that update (the caller computes it: a backdated update need not make it fresh).
 */
export async function recordDataUpdate(
  db: DbOrTx,
  input: { resourceId: string; at: Date; recordedBy: string; freshness: Freshness },
) {
  const { freshness, ...row } = input;
  const [update] = await db.insert(catalogDataUpdates).values(row).returning();
  const [resource] = await db
    .update(catalogResources)
    .set({ lastDataUpdateAt: input.at, freshness, updatedAt: new Date() })
    .where(
      and(
        eq(catalogResources.id, input.resourceId),
        or(isNull(catalogResources.lastDataUpdateAt), lt(catalogResources.lastDataUpdateAt, input.at)),
      ),
    )
    .returning();
  return { update: update!, resource: resource ?? null };
}
