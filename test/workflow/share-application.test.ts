// Every path of docs/processes.md P1 on the time-skipping server, with the real activities writing a real
// database: deadlines are computed from the working-day calendar and pass on their own.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { listCaseEvents, verifyAuditChain } from '../../db/queries/audit.js';
import { putCalendarYear } from '../../db/queries/calendar.js';
import { getShareApplication } from '../../db/queries/share-application.js';
import type { ResourceRow } from '../../db/queries/catalog.js';
import { notifications } from '../../db/schema/notification.js';
import { defaultPolicy } from '../../policy/index.js';
import { currentCalendar } from '../../activities/calendar.js';
import type { Actor } from '../../workflows/common/actors.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  endOfLocalDay,
  localDate,
  mergeCalendars,
} from '../../workflows/common/working-days.js';
import { calendarUpdatedSignal } from '../../workflows/common/messages.js';
import {
  assignUpdate,
  objectionWorkflowId,
  registeredUpdate,
  ruleUpdate,
  settleUpdate,
} from '../../workflows/objection/messages.js';
import {
  decideUpdate,
  fileObjectionUpdate,
  renewUpdate,
  revokeUpdate,
  shareApplicationWorkflowId,
  submittedUpdate,
  supplementUpdate,
  urgeUpdate,
  viewQuery,
  withdrawUpdate,
} from '../../workflows/share-application/messages.js';
import type { ShareApplicationInput, ShareApplicationView } from '../../workflows/share-application/types.js';
import { shareApplicationWorkflow } from '../../workflows/share-application/workflow.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker } from '../helpers/temporal.js';
import { eventually } from '../helpers/assertions.js';

const DAY = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let applicant: string;
let provider: string;
let other: string;
let conditional: ResourceRow;
let unconditional: ResourceRow;
let notShared: ResourceRow;

const staff = (): Actor => ({ id: 'u-staff', name: 'Staff', role: 'agency_staff', agency: applicant });
const reviewer = (): Actor => ({ id: 'u-reviewer', name: 'Reviewer', role: 'agency_reviewer', agency: provider });
const coordinator: Actor = { id: 'u-coord', name: 'Coordinator', role: 'bureau_coordinator', agency: 'BUREAU' };
const admin: Actor = { id: 'u-admin', name: 'Admin', role: 'bureau_admin', agency: 'BUREAU' };

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  [applicant, provider, other] = await Promise.all([agency(database.db), agency(database.db), agency(database.db)]);
  [conditional, unconditional, notShared] = await Promise.all([
    resource(database.db, provider, 'conditional'),
    resource(database.db, provider, 'unconditional'),
    resource(database.db, provider, 'not_shared'),
  ]);
});

afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

function inputFor(r: ResourceRow, overrides: Partial<ShareApplicationInput['request']> = {}): ShareApplicationInput {
  return {
    id: randomUUID(),
    applicantAgency: applicant,
    submittedBy: staff(),
    resource: {
      id: r.id,
      code: r.code,
      name: r.name,
      providerAgency: r.providerAgency,
      shareType: r.shareType,
      legalBasis: r.legalBasis,
      fields: r.fields.map((f) => f.name),
    },
    request: {
      fields: ['name', 'licence_no'],
      purpose: '企业开办审批核验',
      dutyBasis: '《市场主体登记管理条例》',
      usageScope: '本部门审批',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: null,
      ...overrides,
    },
    policy: defaultPolicy.share,
  };
}

async function submit(input: ShareApplicationInput) {
  const start = new WithStartWorkflowOperation(shareApplicationWorkflow, {
    workflowId: shareApplicationWorkflowId(input.id),
    taskQueue: worker.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  const view = await env.client.workflow.executeUpdateWithStart(submittedUpdate, { startWorkflowOperation: start });
  return { view, handle: await start.workflowHandle() };
}

async function refusal(p: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: (cause as ApplicationFailure).type ?? undefined, message: (cause as ApplicationFailure).message };
}

const nowMs = () => env.currentTimeMs();
const calendar = () => currentCalendar(database.db);

async function inbox(caseId: string, kind: string) {
  return database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, kind)));
}

