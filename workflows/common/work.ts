// What a case awaits, from whom and by when: the source of the work list (待办) and of every case
// answer's `actions`. Both are computed with the check functions the update validators run, so
// "who may act" has one home per process (its rules.ts). Pure and JSON-safe.
import type { Actor, Refusal, Role } from './actors.js';
import type { Deadline } from './working-days.js';

/**
 * The actions an actor may take now: those whose check refuses nothing but the input still to be
 * filled in. A check runs in the order forbidden → wrong state → missing input, so a probe with an
 * empty input tells "may act" from "may not".
 */
export function permitted<A extends string>(checks: Record<A, () => Refusal | null>): A[] {
  return (Object.keys(checks) as A[]).filter((action) => {
    const refusal = checks[action]();
    return refusal === null || refusal.code === 'VALIDATION_FAILED';
  });
}

/** Someone a case may wait for: a role, at one agency or any, as one person or anyone in it. */
export interface Party {
  role: Role;
  agency: string | null;
  userId: string | null;
}

/** The actor that stands for anyone who fits a party, for probing the checks. */
export const probeActor = (p: Party): Actor => ({ id: p.userId ?? '*', name: null, role: p.role, agency: p.agency });

/** An action the case waits for, the deadline it is due by, and whether the chance lapses at that deadline. */
export interface Awaited {
  due: Deadline | null;
  /** A window (to supplement, object, sign) closes at its deadline; a duty (to review) stays, overdue. */
  lapses?: boolean;
}

/** One party's share of what the case waits for. */
export interface WorkTask extends Party {
  actions: string[];
  due: Deadline | null;
  /** After this instant the task is gone (its window closed). */
  lapsesAt: string | null;
}

/** A case as the work list and the statistics see it, written with every transition. */
export interface CaseWork {
  caseType: string;
  caseId: string;
  version: number;
  state: string;
  open: boolean;
  /** What the case is about, in a line (the resource's name, or the assessed agency). */
  title: string;
  resourceName: string | null;
  /** The agencies that are parties: their staff see it in 关注. */
  agencies: string[];
  /** People who are parties on their own (a public requester, an assessor). */
  users: string[];
  /** The agency whose answer the case's clock measures (the provider, the verifying agency). */
  respondingAgency: string | null;
  /** The earliest deadline the case waits on. */
  due: Deadline | null;
  overdue: boolean;
  openedAt: string;
  /** When the responding agency answered (the first decision); null while it has not. */
  decidedAt: string | null;
  tasks: WorkTask[];
  /** The workflow's view: `actions` are computed from it with the process's rules. */
  view: unknown;
}

/**
 * The tasks of a case: for each party that could act, the awaited actions its checks permit now,
 * due by the earliest of their deadlines.
 */
export function tasksOf<A extends string>(
  parties: Party[],
  awaitedFrom: (party: Party) => Partial<Record<A, Awaited>>,
  actionsFor: (actor: Actor) => A[],
): WorkTask[] {
  const tasks: WorkTask[] = [];
  for (const party of parties) {
    const awaited = awaitedFrom(party);
    const actions = actionsFor(probeActor(party)).filter((a) => awaited[a]);
    if (!actions.length) continue;
    const waits = actions.map((a) => awaited[a]!);
    const due = earliest(waits.map((w) => w.due));
    const lapsesAt = waits.every((w) => w.lapses && w.due) ? latest(waits.map((w) => w.due!.dueAt)) : null;
    tasks.push({ ...party, actions, due, lapsesAt });
  }
  return tasks;
}

/** The earliest of some deadlines, or null when there are none. */
export function earliest(deadlines: (Deadline | null | undefined)[]): Deadline | null {
  let first: Deadline | null = null;
  for (const d of deadlines) if (d && (!first || Date.parse(d.dueAt) < Date.parse(first.dueAt))) first = d;
  return first;
}

const latest = (instants: string[]): string => instants.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

/** A signed-in person, as the API knows them: one id, possibly several roles, at most one agency. */
export interface Person {
  sub: string;
  name?: string | null | undefined;
  roles: readonly Role[];
  agency?: string | null | undefined;
}

/** The actions any of a person's roles permits, each once, in the process's order. */
export function actionsOfPerson<A extends string>(
  person: Person,
  order: readonly A[],
  actionsFor: (actor: Actor) => A[],
): A[] {
  const seen = new Set<A>();
  for (const role of person.roles) {
    for (const a of actionsFor({ id: person.sub, name: person.name ?? null, role, agency: person.agency ?? null }))
      seen.add(a);
  }
  return order.filter((a) => seen.has(a));
}
