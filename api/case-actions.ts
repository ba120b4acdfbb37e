// The `actions` of every case answer: what the caller may do on it now, computed from the case's
// recorded view by its process's rules — the same checks its workflow's update validators run.
import { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { getCaseViews } from '../db/queries/case.js';
import type { Policy } from '../policy/index.js';
import type { Actor, Refusal } from '../workflows/common/actors.js';
import { AppError } from '../lib/errors.js';
import { refusalError } from './cases.js';
import { actionsOfPerson, type Person } from '../workflows/common/work.js';
import {
  agencyAssessmentActions,
  agencyAssessmentActionsFor,
  cycleActions,
  cycleActionsFor,
  type PublicationProgress,
} from '../workflows/assessment/rules.js';
import type { AgencyAssessmentView, CycleView } from '../workflows/assessment/types.js';
import { correctionActions, correctionActionsFor } from '../workflows/correction/rules.js';
import type { CorrectionView } from '../workflows/correction/types.js';
import { objectionActions, objectionActionsFor } from '../workflows/objection/rules.js';
import type { ObjectionView } from '../workflows/objection/types.js';
import { openDataActions, openDataActionsFor } from '../workflows/open-data-request/rules.js';
import type { OpenDataView } from '../workflows/open-data-request/types.js';
import { shareActions, shareActionsFor } from '../workflows/share-application/rules.js';
import type { ShareApplicationView } from '../workflows/share-application/types.js';

/** What a rule needs beyond the case's view: for a cycle, the records' progress (reviews in, appeals answered). */
export interface ActionContext {
  progress?: PublicationProgress;
}

interface ProcessActions {
  order: readonly string[];
  of(view: unknown, actor: Actor, policy: Policy, nowMs: number, context: ActionContext): string[];
}

const processes = {
  'share-application': {
    order: shareActions,
    of: (v, a, policy, now) => shareActionsFor(v as ShareApplicationView, a, policy.share, now),
  },
  objection: { order: objectionActions, of: (v, a, _policy, now) => objectionActionsFor(v as ObjectionView, a, now) },
  'open-data-request': {
    order: openDataActions,
    of: (v, a, _policy, now) => openDataActionsFor(v as OpenDataView, a, now),
  },
  correction: {
    order: correctionActions,
    of: (v, a, _policy, now) => correctionActionsFor(v as CorrectionView, a, now),
  },
  assessment: {
    order: agencyAssessmentActions,
    of: (v, a, _policy, now) => agencyAssessmentActionsFor(v as AgencyAssessmentView, a, now),
  },
  'assessment-cycle': {
    order: cycleActions,
    of: (v, a, _policy, now, ctx) => cycleActionsFor(v as CycleView, a, now, ctx.progress),
  },
} satisfies Record<string, ProcessActions>;

export type CaseType = keyof typeof processes;
export const caseTypes = Object.keys(processes) as CaseType[];

/** The schema of a case answer's `actions` for one process. */
export const actionsSchema = (names: readonly [string, ...string[]]) =>
  z
    .array(z.enum(names))
    .describe('What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now');

/** What `person` may do now on a case whose recorded view is `view`. */
export function actionsOn(
  caseType: CaseType,
  view: unknown,
  person: Person,
  policy: Policy,
  nowMs = Date.now(),
  context: ActionContext = {},
): string[] {
  const p: ProcessActions = processes[caseType];
  return actionsOfPerson(person, p.order, (actor) => p.of(view, actor, policy, nowMs, context));
}

/** The caller's actions on some cases of one process, by case id (none for a case not yet recorded). */
export async function actionsByCase(
  db: DbOrTx,
  caseType: CaseType,
  ids: string[],
  person: Person,
  policy: Policy,
): Promise<Map<string, string[]>> {
  const views = await getCaseViews(db, caseType, ids);
  const now = Date.now();
  return new Map(ids.map((id) => [id, views.has(id) ? actionsOn(caseType, views.get(id), person, policy, now) : []]));
}

/** Adds the caller's `actions` to case answers; `idOf` names each answer's case id. */
export async function withActions<T, A extends string>(
  db: DbOrTx,
  caseType: CaseType,
  person: Person,
  policy: Policy,
  items: T[],
  idOf: (item: T) => string,
): Promise<(T & { actions: A[] })[]> {
  const byId = await actionsByCase(db, caseType, items.map(idOf), person, policy);
  return items.map((item) => ({ ...item, actions: (byId.get(idOf(item)) ?? []) as A[] }));
}

/**
 * Runs a rule of `rules.ts` against the case's recorded view, for the few actions the API takes
 * itself (issuing a credential): the same check gives the `actions`, and a refusal the same answer.
 * Answers the view checked.
 */
export async function refuseUnless<V>(
  db: DbOrTx,
  caseType: CaseType,
  caseId: string,
  state: string,
  check: (view: V) => Refusal | null,
): Promise<V> {
  const view = (await getCaseViews<V>(db, caseType, [caseId])).get(caseId);
  if (!view)
    throw new AppError(
      'UNAVAILABLE',
      'the case is not indexed yet; retry shortly (npm run backfill-cases indexes older cases)',
    );
  const refusal = check(view);
  if (refusal) throw refusalError(refusal, state);
  return view;
}
