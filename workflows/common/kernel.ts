// The case kernel (办件内核): the plumbing every case workflow shares, written once. A process's
// workflow.ts opens its case here with its view and its record activity, then reads as the process
// reads in the rules: handlers that ask rules.ts whether an action is allowed and for the step it
// takes (a next-state function), then `apply` it. Deterministic: only @temporalio/workflow and pure code.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  uuid4,
} from '@temporalio/workflow';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import { systemActor, type Actor, type Refusal } from './actors.js';
import { caseActivityOptions, changedBefore, clone, nowIso, refused, settle, today, UNRECORDABLE } from './case.js';
import { trackDeadline, type TrackedDeadline } from './deadlines.js';
import type { CaseEvent, NotificationSpec } from './events.js';
import { calendarUpdatedSignal } from './messages.js';
import { eventOf, type Step, type StepContext, type TransitionOptions } from './step.js';
import type { CalendarData } from './working-days.js';

/**
 * Cases started since this patch run their short database steps (the calendar, the pre-check, the
 * recordings) as local activities, inside the workflow task; transitions queued together are
 * written in one call; and they no longer reload the calendar each time they settle: the calendar
 * publication job tells every open case until each has heard.
 * Older cases replay as they ran, with ordinary activities.
 */
export const LOCAL_STEPS_PATCH = 'case-kernel-local-steps';

/**
 * Since this patch a workflow whose last step was refused after its waiting loop ended (the database
 * refused to record it; `chain` put the case back) goes on waiting instead of ending with the case open.
 * Runs before it ended there, and replay as they ran.
 */
export const REOPENED_PATCH = 'case-kernel-reopened-after-refusal';

/** Short database steps run locally: a few seconds at most, retried as the ordinary ones are. */
const localStepOptions = {
  startToCloseTimeout: '10 seconds',
  retry: caseActivityOptions.retry,
  localRetryThreshold: '10 seconds',
} as const;

const remote = proxyActivities<Activities>(caseActivityOptions);
const local = proxyLocalActivities<Activities>(localStepOptions);

/** What every case view carries. */
export interface CaseViewBase {
  state: string;
  version: number;
  updatedAt: string;
}

/** One transition as the record activity receives it. */
export interface CaseChange<V> {
  view: V;
  event: CaseEvent;
  notify: NotificationSpec[];
}

/** What a calendar recompute asks the kernel to record: nothing moved, or the moved dates. */
export type Recomputed = null | { data?: Record<string, unknown>; notify?: NotificationSpec[] };

export interface CaseOptions<V extends CaseViewBase> {
  /** The process's name in logs ("share application transition"). */
  process: string;
  /** The case's view; a function, because an assessment cycle's view arrives with its run. */
  view: () => V;
  /** Fields of the transition's log line beside action, states and actor. */
  logFields: (v: V) => Record<string, unknown>;
  /** The process's record activity: writes one change (read model, audit event, notices, work). */
  record: (acts: Activities) => (change: never) => Promise<unknown>;
  /** A new case's first event comes from no state (null); an assessment's from its first state. */
  firstFrom?: 'none' | 'state';
  /** True for a case that exists before its first transition (an assessment fanned out by its cycle). */
  startsRegistered?: boolean;
  /** What the API sees while the case is being registered. */
  registering?: string;
  /** Fields every change carries beside view, event and notices (the cycle's indicator set). */
  extend?: () => Record<string, unknown>;
  /** True once the case can no longer move: a published calendar recomputes nothing then. */
  closed?: (v: V) => boolean;
  /** While a step is in flight (a transfer being started), why other actions must wait; else null. */
  busy?: () => string | null;
  /** The calendar in force as the starter read it (this year on): the case then loads none itself. */
  calendar?: CalendarData;
  /**
   * False for cases fanned out by the thousand (an assessment's agencies and its cycle): their steps
   * stay ordinary activities, queued by the server, so a burst of recordings waiting on the audit
   * chain does not hold the worker's workflow-task slots as local activities would. 'always' for a
   * workflow type that only ever ran on the local-step path: it takes them without LOCAL_STEPS_PATCH.
   */
  localSteps?: boolean | 'always';
}