/**
 * The workflow's final state once it has completed, read by query. result() would unlock time
 * skipping, and the server would leap to other workflows' timers, months or years ahead.
 */
async function finished(handle: {
  describe(): Promise<{ status: { name: string } }>;
  query(q: typeof viewQuery): Promise<ShareApplicationView>;
}): Promise<ShareApplicationView> {
  const closed = await eventually(
    () => handle.describe(),
    (d) => d.status.name !== 'RUNNING',
    200,
  );
  expect(closed.status.name).toBe('COMPLETED');
  return handle.query(viewQuery);
}

/** Sleeps the server's clock to just before, or just after, an instant. */
async function sleepUntil(iso: string, offsetMs: number) {
  const ms = Date.parse(iso) + offsetMs - (await nowMs());
  if (ms > 0) await env.sleep(ms);
}

describe('a step the database refuses for good (issue: hardening, failures classified)', () => {
  it('undoes the step, fails the action with VALIDATION_FAILED, and the case still acts', async () => {
    // The API refuses a lone surrogate before it gets here; sent straight to the workflow, PostgreSQL's
    // jsonb refuses it (SQLSTATE 22P05), which no retry can cure.
    const input = inputFor(conditional);
    const { handle } = await submit(input);
    const bad = await refusal(
      handle.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer(), decision: 'reject', reason: '理由\ud800', legalBasis: '《数据安全法》' }],
      }),
    );
    expect(bad.type).toBe('VALIDATION_FAILED');
    expect(bad.message).toMatch(/could not be recorded, so nothing changed.*SQLSTATE 22/);
    const view = await handle.query(viewQuery);
    expect(view).toMatchObject({ state: 'pending_review', decision: null, version: 1 });
    expect((await getShareApplication(database.db, input.id))?.application.state).toBe('pending_review');
    // The chain of recordings goes on: a well-formed decision is taken and recorded.
    const decided = await handle.executeUpdate(decideUpdate, {
      args: [{ actor: reviewer(), decision: 'reject', reason: '用途不符', legalBasis: '《数据安全法》' }],
    });
    expect(decided).toMatchObject({ state: 'rejected', version: 2 });
    expect((await getShareApplication(database.db, input.id))?.application.state).toBe('rejected');
    expect((await listCaseEvents(database.db, input.id)).map((e) => e.action)).toEqual(['submit', 'reject']);
  });
});

