// Records one workflow history per path of each process into test/histories/, for the replay test.
// Run after a deliberate workflow change that is versioned with patched(): `npm run histories:record`
// (every process) or `npm run histories:record -- assessment` (one group only).
// Old files are kept: a history recorded by an older version must keep replaying. Give the new ones
// a name of their own with HISTORIES_SUFFIX (e.g. `HISTORIES_SUFFIX=local-steps`), or they replace
// the old ones of the same path.
import { randomUUID } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { openDatabase } from '../db/client.js';
import { createAgency } from '../db/queries/agency.js';
import { createResource } from '../db/queries/catalog.js';
import { createLogger } from '../lib/logger.js';
import { ensureTemporalBinaries, projectRoot } from '../lib/temporal-cli.js';
import { createWorker } from '../lib/worker.js';
import { defaultPolicy } from '../policy/index.js';
import type { Actor } from '../workflows/common/actors.js';
import {
  addMinutesUpdate,
  addStatementUpdate,
  assignUpdate,
  escalateUpdate,
  governmentDecisionUpdate,
  objectionWorkflowId,
  registeredUpdate,
  ruleUpdate,
  settleUpdate,
} from '../workflows/objection/messages.js';
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
} from '../workflows/share-application/messages.js';
import type { ShareApplicationInput, ShareType } from '../workflows/share-application/types.js';
import type { shareApplicationWorkflow } from '../workflows/share-application/workflow.js';
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
} from '../workflows/open-data-request/messages.js';
import type { OpenDataRequestInput, OpenDataView } from '../workflows/open-data-request/types.js';
import {
  correctionRegisteredUpdate,
  correctionWorkflowId,
  extendVerificationUpdate,
  forwardCorrectionUpdate,
  returnCorrectionUpdate,
  verifyUpdate,
} from '../workflows/correction/messages.js';
import type { CorrectionInput } from '../workflows/correction/types.js';
import { listCycleAgencies } from '../db/queries/assessment.js';
import {
  agencyAssessmentWorkflowId,
  agencyViewQuery,
  answerAppealUpdate,
  appealUpdate,
  assessmentCycleWorkflowId,
  assignAssessorUpdate,
  cycleOpenedUpdate,
  cycleViewQuery,
  publishUpdate,
  rectifyUpdate,
  reviewAgencyUpdate,
  selfAssessUpdate,
  verifyRectificationUpdate,
} from '../workflows/assessment/messages.js';
import type { AgencyAssessmentView, CycleView } from '../workflows/assessment/types.js';
import { localDate } from '../workflows/common/working-days.js';
import { calendarFrom, currentCalendar } from '../activities/calendar.js';
import { precheck } from '../workflows/share-application/rules.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const root = projectRoot();
const out = join(root, 'test', 'histories');
mkdirSync(out, { recursive: true });
const binaries = await ensureTemporalBinaries({ projectRoot: root });
const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: binaries.testServer! } },
});
const database = await openDatabase({});
await database.migrate();
const db = database.db;
const taskQueue = `record-${randomUUID()}`;
const worker = await createWorker({
  connection: env.nativeConnection,
  namespace: 'default',
  taskQueue,
  deps: { db, logger: createLogger({ level: 'silent' }), temporal: env.client },
});
const running = worker.run();

await createAgency(db, { code: 'APPLICANT', name: 'Applicant', level: 'municipal' });
await createAgency(db, { code: 'PROVIDER', name: 'Provider', level: 'municipal' });
const resources = Object.fromEntries(
  await Promise.all(
    (['unconditional', 'conditional', 'not_shared'] as ShareType[]).map(async (shareType) => {
      const r = (await createResource(db, {
        code: `R-${shareType}`,
        name: shareType,
        providerAgency: 'PROVIDER',
        fields: [{ name: 'a' }, { name: 'b' }],
        shareType,
        openType: 'not_open',
        legalBasis: shareType === 'unconditional' ? null : '《数据安全法》',
        updateCycle: 'monthly',
        createdBy: 'recorder',
      }))!;
      return [shareType, r] as const;
    }),
  ),
);

