// Idempotency-Key for every POST that creates a case (docs/api.md Conventions), in one place.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { canonicalJson } from '../db/queries/audit.js';
import { claimIdempotencyKey } from '../db/queries/idempotency.js';
import { AppError } from '../lib/errors.js';

/**
 * The id of the case a create call makes: a new one, or — when the caller retries with the same key
 * and body — the one the earlier call made (`earlier`). The same key with another body is 409 DUPLICATE.
 */
/** The hash a request body is remembered by. */
export const bodyHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export async function caseIdForKey(
  db: Db,
  scope: string,
  key: string | undefined,
  body: unknown,
): Promise<{ id: string; earlier: boolean }> {
  const id = randomUUID();
  if (!key) return { id, earlier: false };
  const requestHash = bodyHash(body);
  const claim = await claimIdempotencyKey(db, { scope, key, requestHash, caseId: id, statusCode: 201 });
  if (claim.claimed) return { id, earlier: false };
  if (claim.row.requestHash !== requestHash)
    throw new AppError('DUPLICATE', 'this Idempotency-Key was used with a different request');
  return { id: claim.row.caseId, earlier: true };
}