describe('share application (共享申请) workflow', () => {
  it('grants an unconditional request at once after the automatic pre-check and tells the provider', async () => {
    const input = inputFor(unconditional, { periodMonths: 6 });
    const started = await nowMs();
    const { view } = await submit(input);
    expect(view.state).toBe('granted');
    expect(view.decision).toMatchObject({ decision: 'approve', automatic: true });
    expect(view.grant?.expiresDate).toBe(addMonths(localDate(started), 6));
    const row = await getShareApplication(database.db, input.id);
    expect(row?.application.state).toBe('granted');
    expect(row?.grant?.state).toBe('active');
    const [told] = await inbox(input.id, 'granted');
    expect(told).toMatchObject({ audience: 'agency', recipient: provider });
    const events = await listCaseEvents(database.db, input.id);
    expect(events.map((e) => [e.action, e.fromState, e.toState, e.actorId])).toEqual([
      ['submit', null, 'pending_review', 'u-staff'],
      ['auto_grant', 'pending_review', 'granted', 'system'],
    ]);
    // The bureau's pre-check deadline (share.precheckWd) is kept beside the day it was met.
    const today = localDate(started);
    expect(events[1]!.data).toMatchObject({
      precheckedOn: today,
      precheckDueDate: addWorkingDays(today, defaultPolicy.share.precheckWd, await calendar()).due,
    });
  });

  it('refuses a not_shared resource at submission citing the catalog legal basis, then closes the objection window after 15 working days', async () => {
    const input = inputFor(notShared);
    const today = localDate(await nowMs());
    const { view, handle } = await submit(input);
    expect(view.state).toBe('rejected');
    expect(view.decision).toMatchObject({ decision: 'reject', automatic: true, legalBasis: notShared.legalBasis });
    const due = addWorkingDays(today, defaultPolicy.share.objectionWindowWd, await calendar()).due;
    expect(view.objectionDue?.dueDate).toBe(due);
    await sleepUntil(endOfLocalDay(due), 60_000);
    const final = await finished(handle);
    expect(final.state).toBe('rejected');
    expect(final.decision?.final).toBe(true);
    const events = await listCaseEvents(database.db, input.id);
    expect(events.at(-1)?.action).toBe('objection_window_closed');
  });

  it('marks a conditional request overdue exactly when 10 working days have passed, tells provider and bureau, and still lets the provider decide', async () => {
    const input = inputFor(conditional);
    const today = localDate(await nowMs());
    const { view, handle } = await submit(input);
    expect(view.state).toBe('pending_review');
    const due = addWorkingDays(today, 10, await calendar()).due;
    expect(view.reviewDue).toMatchObject({ dueDate: due, dueAt: endOfLocalDay(due) });

    await sleepUntil(view.reviewDue!.dueAt, -60_000);
    expect((await handle.query(viewQuery)).overdue).toBe(false);
    await sleepUntil(view.reviewDue!.dueAt, 60_000);
    const late = await handle.query(viewQuery);
    expect(late).toMatchObject({ state: 'pending_review', overdue: true });
    expect((await inbox(input.id, 'overdue')).map((n) => n.audience).sort()).toEqual(['agency', 'bureau']);
    expect((await getShareApplication(database.db, input.id))?.application.overdue).toBe(true);

    const urged = await handle.executeUpdate(urgeUpdate, { args: [{ actor: coordinator, reason: '请尽快办理' }] });
    expect(urged.urgedCount).toBe(1);
    expect(await inbox(input.id, 'urged')).toHaveLength(1);

    const granted = await handle.executeUpdate(decideUpdate, {
      args: [{ actor: reviewer(), decision: 'approve', conditions: '仅用于审批核验', fields: ['name'] }],
    });
    expect(granted.state).toBe('granted');
    expect(granted.grant).toMatchObject({ fields: ['name'], conditions: '仅用于审批核验' });
  });

  it('counts the review deadline across a holiday with a make-up working day', async () => {
    // A calendar published for this test: a week off starting next Monday and the Saturday after it worked.
    const now = await nowMs();
    const today = localDate(now);
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    const monday = addCalendarDays(today, (8 - weekday) % 7 || 7);
    const holidays = Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));
    const makeUp = addCalendarDays(monday, 12);
    const years = new Set([...holidays, makeUp].map((d) => d.slice(0, 4)));
    for (const year of years) {
      const base = BUILTIN_CALENDAR[year] ?? { holidays: [], workdays: [] };
      await putCalendarYear(database.db, {
        year: Number(year),
        holidays: [...base.holidays, ...holidays.filter((d) => d.startsWith(year))],
        workdays: [...base.workdays, ...(makeUp.startsWith(year) ? [makeUp] : [])],
        uploadedBy: 'test',
      });
    }
    // Counted by hand from today: the days off are skipped, the make-up Saturday counts.
    const expected: string[] = [];
    for (let d = addCalendarDays(today, 1); expected.length < 10; d = addCalendarDays(d, 1)) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      const builtinYear = mergeCalendars(BUILTIN_CALENDAR)[d.slice(0, 4)];
      const off = holidays.includes(d) || builtinYear?.holidays.includes(d);
      const worked = d === makeUp || builtinYear?.workdays.includes(d);
      if (worked || (dow !== 0 && dow !== 6 && !off)) expected.push(d);
    }
    expect(expected).toContain(makeUp);

    const { view, handle } = await submit(inputFor(conditional));
    expect(view.reviewDue?.dueDate).toBe(expected[9]);
    await sleepUntil(view.reviewDue!.dueAt, -1000);
    expect((await handle.query(viewQuery)).overdue).toBe(false);
    await sleepUntil(view.reviewDue!.dueAt, 1000);
    expect((await handle.query(viewQuery)).overdue).toBe(true);
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff(), reason: 'no longer needed' }] });
  });

  it('stops the clock for a supplement and restarts it in full from the day the applicant supplements', async () => {
    const input = inputFor(conditional);
    const { handle } = await submit(input);
    const asked = await handle.executeUpdate(decideUpdate, {
      args: [{ actor: reviewer(), decision: 'request_supplement', missing: ['履职依据文件', '安全保障措施'] }],
    });
    expect(asked).toMatchObject({
      state: 'awaiting_supplement',
      missing: ['履职依据文件', '安全保障措施'],
      reviewDue: null,
    });
    const askedOn = localDate(await nowMs());
    expect(asked.supplementDue?.dueDate).toBe(
      addWorkingDays(askedOn, defaultPolicy.share.supplementWd, await calendar()).due,
    );

    await env.sleep(6 * DAY);
    const suppliedOn = localDate(await nowMs());
    const resumed = await handle.executeUpdate(supplementUpdate, {
      args: [{ actor: staff(), note: '已补充履职依据', dutyBasis: '《政务数据共享条例》第十条' }],
    });
    expect(resumed.state).toBe('pending_review');
    expect(resumed.request.dutyBasis).toBe('《政务数据共享条例》第十条');
    expect(resumed.reviewDue?.from).toBe(suppliedOn);
    expect(resumed.reviewDue?.dueDate).toBe(addWorkingDays(suppliedOn, 10, await calendar()).due);
    expect(await inbox(input.id, 'supplemented')).toHaveLength(1);
    // 一次性告知: everything missing was to be listed the first time.
    expect(
      (
        await refusal(
          handle.executeUpdate(decideUpdate, {
            args: [{ actor: reviewer(), decision: 'request_supplement', missing: ['又一项'] }],
          }),
        )
      ).type,
    ).toBe('INVALID_STATE');
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff() }] });
    expect((await finished(handle)).state).toBe('withdrawn');
  });

  it('closes the application when no supplement arrives in time', async () => {
    const input = inputFor(conditional);
    const { handle } = await submit(input);
    const asked = await handle.executeUpdate(decideUpdate, {
      args: [{ actor: reviewer(), decision: 'request_supplement', missing: ['用途说明'] }],
    });
    await sleepUntil(asked.supplementDue!.dueAt, -60_000);
    expect((await handle.query(viewQuery)).state).toBe('awaiting_supplement');
    await sleepUntil(asked.supplementDue!.dueAt, 60_000);
    const closed = await finished(handle);
    expect(closed.state).toBe('closed');
    expect((await inbox(input.id, 'closed')).map((n) => n.recipient).sort()).toEqual([applicant, provider].sort());
  });

  it('extends the review once, by at most the policy, before the deadline', async () => {
    const { view, handle } = await submit(inputFor(conditional));
    const tooLong = await refusal(
      handle.executeUpdate(decideUpdate, {
        args: [
          { actor: reviewer(), decision: 'extend', reason: '需会商', extendWd: defaultPolicy.share.extensionWd + 1 },
        ],
      }),
    );
    expect(tooLong.type).toBe('VALIDATION_FAILED');
    const extended = await handle.executeUpdate(decideUpdate, {
      args: [{ actor: reviewer(), decision: 'extend', reason: '需会商', extendWd: 5 }],
    });
    expect(extended.reviewDue?.from).toBe(view.reviewDue?.from);
    expect(extended.reviewDue?.dueDate).toBe(addWorkingDays(view.reviewDue!.from, 15, await calendar()).due);
    const again = await refusal(
      handle.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer(), decision: 'extend', reason: '再次', extendWd: 1 }],
      }),
    );
    expect(again.type).toBe('INVALID_STATE');
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff() }] });
  });

  it('refuses decisions that break the rules, leaving the case untouched', async () => {
    const { handle } = await submit(inputFor(conditional));
    const before = await handle.query(viewQuery);
    expect(
      (
        await refusal(
          handle.executeUpdate(decideUpdate, { args: [{ actor: reviewer(), decision: 'reject', reason: '无依据' }] }),
        )
      ).type,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await refusal(
          handle.executeUpdate(decideUpdate, {
            args: [{ actor: { ...reviewer(), agency: other }, decision: 'approve' }],
          }),
        )
      ).type,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(handle.executeUpdate(decideUpdate, { args: [{ actor: staff(), decision: 'approve' }] }))).type,
    ).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          handle.executeUpdate(decideUpdate, {
            args: [{ actor: reviewer(), decision: 'approve', fields: ['salary'] }],
          }),
        )
      ).type,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await refusal(handle.executeUpdate(supplementUpdate, { args: [{ actor: staff(), note: 'unasked' }] }))).type,
    ).toBe('INVALID_STATE');
    expect(
      (
        await refusal(
          handle.executeUpdate(renewUpdate, { args: [{ actor: staff(), periodMonths: 6, reason: 'early' }] }),
        )
      ).type,
    ).toBe('INVALID_STATE');
    expect((await refusal(handle.executeUpdate(urgeUpdate, { args: [{ actor: admin }] }))).type).toBe('FORBIDDEN');
    expect(await handle.query(viewQuery)).toEqual(before);
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff() }] });
  });

  it('accepts exactly one of two conflicting decisions sent at once', async () => {
    const { handle } = await submit(inputFor(conditional));
    const results = await Promise.allSettled([
      handle.executeUpdate(decideUpdate, { args: [{ actor: reviewer(), decision: 'approve' }] }),
      handle.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer(), decision: 'reject', reason: '涉及国家秘密', legalBasis: '《保守国家秘密法》' }],
      }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<ShareApplicationView>[];
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]!.reason as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'INVALID_STATE' });
    const view = await handle.query(viewQuery);
    expect(view.state).toBe(ok[0]!.value.state);
    const decisions = (await listCaseEvents(database.db, view.id)).filter(
      (e) => e.action === 'approve' || e.action === 'reject',
    );
    expect(decisions).toHaveLength(1);
    if (view.state === 'granted')
      await handle.executeUpdate(revokeUpdate, { args: [{ actor: admin, reason: 'test cleanup' }] });
  });

  it('withdraws before a decision and refuses withdrawal after one', async () => {
    const first = await submit(inputFor(conditional));
    const withdrawn = await first.handle.executeUpdate(withdrawUpdate, {
      args: [{ actor: staff(), reason: '需求变更' }],
    });
    expect(withdrawn.state).toBe('withdrawn');
    expect((await finished(first.handle)).state).toBe('withdrawn');
    expect(await inbox(withdrawn.id, 'withdrawn')).toHaveLength(1);

    const second = await submit(inputFor(unconditional));
    expect((await refusal(second.handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff() }] }))).type).toBe(
      'INVALID_STATE',
    );
    await second.handle.executeUpdate(revokeUpdate, { args: [{ actor: reviewer(), reason: 'test cleanup' }] });
  });

  it('reminds the applicant 10 days before the grant ends, renews it on approval, and expires it at the end', async () => {
    const input = inputFor(unconditional, { periodMonths: 1 });
    const { view, handle } = await submit(input);
    const reminderAt = new Date(
      Date.parse(view.grant!.expiresAt) - defaultPolicy.share.expiryReminderDays * DAY,
    ).toISOString();
    await sleepUntil(reminderAt, -60_000);
    expect(await inbox(input.id, 'expiry_reminder')).toHaveLength(0);
    await sleepUntil(reminderAt, 60_000);
    await handle.query(viewQuery);
    expect(await inbox(input.id, 'expiry_reminder')).toHaveLength(1);

    const asked = await handle.executeUpdate(renewUpdate, {
      args: [{ actor: staff(), periodMonths: 2, reason: '项目延期' }],
    });
    expect(asked.renewal).toMatchObject({ state: 'pending_review', periodMonths: 2 });
    expect(
      (
        await refusal(
          handle.executeUpdate(decideUpdate, {
            args: [{ actor: reviewer(), decision: 'request_supplement', missing: ['x'] }],
          }),
        )
      ).type,
    ).toBe('INVALID_STATE');
    const renewed = await handle.executeUpdate(decideUpdate, { args: [{ actor: reviewer(), decision: 'approve' }] });
    expect(renewed.state).toBe('granted');
    expect(renewed.grant?.expiresDate).toBe(addMonths(view.grant!.expiresDate, 2));
    expect((await getShareApplication(database.db, input.id))?.grant?.expiresDate).toBe(renewed.grant?.expiresDate);

    await sleepUntil(renewed.grant!.expiresAt, 60_000);
    const ended = await finished(handle);
    expect(ended.state).toBe('expired');
    expect(ended.grant?.state).toBe('expired');
    expect((await getShareApplication(database.db, input.id))?.grant?.state).toBe('expired');
    expect(await inbox(input.id, 'expiry_reminder')).toHaveLength(2);
  });

  it('revokes a grant with a reason, by the provider or the bureau only', async () => {
    const { handle } = await submit(inputFor(unconditional));
    expect((await refusal(handle.executeUpdate(revokeUpdate, { args: [{ actor: staff(), reason: 'x' }] }))).type).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(handle.executeUpdate(revokeUpdate, { args: [{ actor: admin, reason: ' ' }] }))).type).toBe(
      'VALIDATION_FAILED',
    );
    const revoked = await handle.executeUpdate(revokeUpdate, { args: [{ actor: admin, reason: '超范围使用' }] });
    expect(revoked.state).toBe('revoked');
    expect(revoked.grant).toMatchObject({ state: 'revoked', revokedReason: '超范围使用' });
    expect((await inbox(revoked.id, 'revoked')).map((n) => n.recipient).sort()).toEqual([applicant, provider].sort());
    expect((await finished(handle)).state).toBe('revoked');
  });

  it('hands a rejection over to its objection workflow and follows the outcome', async () => {
    const rejectedCase = async () => {
      const { handle } = await submit(inputFor(conditional));
      await handle.executeUpdate(decideUpdate, {
        args: [
          { actor: reviewer(), decision: 'reject', reason: '涉及商业秘密', legalBasis: '《反不正当竞争法》第九条' },
        ],
      });
      return handle;
    };
    const file = (handle: Awaited<ReturnType<typeof rejectedCase>>, objectionId: string, actor = staff()) =>
      handle.executeUpdate(fileObjectionUpdate, {
        args: [{ actor, objectionId, statement: '履职必需', policy: defaultPolicy.objection }],
      });

    const shared = await rejectedCase();
    const objectionId = randomUUID();
    const inObjection = await file(shared, objectionId);
    expect(inObjection).toMatchObject({ state: 'in_objection', objectionId });
    expect((await refusal(file(shared, randomUUID()))).type).toBe('INVALID_STATE');
    const objection = env.client.workflow.getHandle(objectionWorkflowId(objectionId));
    expect((await objection.executeUpdate(registeredUpdate)).refusal).toMatchObject({
      reason: '涉及商业秘密',
      legalBasis: '《反不正当竞争法》第九条',
    });
    await objection.executeUpdate(settleUpdate, {
      args: [{ actor: reviewer(), outcome: 'conditional_share', conditions: '脱敏后共享' }],
    });
    const granted = await eventually(
      () => shared.query(viewQuery),
      (v) => v.state === 'granted',
    );
    expect(granted).toMatchObject({ state: 'granted', grant: { conditions: '脱敏后共享' }, decision: { final: true } });
    await shared.executeUpdate(revokeUpdate, { args: [{ actor: admin, reason: 'test cleanup' }] });

    const upheld = await rejectedCase();
    const id2 = randomUUID();
    await file(upheld, id2);
    const second = env.client.workflow.getHandle(objectionWorkflowId(id2));
    await second.executeUpdate(registeredUpdate);
    await second.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    await second.executeUpdate(ruleUpdate, {
      args: [{ actor: coordinator, outcome: 'uphold_refusal', reasoning: '拒绝理由成立' }],
    });
    const final = await finished(upheld);
    expect(final).toMatchObject({
      state: 'rejected',
      decision: { final: true, reason: '拒绝理由成立', legalBasis: '《反不正当竞争法》第九条' },
    });
    // The final refusal is audited with the legal basis it rests on, as the first one was.
    const upheldEvent = (await listCaseEvents(database.db, final.id)).find(
      (e) => e.action === 'objection_upheld_refusal',
    );
    expect(upheldEvent).toMatchObject({ reason: '拒绝理由成立', legalBasis: '《反不正当竞争法》第九条' });

    const late = await rejectedCase();
    expect((await refusal(file(late, randomUUID(), { ...staff(), agency: other }))).type).toBe('FORBIDDEN');
    await sleepUntil((await late.query(viewQuery)).objectionDue!.dueAt, 60_000);
    expect((await finished(late)).state).toBe('rejected');
  });

  it('keeps the audit chain intact across every case written so far', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });

  it('computes deadlines that reach an unpublished year as provisional and recomputes them when the year is published', async () => {
    // Jump to late December before the first year without a published calendar.
    const firstMissing =
      Object.keys(mergeCalendars(BUILTIN_CALENDAR, await calendar()))
        .map(Number)
        .reduce((a, b) => Math.max(a, b)) + 1;
    const target = Date.parse(`${firstMissing - 1}-12-24T02:00:00Z`);
    const gap = target - (await nowMs());
    if (gap > 0) await env.sleep(gap);
    const { view, handle } = await submit(inputFor(conditional));
    expect(view.reviewDue?.provisional).toBe(true);
    expect((await getShareApplication(database.db, view.id))?.application.deadlineProvisional).toBe(true);
    // A second application, decided at once: its review deadline no longer runs, so it is not provisional.
    const decided = await submit(inputFor(conditional));
    await decided.handle.executeUpdate(decideUpdate, { args: [{ actor: reviewer(), decision: 'approve' }] });
    expect((await getShareApplication(database.db, decided.view.id))?.application.deadlineProvisional).toBe(false);

    // Publish the year with the provisional due date as a holiday: the deadline moves a working day on.
    const provisionalDue = view.reviewDue!.dueDate;
    const known = await calendar();
    for (const year of new Set([view.reviewDue!.from.slice(0, 4), provisionalDue.slice(0, 4)])) {
      if (known[year]) continue;
      await putCalendarYear(database.db, {
        year: Number(year),
        holidays: year === provisionalDue.slice(0, 4) ? [provisionalDue] : [],
        workdays: [],
        uploadedBy: 'test',
      });
    }
    await handle.signal(calendarUpdatedSignal, await calendar());
    await decided.handle.signal(calendarUpdatedSignal, await calendar());
    const after = await eventually(
      () => handle.query(viewQuery),
      (v) => v.reviewDue?.provisional === false,
    );
    expect(after.reviewDue?.provisional).toBe(false);
    expect(after.reviewDue?.dueDate).toBe(addWorkingDays(view.reviewDue!.from, 10, await calendar()).due);
    expect(after.reviewDue!.dueDate > provisionalDue).toBe(true);
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: staff() }] });
    const row = await getShareApplication(database.db, view.id);
    expect(row?.application.deadlineProvisional).toBe(false);
    expect((await listCaseEvents(database.db, view.id)).map((e) => e.action)).toContain('deadlines_recomputed');

    // The decided application heard the same calendar and recomputed nothing: its review is over.
    const decidedNow = await decided.handle.query(viewQuery);
    expect(decidedNow.version).toBe(2);
    expect(decidedNow.reviewDue).toEqual(decided.view.reviewDue);
    expect((await listCaseEvents(database.db, decided.view.id)).map((e) => e.action)).toEqual(['submit', 'approve']);
  });
});
