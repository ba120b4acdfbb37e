// Schemas shared by every route: pagination, problem documents, cursors.
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { textProblems } from '../lib/text.js';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    state: z.string().optional(),
    /** On a 503 after a case was accepted: the case, to read once the service answers again. */
    caseId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** The error responses a route can give, by status, for the OpenAPI document. */
export const problems = (...statuses: (400 | 401 | 403 | 404 | 409 | 429 | 501 | 503)[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;

/** The person behind a recorded decision, as every case answer shows it. */
export const actorSchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  role: z.string(),
  agency: z.string().nullable().optional(),
});

/** An agency's code, as the bureau registers it. */
export const agencyCodeSchema = z.string().trim().min(1).max(64);

/** A request's catalog resource, by id. */
export const resourceIdSchema = z.uuid('must be the id of a catalog resource');

/** The data items a request asks for (all of the resource's when absent), each once. */
export const requestedFieldsSchema = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(500)
  .refine((fs) => new Set(fs).size === fs.length, 'fields must not repeat')
  .optional();

/** A credential shown once, in the answer that issues it. */
export const credentialAnswerSchema = z.object({ credential: z.string(), expiresAt: z.string() });

/** The header of every POST that creates a case (docs/api.md, Idempotency). */
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'must be a real calendar date',
  )
  .refine((s) => s >= '1900-01-01' && s <= '2199-12-31', 'must be between 1900 and 2199');

export const uuidParam = z.object({ id: z.uuid('must be a UUID') });

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A page's cursor as the previous page gave it. A client can forge one, so what it decodes to is checked
 * like a body (well-formed text, shallow) and then against its schema, whose instants are in range.
 */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (!cursor) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (textProblems(decoded, [], 4).length) throw new Error('bad text');
    return schema.parse(decoded);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'cursor is not valid; use nextCursor from the previous page', {
      errors: [{ path: 'querystring.cursor', message: 'invalid cursor' }],
    });
  }
}

/**
 * An instant as ISO 8601, in the years 1900–9999: a year 0000 or 0001 is a typing error or a forgery,
 * and the database would read it back as another year. `offset` admits +08:00 beside Z.
 */
export const instantSchema = (options: { offset?: boolean } = {}) =>
  z.iso.datetime(options).refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1900 && year <= 9999;
  }, 'must be an instant between the years 1900 and 9999');

export const timeCursorSchema = z.object({ at: instantSchema(), id: z.uuid() });

/** Trimmed text that must say something. */
export const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