const staff: Actor = { id: 'staff', name: 'Staff', role: 'agency_staff', agency: 'APPLICANT' };
const reviewer: Actor = { id: 'reviewer', name: 'Reviewer', role: 'agency_reviewer', agency: 'PROVIDER' };
const coordinator: Actor = { id: 'coord', name: 'Coordinator', role: 'bureau_coordinator', agency: null };
const admin: Actor = { id: 'admin', name: 'Admin', role: 'bureau_admin', agency: null };

type Handle = WorkflowHandle<typeof shareApplicationWorkflow>;
async function objectOn(h: Handle) {
  const objectionId = randomUUID();
  await h.executeUpdate(fileObjectionUpdate, {
    args: [{ actor: staff, objectionId, statement: 's', dutyBasis: 'd', policy: defaultPolicy.objection }],
  });
  const o = env.client.workflow.getHandle(objectionWorkflowId(objectionId));
  await o.executeUpdate(registeredUpdate);
  return o;
}
/** Waits for the objection's outcome to reach the application; a recording of a stuck hand-off is refused. */
const settle = async (h: Handle) => {
  for (let i = 0; i < 200 && (await h.query(viewQuery)).state === 'in_objection'; i++)
    await new Promise((r) => setTimeout(r, 100));
  if ((await h.query(viewQuery)).state === 'in_objection')
    throw new Error(`${h.workflowId} never received its objection's outcome`);
};

