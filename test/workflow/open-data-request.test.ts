// Every path of docs/processes.md P3 on the time-skipping server: formal check, return and resubmission,
// provider review, the agreement and its lapse, supervised use with reports, suspension, revocation
// onto the deny-list, and expiry.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCalendar } from '../../activities/calendar.js';
import type { Database } from '../../db/client.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { createResource, type ResourceRow } from '../../db/queries/catalog.js';
import { getOpenDataRequest, isDenyListed } from '../../db/queries/open-data-request.js';
import { notifications } from '../../db/schema/notification.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import { addMonths, addWorkingDays, localDate } from '../../workflows/common/working-days.js';
import {
  formalCheckUpdate,
  openDataRequestWorkflowId,
  openDecideUpdate,
  openRegisteredUpdate,
  openRevokeUpdate,
  openViewQuery,
  reportUsageUpdate,
  resubmitUpdate,
  signUpdate,
} from '../../workflows/open-data-request/messages.js';
import type { OpenDataRequestInput, OpenDataView } from '../../workflows/open-data-request/types.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, uniq } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker, sleepUntil } from '../helpers/temporal.js';
import { eventually, refusal } from '../helpers/assertions.js';

const DAY = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let provider: string;
let dataset: ResourceRow;

const citizen: Actor = { id: 'citizen-1', name: '王五', role: 'public', agency: null };
const stranger: Actor = { id: 'citizen-2', name: '赵六', role: 'public', agency: null };
const reviewer = (): Actor => ({ id: 'u-reviewer', name: '审核人', role: 'agency_reviewer', agency: provider });
const coordinator: Actor = { id: 'u-coord', name: '协调人', role: 'bureau_coordinator', agency: null };

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  provider = await agency(database.db);
  dataset = (await createResource(database.db, {
    code: uniq('OD'),
    name: '企业信用数据',
    providerAgency: provider,
    fields: [{ name: 'name' }, { name: 'credit_code' }, { name: 'penalties' }],
    shareType: 'conditional',
    openType: 'conditional',
    legalBasis: '《山东省公共数据开放办法》',
    updateCycle: 'monthly',
    createdBy: 'fixture',
  }))!;
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const inbox = (caseId: string, kind: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, kind)));
const state = (h: WorkflowHandle, s: string) =>
  eventually(
    () => h.query(openViewQuery) as Promise<OpenDataView>,
    (v) => v.state === s,
  );

