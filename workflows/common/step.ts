// What a process's rules.ts hands its workflow: pure next-state functions. Each takes the case (办件)
// as it stands, the action's input and the moment, and returns a `Step`: the fields the action
// changes and the transition that records it. The workflow applies the step (kernel.ts `apply`);
// tests call the same functions with no Temporal at all. Pure: no clock, no randomness of its own.
import type { Actor } from './actors.js';
import { BUILTIN_CALENDAR } from './calendar-data.js';
import { trackDeadline, type TrackedDeadline } from './deadlines.js';
import type { CaseEvent, NotificationSpec } from './events.js';
import { localDate, type CalendarData } from './working-days.js';

/** What a transition records beside its action, states and actor. */
export interface TransitionOptions {
  reason?: string | null;
  legalBasis?: string | null;
  data?: Record<string, unknown>;
  notify?: NotificationSpec[];
  /** What this process's record activity takes beside the view, the event and the notices. */
  extra?: Record<string, unknown>;
}

/** One step of a case: what it changes, and the transition that moves it to `to`. */
export interface Step<V, S extends string> extends TransitionOptions {
  set: Partial<V>;
  action: string;
  to: S;
  actor: Actor;
}

/** The audit event (审批记录) of a transition from `from`, taken at `at`: as the kernel records every one. */
export const eventOf = (
  t: { action: string; to: string; actor: Actor } & TransitionOptions,
  from: string | null,
  at: string,
): CaseEvent => ({
  action: t.action,
  from,
  to: t.to,
  actor: t.actor,
  at,
  reason: t.reason ?? null,
  legalBasis: t.legalBasis ?? null,
  ...(t.data ? { data: t.data } : {}),
});

/** The moment a step is taken at, given to the next-state functions by the workflow. */
export interface StepContext {
  nowMs: number;
  /** nowMs as an ISO timestamp. */
  at: string;
  /** nowMs's local date (yyyy-mm-dd). */
  today: string;
  /** A deadline of `days` working days after `from`, on the calendar in force. */
  track(from: string, days: number): TrackedDeadline;
  /** A fresh identifier (the workflow's deterministic uuid4). */
  newId(): string;
}

/** For tests and tools: a fixed moment, a calendar (the built-in one unless given), counted identifiers. */
export function fixedContext(nowMs: number, calendar: CalendarData = BUILTIN_CALENDAR): StepContext {
  let ids = 0;
  return {
    nowMs,
    at: new Date(nowMs).toISOString(),
    today: localDate(nowMs),
    track: (from, days) => trackDeadline({ from, days }, calendar),
    newId: () => `id-${++ids}`,
  };
}

/** The case after a step, as the workflow would hold it (the kernel also moves its version). */
export const stepped = <V extends { state: string }, S extends string>(v: V, step: Step<V, S>): V => ({
  ...v,
  ...step.set,
  state: step.to,
});

/** A notice to an agency. */
export const toAgency = (code: string, kind: string, title: string): NotificationSpec => ({
  audience: 'agency',
  recipient: code,
  kind,
  title,
});

/** A notice to the big-data bureau (大数据局). */
export const toBureau = (kind: string, title: string): NotificationSpec => ({
  audience: 'bureau',
  recipient: null,
  kind,
  title,
});

/** A notice to one person. */
export const toUser = (id: string, kind: string, title: string): NotificationSpec => ({
  audience: 'user',
  recipient: id,
  kind,
  title,
});
