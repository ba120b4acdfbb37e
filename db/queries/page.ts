// Keyset pagination, newest first, on (a timestamp, id): every list endpoint pages the same way.
import { and, eq, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';

export interface Cursor {
  at: string;
  id: string;
}

/** Rows strictly after the cursor in (at desc, id desc) order. */
export function afterCursor(at: AnyColumn, id: AnyColumn, cursor: Cursor): SQL {
  const cAt = new Date(cursor.at);
  return or(lt(at, cAt), and(eq(at, cAt), lt(id, cursor.id)))!;
}

/** Cuts `limit` rows from a query that asked for limit + 1, with the cursor of the next page if any. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  at: (row: T) => Date,
): { items: T[]; nextCursor: Cursor | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? { at: at(last).toISOString(), id: last.id } : null };
}

/** An ILIKE pattern that finds `text` anywhere, with the pattern's own wildcards taken literally. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;
/** A LIKE pattern for text starting with `text`, taken literally. */
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
