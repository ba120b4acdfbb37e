// The audit chain's checkpoints (issue: hardening, item 8): signed heads of the chain, written by the
// hourly workflow and on demand, stored and copied as files to the city's directory; verification runs
// against the latest stored one, or one the city kept outside the database.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpointWorkflowType } from '../../workflows/audit/messages.js';
import { uniq } from '../helpers/fixtures.js';
import { expectProblem } from '../helpers/assertions.js';
import { startStack, type Stack } from '../helpers/stack.js';

const dir = mkdtempSync(join(tmpdir(), 'shuzhi-checkpoints-'));
let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await startStack({ AUDIT_CHECKPOINT_DIR: dir });
  admin = await stack.token('admin', ['bureau_admin']);
  // Some events on the chain: an agency's unconditional application is granted at once.
  const [applicant, provider] = [uniq('APP'), uniq('PRV')];
  for (const code of [applicant, provider])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  const resource = await stack.request('POST', '/api/v1/catalog/resources', {
    token: admin,
    body: {
      code: uniq('R'),
      name: '企业登记信息',
      providerAgency: provider,
      fields: [{ name: 'name' }],
      shareType: 'unconditional',
      openType: 'not_open',
      legalBasis: '《数据安全法》第三十八条',
      updateCycle: 'monthly',
    },
  });
  const staff = await stack.token('staff', ['agency_staff'], applicant);
  const applied = await stack.request('POST', '/api/v1/share-applications', {
    token: staff,
    body: {
      resourceId: resource.body.id,
      purpose: '企业开办审批核验',
      dutyBasis: '《市场主体登记管理条例》',
      usageScope: '本部门',
      periodMonths: 6,
      deliveryMethod: 'api',
    },
  });
  expect(applied.status).toBe(201);
});
afterAll(async () => stack?.close());

describe('audit checkpoints', () => {
  it('writes a signed checkpoint of the head, stores it and copies it to the directory', async () => {
    expectProblem(await stack.request('GET', '/api/v1/audit-checkpoints/latest', { token: admin }), 404, 'NOT_FOUND');
    const written = await stack.request('POST', '/api/v1/audit-checkpoints', { token: admin });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ lastId: expect.any(Number), lastHash: expect.stringMatching(/^h1:/) });
    expect(written.body.lastId).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8'))).toEqual(written.body);
    expect(readdirSync(dir).filter((f) => f.startsWith('audit-checkpoint-'))).toHaveLength(1);
    expect((await stack.request('GET', '/api/v1/audit-checkpoints/latest', { token: admin })).body).toEqual(
      written.body,
    );
  });

  it('runs as the scheduled workflow does, one activity writing the next checkpoint', async () => {
    const result = await stack.env.client.workflow.execute(auditCheckpointWorkflowType, {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: `audit-checkpoint-test-${uniq('W')}`,
    });
    expect(result).toMatchObject({ lastId: expect.any(Number), at: expect.any(String) });
    const latest = (await stack.request('GET', '/api/v1/audit-checkpoints/latest', { token: admin })).body;
    expect(latest).toMatchObject(result as object);
    expect(readdirSync(dir).filter((f) => f.startsWith('audit-checkpoint-'))).toHaveLength(2);
  });

  it('verifies the chain against the latest checkpoint and one given, and refuses a forged checkpoint', async () => {
    expect((await stack.request('GET', '/api/v1/audit-events/verification', { token: admin })).body).toMatchObject({
      ok: true,
    });
    const kept = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8'));
    const against = (checkpoint: unknown) =>
      stack.request('POST', '/api/v1/audit-events/verification', { token: admin, body: { checkpoint } });
    expect((await against(kept)).body).toMatchObject({ ok: true });
    const forged = await against({ ...kept, lastId: kept.lastId + 100 });
    expect(forged.body).toMatchObject({ ok: false, problem: expect.stringMatching(/not signed/) });
    expectProblem(await against({ ...kept, signature: 'not hex' }), 400, 'VALIDATION_FAILED');
  });

  it('is for the bureau admin', async () => {
    const coordinator = await stack.token('coord', ['bureau_coordinator']);
    expectProblem(await stack.request('POST', '/api/v1/audit-checkpoints', { token: coordinator }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('GET', '/api/v1/audit-checkpoints/latest', { token: coordinator }),
      403,
      'FORBIDDEN',
    );
  });
});