async function submit(shareType: ShareType, periodMonths = 1): Promise<Handle> {
  const r = resources[shareType]!;
  const input: ShareApplicationInput = {
    id: randomUUID(),
    applicantAgency: 'APPLICANT',
    submittedBy: staff,
    resource: {
      id: r.id,
      code: r.code,
      name: r.name,
      providerAgency: r.providerAgency,
      shareType: r.shareType,
      legalBasis: r.legalBasis,
      fields: ['a', 'b'],
    },
    request: {
      fields: ['a', 'b'],
      purpose: 'p',
      dutyBasis: 'd',
      usageScope: 'u',
      periodMonths,
      deliveryMethod: 'api',
      securityMeasures: null,
    },
    policy: defaultPolicy.share,
    // As the API submits it: with the calendar in force and, for an unconditional request, the bureau's pre-check.
    calendar: calendarFrom(await currentCalendar(db), Number(localDate(Date.now()).slice(0, 4))),
    ...(shareType === 'unconditional'
      ? {
          precheck: precheck({
            applicantAgency: 'APPLICANT',
            applicantRegistered: true,
            fields: ['a', 'b'],
            resource: { shareType, fields: ['a', 'b'] },
          }),
        }
      : {}),
  };
  const start = new WithStartWorkflowOperation<typeof shareApplicationWorkflow>('shareApplicationWorkflow', {
    workflowId: shareApplicationWorkflowId(input.id),
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  await env.client.workflow.executeUpdateWithStart(submittedUpdate, { startWorkflowOperation: start });
  return start.workflowHandle();
}
const sleepPast = async (iso: string | undefined) => {
  const ms = Date.parse(iso!) + 60_000 - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
};
async function save(
  name: string,
  handle: {
    workflowId: string;
    describe(): Promise<{ status: { name: string } }>;
    fetchHistory(): ReturnType<Handle['fetchHistory']>;
  },
  kind = 'share-application',
) {
  for (let i = 0; i < 200 && (await handle.describe()).status.name === 'RUNNING'; i++)
    await new Promise((r) => setTimeout(r, 100));
  if ((await handle.describe()).status.name === 'RUNNING')
    throw new Error(`${handle.workflowId} did not complete; not recording it`);
  const history = await handle.fetchHistory();
  // The same JSON form as `temporal workflow show -o json`; the workflow id travels in the file name's sidecar field.
  const suffix = process.env.HISTORIES_SUFFIX ? `-${process.env.HISTORIES_SUFFIX}` : '';
  writeFileSync(
    join(out, `${kind}-${name}${suffix}.json`),
    `{"workflowId":${JSON.stringify(handle.workflowId)},"history":${historyToJSON(history)}}\n`,
  );
  console.log(`recorded ${name}: ${history.events?.length} events`);
}

// The test server and worker are stopped even when a recording fails.
const only = process.argv[2];
try {
  if (!only) {
    // unconditional: granted at once, renewal asked and approved, reminder, expiry.
    {
      const h = await submit('unconditional');
      await h.executeUpdate(renewUpdate, { args: [{ actor: staff, periodMonths: 1, reason: 'continue' }] });
      await h.executeUpdate(decideUpdate, { args: [{ actor: reviewer, decision: 'approve' }] });
      await sleepPast((await h.query(viewQuery)).grant?.expiresAt);
      await save('granted-renewed-expired', h);
    }
    // not_shared: refused at once; the objection window closes.
    {
      const h = await submit('not_shared');
      await sleepPast((await h.query(viewQuery)).objectionDue?.dueAt);
      await save('not-shared-window-closed', h);
    }
    // conditional: overdue, urged, extension refused (overdue), rejected, objection upheld.
    {
      const h = await submit('conditional');
      await sleepPast((await h.query(viewQuery)).reviewDue?.dueAt);
      await h.executeUpdate(urgeUpdate, { args: [{ actor: coordinator, reason: 'urge' }] });
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'reject', reason: 'r', legalBasis: 'l' }],
      });
      const o = await objectOn(h);
      await o.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
      await o.executeUpdate(addStatementUpdate, { args: [{ actor: reviewer, text: 'position' }] });
      await o.executeUpdate(addMinutesUpdate, {
        args: [{ actor: coordinator, text: 'minutes', heldAt: new Date(await env.currentTimeMs()).toISOString() }],
      });
      await o.executeUpdate(ruleUpdate, { args: [{ actor: coordinator, outcome: 'uphold_refusal', reasoning: 'r' }] });
      await settle(h);
      await save('coordinated-uphold', o, 'objection');
      await save('overdue-rejected-objection-upheld', h);
    }
    // conditional: supplement requested, supplied, extended, approved, revoked.
    {
      const h = await submit('conditional', 12);
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'request_supplement', missing: ['x'] }],
      });
      await h.executeUpdate(supplementUpdate, { args: [{ actor: staff, note: 'n', purpose: 'p2' }] });
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'extend', reason: 'r', extendWd: 3 }],
      });
      await h.executeUpdate(decideUpdate, { args: [{ actor: reviewer, decision: 'approve', conditions: 'c' }] });
      await h.executeUpdate(revokeUpdate, { args: [{ actor: admin, reason: 'r' }] });
      await save('supplemented-extended-approved-revoked', h);
    }
    // conditional: supplement never comes -> closed; and a plain withdrawal.
    {
      const h = await submit('conditional');
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'request_supplement', missing: ['x'] }],
      });
      await sleepPast((await h.query(viewQuery)).supplementDue?.dueAt);
      await save('supplement-missed-closed', h);
      const w = await submit('conditional');
      await w.executeUpdate(withdrawUpdate, { args: [{ actor: staff, reason: 'r' }] });
      await save('withdrawn', w);
    }
    // conditional: rejected, objection ordered sharing with conditions.
    {
      const h = await submit('conditional');
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'reject', reason: 'r', legalBasis: 'l' }],
      });
      const o = await objectOn(h);
      await o.executeUpdate(settleUpdate, {
        args: [{ actor: reviewer, outcome: 'conditional_share', conditions: 'c' }],
      });
      await settle(h);
      await save('settled', o, 'objection');
      await sleepPast((await h.query(viewQuery)).grant?.expiresAt);
      await save('objection-ordered-sharing-expired', h);
    }
    // objection: negotiation lapses, statement overdue, coordination lapses, government decides.
    {
      const h = await submit('conditional');
      await h.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'reject', reason: 'r', legalBasis: 'l' }],
      });
      const o = await objectOn(h);
      const view = (await o.query('view')) as { negotiationDue: { dueAt: string } };
      await sleepPast(view.negotiationDue.dueAt);
      for (let i = 0; i < 100 && ((await o.query('view')) as { state: string }).state !== 'coordinating'; i++)
        await new Promise((r) => setTimeout(r, 100));
      await o.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
      const coordinating = (await o.query('view')) as { coordinationDue: { dueAt: string } };
      await sleepPast(coordinating.coordinationDue.dueAt);
      for (let i = 0; i < 100 && ((await o.query('view')) as { state: string }).state !== 'escalated'; i++)
        await new Promise((r) => setTimeout(r, 100));
      await o.executeUpdate(governmentDecisionUpdate, {
        args: [{ actor: admin, outcome: 'share', reasoning: 'r', documentRef: 'doc' }],
      });
      await settle(h);
      await save('lapsed-escalated-government', o, 'objection');
      // and one escalated on request
      const h2 = await submit('conditional');
      await h2.executeUpdate(decideUpdate, {
        args: [{ actor: reviewer, decision: 'reject', reason: 'r', legalBasis: 'l' }],
      });
      const o2 = await objectOn(h2);
      await o2.executeUpdate(assignUpdate, { args: [{ actor: coordinator, coordinator }] });
      await o2.executeUpdate(escalateUpdate, { args: [{ actor: coordinator, reason: 'deadlock' }] });
      await o2.executeUpdate(governmentDecisionUpdate, {
        args: [{ actor: admin, outcome: 'uphold_refusal', reasoning: 'r' }],
      });
      await settle(h2);
      await save('escalated-on-request', o2, 'objection');
    }

    // open-data requests: returned and resubmitted, approved, signed, a report missed then made, revoked;
    // one that lapses; one that expires.
    {
      const citizen: Actor = { id: 'citizen', name: 'Citizen', role: 'public', agency: null };
      const dataset = (await createResource(db, {
        code: 'R-open',
        name: 'open',
        providerAgency: 'PROVIDER',
        fields: [{ name: 'a' }],
        shareType: 'conditional',
        openType: 'conditional',
        legalBasis: 'l',
        updateCycle: 'monthly',
        createdBy: 'recorder',
      }))!;
      const openRequest = async (periodMonths: number, who: Actor) => {
        const input: OpenDataRequestInput = {
          id: randomUUID(),
          resource: {
            id: dataset.id,
            code: dataset.code,
            name: dataset.name,
            providerAgency: 'PROVIDER',
            fields: ['a'],
          },
          requester: {
            kind: 'person',
            name: 'Citizen',
            identifierMasked: '1101**********002X',
            key: `key-${randomUUID()}`,
            contact: 'c',
            userId: who.id,
          },
          request: { fields: ['a'], purpose: 'p', scenario: 's', periodMonths, securityMeasures: 'm' },
          submittedBy: who,
          policy: defaultPolicy.open,
        };
        const start = new WithStartWorkflowOperation('openDataRequestWorkflow', {
          workflowId: openDataRequestWorkflowId(input.id),
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        await env.client.workflow.executeUpdateWithStart(openRegisteredUpdate, { startWorkflowOperation: start });
        return start.workflowHandle();
      };
      const view = (h: WorkflowHandle) => h.query(openViewQuery) as Promise<OpenDataView>;
      const until = async (h: WorkflowHandle, ok: (v: OpenDataView) => boolean) => {
        for (let i = 0; i < 200 && !ok(await view(h)); i++) await new Promise((r) => setTimeout(r, 100));
      };

      // Each request from its own account: a revocation deny-lists the account for the dataset.
      const citizenA: Actor = { ...citizen, id: 'citizen-a' };
      const citizenC: Actor = { ...citizen, id: 'citizen-c' };
      const a = await openRequest(12, citizenA);
      await a.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: false, reasons: ['r'] }] });
      await a.executeUpdate(resubmitUpdate, { args: [{ actor: citizenA, changes: { purpose: 'p2' } }] });
      await a.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
      await a.executeUpdate(openDecideUpdate, {
        args: [{ actor: reviewer, decision: 'approve', conditions: 'c', agreementVersion: 1 }],
      });
      await a.executeUpdate(signUpdate, {
        args: [{ actor: citizenA, agreementVersion: (await view(a)).agreementVersion! }],
      });
      await sleepPast((await view(a)).nextReportDueAt!);
      await until(a, (x) => x.warnings === 1);
      await sleepPast((await view(a)).graceDue!.dueAt);
      await until(a, (x) => x.state === 'suspended');
      await a.executeUpdate(reportUsageUpdate, { args: [{ actor: citizenA, period: 'H1', summary: 's' }] });
      await a.executeUpdate(openRevokeUpdate, { args: [{ actor: reviewer, reason: 'violation' }] });
      await save('reported-suspended-revoked', a, 'open-data-request');

      const b = await openRequest(12, { ...citizen, id: 'citizen-b' });
      await b.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
      await sleepPast((await view(b)).reviewDue!.dueAt);
      await until(b, (x) => x.overdue);
      await b.executeUpdate(openDecideUpdate, {
        args: [{ actor: reviewer, decision: 'approve', agreementVersion: 1 }],
      });
      await sleepPast((await view(b)).agreementDue!.dueAt);
      await save('overdue-approved-lapsed', b, 'open-data-request');

      const c = await openRequest(1, citizenC);
      await c.executeUpdate(formalCheckUpdate, { args: [{ actor: coordinator, passed: true }] });
      await c.executeUpdate(openDecideUpdate, {
        args: [{ actor: reviewer, decision: 'approve', agreementVersion: 1 }],
      });
      await c.executeUpdate(signUpdate, {
        args: [{ actor: citizenC, agreementVersion: (await view(c)).agreementVersion! }],
      });
      await sleepPast((await view(c)).expiresAt!);
      await save('active-expired', c, 'open-data-request');
    }

    // corrections: extended then corrected; overdue then transferred, the owner's case corrected.
    {
      await createAgency(db, { code: 'OWNER', name: 'Owner', level: 'municipal' });
      const r = resources.unconditional!;
      const reporterActor: Actor = { id: 'reporter', name: 'Reporter', role: 'public', agency: null };
      const fileReport = async () => {
        const input: CorrectionInput = {
          id: randomUUID(),
          resource: { id: r.id, code: r.code, name: r.name, providerAgency: 'PROVIDER' },
          assignedAgency: 'PROVIDER',
          report: {
            recordRef: 'REC',
            field: 'a',
            currentValue: 'x',
            claimedValue: 'y',
            description: 'd',
            evidence: null,
          },
          reporter: reporterActor,
          transferredFrom: null,
          policy: defaultPolicy.correction,
        };
        const start = new WithStartWorkflowOperation('correctionWorkflow', {
          workflowId: correctionWorkflowId(input.id),
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        await env.client.workflow.executeUpdateWithStart(correctionRegisteredUpdate, { startWorkflowOperation: start });
        return start.workflowHandle();
      };
      const first = await fileReport();
      await first.executeUpdate(extendVerificationUpdate, {
        args: [{ actor: reviewer, approvedBy: 'head', reason: 'r' }],
      });
      await first.executeUpdate(verifyUpdate, { args: [{ actor: reviewer, outcome: 'corrected', note: 'n' }] });
      await save('extended-corrected', first, 'correction');
      const second = await fileReport();
      await sleepPast(((await second.query('view')) as { verifyDue: { dueAt: string } }).verifyDue.dueAt);
      for (let i = 0; i < 200 && !((await second.query('view')) as { overdue: boolean }).overdue; i++)
        await new Promise((res) => setTimeout(res, 100));
      const childId = randomUUID();
      await second.executeUpdate(verifyUpdate, {
        args: [
          { actor: reviewer, outcome: 'transferred', note: 'n', transferTo: 'OWNER', transferredCorrectionId: childId },
        ],
      });
      await save('overdue-transferred', second, 'correction');
      const child = env.client.workflow.getHandle(correctionWorkflowId(childId));
      await child.executeUpdate(correctionRegisteredUpdate);
      await child.executeUpdate(verifyUpdate, {
        args: [{ actor: { ...reviewer, agency: 'OWNER' }, outcome: 'corrected', note: 'n' }],
      });
      await save('transferred-corrected', child, 'correction');
      // returned to the bureau, past its forwarding deadline, forwarded by hand and corrected.
      const third = await fileReport();
      await third.executeUpdate(returnCorrectionUpdate, { args: [{ actor: reviewer, reason: 'not ours' }] });
      await sleepPast(((await third.query('view')) as { forwardDue: { dueAt: string } }).forwardDue.dueAt);
      for (let i = 0; i < 200 && !((await third.query('view')) as { overdue: boolean }).overdue; i++)
        await new Promise((res) => setTimeout(res, 100));
      await third.executeUpdate(forwardCorrectionUpdate, {
        args: [
          {
            actor: { id: 'coordinator', name: 'Coordinator', role: 'bureau_coordinator', agency: null },
            agency: 'OWNER',
          },
        ],
      });
      await third.executeUpdate(verifyUpdate, {
        args: [{ actor: { ...reviewer, agency: 'OWNER' }, outcome: 'corrected', note: 'n' }],
      });
      await save('returned-forwarded', third, 'correction');
      // a return the database refuses for good (a lone surrogate, which jsonb cannot hold): the case is put
      // back in verifying (REOPENED_PATCH), and then corrected.
      const fourth = await fileReport();
      await fourth
        .executeUpdate(returnCorrectionUpdate, { args: [{ actor: reviewer, reason: 'not ours \ud800' }] })
        .then(
          () => {
            throw new Error('the database took a reason it should have refused');
          },
          () => undefined,
        );
      await fourth.executeUpdate(verifyUpdate, { args: [{ actor: reviewer, outcome: 'corrected', note: 'n' }] });
      await save('refused-return-corrected', fourth, 'correction');
    }
    // the daily freshness sweep
    {
      const sweep = await env.client.workflow.start('freshnessWorkflow', {
        workflowId: `freshness-${randomUUID()}`,
        taskQueue,
      });
      await save('daily-sweep', sweep, 'freshness');
    }
  }
  // the annual assessment: one agency closes at the final result, the others rectify, one check failing;
  // and the schedule's kickoff.
  if (!only || only === 'assessment') {
    const year = Number(localDate(await env.currentTimeMs()).slice(0, 4));
    const assessorActor: Actor = { id: 'assessor', name: 'Assessor', role: 'assessor', agency: null };
    const cycle = await env.client.workflow.start('assessmentCycleWorkflow', {
      workflowId: assessmentCycleWorkflowId(year),
      taskQueue,
      args: [{ year, indicatorsVersion: null, startedBy: admin, policy: defaultPolicy.assessment }],
    });
    await cycle.executeUpdate(cycleOpenedUpdate);
    const cycleView = () => cycle.query(cycleViewQuery) as Promise<CycleView>;
    const agencyHandle = (code: string) => env.client.workflow.getHandle(agencyAssessmentWorkflowId(year, code));
    const agencyView = (code: string) => agencyHandle(code).query(agencyViewQuery) as Promise<AgencyAssessmentView>;
    const waitFor = async <T>(read: () => Promise<T>, ok: (v: T) => boolean) => {
      for (let i = 0; i < 200 && !ok(await read()); i++) await new Promise((r) => setTimeout(r, 100));
    };
    const scored = (v: AgencyAssessmentView, score: number, key: 'evidence' | 'comment') =>
      v.applicable.map((indicator) => ({ indicator, score, [key]: key }));
    await waitFor(cycleView, (c) => c.state === 'self_assessment');
    const [first, ...rest] = (await listCycleAgencies(db, year, null, 100)).map((a) => a.code);
    const staffOf = (code: string): Actor => ({
      id: `staff-${code}`,
      name: 'Staff',
      role: 'agency_staff',
      agency: code,
    });
    for (const code of [first!, ...rest])
      await agencyHandle(code).executeUpdate(assignAssessorUpdate, {
        args: [{ actor: admin, assessor: { id: assessorActor.id, name: 'Assessor' } }],
      });
    await agencyHandle(first!).executeUpdate(selfAssessUpdate, {
      args: [{ actor: staffOf(first!), items: scored(await agencyView(first!), 95, 'evidence') }],
    });
    await sleepPast((await cycleView()).deadlines.selfAssessment.dueAt);
    await waitFor(cycleView, (c) => c.state === 'review');
    for (const code of [first!, ...rest])
      await agencyHandle(code).executeUpdate(reviewAgencyUpdate, {
        args: [{ actor: assessorActor, items: scored(await agencyView(code), code === first ? 95 : 40, 'comment') }],
      });
    await cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'preliminary' }] });
    for (const code of [first!, ...rest])
      await waitFor(
        () => agencyView(code),
        (v) => v.state === 'notice',
      );
    await agencyHandle(rest[0]!).executeUpdate(appealUpdate, { args: [{ actor: staffOf(rest[0]!), text: 'appeal' }] });
    await agencyHandle(rest[0]!).executeUpdate(answerAppealUpdate, {
      args: [{ actor: admin, text: 'answer', revised: [{ indicator: 'catalog_completeness', score: 50 }] }],
    });
    await sleepPast((await cycleView()).deadlines.notice!.dueAt);
    await cycle.executeUpdate(publishUpdate, { args: [{ actor: admin, stage: 'final' }] });
    for (const code of rest) {
      await waitFor(
        () => agencyView(code),
        (v) => v.state === 'rectification',
      );
      await agencyHandle(code).executeUpdate(rectifyUpdate, {
        args: [{ actor: staffOf(code), stage: 'plan', text: 'plan' }],
      });
      await agencyHandle(code).executeUpdate(rectifyUpdate, {
        args: [{ actor: staffOf(code), stage: 'report', text: 'report' }],
      });
      if (code === rest[0]) {
        await agencyHandle(code).executeUpdate(verifyRectificationUpdate, {
          args: [{ actor: admin, passed: false, note: 'again' }],
        });
        await agencyHandle(code).executeUpdate(rectifyUpdate, {
          args: [{ actor: staffOf(code), stage: 'report', text: 'report 2' }],
        });
      }
      await agencyHandle(code).executeUpdate(verifyRectificationUpdate, {
        args: [{ actor: admin, passed: true, note: null }],
      });
    }
    await save('agency-closed-at-final', agencyHandle(first!), 'assessment');
    await save('agency-appealed-rectified-reopened', agencyHandle(rest[0]!), 'assessment');
    await save(
      'batch',
      env.client.workflow.getHandle(`${assessmentCycleWorkflowId(year)}:batch:${first}`),
      'assessment',
    );
    await save('cycle-closed', env.client.workflow.getHandle(assessmentCycleWorkflowId(year)), 'assessment');
    const kickoff = await env.client.workflow.start('assessmentScheduledWorkflow', {
      workflowId: `assessment-schedule-${randomUUID()}`,
      taskQueue,
      args: [{ policy: defaultPolicy.assessment }],
    });
    await save('scheduled-kickoff', kickoff, 'assessment');
  }
} finally {
  worker.shutdown();
  await running;
  await env.teardown();
  await database.close();
}
