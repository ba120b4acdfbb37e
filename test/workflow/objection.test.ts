// Every path of docs/processes.md P2 on the time-skipping server: negotiation, coordination, escalation,
// each deadline passing on its own, and the outcome flowing back to the share application.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCalendar } from '../../activities/calendar.js';
import type { Database } from '../../db/client.js';
import { listCaseEvents } from '../../db/queries/audit.js';
import { getObjection } from '../../db/queries/objection.js';
import type { ResourceRow } from '../../db/queries/catalog.js';
import { notifications } from '../../db/schema/notification.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Actor } from '../../workflows/common/actors.js';
import { addWorkingDays, localDate } from '../../workflows/common/working-days.js';
import {
  addMinutesUpdate,
  addStatementUpdate,
  assignUpdate,
  escalateUpdate,
  governmentDecisionUpdate,
  objectionViewQuery,
  objectionWorkflowId,
  registeredUpdate,
  ruleUpdate,
  settleUpdate,
} from '../../workflows/objection/messages.js';
import type { ObjectionView } from '../../workflows/objection/types.js';
import type { objectionWorkflow } from '../../workflows/objection/workflow.js';
import {
  decideUpdate,
  fileObjectionUpdate,
  shareApplicationWorkflowId,
  submittedUpdate,
  viewQuery,
} from '../../workflows/share-application/messages.js';
import type { ShareApplicationInput, ShareApplicationView } from '../../workflows/share-application/types.js';
import { freshDatabase } from '../helpers/db.js';
import { agency, resource } from '../helpers/fixtures.js';
import { startWorker, timeSkippingEnvironment, type RunningWorker, sleepUntil } from '../helpers/temporal.js';
import { eventually, refusal } from '../helpers/assertions.js';

let env: TestWorkflowEnvironment;
let database: Database;
let worker: RunningWorker;
let applicant: string, provider: string;
let conditional: ResourceRow;

const staff = (): Actor => ({ id: 'u-staff', name: '申请人', role: 'agency_staff', agency: applicant });
const reviewer = (): Actor => ({ id: 'u-reviewer', name: '审核人', role: 'agency_reviewer', agency: provider });
const coordinator: Actor = { id: 'u-coord', name: '协调人', role: 'bureau_coordinator', agency: null };
const otherCoordinator: Actor = { id: 'u-coord-2', name: '另一协调人', role: 'bureau_coordinator', agency: null };
const admin: Actor = { id: 'u-admin', name: '管理员', role: 'bureau_admin', agency: null };

beforeAll(async () => {
  [env, database] = await Promise.all([timeSkippingEnvironment(), freshDatabase()]);
  worker = await startWorker(env, database.db);
  [applicant, provider] = await Promise.all([agency(database.db), agency(database.db)]);
  conditional = await resource(database.db, provider, 'conditional');
});
afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  await database?.close();
});

const calendar = () => currentCalendar(database.db);
const inbox = (caseId: string, kind: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, kind)));

