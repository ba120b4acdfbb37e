// The HTTP contract of docs/api.md P4 over a real stack on the time-skipping server, so the windows of
// the cycle can close: start (once a year), metrics, roles, self-assessment, assignments, reviews,
// publications, appeals, CSV export, rectification, and the indicator framework.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimKey } from '../../api/idempotency.js';
import { catalogResources } from '../../db/schema/catalog.js';
import { expectProblem, eventually } from '../helpers/assertions.js';
import { uniq } from '../helpers/fixtures.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { sleepUntil } from '../helpers/temporal.js';

let stack: Stack;
let admin: string,
  coordinator: string,
  assessor: string,
  stranger: string,
  staffA: string,
  reviewerA: string,
  staffB: string,
  staffC: string;
let a: string, b: string, c: string;
let year: number;

const skipPast = (iso: string) => sleepUntil(stack.env, iso, 60_000);
const cycle = () => stack.request('GET', `/api/v1/assessment-cycles/${year}`, { token: coordinator });
const agency = (code: string, token = admin) =>
  stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies/${code}`, { token });
const post = (path: string, token: string, body: unknown, headers?: Record<string, string>) =>
  stack.request('POST', `/api/v1/assessment-cycles${path}`, { token, body, ...(headers ? { headers } : {}) });
const scores = (applicable: string[], score: number, key: 'evidence' | 'comment') =>
  applicable.map((indicator) => ({ indicator, score, [key]: `${key} ${indicator}` }));

beforeAll(async () => {
  stack = await startStack({}, { timeSkipping: true });
  admin = await stack.token('admin', ['bureau_admin']);
  coordinator = await stack.token('coord', ['bureau_coordinator']);
  assessor = await stack.token('assessor-1', ['assessor']);
  stranger = await stack.token('assessor-2', ['assessor']);
  [a, b, c] = [uniq('AGA'), uniq('AGB'), uniq('AGC')];
  for (const code of [a, b, c])
    await stack.request('POST', '/api/v1/agencies', {
      token: admin,
      body: { code, name: `机构${code}`, level: 'municipal' },
    });
  staffA = await stack.token('staff-a', ['agency_staff'], a);
  reviewerA = await stack.token('reviewer-a', ['agency_reviewer'], a);
  staffB = await stack.token('staff-b', ['agency_staff'], b);
  staffC = await stack.token('staff-c', ['agency_staff'], c);
  const res = await stack.request('POST', '/api/v1/catalog/resources', {
    token: admin,
    body: {
      code: uniq('R'),
      name: '企业登记',
      providerAgency: a,
      description: '全市企业登记信息',
      fields: [{ name: 'name' }],
      shareType: 'unconditional',
      openType: 'unconditional',
      updateCycle: 'daily',
    },
  });
  // The year assessed is the last one, so the resource was catalogued in it.
  year = Number(new Date((await stack.env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  await stack.database.db
    .update(catalogResources)
    .set({ createdAt: new Date(`${year}-06-01T00:00:00Z`) })
    .where(eq(catalogResources.id, res.body.id));
});
afterAll(async () => stack?.close());

describe('assessment cycles (年度评估) over HTTP', () => {
  it('starts a year once: bad years are 400, non-admins 403, a second start 409, a retried key the same cycle', async () => {
    // The current year has not ended: its records are incomplete.
    const current = await post('', admin, { year: year + 1 });
    expectProblem(current, 400, 'VALIDATION_FAILED');
    expect(current.body.errors).toEqual([{ path: 'year', message: 'a year is assessed once it has ended' }]);
    expectProblem(await post('', admin, { year: 'last' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post('', admin, { year, indicatorsVersion: 'no-such' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post('', coordinator, { year }), 403, 'FORBIDDEN');
    // A refused request does not use up its key: the corrected one may carry it.
    expectProblem(
      await post('', admin, { year, indicatorsVersion: 'no-such' }, { 'idempotency-key': 'cycle-1' }),
      400,
      'VALIDATION_FAILED',
    );
    const started = await post('', admin, { year }, { 'idempotency-key': 'cycle-1' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ year, indicatorsVersion: 'default-v1', agencyCount: 3 });
    expect(started.body.stages.selfAssessment.dueAt).toBe(
      `${started.body.stages.selfAssessment.dueDate}T15:59:59.999Z`,
    );
    const retried = await post('', admin, { year }, { 'idempotency-key': 'cycle-1' });
    expect([retried.status, retried.body.year]).toEqual([201, year]);
    expectProblem(await post('', admin, { year }), 409, 'DUPLICATE');
    // A first attempt refused as a duplicate is refused again when retried with its key.
    expectProblem(await post('', admin, { year }, { 'idempotency-key': 'cycle-2' }), 409, 'DUPLICATE');
    expectProblem(await post('', admin, { year }, { 'idempotency-key': 'cycle-2' }), 409, 'DUPLICATE');
    expectProblem(await post('', admin, { year: year - 2 }, { 'idempotency-key': 'cycle-1' }), 409, 'DUPLICATE');
  });

  it('attaches a retry to the start its first attempt made when that attempt got no answer', async () => {
    // The first attempt claimed its key and started the workflow, then failed before answering.
    const earlierYear = year - 3;
    const body = { year: earlierYear };
    await claimKey(stack.database.db, 'assessment-cycle:admin', 'cycle-lost', body, `assessment:${earlierYear}`);
    const retried = await post('', admin, body, { 'idempotency-key': 'cycle-lost' });
    expect([retried.status, retried.body.year]).toEqual([201, earlierYear]);
    // Only that request attaches: another start of the year is still refused.
    expectProblem(await post('', admin, body), 409, 'DUPLICATE');
  });

  it('reaches self_assessment with metrics for every agency, counted by state', async () => {
    const res = await eventually(cycle, (r) => r.body.state === 'self_assessment');
    expect(res.body.counts).toMatchObject({ self_assessment: 3, collecting: 0 });
    const list = await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies?limit=2`, {
      token: coordinator,
    });
    expect(list.body.items).toHaveLength(2);
    const rest = await stack.request(
      'GET',
      `/api/v1/assessment-cycles/${year}/agencies?cursor=${list.body.nextCursor}`,
      { token: coordinator },
    );
    const all = [...list.body.items, ...rest.body.items];
    expect(all.map((x: any) => x.agencyCode).sort()).toEqual([a, b, c].sort());
    for (const x of all) expect(x.metrics.catalog.applicable).toBe(true);
    const mine = (await agency(a, staffA)).body;
    expect(mine.metrics.catalog).toMatchObject({ total: 1, ok: 1, systemScore: 100 });
    expect(mine.metrics.share.applicable).toBe(false);
    expect(mine.timeline.map((e: any) => e.action)).toEqual(['metrics']);
  });

  it('moves deadlines that reached an unpublished year once the bureau publishes it, for the cycle and every agency', async () => {
    const before = (await cycle()).body.stages.review;
    // The review window ends in the next year, whose calendar is not out yet: weekends alone decided it.
    expect(before.provisional).toBe(true);
    const next = Number(before.dueDate.slice(0, 4));
    const put = await stack.request('PUT', `/api/v1/calendar/years/${next}`, {
      token: admin,
      body: { holidays: [`${next}-01-01`, `${next}-01-04`, `${next}-01-05`], workdays: [] },
    });
    expect(put.status).toBe(200);
    const after = await eventually(cycle, (r) => r.body.stages.review.provisional === false);
    const moved = (
      await stack.request(
        'GET',
        `/api/v1/calendar/working-days?from=${after.body.stages.selfAssessment.dueDate}&days=15`,
        { token: admin },
      )
    ).body;
    expect(after.body.stages.review).toMatchObject({ dueDate: moved.due, provisional: false });
    expect(moved.due > before.dueDate).toBe(true);
    for (const code of [a, b, c]) {
      const r = await eventually(
        () => agency(code),
        (x) => x.body.stages.review.provisional === false,
      );
      expect(r.body.stages.review.dueDate).toBe(moved.due);
      expect(r.body.timeline.map((e: any) => e.action)).toContain('deadlines_recomputed');
    }
  });

  it('answers a %00 in the path or query with 400, never a 500', async () => {
    expectProblem(await agency('%00'), 400, 'VALIDATION_FAILED');
    expectProblem(
      await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies?cursor=%00`, { token: admin }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('shows an agency its own assessment only; the cycle to the bureau and assessors', async () => {
    expect((await agency(a, reviewerA)).status).toBe(200);
    expectProblem(await agency(a, staffB), 404, 'NOT_FOUND');
    expectProblem(await agency(a, assessor), 404, 'NOT_FOUND');
    expectProblem(await stack.request('GET', `/api/v1/assessment-cycles/${year}`, { token: staffA }), 403, 'FORBIDDEN');
    expectProblem(
      await stack.request('GET', `/api/v1/assessment-cycles/${year - 5}`, { token: coordinator }),
      404,
      'NOT_FOUND',
    );
    expect((await stack.request('GET', `/api/v1/assessment-cycles/${year}`, { token: assessor })).status).toBe(200);
  });

  it('takes the self-assessment from the agency staff, naming bad items', async () => {
    const applicable = (await agency(a, staffA)).body.applicable as string[];
    expectProblem(
      await post(`/${year}/agencies/${a}/self-assessment`, reviewerA, { items: scores(applicable, 90, 'evidence') }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await post(`/${year}/agencies/${a}/self-assessment`, staffB, { items: scores(applicable, 90, 'evidence') }),
      404,
      'NOT_FOUND',
    );
    const noEvidence = await post(`/${year}/agencies/${a}/self-assessment`, staffA, {
      items: [{ indicator: applicable[0], score: 90 }],
    });
    expectProblem(noEvidence, 400, 'VALIDATION_FAILED');
    expect(noEvidence.body.errors.map((e: any) => e.path)).toContain('items.0.evidence');
    const wrong = await post(`/${year}/agencies/${a}/self-assessment`, staffA, {
      items: [...scores(applicable, 90, 'evidence'), { indicator: 'share_timeliness', score: 1, evidence: 'x' }],
    });
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.body.errors[0].path).toBe(`items.${applicable.length}.indicator`);
    const done = await post(`/${year}/agencies/${a}/self-assessment`, staffA, {
      items: scores(applicable, 95, 'evidence'),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'review',
      stages: { selfAssessment: { overdue: false, submittedAt: expect.any(String) } },
    });
    expectProblem(
      await post(`/${year}/agencies/${a}/self-assessment`, staffA, { items: scores(applicable, 95, 'evidence') }),
      409,
      'INVALID_STATE',
    );
  });

  it('assigns an assessor, who then sees and reviews the agency; others cannot', async () => {
    expectProblem(
      await post(`/${year}/assignments`, admin, { assessor: 'assessor-1', agencies: [a, 'NOPE'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post(`/${year}/assignments`, coordinator, { assessor: 'assessor-1', agencies: [a] }),
      403,
      'FORBIDDEN',
    );
    const assigned = await post(`/${year}/assignments`, admin, {
      assessor: 'assessor-1',
      assessorName: '第三方评估公司',
      agencies: [a, b, c],
    });
    expect(assigned.body).toEqual({ assessor: 'assessor-1', assigned: [a, b, c].sort(), refused: [] });
    expect((await agency(b, assessor)).body.assessor).toMatchObject({ id: 'assessor-1', name: '第三方评估公司' });
    const listed = await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies`, { token: assessor });
    expect(listed.body.items).toHaveLength(3);
    expect(
      (await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies`, { token: stranger })).body.items,
    ).toEqual([]);
    const applicable = (await agency(b)).body.applicable as string[];
    expectProblem(
      await post(`/${year}/agencies/${b}/review`, assessor, { items: scores(applicable, 50, 'comment') }),
      409,
      'INVALID_STATE',
    );
    expectProblem(
      await post(`/${year}/agencies/${a}/review`, stranger, { items: scores(applicable, 50, 'comment') }),
      404,
      'NOT_FOUND',
    );
    const reviewed = await post(`/${year}/agencies/${a}/review`, assessor, {
      items: scores((await agency(a)).body.applicable, 93, 'comment'),
    });
    expect(reviewed.body.state).toBe('reviewed');
  });

  it('publishes nothing before the window closes or while reviews are missing', async () => {
    expectProblem(await post(`/${year}/publication`, admin, { stage: 'preliminary' }), 409, 'INVALID_STATE');
    expectProblem(await post(`/${year}/publication`, admin, { stage: 'someday' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await stack.request('GET', `/api/v1/assessment-cycles/${year}/results.csv`, { token: admin }),
      409,
      'INVALID_STATE',
    );
    await skipPast((await cycle()).body.stages.selfAssessment.dueAt);
    const closed = await eventually(
      () => agency(b),
      (r) => r.body.state === 'review',
    );
    expect(closed.body).toMatchObject({
      overdue: true,
      selfAssessmentMissed: true,
      stages: { selfAssessment: { overdue: true, submittedAt: null } },
    });
    expect((await cycle()).body).toMatchObject({ overdue: true, overdueAgencies: 2 });
    expect((await eventually(cycle, (r) => r.body.state === 'review')).body.state).toBe('review');
    const missing = await post(`/${year}/publication`, admin, { stage: 'preliminary' });
    expectProblem(missing, 409, 'INVALID_STATE');
    expect(missing.body.detail).toContain('2 of 3 agencies are not reviewed');
    for (const [code, score] of [
      [b, 40],
      [c, 85],
    ] as const) {
      const applicable = (await agency(code)).body.applicable as string[];
      expect(
        (await post(`/${year}/agencies/${code}/review`, assessor, { items: scores(applicable, score, 'comment') })).body
          .state,
      ).toBe('reviewed');
    }
  });

  it('publishes preliminary results with a notice period, hears and answers appeals, then final results and ranks', async () => {
    const prelim = await post(`/${year}/publication`, admin, { stage: 'preliminary' });
    expect(prelim.status).toBe(200);
    expect(prelim.body.state).toBe('notice');
    const weak = await eventually(
      () => agency(b, staffB),
      (r) => r.body.state === 'notice',
    );
    expect(weak.body).toMatchObject({
      resultStage: 'preliminary',
      total: 40,
      grade: '不合格',
      gradeCode: 'fail',
      stages: { notice: { dueDate: prelim.body.stages.notice.dueDate } },
    });
    expectProblem(await post(`/${year}/agencies/${b}/appeal`, staffB, { text: '' }), 400, 'VALIDATION_FAILED');
    expect((await post(`/${year}/agencies/${b}/appeal`, staffB, { text: '已补充目录' })).body.appeal.text).toBe(
      '已补充目录',
    );
    expectProblem(await post(`/${year}/agencies/${b}/appeal/answer`, coordinator, { text: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await post(`/${year}/publication`, admin, { stage: 'final' }), 409, 'INVALID_STATE');
    const answered = await post(`/${year}/agencies/${b}/appeal/answer`, admin, {
      text: '部分采纳',
      revised: [{ indicator: 'catalog_completeness', score: 55 }],
    });
    expect(answered.body).toMatchObject({
      total: 55,
      grade: '不合格',
      appeal: { answer: { value: { text: '部分采纳' } } },
    });
    // The notice period must run out first.
    expectProblem(await post(`/${year}/publication`, admin, { stage: 'final' }), 409, 'INVALID_STATE');
    await skipPast(prelim.body.stages.notice.dueAt);
    expectProblem(await post(`/${year}/agencies/${c}/appeal`, staffC, { text: 'late' }), 409, 'INVALID_STATE');
    const final = await post(`/${year}/publication`, admin, { stage: 'final' });
    expect(final.body.state).toBe('final');
    expectProblem(await post(`/${year}/publication`, admin, { stage: 'final' }), 409, 'INVALID_STATE');
    const ranked = await eventually(
      () => agency(b),
      (r) => r.body.rank === 3,
    );
    expect(ranked.body).toMatchObject({
      state: 'rectification',
      resultStage: 'final',
      rectification: { state: 'awaiting_plan' },
    });
    expect((await agency(a)).body).toMatchObject({ state: 'closed', rank: 1, grade: '优秀' });
    expect((await agency(c)).body).toMatchObject({ state: 'closed', rank: 2, grade: '良好' });
  });

  it('exports the results as CSV in rank order, with not-applicable indicators marked', async () => {
    const res = await stack.request('GET', `/api/v1/assessment-cycles/${year}/results.csv`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/csv');
    const [header, ...rows] = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'year,agency_code,agency_name,state,result_stage,catalog_completeness,data_freshness,share_timeliness,objection_outcomes,open_timeliness,correction_timeliness,total,grade,grade_code,rank,rectification_required,overdue',
    );
    expect(rows.map((r) => r.split(',')[1])).toEqual([a, c, b]);
    expect(rows[0]).toBe(`${year},${a},机构${a},closed,final,93,93,n/a,n/a,n/a,n/a,93,优秀,excellent,1,no,no`);
    expect(rows[2]).toContain(',55,不合格,fail,3,yes,yes');
    expectProblem(
      await stack.request('GET', `/api/v1/assessment-cycles/${year}/results.csv`, { token: staffA }),
      403,
      'FORBIDDEN',
    );
  });

  it("runs rectification to the bureau's verification; a failed check reopens it, and the cycle closes", async () => {
    expectProblem(
      await post(`/${year}/agencies/${b}/rectification`, staffB, { stage: 'report', text: 'done' }),
      409,
      'INVALID_STATE',
    );
    expectProblem(
      await post(`/${year}/agencies/${b}/rectification`, staffB, { stage: 'later', text: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    const plan = await post(`/${year}/agencies/${b}/rectification`, staffB, {
      stage: 'plan',
      text: '三十日内补录目录',
    });
    expect(plan.body.stages.rectificationCompletion).toMatchObject({ dueDate: expect.any(String), overdue: false });
    await post(`/${year}/agencies/${b}/rectification`, staffB, { stage: 'report', text: '已补录' });
    expectProblem(
      await post(`/${year}/agencies/${b}/rectification/verification`, staffB, { passed: true }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await post(`/${year}/agencies/${b}/rectification/verification`, admin, { passed: 'no' }),
      400,
      'VALIDATION_FAILED',
    );
    // docs/api.md's body is { passed }: a failed check reopens the rectification, a note being optional.
    const reopened = await post(`/${year}/agencies/${b}/rectification/verification`, admin, { passed: false });
    expect(reopened.body.rectification).toMatchObject({
      state: 'in_progress',
      verifications: [{ value: { passed: false, note: null } }],
    });
    expect(reopened.body.timeline.at(-1)).toMatchObject({
      action: 'rectification_reopened',
      reason: 'the bureau did not accept the rectification',
    });
    await post(`/${year}/agencies/${b}/rectification`, staffB, { stage: 'report', text: '已补全' });
    expect((await post(`/${year}/agencies/${b}/rectification/verification`, admin, { passed: true })).body.state).toBe(
      'closed',
    );
    expect((await eventually(cycle, (r) => r.body.state === 'closed')).body).toMatchObject({
      state: 'closed',
      counts: { closed: 3 },
      rectifying: 1,
    });
    expectProblem(await post(`/${year}/agencies/${b}/appeal`, staffB, { text: 'x' }), 409, 'INVALID_STATE');
  });

  it('audits every step of the cycle and of each agency in the hash chain, shown to whom may see the case', async () => {
    const audit = (caseId: string, token: string) =>
      stack.request('GET', `/api/v1/audit-events?caseId=${caseId}`, { token });
    const own = await audit(`${year}:${b}`, staffB);
    expect(own.body.items.map((e: any) => e.action)).toEqual([
      'metrics',
      'deadlines_recomputed',
      'assign_assessor',
      'overdue',
      'review',
      'preliminary_result',
      'appeal',
      'appeal_answered',
      'final_result',
      'rectification_plan',
      'rectification_report',
      'rectification_reopened',
      'rectification_report',
      'rectification_verified',
    ]);
    // Chained: each event names the hash before it, and the events come in chain order.
    expect(
      own.body.items.every(
        (e: any) =>
          /^h1:[0-9a-f]{64}$/.test(e.hash) && /^(h1:)?[0-9a-f]{64}$/.test(e.prevHash) && e.hash !== e.prevHash,
      ),
    ).toBe(true);
    expect(own.body.items.map((e: any) => e.id)).toEqual(
      [...own.body.items.map((e: any) => e.id)].sort((x: number, y: number) => x - y),
    );
    expect(own.body.items.find((e: any) => e.action === 'appeal')).toMatchObject({
      actorId: 'staff-b',
      actorRole: 'agency_staff',
      actorAgency: b,
      reason: '已补充目录',
    });
    expectProblem(await audit(`${year}:${b}`, staffA), 404, 'NOT_FOUND');
    expect((await audit(`${year}`, coordinator)).body.items.map((e: any) => e.action)).toEqual([
      'open',
      'metrics_collected',
      'deadlines_recomputed',
      'self_assessment_closed',
      'publish_preliminary',
      'publish_final',
      'ranked',
      'close',
    ]);
    expectProblem(await audit(`${year}`, staffA), 404, 'NOT_FOUND');
    expectProblem(await audit('2025:a b', coordinator), 400, 'VALIDATION_FAILED');
    expect((await stack.request('GET', '/api/v1/audit-events/verification', { token: admin })).body).toMatchObject({
      ok: true,
    });
  });

  it('documents every P4 route of docs/api.md in the OpenAPI document', async () => {
    const paths = (await stack.request('GET', '/openapi.json')).body.paths;
    const base = '/api/v1/assessment-cycles/{year}';
    for (const [path, method] of [
      ['/api/v1/assessment-schedule', 'get'],
      ['/api/v1/assessment-cycles', 'post'],
      [base, 'get'],
      [`${base}/agencies/{code}`, 'get'],
      [`${base}/agencies/{code}/self-assessment`, 'post'],
      [`${base}/agencies/{code}/review`, 'post'],
      [`${base}/agencies/{code}/appeal`, 'post'],
      [`${base}/agencies/{code}/appeal/answer`, 'post'],
      [`${base}/assignments`, 'post'],
      [`${base}/publication`, 'post'],
      [`${base}/agencies/{code}/rectification`, 'post'],
      [`${base}/agencies/{code}/rectification/verification`, 'post'],
      [`${base}/results.csv`, 'get'],
    ] as const)
      expect(paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['assessments (P4)']);
  });

  it('keeps the indicator framework versioned: a new version is validated, never overwritten', async () => {
    const list = await stack.request('GET', '/api/v1/assessment-indicators', { token: staffA });
    expect(list.body.items.find((s: any) => s.version === 'default-v1')).toMatchObject({
      isDefault: true,
      indicators: expect.any(Array),
    });
    const version = {
      version: 'binzhou-2027',
      title: '滨州 2027',
      grades: { excellent: 90, good: 75, pass: 60 },
      indicators: [
        { code: 'catalog_completeness', name: '目录', weight: 60, floor: 60, metric: 'catalog' },
        { code: 'share_timeliness', name: '共享', weight: 40, floor: null, metric: 'share' },
      ],
    };
    expectProblem(
      await stack.request('POST', '/api/v1/assessment-indicators', { token: coordinator, body: version }),
      403,
      'FORBIDDEN',
    );
    const badGrades = await stack.request('POST', '/api/v1/assessment-indicators', {
      token: admin,
      body: { ...version, grades: { excellent: 50, good: 75, pass: 60 } },
    });
    expectProblem(badGrades, 400, 'VALIDATION_FAILED');
    expect(badGrades.body.errors[0].path).toBe('grades');
    expect(
      (
        await stack.request('POST', '/api/v1/assessment-indicators', {
          token: admin,
          body: { ...version, makeDefault: true },
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await stack.request('POST', '/api/v1/assessment-indicators', { token: admin, body: version }),
      409,
      'DUPLICATE',
    );
    const after = (await stack.request('GET', '/api/v1/assessment-indicators', { token: admin })).body.items;
    expect(after.filter((s: any) => s.isDefault).map((s: any) => s.version)).toEqual(['binzhou-2027']);
  });
});
