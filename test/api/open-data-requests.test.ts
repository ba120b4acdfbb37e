// The HTTP contract of docs/api.md P3 over a real stack on the time-skipping server (so access can expire).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataIdentities } from '../../db/schema/open-data-request.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string, coordinator: string, reviewer: string, otherReviewer: string, gateway: string, staffA: string;
let citizen: string, neighbour: string;
let datasetId: string, closedDatasetId: string, shareResourceId: string;

/** A valid 身份证号 with the given first 17 digits (GB 11643 check character). */
const idNumber = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
};

beforeAll(async () => {
  stack = await startStack({}, { timeSkipping: true });
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  const [provider, other, applicant] = [uniq('PRV'), uniq('OTH'), uniq('APP')];
  for (const code of [provider, other, applicant])
    await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
  reviewer = await stack.token('reviewer', ['agency_reviewer'], provider);
  otherReviewer = await stack.token('other-reviewer', ['agency_reviewer'], other);
  staffA = await stack.token('staff-a', ['agency_staff'], applicant);
  gateway = await stack.token('gateway', ['gateway']);
  citizen = await stack.token('citizen-1', ['public']);
  neighbour = await stack.token('citizen-2', ['public']);
  const mk = async (openType: string, shareType = 'conditional') =>
    (
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: {
          code: uniq('R'),
          name: '企业信用数据',
          providerAgency: provider,
          fields: [{ name: 'name' }, { name: 'penalties' }],
          shareType,
          openType,
          legalBasis: '《山东省公共数据开放办法》',
          updateCycle: 'monthly',
        },
      })
    ).body.id as string;
  [datasetId, closedDatasetId, shareResourceId] = [
    await mk('conditional'),
    await mk('not_open'),
    await mk('not_open', 'unconditional'),
  ];
});
afterAll(async () => stack?.close());

const body = (requester: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  resourceId: datasetId,
  requester,
  purpose: '信用研究',
  scenario: '学术论文',
  periodMonths: 1,
  securityMeasures: '隔离环境',
  commitmentAccepted: true,
  ...extra,
});
const person = (id = '11010519491231002X') => ({ kind: 'person', name: '王五', idNumber: id, contact: '13800000000' });

async function activeRequest(token = citizen, id = idNumber('37160219900101123')) {
  const created = await stack.request('POST', '/api/v1/open-data-requests', { token, body: body(person(id)) });
  expect(created.status).toBe(201);
  const url = `/api/v1/open-data-requests/${created.body.id}`;
  await stack.request('POST', `${url}/formal-check`, { token: coordinator, body: { passed: true } });
  const approved = await stack.request('POST', `${url}/decision`, {
    token: reviewer,
    body: { decision: 'approve', conditions: '不得再识别' },
  });
  const signed = await stack.request('POST', `${url}/agreement`, {
    token,
    body: { agreementVersion: approved.body.agreementVersion, accepted: true },
  });
  return { url, created: created.body, approved: approved.body, signed };
}

