// Which failures of an activity are worth retrying. A transient one (a connection cut or refused, a
// timeout, a serialisation conflict, a server shutting down) is retried by Temporal with backoff until
// the database is back. A data or constraint error (PostgreSQL refusing what it was asked to store) will
// fail the same way every time: it fails the step for good, so the case's workflow can undo the step
// and tell the caller, instead of retrying without end while the read model and the workflow disagree.
import { ApplicationFailure } from '@temporalio/activity';
import { isPermanent, sqlState } from '../lib/db-errors.js';
import { UNRECORDABLE } from '../workflows/common/case.js';

/**
 * The activity with its failures classified: a permanent one becomes a non-retryable failure of type
 * UNRECORDABLE, naming the SQLSTATE and the database's message (not the data); anything else is
 * rethrown as it is and retried.
 */
export function classified<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      const state = sqlState(error)!;
      const message = error instanceof Error ? firstLine(rootCause(error).message) : String(error);
      throw ApplicationFailure.create({
        type: UNRECORDABLE,
        message: `${name}: the database refused the step (SQLSTATE ${state}): ${message}`,
        nonRetryable: true,
        details: [{ sqlState: state }],
      });
    }
  };
}

const rootCause = (error: Error): Error => {
  let e = error;
  for (let depth = 0; depth < 5 && e.cause instanceof Error; depth++) e = e.cause;
  return e;
};
const firstLine = (s: string): string => s.split('\n')[0]!.slice(0, 300);

/** Every activity of `activities`, classified. */
export function classifyAll<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      classified(name, fn as (...args: unknown[]) => Promise<unknown>),
    ]),
  ) as unknown as T;
}
