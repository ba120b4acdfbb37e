// The calendar publication job (日历发布作业) on the time-skipping server: every open case with a
// deadline hears of a published year, a signal that fails is retried until it is delivered, a case
// whose process has ended is counted as gone, and the job's row tells its progress.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCalendar } from '../../activities/calendar.js';
import type { Database } from '../../db/client.js';
import {
  createCalendarPublication,
  getCalendarPublication,
  publishCalendarYear,
  putCalendarYear,
} from '../../db/queries/calendar.js';
import { resumeCalendarPublications } from '../../lib/calendar-publications.js';
import { createLogger } from '../../lib/logger.js';
import { getCorrection } from '../../db/queries/correction.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import { addWorkingDays } from '../../workflows/common/working-days.js';
import { calendarPublicationWorkflowId } from '../../workflows/calendar/workflow.js';
import { correctionRegisteredUpdate, correctionWorkflowId } from '../../workflows/correction/messages.js';
import type { CorrectionInput, CorrectionView } from '../../workflows/correction/types.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker } from '../helpers/temporal.js';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let provider: string;
let data: { id: string; code: string; name: string };
/** Workflow ids whose first calendar signal fails, as a dropped connection would. */
const flaky = new Set<string>();
const failedOnce = new Set<string>();

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  // The real client, with one fault: the first signal to a flaky case is lost on the way.
  const faulty = {
    workflow: {
      getHandle: (id: string) => {
        const handle = env.client.workflow.getHandle(id);
        return {
          signal: async (...args: Parameters<typeof handle.signal>) => {
            if (flaky.has(id) && !failedOnce.has(id)) {
              failedOnce.add(id);
              throw new Error('14 UNAVAILABLE: connection reset');
            }
            return handle.signal(...args);
          },
        };
      },
    },
  } as unknown as Client;
  worker = await startWorker(env, database.db, { temporal: faulty });
  provider = await agency(database.db);
  data = await resource(database.db, provider, 'unconditional');
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const logger = createLogger({ level: 'silent' });
const reporter: Actor = { id: 'citizen-7', name: '举报人', role: 'public', agency: null };

async function report(): Promise<CorrectionView> {
  const input: CorrectionInput = {
    id: randomUUID(),
    resource: { id: data.id, code: data.code, name: data.name, providerAgency: provider },
    assignedAgency: provider,
    report: {
      recordRef: 'REC-7',
      field: 'name',
      currentValue: '张三',
      claimedValue: '张叁',
      description: '姓名录入错误',
      evidence: '',
    },
    reporter,
    transferredFrom: null,
    policy: defaultPolicy.correction,
  };
  const start = new WithStartWorkflowOperation('correctionWorkflow', {
    workflowId: correctionWorkflowId(input.id),
    taskQueue: worker.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return (await env.client.workflow.executeUpdateWithStart(correctionRegisteredUpdate, {
    startWorkflowOperation: start,
  })) as CorrectionView;
}

describe('calendar publication job', () => {
  it('tells every open case, retries a lost signal until it is delivered, counts an ended case as gone, and finishes', async () => {
    const [a, b, c] = [await report(), await report(), await report()];
    // b's first signal is lost; c's process is ended by an operator while its index still says open.
    flaky.add(correctionWorkflowId(b.id));
    await env.client.workflow.getHandle(correctionWorkflowId(c.id)).terminate('operator');

    // The bureau publishes the year of a's due date, making that date a holiday.
    const due = a.verifyDue!;
    const year = Number(due.dueDate.slice(0, 4));
    const before = await currentCalendar(database.db);
    const row = await putCalendarYear(database.db, {
      year,
      holidays: [...(before[String(year)]?.holidays ?? []), due.dueDate],
      workdays: before[String(year)]?.workdays ?? [],
      uploadedBy: 'admin',
    });
    const job = await createCalendarPublication(database.db, { id: randomUUID(), year, publishedBy: 'admin' });
    const result = await env.client.workflow.execute('calendarPublicationWorkflow', {
      workflowId: calendarPublicationWorkflowId(job.id),
      taskQueue: worker.taskQueue,
      args: [{ jobId: job.id, year, publishedAt: row.uploadedAt.toISOString() }],
    });

    // First pass: a and b told (b on the retry), c gone; second pass: all three were opened around
    // the publication, so a and b are told once more.
    expect(failedOnce.has(correctionWorkflowId(b.id))).toBe(true);
    expect(result).toEqual({ told: 2, gone: 1, retold: 2 });
    const progress = (await getCalendarPublication(database.db, job.id))!;
    expect(progress).toMatchObject({
      state: 'done',
      pass: 'opened_since',
      total: 3,
      told: 2,
      gone: 1,
      retold: 2,
      retrying: 0,
      cursor: null,
    });
    expect(progress.finishedAt).toBeInstanceOf(Date);

    // The cases heard it: their deadlines moved past the new holiday, in the read model too.
    const moved = addWorkingDays(due.from, due.days, await currentCalendar(database.db)).due;
    expect(moved > due.dueDate).toBe(true);
    for (const id of [a.id, b.id]) expect((await getCorrection(database.db, id))?.verifyDueDate).toBe(moved);
  });

  it('starts a job whose start was lost: the year and its job are committed together, a worker starts it', async () => {
    const a = await report();
    const due = a.verifyDue!;
    const year = Number(due.dueDate.slice(0, 4));
    const before = await currentCalendar(database.db);
    // The API published the year and died before starting the job's workflow.
    const { job } = await publishCalendarYear(database.db, {
      year,
      holidays: before[String(year)]?.holidays ?? [],
      workdays: before[String(year)]?.workdays ?? [],
      uploadedBy: 'admin',
      jobId: randomUUID(),
    });
    const deps = { db: database.db, client: env.client, taskQueue: worker.taskQueue, logger, graceMs: 0 };
    expect(await resumeCalendarPublications(deps)).toBeGreaterThanOrEqual(1);
    // Resuming again while it runs attaches to the same workflow; it ends done, once.
    await resumeCalendarPublications(deps);
    await env.client.workflow.getHandle(calendarPublicationWorkflowId(job.id)).result();
    // Every open case heard of it: this one and those the test before left open.
    const done = (await getCalendarPublication(database.db, job.id))!;
    expect(done.state).toBe('done');
    expect(done.told).toBeGreaterThanOrEqual(1);
    expect(await resumeCalendarPublications(deps)).toBe(0);

    // A job whose workflow an operator ended unfinished is marked abandoned (logged once), not started again.
    const { job: stuck } = await publishCalendarYear(database.db, {
      year,
      holidays: before[String(year)]?.holidays ?? [],
      workdays: before[String(year)]?.workdays ?? [],
      uploadedBy: 'admin',
      jobId: randomUUID(),
    });
    await env.client.workflow.start('calendarPublicationWorkflow', {
      workflowId: calendarPublicationWorkflowId(stuck.id),
      taskQueue: 'nobody-polls-this',
      args: [{ jobId: stuck.id, year, publishedAt: new Date().toISOString() }],
    });
    await env.client.workflow.getHandle(calendarPublicationWorkflowId(stuck.id)).terminate('operator');
    await expect(resumeCalendarPublications(deps)).resolves.toBe(1);
    expect(await getCalendarPublication(database.db, stuck.id)).toMatchObject({ state: 'abandoned' });
    // Recorded once: the next round has nothing left to look at.
    await expect(resumeCalendarPublications(deps)).resolves.toBe(0);
  });
});