describe('identifiers', () => {
  it.each([
    ['a lower-case x check character', '11010519491231002x', 201],
    ['an upper-case X check character', '11010519491231002X', 201],
    ['a wrong check character', '110105194912310021', 400],
    ['17 characters', '11010519491231002', 400],
    ['19 characters', '11010519491231002X1', 400],
    ['a letter among the digits', '1101051949123100AX', 400],
    ['30 February as birth date', idNumber('11010519900230123'), 400],
  ])('answers a 身份证号 with %s with %i, naming requester.idNumber', async (_name, id, status) => {
    const res = await stack.request('POST', '/api/v1/open-data-requests', { token: citizen, body: body(person(id)) });
    expect(res.status).toBe(status);
    if (status === 400) {
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: any) => e.path)).toContain('requester.idNumber');
    } else {
      expect(res.body.requester.identifier).toBe('1101**********002X');
    }
  });

  it.each([
    ['a valid code', '91350100M000100Y43', 201],
    ['a lower-case code', '91350100m000100y43', 201],
    ['a wrong check character', '91350100M000100Y44', 400],
    ['a forbidden letter O', '91350100M000100O43', 400],
    ['17 characters', '91350100M000100Y4', 400],
  ])('answers a 统一社会信用代码 with %s with %i, naming requester.creditCode', async (_name, code, status) => {
    const res = await stack.request('POST', '/api/v1/open-data-requests', {
      token: citizen,
      body: body({ kind: 'organization', name: '某科技公司', creditCode: code, contact: 'a@b.cn' }),
    });
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.errors.map((e: any) => e.path)).toContain('requester.creditCode');
    else expect(res.body.requester.identifier).toBe('9135**********0Y43');
  });

  it('keeps the full identifier out of every answer, the workflow history and every table but its own', async () => {
    const full = idNumber('44030419990909123');
    const created = (
      await stack.request('POST', '/api/v1/open-data-requests', {
        token: citizen,
        body: body(person(full.toLowerCase())),
      })
    ).body;
    const texts = [
      JSON.stringify(created),
      JSON.stringify(
        (await stack.request('GET', `/api/v1/open-data-requests/${created.id}`, { token: reviewer })).body,
      ),
      JSON.stringify((await stack.request('GET', '/api/v1/open-data-requests', { token: coordinator })).body),
      JSON.stringify(
        (await stack.request('GET', `/api/v1/audit-events?caseId=${created.id}`, { token: coordinator })).body,
      ),
      JSON.stringify(await stack.env.client.workflow.getHandle(`open-data-request:${created.id}`).fetchHistory()),
    ];
    for (const t of texts) expect(t.toUpperCase()).not.toContain(full);
    const db = stack.database.db;
    const tables = [
      'open_data_requests',
      'audit_events',
      'notifications',
      'credentials',
      'idempotency_keys',
      'open_data_deny_list',
    ];
    for (const table of tables) {
      const rows = await db.execute(
        sql.raw(`select count(*)::int as n from ${table} t where upper(t::text) like '%${full}%'`),
      );
      expect([table, ((rows as any).rows ?? rows)[0].n]).toEqual([table, 0]);
    }
    const [vault] = await db.select().from(openDataIdentities).where(eq(openDataIdentities.requestId, created.id));
    expect(vault!.identifier).toBe(full);
  });
});

