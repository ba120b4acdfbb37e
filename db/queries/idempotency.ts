import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { idempotencyKeys } from '../schema/idempotency.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims an Idempotency-Key for a new case. Returns the row that holds the key: ours when the
 * claim won, the earlier one when the key was already used (the caller compares request hashes).
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  row: { scope: string; key: string; requestHash: string; caseId: string; statusCode: number },
): Promise<{ row: IdempotencyRow; claimed: boolean }> {
  const [inserted] = await db.insert(idempotencyKeys).values(row).onConflictDoNothing().returning();
  if (inserted) return { row: inserted, claimed: true };
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, row.scope), eq(idempotencyKeys.key, row.key)))
    .limit(1);
  return { row: existing!, claimed: false };
}

/** The record of a key, if a request has claimed it. */
export async function getIdempotencyKey(db: DbOrTx, scope: string, key: string): Promise<IdempotencyRow | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row ?? null;
}
