// The API's one way to start a case and to act on one, for every process. A process describes its cases
// once (a CaseKind: how to read one, who may see it, in which role one acts — the last two from its
// rules.ts); the routes then only say which update, by whom, with what.
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import type { Db } from '../db/client.js';
import { isUnavailable } from '../lib/db-errors.js';
import { AppError } from '../lib/errors.js';
import type { Actor, Refusal, Role } from '../workflows/common/actors.js';
import { actorOf, type Principal } from './plugins/auth.js';
import { temporalCall, updateCase } from './temporal-errors.js';

export interface CaseKind<Row, Key = string> {
  /** What the case is called in messages: "no such share application". */
  noun: string;
  load(db: Db, key: Key): Promise<Row | null>;
  canSee(p: Principal, row: Row): boolean;
  roleFor(p: Principal, row: Row, allowed: readonly Role[]): Role | Refusal;
  workflowId(row: Row): string;
  state(row: Row): string;
  /** Why the case cannot take actions yet (its process is still starting), if so. */
  notReady?(row: Row): string | null;
}

/** A rule's refusal as the API answers it (its code, message and field problems; the case's state). */
export const refusalError = (r: Refusal, state?: string): AppError =>
  new AppError(r.code, r.message, { ...(state ? { state } : {}), ...(r.errors ? { errors: r.errors } : {}) });

/** The case as the caller may see it; 404 when it does not exist or the caller may not know it does. */
export async function loadCase<Row, Key>(db: Db, kind: CaseKind<Row, Key>, p: Principal, key: Key): Promise<Row> {
  const row = await kind.load(db, key);
  if (!row || !kind.canSee(p, row)) throw new AppError('NOT_FOUND', `no such ${kind.noun}`);
  return row;
}

/** The role the caller acts in on this case, or 403 with the rule's reason. */
export function roleOn<Row, Key>(kind: CaseKind<Row, Key>, p: Principal, row: Row, allowed: readonly Role[]): Role {
  const role = kind.roleFor(p, row, allowed);
  if (typeof role === 'string') return role;
  throw refusalError(role);
}

/**
 * Acts on a case: 404 unless the caller can see it, 403 unless they hold a role that may act on it, then
 * the workflow's validator decides (409 wrong state, 403 wrong person, 400 missing reasons). Answers the
 * row it acted on, as read before the action; the caller answers with the case as it is now.
 */
export async function actOnCase<Row, Key, V, A>(
  deps: { db: Db; temporal: Client },
  kind: CaseKind<Row, Key>,
  p: Principal,
  key: Key,
  allowed: readonly Role[],
  update: UpdateDefinition<V, [A]>,
  args: (actor: Actor, row: Row) => A | Promise<A>,
): Promise<Row> {
  return actOnLoaded(deps, kind, p, await loadCase(deps.db, kind, p, key), allowed, update, args);
}

/** As actOnCase, on a case already loaded (and seen: the caller checked `canSee`), for actions on many at once. */
export async function actOnLoaded<Row, Key, V, A>(
  deps: { temporal: Client },
  kind: CaseKind<Row, Key>,
  p: Principal,
  row: Row,
  allowed: readonly Role[],
  update: UpdateDefinition<V, [A]>,
  args: (actor: Actor, row: Row) => A | Promise<A>,
): Promise<Row> {
  const role = roleOn(kind, p, row, allowed);
  const waiting = kind.notReady?.(row);
  if (waiting) throw new AppError('INVALID_STATE', waiting, { state: kind.state(row) });
  await updateCase(
    deps.temporal.workflow.getHandle(kind.workflowId(row)),
    update,
    [await args(actorOf(p, role), row)],
    { noun: kind.noun, state: kind.state(row) },
  );
  return row;
}