/** A rejected share application with an objection filed against it. */
async function objectionCase(): Promise<{
  application: WorkflowHandle;
  objection: WorkflowHandle<typeof objectionWorkflow>;
  view: ObjectionView;
}> {
  const input: ShareApplicationInput = {
    id: randomUUID(),
    applicantAgency: applicant,
    submittedBy: staff(),
    resource: {
      id: conditional.id,
      code: conditional.code,
      name: conditional.name,
      providerAgency: provider,
      shareType: 'conditional',
      legalBasis: conditional.legalBasis,
      fields: ['name', 'licence_no'],
    },
    request: {
      fields: ['name'],
      purpose: '核验',
      dutyBasis: '法定职责',
      usageScope: '本部门',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: null,
    },
    policy: defaultPolicy.share,
  };
  const start = new WithStartWorkflowOperation('shareApplicationWorkflow', {
    workflowId: shareApplicationWorkflowId(input.id),
    taskQueue: worker.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  await env.client.workflow.executeUpdateWithStart(submittedUpdate, { startWorkflowOperation: start });
  const application = await start.workflowHandle();
  await application.executeUpdate(decideUpdate, {
    args: [{ actor: reviewer(), decision: 'reject', reason: '涉及个人信息', legalBasis: '《个人信息保护法》' }],
  });
  const objectionId = randomUUID();
  await application.executeUpdate(fileObjectionUpdate, {
    args: [
      {
        actor: staff(),
        objectionId,
        statement: '为履行法定职责所必需',
        dutyBasis: '《行政许可法》',
        policy: defaultPolicy.objection,
      },
    ],
  });
  const objection = env.client.workflow.getHandle<typeof objectionWorkflow>(objectionWorkflowId(objectionId));
  return { application, objection, view: await objection.executeUpdate(registeredUpdate) };
}

const applicationState = (h: WorkflowHandle) =>
  eventually(
    () => h.query(viewQuery) as Promise<ShareApplicationView>,
    (v) => v.state !== 'in_objection',
  );

describe('objection (不予共享异议协商) workflow', () => {
  it('opens in negotiation with its deadline, tells the provider and the bureau, and settles when the provider agrees', async () => {
    const today = localDate(await env.currentTimeMs());
    const { application, objection, view } = await objectionCase();
    expect(view).toMatchObject({
      state: 'negotiating',
      statement: '为履行法定职责所必需',
      dutyBasis: '《行政许可法》',
      refusal: { reason: '涉及个人信息', legalBasis: '《个人信息保护法》' },
    });
    expect(view.negotiationDue?.dueDate).toBe(
      addWorkingDays(today, defaultPolicy.objection.negotiateWd, await calendar()).due,
    );
    expect((await inbox(view.id, 'objection_filed')).map((n) => n.audience).sort()).toEqual(['agency', 'bureau']);

    expect(await refusal(objection.executeUpdate(settleUpdate, { args: [{ actor: staff(), outcome: 'share' }] }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await refusal(
        objection.executeUpdate(settleUpdate, { args: [{ actor: reviewer(), outcome: 'conditional_share' }] }),
      ),
    ).toBe('VALIDATION_FAILED');
    const settled = await objection.executeUpdate(settleUpdate, { args: [{ actor: reviewer(), outcome: 'share' }] });
    expect(settled).toMatchObject({ state: 'resolved', ruling: { outcome: 'share', stage: 'negotiation' } });
    expect(await applicationState(application)).toMatchObject({ state: 'granted', grant: { state: 'active' } });
    expect(
      (
        await eventually(
          () => objection.describe(),
          (d) => d.status.name !== 'RUNNING',
        )
      ).status.name,
    ).toBe('COMPLETED');
    expect((await objection.query(objectionViewQuery)).state).toBe('resolved');
    expect((await getObjection(database.db, view.id))?.outcome).toBe('share');
  });

  it('moves to coordination by itself when negotiation lapses, starting the provider statement and coordination clocks', async () => {
    const { objection, view } = await objectionCase();
    await sleepUntil(env, view.negotiationDue!.dueAt, -60_000);
    expect((await objection.query(objectionViewQuery)).state).toBe('negotiating');
    await sleepUntil(env, view.negotiationDue!.dueAt, 60_000);
    const coordinating = await eventually(
      () => objection.query(objectionViewQuery),
      (v) => v.state === 'coordinating',
    );
    const from = localDate(Date.parse(coordinating.coordinationStartedAt!));
    expect(coordinating.statementDue?.dueDate).toBe(
      addWorkingDays(from, defaultPolicy.objection.providerStatementWd, await calendar()).due,
    );
    expect(coordinating.coordinationDue?.dueDate).toBe(
      addWorkingDays(from, defaultPolicy.objection.coordinateWd, await calendar()).due,
    );
    expect(coordinating.coordinator).toBeNull();
    expect(await inbox(view.id, 'objection_needs_coordinator')).toHaveLength(1);
    // Nobody is assigned yet, so nobody may rule.
    expect(
      await refusal(
        objection.executeUpdate(ruleUpdate, { args: [{ actor: coordinator, outcome: 'share', reasoning: 'x' }] }),
      ),
    ).toBe('FORBIDDEN');
    await objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    await objection.executeUpdate(ruleUpdate, {
      args: [{ actor: coordinator, outcome: 'share', reasoning: '申请符合履职需要' }],
    });
  });

  it('flags the provider overdue when it gives the coordinator no statement in time, and not when it does', async () => {
    const late = await objectionCase();
    const taken = await late.objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    expect(taken.state).toBe('coordinating');
    await sleepUntil(env, taken.statementDue!.dueAt, 60_000);
    const flagged = await eventually(
      () => late.objection.query(objectionViewQuery),
      (v) => v.overdue,
    );
    expect(flagged).toMatchObject({ state: 'coordinating', overdue: true });
    expect((await inbox(flagged.id, 'overdue')).map((n) => n.audience).sort()).toEqual(['agency', 'bureau']);
    await late.objection.executeUpdate(ruleUpdate, {
      args: [{ actor: coordinator, outcome: 'uphold_refusal', reasoning: '拒绝依据充分' }],
    });
    expect(await applicationState(late.application)).toMatchObject({ state: 'rejected', decision: { final: true } });

    const onTime = await objectionCase();
    const taken2 = await onTime.objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    await onTime.objection.executeUpdate(addStatementUpdate, {
      args: [{ actor: reviewer(), text: '该数据含敏感个人信息，需脱敏' }],
    });
    await sleepUntil(env, taken2.statementDue!.dueAt, 60_000);
    expect((await onTime.objection.query(objectionViewQuery)).overdue).toBe(false);
    await onTime.objection.executeUpdate(ruleUpdate, {
      args: [
        { actor: coordinator, outcome: 'conditional_share', reasoning: '脱敏后可共享', conditions: '身份证号脱敏' },
      ],
    });
    expect(await applicationState(onTime.application)).toMatchObject({
      state: 'granted',
      grant: { conditions: '身份证号脱敏' },
    });
  });

  it('keeps statements and minutes as an append-only record, written only by those entitled', async () => {
    const { objection, view } = await objectionCase();
    await objection.executeUpdate(addStatementUpdate, { args: [{ actor: staff(), text: '第一份陈述' }] });
    expect(
      await refusal(
        objection.executeUpdate(addStatementUpdate, {
          args: [{ actor: { ...staff(), agency: 'ELSEWHERE' }, text: 'x' }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(
        objection.executeUpdate(addMinutesUpdate, {
          args: [{ actor: coordinator, text: 'x', heldAt: new Date(await env.currentTimeMs()).toISOString() }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(
        objection.executeUpdate(assignUpdate, {
          args: [{ actor: coordinator, coordinator: { ...coordinator, agency: provider } }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await refusal(objection.executeUpdate(assignUpdate, { args: [{ actor: reviewer(), coordinator }] }))).toBe(
      'FORBIDDEN',
    );
    await objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator: otherCoordinator }] });
    const heldAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
    expect(
      await refusal(
        objection.executeUpdate(addMinutesUpdate, { args: [{ actor: coordinator, text: 'not assigned', heldAt }] }),
      ),
    ).toBe('FORBIDDEN');
    await objection.executeUpdate(addMinutesUpdate, {
      args: [{ actor: otherCoordinator, text: '双方到会，提供单位同意脱敏后共享', heldAt }],
    });
    await objection.executeUpdate(addStatementUpdate, { args: [{ actor: reviewer(), text: '同意脱敏后共享' }] });
    const after = await objection.executeUpdate(ruleUpdate, {
      args: [{ actor: otherCoordinator, outcome: 'conditional_share', reasoning: '会商一致', conditions: '脱敏' }],
    });
    expect(after.statements.map((s) => [s.seq, s.party, s.text])).toEqual([
      [1, 'applicant', '第一份陈述'],
      [2, 'provider', '同意脱敏后共享'],
    ]);
    expect(after.minutes).toHaveLength(1);
    expect(
      await refusal(objection.executeUpdate(addStatementUpdate, { args: [{ actor: staff(), text: 'after the end' }] })),
    ).toBe('INVALID_STATE');
    const actions = (await listCaseEvents(database.db, view.id)).map((e) => e.action);
    expect(actions).toEqual(['file', 'statement', 'take_over', 'minutes', 'statement', 'rule']);
  });

  it('escalates by itself when coordination misses its deadline, and the bureau admin records the government decision', async () => {
    const { application, objection } = await objectionCase();
    const taken = await objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    await sleepUntil(env, taken.coordinationDue!.dueAt, 60_000);
    const escalated = await eventually(
      () => objection.query(objectionViewQuery),
      (v) => v.state === 'escalated',
    );
    expect(escalated).toMatchObject({ overdue: true, escalation: { automatic: true } });
    expect(
      await refusal(
        objection.executeUpdate(governmentDecisionUpdate, {
          args: [{ actor: coordinator, outcome: 'share', reasoning: 'x' }],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusal(
        objection.executeUpdate(ruleUpdate, { args: [{ actor: coordinator, outcome: 'share', reasoning: 'x' }] }),
      ),
    ).toBe('INVALID_STATE');
    const decided = await objection.executeUpdate(governmentDecisionUpdate, {
      args: [
        { actor: admin, outcome: 'share', reasoning: '市政府统筹协调决定共享', documentRef: '滨政办字〔2026〕1号' },
      ],
    });
    expect(decided).toMatchObject({
      state: 'resolved',
      ruling: { stage: 'government', documentRef: '滨政办字〔2026〕1号' },
    });
    expect(await applicationState(application)).toMatchObject({ state: 'granted' });
  });

  it("escalates on the bureau's request only from coordination", async () => {
    const { application, objection } = await objectionCase();
    expect(
      await refusal(objection.executeUpdate(escalateUpdate, { args: [{ actor: coordinator, reason: '分歧较大' }] })),
    ).toBe('INVALID_STATE');
    await objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    expect(await refusal(objection.executeUpdate(escalateUpdate, { args: [{ actor: reviewer(), reason: 'x' }] }))).toBe(
      'FORBIDDEN',
    );
    const escalated = await objection.executeUpdate(escalateUpdate, {
      args: [{ actor: coordinator, reason: '协调未果' }],
    });
    expect(escalated).toMatchObject({ state: 'escalated', escalation: { automatic: false, reason: '协调未果' } });
    await objection.executeUpdate(governmentDecisionUpdate, {
      args: [{ actor: admin, outcome: 'uphold_refusal', reasoning: '维持' }],
    });
    expect(await applicationState(application)).toMatchObject({ state: 'rejected', decision: { final: true } });
  });
});

describe('objection process failures', () => {
  it('refuses an outcome the process does not know, through the workflow itself', async () => {
    const { objection } = await objectionCase();
    expect(
      await refusal(
        objection.executeUpdate(settleUpdate, { args: [{ actor: reviewer(), outcome: 'uphold_refusal' as 'share' }] }),
      ),
    ).toBe('VALIDATION_FAILED');
    await objection.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
    expect(
      await refusal(
        objection.executeUpdate(ruleUpdate, {
          args: [{ actor: coordinator, outcome: 'grant_everything' as 'share', reasoning: 'x' }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    await objection.executeUpdate(ruleUpdate, {
      args: [{ actor: coordinator, outcome: 'share', reasoning: '应当共享' }],
    });
  });

  it('completes with the outcome recorded when its application is gone', async () => {
    const { application, objection, view } = await objectionCase();
    await application.terminate('operator error');
    await objection.executeUpdate(settleUpdate, { args: [{ actor: reviewer(), outcome: 'share' }] });
    const closed = await eventually(
      () => objection.describe(),
      (d) => d.status.name !== 'RUNNING',
    );
    expect(closed.status.name).toBe('COMPLETED');
    expect((await listCaseEvents(database.db, view.id)).at(-1)?.action).toBe('outcome_undelivered');
    expect(await inbox(view.id, 'objection_outcome_undelivered')).toHaveLength(1);
  });
});
