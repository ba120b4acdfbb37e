import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { agencies, type AgencyLevel } from '../schema/agency.js';

export type AgencyRow = typeof agencies.$inferSelect;

/** Registers an agency; null when the code is taken. */
export async function createAgency(
  db: DbOrTx,
  input: { code: string; name: string; level: AgencyLevel; region?: string | null },
): Promise<AgencyRow | null> {
  const [row] = await db
    .insert(agencies)
    .values({ ...input, region: input.region ?? null })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function getAgency(db: DbOrTx, code: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return row ?? null;
}

/** Ordered by code, keyset-paginated. */
export async function listAgencies(db: DbOrTx, limit: number, afterCode: string | null) {
  const rows = await db
    .select()
    .from(agencies)
    .where(afterCode ? gt(agencies.code, afterCode) : undefined)
    .orderBy(asc(agencies.code))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page, nextCode: rows.length > limit ? page[page.length - 1]!.code : null };
}

/** The names of some agencies, by code (an unknown code is left out). */
export async function agencyNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