/**
 * Starts a case with the update that registers it, in one call (update-with-start), typed against the
 * workflow function (`startCase<typeof shareApplicationWorkflow>`). A retry of the same submission (the
 * same Idempotency-Key gives the same case id) attaches to the running case; a case whose workflow has
 * already closed is never started again: then the answer is null and the caller reads it as recorded.
 * A case whose id is not the caller's own (a year's assessment cycle, say) refuses a running workflow
 * instead (`ifRunning: 'refuse'`): then the answer is null too, and the caller says it runs once.
 */
export async function startCase<W extends Workflow, V>(
  deps: { temporal: Client; taskQueue: string },
  workflow: { type: string; id: string; args: Parameters<W>; ifRunning?: 'attach' | 'refuse' },
  registered: UpdateDefinition<V, []>,
): Promise<V | null> {
  const options = {
    workflowId: workflow.id,
    taskQueue: deps.taskQueue,
    args: workflow.args,
    workflowIdConflictPolicy: workflow.ifRunning === 'refuse' ? 'FAIL' : 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  } as const;
  // The SDK's conditional type for `args` cannot be checked against a generic W; the signature above
  // already ties the arguments to the workflow function.
  const start = new WithStartWorkflowOperation<W>(
    workflow.type,
    options as unknown as ConstructorParameters<typeof WithStartWorkflowOperation<W>>[1],
  );
  try {
    return await temporalCall(() =>
      deps.temporal.workflow.executeUpdateWithStart(registered, { startWorkflowOperation: start }),
    );
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
    throw error;
  }
}

/**
 * Waits until a case that another case's workflow started (an objection, by its application's workflow)
 * has registered, as startCase does for a case the API starts itself; answers its registration.
 */
export function awaitRegistered<V>(
  deps: { temporal: Client },
  workflowId: string,
  registered: UpdateDefinition<V, []>,
): Promise<V> {
  return temporalCall(() => deps.temporal.workflow.getHandle(workflowId).executeUpdate(registered));
}

/** How long a call waits out a database that fails after its case became durable, before it says so. */
const readBackDelaysMs = [50, 100, 200, 400, 800, 1600, 2000];
const readBackBudgetMs = 6000;

/**
 * Reads the answer to a call whose case is already durable (its workflow has it, its row is committed). A
 * connection cut or a database restarting is waited out for a few seconds rather than answered as an error:
 * a client told "failed" would submit again and, without an Idempotency-Key, open a second case. Should the
 * database stay away (or hang: each read gets what is left of the budget), the 503 names the case
 * (`caseId`), so the caller can still find it.
 */
export async function readBack<T>(caseId: string, noun: string, read: () => Promise<T>): Promise<T> {
  const gone = () =>
    new AppError(
      'UNAVAILABLE',
      `the ${noun} ${caseId} was accepted and recorded, but cannot be read back now; read it by its id later`,
      { caseId },
    );
  const until = Date.now() + readBackBudgetMs;
  for (const delay of [...readBackDelaysMs, null]) {
    const left = until - Date.now();
    if (left <= 0) throw gone();
    let timer: NodeJS.Timeout | undefined;
    const attempt = read();
    const outOfTime = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(gone()), left)));
    try {
      return await Promise.race([attempt, outOfTime]);
    } catch (error) {
      attempt.catch(() => undefined); // a read left hanging must not surface later
      if (error instanceof AppError && error.details.caseId === caseId) throw error;
      if (!isUnavailable(error)) throw error;
      if (delay === null) throw gone();
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, until - Date.now()))));
    } finally {
      clearTimeout(timer);
    }
  }
  throw gone();
}

/**
 * The case a create call has just started, as recorded: its workflow answered (or had already run),
 * but should its row not be there yet the caller retries with the same Idempotency-Key.
 */
export function recordedCase<Row>(row: Row | null | undefined, noun: string): Row {
  if (row) return row;
  throw new AppError(
    'UNAVAILABLE',
    `the ${noun} was accepted but is not yet recorded; retry with the same Idempotency-Key`,
  );
}