async function request(
  key = 'key-citizen-1',
  periodMonths = 12,
  user: Actor = citizen,
): Promise<{ handle: WorkflowHandle; view: OpenDataView }> {
  const input: OpenDataRequestInput = {
    id: randomUUID(),
    resource: {
      id: dataset.id,
      code: dataset.code,
      name: dataset.name,
      providerAgency: provider,
      fields: ['name', 'credit_code', 'penalties'],
    },
    requester: {
      kind: 'person',
      name: '王五',
      identifierMasked: '1101**********002X',
      key,
      contact: '13800000000',
      userId: user.id,
    },
    request: {
      fields: ['name', 'penalties'],
      purpose: '信用研究',
      scenario: '学术论文',
      periodMonths,
      securityMeasures: '离线环境处理',
    },
    submittedBy: user,
    policy: defaultPolicy.open,
  };
  const start = new WithStartWorkflowOperation('openDataRequestWorkflow', {
    workflowId: openDataRequestWorkflowId(input.id),
    taskQueue: worker.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  const view = await env.client.workflow.executeUpdateWithStart(openRegisteredUpdate, {
    startWorkflowOperation: start,
  });
  return { handle: await start.workflowHandle(), view: view as OpenDataView };
}

async function activeRequest(key?: string, periodMonths?: number, user: Actor = citizen) {
  const { handle } = await request(key, periodMonths, user);
  await handle.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
  const approved = (await handle.executeUpdate(openDecideUpdate, {
    args: [{ actor: reviewer(), decision: 'approve', conditions: '不得再识别个人', agreementVersion: 1 }],
  })) as OpenDataView;
  const active = (await handle.executeUpdate(signUpdate, {
    args: [{ actor: user, agreementVersion: approved.agreementVersion! }],
  })) as OpenDataView;
  return { handle, active };
}

describe('open-data request (有条件开放申请) workflow', () => {
  it('never sets a usage report due after access ends: a request shorter than the report interval reports at its end, and so does a report filed on day one', async () => {
    // A requester of its own: the revocation that ends the case puts them on the dataset's deny-list.
    const shortTerm: Actor = { id: 'citizen-short', name: '短期', role: 'public', agency: null };
    const { handle, active } = await activeRequest('key-short', 2, shortTerm);
    expect(defaultPolicy.open.reportEveryMonths).toBeGreaterThan(2);
    expect(active.nextReportDueDate).toBe(active.expiresDate);
    const reported = (await handle.executeUpdate(reportUsageUpdate, {
      args: [{ actor: shortTerm, period: '首月', summary: '已开始使用' }],
    })) as OpenDataView;
    expect(reported.nextReportDueDate).toBe(active.expiresDate);
    await handle.executeUpdate(openRevokeUpdate, { args: [{ actor: reviewer(), reason: 'test cleanup' }] });
  });

  it('returns an incomplete request with reasons, takes the resubmission, and walks it to active access on the signed agreement', async () => {
    const today = localDate(await env.currentTimeMs());
    const { handle, view } = await request();
    expect(view.state).toBe('formal_check');
    expect(view.formalCheckDue?.dueDate).toBe(
      addWorkingDays(today, defaultPolicy.open.formalCheckWd, await currentCalendar(database.db)).due,
    );
    expect(
      await refusal(handle.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: false }] })),
    ).toBe('VALIDATION_FAILED');
    expect(
      await refusal(handle.executeUpdate(formalCheckUpdate, { args: [{ actor: reviewer(), passed: true }] })),
    ).toBe('FORBIDDEN');
    const returned = (await handle.executeUpdate(formalCheckUpdate, {
      args: [{ actor: coordinator, passed: false, reasons: ['安全措施不具体'] }],
    })) as OpenDataView;
    expect(returned).toMatchObject({ state: 'returned', returnedReasons: ['安全措施不具体'] });
    expect(await refusal(handle.executeUpdate(resubmitUpdate, { args: [{ actor: stranger, changes: {} }] }))).toBe(
      'FORBIDDEN',
    );
    const again = (await handle.executeUpdate(resubmitUpdate, {
      args: [{ actor: citizen, changes: { securityMeasures: '专用隔离环境、访问日志' } }],
    })) as OpenDataView;
    expect(again).toMatchObject({
      state: 'formal_check',
      resubmissions: 1,
      request: { securityMeasures: '专用隔离环境、访问日志' },
    });
    await handle.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
    expect(
      await refusal(handle.executeUpdate(openDecideUpdate, { args: [{ actor: reviewer(), decision: 'reject' }] })),
    ).toBe('VALIDATION_FAILED');
    const approved = (await handle.executeUpdate(openDecideUpdate, {
      args: [{ actor: reviewer(), decision: 'approve', conditions: '脱敏', agreementVersion: 1 }],
    })) as OpenDataView;
    expect(approved).toMatchObject({ state: 'awaiting_agreement', agreementVersion: 1 });
    expect(await refusal(handle.executeUpdate(signUpdate, { args: [{ actor: citizen, agreementVersion: 99 }] }))).toBe(
      'VALIDATION_FAILED',
    );
    const active = (await handle.executeUpdate(signUpdate, {
      args: [{ actor: citizen, agreementVersion: 1 }],
    })) as OpenDataView;
    const started = localDate(Date.parse(active.activatedAt!));
    expect(active).toMatchObject({ state: 'active', signature: { version: 1, by: { id: citizen.id } } });
    expect(active.expiresDate).toBe(addMonths(started, 12));
    expect(active.nextReportDueDate).toBe(addMonths(started, defaultPolicy.open.reportEveryMonths));
    const row = await getOpenDataRequest(database.db, view.id);
    expect(row).toMatchObject({ state: 'active', requesterMasked: '1101**********002X', agreementVersion: 1 });
    const events = await listCaseEvents(database.db, view.id);
    expect(events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['submit', null, 'formal_check'],
      ['return', 'formal_check', 'returned'],
      ['resubmit', 'returned', 'formal_check'],
      ['formal_check_passed', 'formal_check', 'provider_review'],
      ['approve', 'provider_review', 'awaiting_agreement'],
      ['sign', 'awaiting_agreement', 'active'],
    ]);
    // Left active: a revocation would deny-list this account for the tests that follow.
  });

  it('lapses an approval the requester does not sign in time', async () => {
    const { handle } = await request('key-lapse');
    await handle.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
    const approved = (await handle.executeUpdate(openDecideUpdate, {
      args: [{ actor: reviewer(), decision: 'approve', agreementVersion: 1 }],
    })) as OpenDataView;
    await sleepUntil(env, approved.agreementDue!.dueAt, 60_000);
    expect((await state(handle, 'lapsed')).state).toBe('lapsed');
    expect(await inbox(approved.id, 'lapsed')).toHaveLength(1);
  });

  it('marks a late provider review overdue and tells provider and bureau, without deciding', async () => {
    const { handle } = await request('key-overdue');
    const checked = (await handle.executeUpdate(formalCheckUpdate, {
      args: [{ actor: coordinator, passed: true }],
    })) as OpenDataView;
    await sleepUntil(env, checked.reviewDue!.dueAt, 60_000);
    const late = await eventually(
      () => handle.query(openViewQuery) as Promise<OpenDataView>,
      (v) => v.overdue,
    );
    expect(late).toMatchObject({ state: 'provider_review', overdue: true });
    expect((await inbox(checked.id, 'overdue')).map((n) => n.audience).sort()).toEqual(['agency', 'bureau']);
    const rejected = (await handle.executeUpdate(openDecideUpdate, {
      args: [{ actor: reviewer(), decision: 'reject', reason: '涉及商业秘密', legalBasis: '《数据安全法》第三十八条' }],
    })) as OpenDataView;
    // The refusal keeps its legal basis, on the case and in the audit.
    expect(rejected.decision).toMatchObject({
      decision: 'reject',
      reason: '涉及商业秘密',
      legalBasis: '《数据安全法》第三十八条',
    });
    expect((await listCaseEvents(database.db, rejected.id)).at(-1)).toMatchObject({
      action: 'reject',
      legalBasis: '《数据安全法》第三十八条',
    });
  });

  it('reminds before a usage report is due, warns when it is missed, suspends after the grace period, and resumes on the report', async () => {
    const { handle, active } = await activeRequest('key-reports');
    const reminderAt = new Date(
      Date.parse(active.nextReportDueAt!) - defaultPolicy.open.reportReminderDays * DAY,
    ).toISOString();
    await sleepUntil(env, reminderAt, 60_000);
    expect(
      await eventually(
        () => inbox(active.id, 'report_reminder'),
        (n) => n.length === 1,
      ),
    ).toHaveLength(1);
    await sleepUntil(env, active.nextReportDueAt!, 60_000);
    const warned = await eventually(
      () => handle.query(openViewQuery) as Promise<OpenDataView>,
      (v) => v.warnings === 1,
    );
    expect(warned).toMatchObject({ state: 'active', warnings: 1 });
    expect(warned.graceDue?.dueDate).toBe(
      addWorkingDays(active.nextReportDueDate!, defaultPolicy.open.reportGraceWd, await currentCalendar(database.db))
        .due,
    );
    await sleepUntil(env, warned.graceDue!.dueAt, 60_000);
    expect((await state(handle, 'suspended')).state).toBe('suspended');
    const resumed = (await handle.executeUpdate(reportUsageUpdate, {
      args: [{ actor: citizen, period: '第一期', summary: '完成信用分析', outcomes: '论文一篇' }],
    })) as OpenDataView;
    expect(resumed).toMatchObject({ state: 'active', graceDue: null, reports: [{ seq: 1, period: '第一期' }] });
    expect(resumed.nextReportDueDate).toBe(addMonths(active.nextReportDueDate!, defaultPolicy.open.reportEveryMonths));
    // Reporting again at once answers no new period: the next due date stays.
    const again = (await handle.executeUpdate(reportUsageUpdate, {
      args: [{ actor: citizen, period: '补充', summary: '补充说明' }],
    })) as OpenDataView;
    expect(again.nextReportDueDate).toBe(resumed.nextReportDueDate);
  });

  it('revokes access for a violation and puts the requester on the dataset deny-list, by identifier and by account', async () => {
    const violator: Actor = { id: 'citizen-violator', name: '违规者', role: 'public', agency: null };
    const { handle, active } = await activeRequest('key-violator', 12, violator);
    expect(await refusal(handle.executeUpdate(openRevokeUpdate, { args: [{ actor: citizen, reason: 'x' }] }))).toBe(
      'FORBIDDEN',
    );
    const revoked = (await handle.executeUpdate(openRevokeUpdate, {
      args: [{ actor: reviewer(), reason: '向第三方提供数据' }],
    })) as OpenDataView;
    expect(revoked).toMatchObject({ state: 'revoked', revocation: { reason: '向第三方提供数据' } });
    expect(await isDenyListed(database.db, dataset.id, ['key-violator'])).toBe(true);
    expect(await isDenyListed(database.db, dataset.id, [`user:${violator.id}`])).toBe(true);
    const next = await request('key-violator', 12, stranger);
    expect(next.view.state).toBe('rejected');
    expect((await listCaseEvents(database.db, next.view.id)).at(-1)).toMatchObject({
      action: 'reject_deny_listed',
      actorId: 'system',
    });
    // A new identifier does not help the same account.
    expect((await request('key-freshly-invented', 12, violator)).view.state).toBe('rejected');
    expect((await request('key-someone-else', 12, stranger)).view.state).toBe('formal_check');
    expect(active.state).toBe('active');
  });

  it('expires access at the end of the period', async () => {
    const { handle, active } = await activeRequest('key-expiry', 1, {
      id: 'citizen-expiry',
      name: '孙七',
      role: 'public',
      agency: null,
    });
    await sleepUntil(env, active.expiresAt!, 60_000);
    expect((await state(handle, 'expired')).state).toBe('expired');
    expect(await inbox(active.id, 'expired')).toHaveLength(1);
  });
});
