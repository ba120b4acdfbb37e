// The HTTP contract of docs/api.md for conventions, authentication, reference data, calendar and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { expectProblem } from '../helpers/assertions.js';

let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('admin', ['bureau_admin']);
});
afterAll(async () => stack?.close());

describe('operations', () => {
  it('answers /health, /ready, /metrics and serves the OpenAPI document and its UI', async () => {
    expect((await stack.request('GET', '/health')).status).toBe(200);
    const ready = await stack.request('GET', '/ready');
    expect(ready).toMatchObject({ status: 200, body: { database: { ok: true }, temporal: { ok: true } } });
    const metrics = await stack.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('shuzhi_http_request_duration_seconds');
    const doc = await stack.request('GET', '/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/share-applications',
        '/api/v1/share-applications/{id}/decision',
        '/api/v1/calendar/working-days',
      ]),
    );
    expect(doc.body.paths['/api/v1/share-applications'].post.operationId).toBe('submitShareApplication');
    expect((await stack.request('GET', '/docs/')).status).toBe(200);
  });

  it('answers an unknown route with a problem document', async () => {
    expectProblem(await stack.request('GET', '/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });
});

describe('authentication', () => {
  it('needs a token, refuses a forged or malformed one, and checks the claims', async () => {
    expectProblem(await stack.request('GET', '/api/v1/agencies'), 401, 'UNAUTHENTICATED');
    expectProblem(await stack.request('GET', '/api/v1/agencies', { token: 'not-a-jwt' }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await stack.request('GET', '/api/v1/agencies', { headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    );
    const forged = admin.slice(0, -4) + (admin.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await stack.request('GET', '/api/v1/agencies', { token: forged }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await stack.request('POST', '/api/v1/dev/tokens', { body: { sub: 'x', roles: ['emperor'] } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('serves dev tokens only in AUTH_MODE=dev', async () => {
    const prod = await startStack({ AUTH_MODE: 'jwt', JWT_SECRET: 'a-production-secret-of-at-least-32-chars!!' });
    try {
      expectProblem(
        await prod.request('POST', '/api/v1/dev/tokens', { body: { sub: 'x', roles: ['bureau_admin'] } }),
        404,
        'NOT_FOUND',
      );
    } finally {
      await prod.close();
    }
  });
});

describe('agencies and catalog', () => {
  it('lets the bureau admin register agencies, lists them in pages, and refuses duplicates and other roles', async () => {
    const codes = [uniq('A'), uniq('B'), uniq('C')];
    for (const code of codes) {
      const res = await stack.request('POST', '/api/v1/agencies', {
        token: admin,
        body: { code, name: `机构${code}`, level: 'county', region: '滨城区' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code, level: 'county', region: '滨城区' });
    }
    expectProblem(
      await stack.request('POST', '/api/v1/agencies', {
        token: admin,
        body: { code: codes[0], name: 'again', level: 'county' },
      }),
      409,
      'DUPLICATE',
    );
    const bad = await stack.request('POST', '/api/v1/agencies', {
      token: admin,
      body: { code: 'x y', name: '', level: 'province' },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['code', 'level', 'name']);
    const staff = await stack.token('s', ['agency_staff'], codes[0]);
    expectProblem(
      await stack.request('POST', '/api/v1/agencies', {
        token: staff,
        body: { code: uniq('D'), name: 'n', level: 'county' },
      }),
      403,
      'FORBIDDEN',
    );

    const first = await stack.request('GET', '/api/v1/agencies?limit=2', { token: staff });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.request('GET', `/api/v1/agencies?limit=2&cursor=${first.body.nextCursor}`, {
      token: staff,
    });
    expect(second.body.items[0].code > first.body.items[1].code).toBe(true);
    expectProblem(await stack.request('GET', '/api/v1/agencies?limit=500', { token: staff }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await stack.request('GET', '/api/v1/agencies?cursor=garbage', { token: staff }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it("catalogs resources with their legal basis, scoped to the reviewer's own agency, and records data updates", async () => {
    const provider = uniq('P');
    const other = uniq('O');
    for (const code of [provider, other])
      await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
    const reviewer = await stack.token('rev', ['agency_reviewer'], provider);
    const resource = {
      code: uniq('R'),
      name: '营业执照',
      providerAgency: provider,
      fields: [{ name: 'name' }, { name: 'id_no', personal: true }],
      shareType: 'conditional',
      openType: 'not_open',
      updateCycle: 'daily',
    };

    const missingBasis = await stack.request('POST', '/api/v1/catalog/resources', { token: reviewer, body: resource });
    expectProblem(missingBasis, 400, 'VALIDATION_FAILED');
    expect(missingBasis.body.errors).toEqual([{ path: 'legalBasis', message: expect.any(String) }]);
    expectProblem(
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: reviewer,
        body: { ...resource, legalBasis: '依据', providerAgency: other },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: admin,
        body: { ...resource, legalBasis: '依据', providerAgency: 'NOPE' },
      }),
      400,
      'VALIDATION_FAILED',
    );

    const created = await stack.request('POST', '/api/v1/catalog/resources', {
      token: reviewer,
      body: { ...resource, legalBasis: '《数据安全法》' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      freshness: 'fresh',
      disputed: false,
      lastDataUpdateAt: null,
    });
    expectProblem(
      await stack.request('POST', '/api/v1/catalog/resources', {
        token: reviewer,
        body: { ...resource, legalBasis: 'x' },
      }),
      409,
      'DUPLICATE',
    );

    const listed = await stack.request('GET', `/api/v1/catalog/resources?provider=${provider}&shareType=conditional`, {
      token: reviewer,
    });
    expect(listed.body.items.map((r: any) => r.id)).toEqual([created.body.id]);
    expect(
      (await stack.request('GET', `/api/v1/catalog/resources/${created.body.id}`, { token: reviewer })).body.code,
    ).toBe(resource.code);
    expectProblem(
      await stack.request('GET', '/api/v1/catalog/resources/00000000-0000-4000-8000-000000000000', { token: reviewer }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await stack.request('GET', '/api/v1/catalog/resources/not-a-uuid', { token: reviewer }),
      400,
      'VALIDATION_FAILED',
    );

    // A daily resource's update recorded ten days late: two cycles have passed since, it is delinquent.
    const at = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const backdated = await stack.request('POST', `/api/v1/catalog/resources/${created.body.id}/data-updates`, {
      token: reviewer,
      body: { at },
    });
    expect(backdated.status).toBe(201);
    expect(backdated.body.resource).toMatchObject({ lastDataUpdateAt: at, freshness: 'delinquent' });
    // Today's update makes it fresh.
    const update = await stack.request('POST', `/api/v1/catalog/resources/${created.body.id}/data-updates`, {
      token: reviewer,
      body: {},
    });
    expect(update.status).toBe(201);
    expect(update.body.resource).toMatchObject({ lastDataUpdateAt: update.body.at, freshness: 'fresh' });
    const otherReviewer = await stack.token('rev2', ['agency_reviewer'], other);
    expectProblem(
      await stack.request('POST', `/api/v1/catalog/resources/${created.body.id}/data-updates`, {
        token: otherReviewer,
        body: {},
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('working-day calendar', () => {
  it('adds working days across National Day 2026 with its make-up Saturday', async () => {
    const token = await stack.token('any', ['public']);
    const res = await stack.request('GET', '/api/v1/calendar/working-days?from=2026-09-30&days=3', { token });
    // 10-1..10-7 off; 10-8 (Thu), 10-9 (Fri), 10-10 (Saturday make-up day).
    expect(res.body).toEqual({
      from: '2026-09-30',
      days: 3,
      due: '2026-10-10',
      dueAt: '2026-10-10T15:59:59.999Z',
      provisional: false,
    });
    const ahead = await stack.request('GET', '/api/v1/calendar/working-days?from=2026-12-28&days=10', { token });
    expect(ahead.body.provisional).toBe(true);
    expectProblem(
      await stack.request('GET', '/api/v1/calendar/working-days?from=2026-02-30&days=3', { token }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await stack.request('GET', '/api/v1/calendar/working-days?from=2026-02-01&days=0', { token }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('lets the bureau publish a year, which makes deadlines in it final', async () => {
    const token = await stack.token('any', ['agency_staff'], 'X');
    expectProblem(
      await stack.request('PUT', '/api/v1/calendar/years/2027', { token, body: { holidays: [], workdays: [] } }),
      403,
      'FORBIDDEN',
    );
    const wrongYear = await stack.request('PUT', '/api/v1/calendar/years/2027', {
      token: admin,
      body: { holidays: ['2026-01-01'], workdays: [] },
    });
    expectProblem(wrongYear, 400, 'VALIDATION_FAILED');
    const put = await stack.request('PUT', '/api/v1/calendar/years/2027', {
      token: admin,
      body: { holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'] });
    const res = await stack.request('GET', '/api/v1/calendar/working-days?from=2026-12-31&days=3', { token });
    // 1-1 (Fri) off, 1-4 (Mon) off; 1-5, 1-6, 1-7 count.
    expect(res.body).toMatchObject({ due: '2027-01-07', provisional: false });
  });
});

describe('audit chain', () => {
  it('verifies the chain, and finds a row edited behind the API', async () => {
    const staffAgency = uniq('S');
    const provider = uniq('P');
    for (const code of [staffAgency, provider])
      await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name: code, level: 'municipal' } });
    const resource = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: 'r',
        providerAgency: provider,
        fields: [{ name: 'a' }],
        shareType: 'unconditional',
        openType: 'unconditional',
        updateCycle: 'monthly',
      },
    });
    const staff = await stack.token('s', ['agency_staff'], staffAgency);
    const app = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: {
        resourceId: resource.body.id,
        purpose: 'p',
        dutyBasis: 'd',
        usageScope: 'u',
        periodMonths: 3,
        deliveryMethod: 'file',
      },
    });
    expect(app.status).toBe(201);

    const events = await stack.request('GET', `/api/v1/audit-events?caseId=${app.body.id}`, { token: staff });
    expect(events.body.items).toHaveLength(2);
    expect(events.body.items[0]).toMatchObject({
      action: 'submit',
      toState: 'pending_review',
      hash: expect.stringMatching(/^h1:[0-9a-f]{64}$/),
      prevHash: expect.any(String),
    });
    expect(events.body.items[1]).toMatchObject({
      action: 'auto_grant',
      toState: 'granted',
      prevHash: events.body.items[0].hash,
    });
    const outsider = await stack.token('o', ['agency_staff'], uniq('Z'));
    expectProblem(
      await stack.request('GET', `/api/v1/audit-events?caseId=${app.body.id}`, { token: outsider }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await stack.request('GET', '/api/v1/audit-events/verification', { token: staff }), 403, 'FORBIDDEN');

    const good = await stack.request('GET', '/api/v1/audit-events/verification', { token: admin });
    expect(good.body).toEqual({ ok: true, checked: expect.any(Number) });
    const id = events.body.items[0].id;
    // The database refuses the edit; its owner can disable the triggers first, and is still found out.
    await expect(
      stack.database.db.execute(sql`update audit_events set reason = 'edited afterwards' where id = ${id}`),
    ).rejects.toThrow();
    await stack.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(sql`update audit_events set reason = 'edited afterwards' where id = ${id}`);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });
    const broken = await stack.request('GET', '/api/v1/audit-events/verification', { token: admin });
    expect(broken.body).toMatchObject({ ok: false, firstBrokenId: id });
  });
});

describe('reference data on the audit chain', () => {
  it('records every change of reference data as an audited event, for the bureau only', async () => {
    const trail = async (caseId: string) =>
      (await stack.request('GET', `/api/v1/audit-events?caseId=${caseId}`, { token: admin })).body.items as {
        action: string;
        actorId: string;
        hash: string;
      }[];
    const code = uniq('REF');
    expect(
      (
        await stack.request('POST', '/api/v1/agencies', {
          token: admin,
          body: { code, name: '市档案局', level: 'municipal' },
        })
      ).status,
    ).toBe(201);
    expect(await trail(`agency:${code}`)).toEqual([
      expect.objectContaining({ action: 'agency_registered', actorId: 'admin', hash: expect.stringMatching(/^h1:/) }),
    ]);
    const reviewer = await stack.token('ref-reviewer', ['agency_reviewer'], code);
    const resource = await stack.request('POST', '/api/v1/catalog/resources', {
      token: reviewer,
      body: {
        code: uniq('R'),
        name: '档案目录',
        providerAgency: code,
        fields: [{ name: 'title' }],
        shareType: 'conditional',
        openType: 'not_open',
        legalBasis: '《档案法》',
        updateCycle: 'monthly',
      },
    });
    expect(resource.status).toBe(201);
    expect((await trail(`catalog:${resource.body.id}`)).map((e) => e.action)).toEqual(['resource_catalogued']);
    const updated = await stack.request('POST', `/api/v1/catalog/resources/${resource.body.id}/data-updates`, {
      token: reviewer,
      body: {},
    });
    expect(updated.status).toBe(201);
    expect(await trail(`data-update:${resource.body.id}`)).toEqual([
      expect.objectContaining({ action: 'data_updated', actorId: 'ref-reviewer' }),
    ]);
    const year = 2031;
    expect(
      (
        await stack.request('PUT', `/api/v1/calendar/years/${year}`, {
          token: admin,
          body: { holidays: [`${year}-01-01`], workdays: [] },
        })
      ).status,
    ).toBe(200);
    expect((await trail(`calendar:${year}`)).map((e) => e.action)).toEqual(['calendar_published']);
    const agreement = await stack.request('POST', '/api/v1/agreement-texts', {
      token: admin,
      body: { title: '公共数据开放利用协议', body: '第一条 …' },
    });
    expect(agreement.status).toBe(201);
    expect((await trail(`agreement:${agreement.body.version}`)).map((e) => e.action)).toEqual(['agreement_published']);
    const framework = await stack.request('POST', '/api/v1/assessment-indicators', {
      token: admin,
      body: {
        version: uniq('v-'),
        title: '指标',
        grades: { excellent: 90, good: 75, pass: 60 },
        indicators: [{ code: 'catalog_completeness', name: '目录', weight: 100, floor: null, metric: 'catalog' }],
      },
    });
    expect(framework.status).toBe(201);
    expect((await trail(`indicators:${framework.body.version}`)).map((e) => e.action)).toEqual([
      'indicators_published',
    ]);
    // The bureau's trail: an agency's own people do not see it.
    expectProblem(
      await stack.request('GET', `/api/v1/audit-events?caseId=agency:${code}`, { token: reviewer }),
      404,
      'NOT_FOUND',
    );
  });
});