describe('submitting and reading', () => {
  it('refuses what is not a conditionally-open dataset, an unaccepted commitment, and non-public callers', async () => {
    expectProblem(
      await stack.request('POST', '/api/v1/open-data-requests', {
        token: citizen,
        body: body(person(), { resourceId: closedDatasetId }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    const noCommitment = await stack.request('POST', '/api/v1/open-data-requests', {
      token: citizen,
      body: body(person(), { commitmentAccepted: false }),
    });
    expect(noCommitment.body.errors.map((e: any) => e.path)).toContain('commitmentAccepted');
    expectProblem(
      await stack.request('POST', '/api/v1/open-data-requests', { token: staffA, body: body(person()) }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows the public requester only their own requests; the provider and the bureau see them', async () => {
    const mine = (await stack.request('POST', '/api/v1/open-data-requests', { token: citizen, body: body(person()) }))
      .body;
    expect((await stack.request('GET', `/api/v1/open-data-requests/${mine.id}`, { token: citizen })).status).toBe(200);
    expectProblem(
      await stack.request('GET', `/api/v1/open-data-requests/${mine.id}`, { token: neighbour }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('GET', `/api/v1/open-data-requests/${mine.id}`, { token: otherReviewer }),
      404,
      'NOT_FOUND',
    );
    for (const token of [reviewer, coordinator])
      expect((await stack.request('GET', `/api/v1/open-data-requests/${mine.id}`, { token })).status).toBe(200);
    expect(
      (await stack.request('GET', '/api/v1/open-data-requests?limit=200', { token: neighbour })).body.items.map(
        (r: any) => r.id,
      ),
    ).not.toContain(mine.id);
    expect(
      (await stack.request('GET', '/api/v1/open-data-requests?limit=200', { token: citizen })).body.items.map(
        (r: any) => r.id,
      ),
    ).toContain(mine.id);
  });
});

describe('agreement and credentials', () => {
  it('shows the agreement to sign, answers the signature with a credential once, and the gateway introspects it', async () => {
    const { url, approved, signed } = await activeRequest();
    expect(approved).toMatchObject({
      state: 'awaiting_agreement',
      agreementVersion: expect.any(Number),
      agreementText: expect.stringContaining('公共数据开放利用协议'),
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ state: 'active', credential: expect.stringMatching(/^sdc_/) });
    expect((await stack.request('GET', url, { token: citizen })).body.credential).toBeUndefined();
    expectProblem(
      await stack.request('POST', '/api/v1/credentials/introspection', {
        token: citizen,
        body: { credential: signed.body.credential },
      }),
      403,
      'FORBIDDEN',
    );
    const live = await stack.request('POST', '/api/v1/credentials/introspection', {
      token: gateway,
      body: { credential: signed.body.credential },
    });
    expect(live.body).toMatchObject({
      active: true,
      resourceId: datasetId,
      fields: ['name', 'penalties'],
      expiresAt: signed.body.expiresAt,
      holder: '王五',
    });
    expect(
      (
        await stack.request('POST', '/api/v1/credentials/introspection', {
          token: gateway,
          body: { credential: 'sdc_forged' },
        })
      ).body,
    ).toEqual({ active: false });
  });

  it('lets the holder of an active agreement report an error in the dataset (P5), and no one without one', async () => {
    const report = (token: string) =>
      stack.request('POST', '/api/v1/corrections', {
        token,
        body: { resourceId: datasetId, recordRef: 'P-1', description: '处罚日期有误' },
      });
    expectProblem(await report(neighbour), 403, 'FORBIDDEN');
    await activeRequest();
    expect((await report(citizen)).status).toBe(201);
    expectProblem(await report(neighbour), 403, 'FORBIDDEN');
  });

  it('signs only the version published at approval, even after a new version is published', async () => {
    const created = (
      await stack.request('POST', '/api/v1/open-data-requests', {
        token: citizen,
        body: body(person(idNumber('37160219850505123'))),
      })
    ).body;
    const url = `/api/v1/open-data-requests/${created.id}`;
    await stack.request('POST', `${url}/formal-check`, { token: coordinator, body: { passed: true } });
    const approved = (
      await stack.request('POST', `${url}/decision`, { token: reviewer, body: { decision: 'approve' } })
    ).body;
    expectProblem(
      await stack.request('POST', '/api/v1/agreement-texts', { token: reviewer, body: { title: 't', body: 'b' } }),
      403,
      'FORBIDDEN',
    );
    const published = await stack.request('POST', '/api/v1/agreement-texts', {
      token: admin,
      body: { title: '公共数据开放利用协议（2026修订）', body: '新的条款' },
    });
    expect(published.body.version).toBe(approved.agreementVersion + 1);
    const wrong = await stack.request('POST', `${url}/agreement`, {
      token: citizen,
      body: { agreementVersion: published.body.version, accepted: true },
    });
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    expectProblem(
      await stack.request('POST', `${url}/agreement`, {
        token: neighbour,
        body: { agreementVersion: approved.agreementVersion, accepted: true },
      }),
      404,
      'NOT_FOUND',
    );
    const signed = await stack.request('POST', `${url}/agreement`, {
      token: citizen,
      body: { agreementVersion: approved.agreementVersion, accepted: true },
    });
    expect(signed.body.signature).toMatchObject({ version: approved.agreementVersion, by: { id: 'citizen-1' } });
  });

  it('turns the credential inactive once access is revoked', async () => {
    // Its own account: a revocation deny-lists the requester for this dataset.
    const revokedCitizen = await stack.token('citizen-revoked', ['public']);
    const { url, signed } = await activeRequest(revokedCitizen, idNumber('37160219770707123'));
    expectProblem(
      await stack.request('POST', `${url}/revocation`, { token: otherReviewer, body: { reason: 'x' } }),
      404,
      'NOT_FOUND',
    );
    const revoked = await stack.request('POST', `${url}/revocation`, {
      token: reviewer,
      body: { reason: '超范围使用' },
    });
    expect(revoked.body.state).toBe('revoked');
    expect(
      (
        await stack.request('POST', '/api/v1/credentials/introspection', {
          token: gateway,
          body: { credential: signed.body.credential },
        })
      ).body,
    ).toEqual({ active: false });
  });

  it('turns the credential inactive when access expires', async () => {
    const { url, signed } = await activeRequest(citizen, idNumber('37160219660606123'));
    const ms = Date.parse(signed.body.expiresAt) + 60_000 - (await stack.env.currentTimeMs());
    await stack.env.sleep(ms);
    let res = await stack.request('GET', url, { token: citizen });
    for (let i = 0; i < 100 && res.body.state !== 'expired'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await stack.request('GET', url, { token: citizen });
    }
    expect(res.body.state).toBe('expired');
    expect(
      (
        await stack.request('POST', '/api/v1/credentials/introspection', {
          token: gateway,
          body: { credential: signed.body.credential },
        })
      ).body,
    ).toEqual({ active: false });
  });

  it("answers for a share grant's credential the same way", async () => {
    const app = (
      await stack.request('POST', '/api/v1/share-applications', {
        token: staffA,
        body: {
          resourceId: shareResourceId,
          purpose: 'p',
          dutyBasis: 'd',
          usageScope: 'u',
          periodMonths: 3,
          deliveryMethod: 'api',
        },
      })
    ).body;
    expect(app.state).toBe('granted');
    const url = `/api/v1/share-applications/${app.id}/credential`;
    // Only the applicant's staff hold it: the provider's reviewer sees the case but may not; others do not see it.
    expectProblem(await stack.request('POST', url, { token: reviewer }), 403, 'FORBIDDEN');
    expectProblem(await stack.request('POST', url, { token: otherReviewer }), 404, 'NOT_FOUND');
    const issued = await stack.request('POST', url, { token: staffA });
    expect(issued.status).toBe(201);
    expect(issued.body.expiresAt).toBe(app.grant.expiresAt);
    const live = await stack.request('POST', '/api/v1/credentials/introspection', {
      token: gateway,
      body: { credential: issued.body.credential },
    });
    expect(live.body).toMatchObject({
      active: true,
      resourceId: shareResourceId,
      fields: ['name', 'penalties'],
      expiresAt: app.grant.expiresAt,
    });
    const rotated = await stack.request('POST', `/api/v1/share-applications/${app.id}/credential`, { token: staffA });
    expect(
      (
        await stack.request('POST', '/api/v1/credentials/introspection', {
          token: gateway,
          body: { credential: issued.body.credential },
        })
      ).body.active,
    ).toBe(false);
    await stack.request('POST', `/api/v1/share-applications/${app.id}/revocation`, {
      token: admin,
      body: { reason: '违规' },
    });
    expect(
      (
        await stack.request('POST', '/api/v1/credentials/introspection', {
          token: gateway,
          body: { credential: rotated.body.credential },
        })
      ).body.active,
    ).toBe(false); // A revoked grant has no credential to give.
    expectProblem(await stack.request('POST', url, { token: staffA }), 409, 'INVALID_STATE');
  });
});

describe('retries, rotation and the deny-list over HTTP', () => {
  it('returns the same request for a retried Idempotency-Key and 409 for the key with another body', async () => {
    const headers = { 'idempotency-key': `odr-${uniq('')}` };
    const first = await stack.request('POST', '/api/v1/open-data-requests', {
      token: citizen,
      body: body(person()),
      headers,
    });
    const retry = await stack.request('POST', '/api/v1/open-data-requests', {
      token: citizen,
      body: body(person()),
      headers,
    });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expectProblem(
      await stack.request('POST', '/api/v1/open-data-requests', {
        token: citizen,
        body: body(person(), { purpose: '另一用途' }),
        headers,
      }),
      409,
      'DUPLICATE',
    );
  });

  it('rotates a lost credential for active access, and only for its requester', async () => {
    const { url, signed } = await activeRequest(citizen, idNumber('37160219950505123'));
    expectProblem(await stack.request('POST', `${url}/credential`, { token: neighbour }), 404, 'NOT_FOUND');
    expectProblem(await stack.request('POST', `${url}/credential`, { token: reviewer }), 403, 'FORBIDDEN');
    const rotated = await stack.request('POST', `${url}/credential`, { token: citizen });
    expect(rotated.status).toBe(201);
    const introspect = (credential: string) =>
      stack.request('POST', '/api/v1/credentials/introspection', { token: gateway, body: { credential } });
    expect((await introspect(signed.body.credential)).body.active).toBe(false);
    expect((await introspect(rotated.body.credential)).body.active).toBe(true);
  });

  it('refuses the revoked requester again, whatever case the check character is written in', async () => {
    const violator = await stack.token('violator', ['public']);
    const id = idNumber('37160219700101123');
    const { url } = await activeRequest(violator, id);
    await stack.request('POST', `${url}/revocation`, { token: coordinator, body: { reason: '违规提供第三方' } });
    const sameId = await stack.request('POST', '/api/v1/open-data-requests', {
      token: neighbour,
      body: body(person(id.toLowerCase())),
    });
    expect(sameId.body.state).toBe('rejected');
    const sameAccount = await stack.request('POST', '/api/v1/open-data-requests', {
      token: violator,
      body: body(person(idNumber('37160219700102123'))),
    });
    expect(sameAccount.body.state).toBe('rejected');
  });
});

describe('supervision', () => {
  it('takes usage reports from the requester only', async () => {
    const { url } = await activeRequest(citizen, idNumber('37160219880808123'));
    expectProblem(
      await stack.request('POST', `${url}/usage-reports`, { token: neighbour, body: { period: 'H1', summary: 's' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('POST', `${url}/usage-reports`, { token: citizen, body: { period: 'H1' } }),
      400,
      'VALIDATION_FAILED',
    );
    const reported = await stack.request('POST', `${url}/usage-reports`, {
      token: citizen,
      body: { period: '2026上半年', summary: '用于信用研究', outcomes: '报告一份' },
    });
    expect(reported.body.reports).toEqual([expect.objectContaining({ seq: 1, period: '2026上半年' })]);
  });
});

describe('a refusal', () => {
  it("cites the catalog's legal basis when the provider names none, and the provider's own when it does", async () => {
    const refuse = async (id: string, extra: Record<string, unknown>) => {
      const created = await stack.request('POST', '/api/v1/open-data-requests', {
        token: citizen,
        body: body(person(idNumber(id))),
      });
      const url = `/api/v1/open-data-requests/${created.body.id}`;
      await stack.request('POST', `${url}/formal-check`, { token: coordinator, body: { passed: true } });
      const res = await stack.request('POST', `${url}/decision`, {
        token: reviewer,
        body: { decision: 'reject', reason: '涉及商业秘密', ...extra },
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    const byCatalog = await refuse('37160219900101456', {});
    expect(byCatalog).toMatchObject({
      state: 'rejected',
      decision: { decision: 'reject', legalBasis: '《山东省公共数据开放办法》' },
    });
    expect(byCatalog.timeline.at(-1)).toMatchObject({ action: 'reject', legalBasis: '《山东省公共数据开放办法》' });
    const named = await refuse('37160219900101789', { legalBasis: '《数据安全法》第三十八条' });
    expect(named.timeline.at(-1)).toMatchObject({ action: 'reject', legalBasis: '《数据安全法》第三十八条' });
  });
});