export interface Case<V extends CaseViewBase, S extends string> {
  /** The activities for short database steps: local for cases started since LOCAL_STEPS_PATCH. */
  readonly steps: Activities;
  /** The activities that may take long or fan out (metrics, broadcasts): always ordinary. */
  readonly acts: Activities;
  /** True for cases on the local-step path. */
  readonly localSteps: boolean;
  calendar(): CalendarData;
  /** A deadline of `days` working days after `from`, on the calendar in force. */
  track(from: string, days: number): TrackedDeadline;
  /** Moves the case and queues its record; records are written strictly in version order. */
  transition(action: string, to: S, actor: Actor, opts?: TransitionOptions): Promise<unknown>;
  /** Takes a step of rules.ts: sets the fields it changes, then moves and records the case as `transition` does. */
  apply(step: Step<V, S>): Promise<unknown>;
  /** The moment for the next-state functions of rules.ts: the workflow's clock, calendar and uuid4. */
  context(): StepContext;
  /** The tail of the chain of recordings. */
  recording(): Promise<unknown>;
  registered(): boolean;
  /** The case is registered: actions are taken from now on. */
  markRegistered(): void;
  /** Refuses an action while the case is being registered or busy. */
  ready(): void;
  /** The query answering the view. */
  viewQuery(query: QueryDefinition<V>): void;
  /** The update the API's start waits on: answers once the case is registered and recorded. */
  registeredUpdate(update: UpdateDefinition<V>): void;
  /**
   * An action: `check` (a rule of rules.ts) refuses it in the validator, so a refused action writes
   * no history; `handler` moves the case.
   */
  action<I>(
    update: UpdateDefinition<V, [I]>,
    check: (input: I) => Refusal | null,
    handler: (input: I) => Promise<V>,
  ): void;
  /**
   * The one calendar signal: `recompute` moves the open deadlines on the new calendar and says what
   * moved; the kernel records it as `deadlines_recomputed` once the case is registered.
   */
  onCalendar(recompute: (calendar: CalendarData) => Recomputed): void;
  /** Loads the calendar in force (a calendar signalled meanwhile is newer and stays). */
  loadCalendar(): Promise<void>;
  /** Reloads the calendar where the case still does (cases older than LOCAL_STEPS_PATCH). */
  refreshCalendar(): Promise<void>;
  /** Wakes the waiting loop without a transition (news from another workflow). */
  poke(): void;
  /** Waits until the case changes or is poked, or until `atMs`; true when it changed. */
  changedBefore(atMs: number | null): Promise<boolean>;
  /** Waits until every recording is written and no handler (nor `idle`) is busy. */
  settle(idle?: () => boolean): Promise<void>;
  /**
   * After the waiting loop ended in `endedIn` and the writes settled: true when a refused step has put
   * the case back since (see REOPENED_PATCH), so the workflow must wait on rather than end.
   */
  reopened(endedIn: string): boolean;
}

