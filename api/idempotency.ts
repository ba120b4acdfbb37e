// Idempotency-Key for every POST that creates a case (docs/api.md Conventions), in one place.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { canonicalJson } from '../db/queries/audit.js';
import { claimIdempotencyKey, getIdempotencyKey } from '../db/queries/idempotency.js';
import { AppError } from '../lib/errors.js';

/** The hash a request body is remembered by. */
export const bodyHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

const reused = () => new AppError('DUPLICATE', 'this Idempotency-Key was used with a different request');

/**
 * Claims `key` for the case `caseId` a create call is about to make. `earlier` when the caller made the
 * same request with this key before: the answer is then the case that request made (its `id`). The
 * same key with another body is 409 DUPLICATE.
 */
export async function claimKey(
  db: Db,
  scope: string,
  key: string,
  body: unknown,
  caseId: string,
): Promise<{ id: string; earlier: boolean }> {
  const requestHash = bodyHash(body);
  const claim = await claimIdempotencyKey(db, { scope, key, requestHash, caseId, statusCode: 201 });
  if (claim.claimed) return { id: caseId, earlier: false };
  if (claim.row.requestHash !== requestHash) throw reused();
  return { id: claim.row.caseId, earlier: true };
}

/**
 * Whether the caller made this same request with `key` before (the case id it made), without claiming
 * the key: for a create that is refused anyway when its case already exists. Another body is 409.
 */
export async function earlierRequest(db: Db, scope: string, key: string, body: unknown): Promise<string | null> {
  const row = await getIdempotencyKey(db, scope, key);
  if (!row) return null;
  if (row.requestHash !== bodyHash(body)) throw reused();
  return row.caseId;
}

/**
 * The id of the case a create call makes: a new one, or — when the caller retries with the same key
 * and body — the one the earlier call made (`earlier`). The same key with another body is 409 DUPLICATE.
 */
export async function caseIdForKey(
  db: Db,
  scope: string,
  key: string | undefined,
  body: unknown,
): Promise<{ id: string; earlier: boolean }> {
  const id = randomUUID();
  return key ? claimKey(db, scope, key, body, id) : { id, earlier: false };
}
