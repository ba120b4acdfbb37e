// Plumbing every case workflow shares: how a refused decision is answered, the workflow clock, and
// waiting for a change or a deadline. Deterministic: only @temporalio/workflow and pure code.
import { allHandlersFinished, ApplicationFailure, condition } from '@temporalio/workflow';
import { localDate } from './working-days.js';
import type { Refusal } from './actors.js';

/**
 * The failure type of a step the database refused for good (activities/failures.ts): retrying cannot
 * help, so the kernel undoes the step and the action fails instead.
 */
export const UNRECORDABLE = 'UNRECORDABLE';

/** Activity options of every case workflow: activities retry until the database answers. */
export const caseActivityOptions = {
  // A database step takes milliseconds: a worker that dies mid-step is noticed within 10 s and the
  // step runs again on another (fast recovery), instead of after the 30 s it once waited.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
export const nowIso = (): string => new Date(Date.now()).toISOString();
export const today = (): string => localDate(Date.now());

/** A validator's refusal: no history is written and the API answers with the code (409/403/400). */
export function refused(refusal: Refusal | null, state: string): void {
  if (!refusal) return;
  throw ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    nonRetryable: true,
    details: [{ state, errors: refusal.errors ?? [] }],
  });
}

/**
 * Waits until the case changes (its version moves) or until `atMs`; true when it changed. A timeout
 * reported in the same activation in which a handler changed the case counts as a change.
 */
export async function changedBefore(version: () => number, atMs: number | null): Promise<boolean> {
  const start = version();
  if (atMs === null) {
    await condition(() => version() !== start);
    return true;
  }
  const ms = atMs - Date.now();
  if (ms <= 0) return version() !== start;
  return (await condition(() => version() !== start, ms)) || version() !== start;
}

/** The instant a deadline has passed: one millisecond after its last moment. */
export const dueMs = (d: { dueAt: string } | null): number | null => (d ? Date.parse(d.dueAt) + 1 : null);

/**
 * Waits until every recording is written and nothing is busy, including recordings that a signal
 * started meanwhile: `recording()` is the tail of the case's chain of writes, read anew each round.
 */
export async function settle(recording: () => Promise<unknown>, idle: () => boolean = () => true): Promise<void> {
  for (let seen = recording(); ; seen = recording()) {
    await seen;
    await condition(() => allHandlersFinished() && idle());
    if (seen === recording()) return;
  }
}
