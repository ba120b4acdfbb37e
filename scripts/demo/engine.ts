// Runs one scenario: submits the case with a stable Idempotency-Key (a later run gets the same case
// back, nothing new is started), then takes each step the case's audit trail does not show yet.
import { SeedError, subOf, waitFor, type Api } from './client.js';
import type { CaseAnswer, Process, Scenario } from './cases.js';

const basePath: Record<Process | 'objection', string> = {
  'share-application': '/api/v1/share-applications',
  'open-data-request': '/api/v1/open-data-requests',
  correction: '/api/v1/corrections',
  objection: '/api/v1/objections',
};

export interface ScenarioResult {
  key: string;
  process: Process;
  label: string;
  id: string;
  state: string;
  objectionId: string | null;
  objectionState: string | null;
  /** Submitted by this run (not found from an earlier one). */
  created: boolean;
  objectionCreated: boolean;
  steps: number;
  /** Why the remaining steps were left alone (someone moved the case since an earlier run). */
  skipped: string | null;
}

/** How many times `by` recorded `event` on the case. */
const recorded = (c: CaseAnswer, sub: string, event: string): number =>
  (c.timeline ?? []).filter((e) => e.actorId === sub && e.action === event).length;

export async function runScenario(
  api: Api,
  s: Scenario,
  resourceId: string,
  existing: ReadonlySet<string>,
): Promise<ScenarioResult> {
  const base = basePath[s.process];
  const submitter = await api.token(s.by);
  const key = { 'idempotency-key': `seed-demo:${s.key}` };
  let application: CaseAnswer = await api.post(base, submitter, { ...s.body, resourceId }, key);
  const created = !existing.has(application.id);
  const result: ScenarioResult = {
    key: s.key,
    process: s.process,
    label: s.label,
    id: application.id,
    state: application.state,
    objectionId: null,
    objectionState: null,
    created,
    objectionCreated: false,
    steps: 0,
    skipped: null,
  };
  const read = async (path: string, token: string): Promise<CaseAnswer> =>
    (await api.get<CaseAnswer>(path, token)).body;
  const reach = (path: string, token: string, from: CaseAnswer, state: string): Promise<CaseAnswer> =>
    from.state === state
      ? Promise.resolve(from)
      : waitFor(
          () => read(path, token),
          (c) => c.state === state,
          `${s.key}: ${path} 到达 ${state}`,
        );
  const casePath = `${base}/${application.id}`;
  if (created) application = await reach(casePath, submitter, application, s.created);

  let objection: CaseAnswer | null = null;
  const filed = (application.timeline ?? []).find((e) => e.action === 'file_objection');
  if (filed?.data?.objectionId) {
    result.objectionId = String(filed.data.objectionId);
    objection = await read(`${basePath.objection}/${result.objectionId}`, submitter);
  }

  const seen = new Map<string, number>();
  for (const step of s.steps) {
    const sub = subOf(step.by);
    const target = step.onObjection ? objection : application;
    if (!target) throw new SeedError(`${s.key}: 该步骤需要先提出异议`);
    // The n-th time this person records this event on this case: done when the trail has it n times.
    const mark = `${step.onObjection ? 'o' : 'a'}|${sub}|${step.event}`;
    const nth = (seen.get(mark) ?? 0) + 1;
    seen.set(mark, nth);
    if (recorded(target, sub, step.event) >= nth) continue;

    const token = await api.token(step.by);
    const path = step.onObjection ? `${basePath.objection}/${target.id}` : casePath;
    const body = typeof step.body === 'function' ? step.body(target) : step.body;
    let answer: CaseAnswer;
    try {
      // Filing an objection creates a case: keyed too, so a retry finds the same objection.
      const headers = step.opensObjection ? { 'idempotency-key': `seed-demo:${s.key}:objection` } : undefined;
      answer = await api.post<CaseAnswer>(path + step.path, token, body, headers);
    } catch (error) {
      // A case from an earlier run may have been moved on by someone since: leave it as it is.
      if (!created && error instanceof SeedError && (error.status === 409 || error.status === 403)) {
        result.skipped = `${step.event}: ${error.message}`;
        break;
      }
      throw error;
    }
    result.steps++;
    if (step.opensObjection) {
      objection = answer;
      result.objectionId = answer.id;
      result.objectionCreated = true;
      application = await reach(casePath, token, await read(casePath, token), step.expect);
    } else if (step.onObjection) {
      objection = await reach(path, token, answer, step.expect);
    } else {
      application = await reach(casePath, token, answer, step.expect);
    }
  }
  result.state = application.state;
  result.objectionState = objection?.state ?? null;
  return result;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