export function openCase<V extends CaseViewBase, S extends string>(o: CaseOptions<V>): Case<V, S> {
  const localSteps = o.localSteps === 'always' ? true : o.localSteps === false ? false : patched(LOCAL_STEPS_PATCH);
  const steps = localSteps ? local : remote;
  let calendar: CalendarData = {};
  let calendarSignalled = false;
  let registered = o.startsRegistered ?? false;
  let recording: Promise<unknown> = Promise.resolve();
  let pending: unknown[] = [];
  let pokes = 0;
  let recompute: ((calendar: CalendarData) => Recomputed) | null = null;

  let batchWritten: Promise<unknown> = Promise.resolve();
  /** How many actions were refused for good: a write queued before the latest refusal is not taken. */
  let refusals = 0;

  /**
   * Chains a write after the previous ones. Should the database refuse a person's action for good
   * (UNRECORDABLE), the case goes back to `undo`, as it was before the step, the write fails with a clear
   * error for the action that took it, and the writes queued behind it (taken on the undone state) fail
   * with it. A step nobody waits for — the system's (a deadline, a timer) or a case's registration —
   * is tried again every minute instead, logged at error level, until a fix lets it be written.
   */
  function chain(run: () => Promise<unknown>, undo: V, retried: boolean): Promise<unknown> {
    const queuedIn = refusals;
    const attempt = async (): Promise<unknown> => {
      if (queuedIn !== refusals)
        throw ApplicationFailure.create({
          type: 'INVALID_STATE',
          message: 'an earlier step of this case could not be recorded, so nothing changed; try again',
          nonRetryable: true,
          details: [{ state: o.view().state }],
        });
      try {
        return await run();
      } catch (error) {
        // A local activity's failure may arrive unwrapped; an ordinary one's inside an ActivityFailure.
        const cause = error instanceof ActivityFailure ? error.cause : error;
        if (!(cause instanceof ApplicationFailure) || cause.type !== UNRECORDABLE) throw error;
        log.error(`${o.process} step not recorded`, { ...o.logFields(undo), state: undo.state, error: cause.message });
        if (retried) {
          await sleep('1 minute');
          return attempt();
        }
        refusals += 1;
        restore(undo);
        const sqlState = (cause.details?.[0] as { sqlState?: string } | undefined)?.sqlState ?? '';
        throw ApplicationFailure.create({
          type: sqlState.startsWith('22') ? 'VALIDATION_FAILED' : 'INTERNAL',
          message: `this could not be recorded, so nothing changed: ${cause.message}`,
          nonRetryable: true,
          details: [{ state: undo.state }],
        });
      }
    };
    const written = recording.then(attempt);
    recording = written.catch(() => undefined);
    return written;
  }

  /** Puts the case back as `undo` holds it; the waiting loop wakes and sets its timers anew. */
  function restore(undo: V): void {
    const v = o.view() as unknown as Record<string, unknown>;
    // The loop watches version + pokes: the version goes back by the steps undone, so the pokes must
    // go up by more than that for the sum to change (before REOPENED_PATCH it did not, and the loop
    // kept the timers of the state it had left).
    const undone = o.view().version - undo.version;
    for (const key of Object.keys(v)) if (!(key in undo)) delete v[key];
    Object.assign(v, clone(undo));
    const reopens = patched(REOPENED_PATCH);
    pokes += reopens ? undone + 1 : 1;
    // The transitions queued behind the refused write fail with it (see `chain`); the next one starts a
    // write of its own instead of joining theirs, which will never run.
    if (reopens) pending = [];
  }

  function transition(
    action: string,
    to: S,
    actor: Actor,
    opts: TransitionOptions = {},
    undo: V = clone(o.view()),
  ): Promise<unknown> {
    const v = o.view();
    const from = v.version === 0 && (o.firstFrom ?? 'none') === 'none' ? null : v.state;
    v.state = to;
    v.version += 1;
    v.updatedAt = nowIso();
    log.info(`${o.process} transition`, { ...o.logFields(v), action, from, to, actor: actor.id });
    const event = eventOf({ action, to, actor, ...opts }, from, v.updatedAt);
    const change = clone({ view: v, ...(o.extend?.() ?? {}), event, notify: opts.notify ?? [], ...(opts.extra ?? {}) });
    const write = o.record(steps) as (changes: unknown) => Promise<unknown>;
    // Only a person's action, on a registered case, is undone when refused; anything else is retried.
    const retried = actor.role === 'system' || undo.version === 0;
    if (!localSteps) return chain(() => write(change), undo, retried);
    // Transitions queued before the previous write ends go in one write, one transaction; should it be
    // refused, the case goes back to where the first of them found it.
    pending.push(change);
    if (pending.length === 1) {
      batchWritten = chain(
        () => {
          const batch = pending;
          pending = [];
          return write(batch.length === 1 ? batch[0] : batch);
        },
        undo,
        retried,
      );
    }
    return batchWritten;
  }

  function applyCalendar(updated: CalendarData): void {
    calendar = updated;
    const moved = recompute?.(updated) ?? null;
    // Recorded, so the read model shows the moved dates and the waiting loop sets its timer anew.
    if (moved && registered && !o.closed?.(o.view())) {
      void transition('deadlines_recomputed', o.view().state as S, systemActor('calendar'), {
        reason: '工作日历已发布，按新日历重算期限',
        ...moved,
      }).catch(() => undefined); // a refused recompute is logged and undone by `chain`
    }
  }

  const ready = (): void => {
    if (!registered)
      refused(
        { code: 'INVALID_STATE', message: o.registering ?? 'the case is still being registered' },
        o.view().state,
      );
    const busy = o.busy?.() ?? null;
    if (busy) refused({ code: 'INVALID_STATE', message: busy }, o.view().state);
  };

  return {
    steps,
    acts: remote,
    localSteps,
    calendar: () => calendar,
    track: (from, days) => trackDeadline({ from, days }, calendar),
    transition,
    apply: (step) => {
      const undo = clone(o.view());
      Object.assign(o.view(), step.set);
      return transition(step.action, step.to, step.actor, step, undo);
    },
    context: () => ({
      nowMs: Date.now(),
      at: nowIso(),
      today: today(),
      track: (from, days) => trackDeadline({ from, days }, calendar),
      newId: uuid4,
    }),
    recording: () => recording,
    registered: () => registered,
    markRegistered: () => {
      registered = true;
    },
    ready,
    viewQuery: (query) => setHandler(query, () => o.view()),
    registeredUpdate: (update) =>
      setHandler(update, async () => {
        await condition(() => registered);
        await recording;
        return o.view();
      }),
    action: (update, check, handler) =>
      setHandler(update, handler, {
        validator: (input) => {
          ready();
          refused(check(input), o.view().state);
        },
      }),
    onCalendar: (fn) => {
      recompute = fn;
      setHandler(calendarUpdatedSignal, (updated) => {
        calendarSignalled = true;
        applyCalendar(updated);
      });
    },
    loadCalendar: async () => {
      if (o.calendar) {
        if (!calendarSignalled) calendar = o.calendar;
        return;
      }
      const loaded = await steps.loadCalendar();
      // A calendar signalled meanwhile is newer and stays; older cases of P1–P3 and P5 took the
      // loaded one regardless, and replay as they ran (an assessment always kept the signalled one).
      if (!calendarSignalled || (!localSteps && o.localSteps !== false)) calendar = loaded;
    },
    refreshCalendar: async () => {
      if (localSteps) return;
      const latest = await steps.loadCalendar();
      if (JSON.stringify(latest) !== JSON.stringify(calendar)) applyCalendar(latest);
    },
    poke: () => {
      pokes += 1;
    },
    changedBefore: (atMs) => changedBefore(() => o.view().version + pokes, atMs),
    settle: (idle) => settle(() => recording, idle),
    reopened: (endedIn) => o.view().state !== endedIn && patched(REOPENED_PATCH),
  };
}
