// The README's screenshots (docs/screenshots), made by `npm run screenshots` (SCREENSHOTS=1; `npm test`
// skips this file). The demo city of scripts/seed-demo.ts on the time-skipping server: last year's
// assessment is driven through the API to its final ranking, the clock runs on so that the work list
// has cases due soon and one overdue, and each page is shot in Chromium as the person who would look
// at it. The API, the activities and the browser read the time-skipping server's clock, so every
// date and 剩余/超期 figure on the pages agrees with the workflows' deadlines.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogResources } from '../../db/schema/catalog.js';
import { seedDemo, type SeedSummary } from '../../scripts/seed-demo.js';
import { agencies, people, resources } from '../../scripts/demo/city.js';
import { Api, waitFor, type Person } from '../../scripts/demo/client.js';
import { idNumber } from '../../scripts/demo/identifiers.js';
import { chromiumPath, choose, launchBrowser, newContext, signIn } from '../../test/helpers/browser.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';
import { sleepUntil } from '../../test/helpers/temporal.js';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { addWorkingDays, localDate } from '../../workflows/common/working-days.js';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

// People the demo city has no one for: the staff who submit the other agencies' self-assessments and
// two more applications, and the two assessors (the development sign-in names them assessor:none:<name>).
const staff = (agency: string, name: string): Person => ({ role: 'agency_staff', agency, name });
const extraStaff: Record<string, Person> = {
  'BZ-BDB': staff('BZ-BDB', '林晓'),
  'BZ-PSB': staff('BZ-PSB', '赵磊'),
  'BZ-NRP': staff('BZ-NRP', '钱坤'),
  'BZ-HSA': staff('BZ-HSA', '韩梅'),
};
const assessors = [
  { person: { role: 'assessor', agency: null, name: '宋涛' } as Person, name: '山东德衡数据评估有限公司' },
  { person: { role: 'assessor', agency: null, name: '韩雪' } as Person, name: '滨州学院公共数据研究中心' },
];
const staffOf = (agency: string): Person =>
  Object.values(people).find((p) => p.role === 'agency_staff' && p.agency === agency) ?? extraStaff[agency]!;

/** Each agency's reviewed total for last year: every grade, one 不合格 that appeals. */
const targets: Record<string, number> = {
  'BZ-AMR': 95,
  'BZ-PSB': 93,
  'BZ-BDB': 91,
  'BZ-HSA': 88,
  'BZ-HRSS': 86,
  'BZ-HC': 84,
  'BZ-TB': 81,
  'BZ-BC': 78,
  'BZ-NRP': 74,
  'BZ-CA': 70,
  'BZ-EDU': 65,
  'BZ-ZH': 48,
};
const evidence: Record<string, string> = {
  catalog_completeness:
    '已按《滨州市公共数据资源目录编制规范》编目，各资源均载明数据项、更新周期和共享开放属性，附目录清单。',
  data_freshness: '各资源按声明的更新周期更新，附年度数据更新记录和接口调用日志。',
};
const band = (score: number) => (score >= 90 ? 0 : score >= 80 ? 1 : score >= 60 ? 2 : 3);
const comments: Record<string, string[]> = {
  catalog_completeness: [
    '目录规范完整，抽查的资源数据项、共享依据填写齐全。',
    '目录总体规范，个别资源的数据项说明不够具体。',
    '部分资源未注明共享开放依据，数据项说明过于简略。',
    '目录编制不完整，多项资源缺少数据项和共享开放依据。',
  ],
  data_freshness: [
    '抽查的资源均按声明的周期更新。',
    '个别资源更新略有滞后，已说明原因。',
    '部分资源未按声明的更新周期更新。',
    '多项资源全年未更新，更新记录缺失。',
  ],
};
const fallbackText = ['评审材料齐全。', '总体符合要求。', '部分材料不完整。', '材料缺失较多。'];

const wanted = process.env.SCREENSHOTS === '1';

describe.skipIf(!chromiumPath() || !wanted)('screenshots of the console (docs/screenshots)', () => {
  let stack: Stack;
  let browser: Browser;
  let api: Api;
  let year: number;
  let seeded: SeedSummary;
  const cyclePath = () => `/api/v1/assessment-cycles/${year}`;

  /** The API and the activities keep the time-skipping server's time (the browser gets it per page). */
  const syncClock = async () => vi.setSystemTime(await stack.env.currentTimeMs());
  /** Lets the server's clock run to `at` (local time) on `date`; the tokens minted before are expired by then. */
  const skipTo = async (date: string, at = '09:30') => {
    await sleepUntil(stack.env, `${date}T${at}:00+08:00`, 0);
    await syncClock();
    api = new Api(stack.baseUrl);
  };
  /** To the working day `days` after today. */
  const skipWorkingDays = async (days: number) =>
    skipTo(addWorkingDays(localDate(await stack.env.currentTimeMs()), days, BUILTIN_CALENDAR).due);
  const as = (p: Person) => api.token(p);
  const admin = () => as(people.admin);
  const cycle = async () => (await api.get(cyclePath(), await admin())).body;
  const cycleAgencies = async (): Promise<any[]> => api.all(`${cyclePath()}/agencies`, await admin());
  const settled = (what: string, ok: (agencies: any[]) => boolean) => waitFor(cycleAgencies, ok, what, 60_000);
  const resource = async (code: string) =>
    (await api.all<{ id: string; code: string }>('/api/v1/catalog/resources', await admin())).find(
      (r) => r.code === code,
    )!;
  const apply = async (by: Person, body: Record<string, unknown>) => {
    const resourceId = (await resource('BZ-PSB-001')).id;
    const created = await api.post<{ id: string }>('/api/v1/share-applications', await as(by), { resourceId, ...body });
    await waitFor(
      async () => (await api.get(`/api/v1/share-applications/${created.id}`, await as(by))).body,
      (c) => c.state === 'pending_review',
      'the application awaits review',
    );
  };

  /** A page of its own, its clock the server's, signed in as `who`. */
  async function pageAs(who: { role: string; agency?: string; name: string } | null): Promise<Page> {
    const context = await newContext(browser, stack.baseUrl);
    await context.clock.setSystemTime(new Date(await stack.env.currentTimeMs()));
    const page = await context.newPage();
    if (who) await signIn(page, who);
    return page;
  }
  /** Waits for the fonts and a moment of quiet, then saves the whole page. */
  async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await page.evaluate('document.fonts.ready');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${dir}${name}.png`, fullPage: options.fullPage ?? true });
  }

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    [stack, browser] = await Promise.all([startStack({}, { timeSkipping: true }), launchBrowser()]);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    await syncClock();
    api = new Api(stack.baseUrl);
    year = Number(localDate(Date.now()).slice(0, 4)) - 1;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await browser?.close();
    await stack?.close();
  });

  it('drives the demo city: last year’s assessment to its final ranking, cases due soon and one overdue', async () => {
    // The city's agencies and catalog first, catalogued since last year, so the year's metrics count them.
    for (const a of agencies) await api.post('/api/v1/agencies', await admin(), a);
    for (const r of resources) await api.post('/api/v1/catalog/resources', await admin(), r);
    await stack.database.db.update(catalogResources).set({ createdAt: new Date(`${year}-03-01T00:00:00+08:00`) });

    // Last year's assessment: started as the seed starts it, every agency assesses itself, two assessors review.
    const key = { 'idempotency-key': `seed-demo:assessment:${year}` };
    await api.post('/api/v1/assessment-cycles', await admin(), { year }, key);
    await waitFor(cycle, (c) => c.state === 'self_assessment', 'metrics collected', 60_000);
    const all = await cycleAgencies();
    expect(all.map((a) => a.agencyCode).sort()).toEqual(Object.keys(targets).sort());
    // The catalogue a point above the agency's total, the freshness a point below; self-assessed a little higher.
    const tilt: Record<string, number> = { catalog_completeness: 1, data_freshness: -1 };
    const score = (code: string, indicator: string, offset: number) =>
      Math.min(100, targets[code]! + offset + (tilt[indicator] ?? 0));
    for (const a of all) {
      const items = (a.applicable as string[]).map((i) => ({
        indicator: i,
        score: score(a.agencyCode, i, 4),
        evidence: evidence[i] ?? '附相关工作材料。',
      }));
      const by = await as(staffOf(a.agencyCode));
      await api.post(`${cyclePath()}/agencies/${a.agencyCode}/self-assessment`, by, { items });
    }
    const codes = Object.keys(targets);
    for (const [n, { person, name }] of assessors.entries()) {
      const mine = codes.filter((_, i) => i % 2 === n);
      const body = { assessor: `assessor:none:${person.name}`, assessorName: name, agencies: mine };
      await api.post(`${cyclePath()}/assignments`, await admin(), body);
    }

    // The self-assessment window closes; the assessors review, and the preliminary results are noticed.
    await skipTo(addWorkingDays((await cycle()).stages.selfAssessment.dueDate, 1, BUILTIN_CALENDAR).due);
    await settled('every agency in review', (list) => list.every((a) => a.state === 'review'));
    for (const [n, { person }] of assessors.entries()) {
      for (const a of (await cycleAgencies()).filter((x) => codes.indexOf(x.agencyCode) % 2 === n)) {
        const items = (a.applicable as string[]).map((i) => {
          const s = score(a.agencyCode, i, 0);
          return { indicator: i, score: s, comment: (comments[i] ?? fallbackText)[band(s)]! };
        });
        await api.post(`${cyclePath()}/agencies/${a.agencyCode}/review`, await as(person), { items });
      }
    }
    await settled('every agency reviewed', (list) => list.every((a) => a.state === 'reviewed'));
    await api.post(`${cyclePath()}/publication`, await admin(), { stage: 'preliminary' });
    await settled('the results noticed', (list) => list.every((a) => a.state === 'notice'));

    // 待办 of the public-security reviewer: one application now (overdue by the time of the shot)...
    await apply(extraStaff['BZ-HSA']!, {
      fields: ['姓名', '公民身份号码', '户籍地址'],
      purpose: '城乡居民基本医疗保险参保登记时核验参保人的户籍所在地，确定参保地和财政补助标准。',
      dutyBasis: '《中华人民共和国社会保险法》；《医疗保障基金使用监督管理条例》',
      usageScope: '滨州市医疗保障局参保登记系统',
      periodMonths: 12,
      deliveryMethod: 'api',
      securityMeasures: '按件核验，不留存户籍地址；查询日志留存三年。',
    });
    // ...an appeal against the preliminary result, answered in part...
    const zh = staffOf('BZ-ZH');
    await api.post(`${cyclePath()}/agencies/BZ-ZH/appeal`, await as(zh), {
      text: '我区已于年内补充编制农业农村、住房保障等12项数据资源目录，评审时未纳入，申请复核目录编制完整性得分。',
    });
    await api.post(`${cyclePath()}/agencies/BZ-ZH/appeal/answer`, await admin(), {
      text: '经复核，补充编目的资源中8项符合编目规范，目录编制完整性得分调整为54分；其余资源仍缺少共享开放依据，不予采纳。',
      revised: [{ indicator: 'catalog_completeness', score: 54, comment: '补充编目的8项资源符合规范。' }],
    });
    // ...the demo city's cases three working days later (due soon at the shot)...
    await skipWorkingDays(3);
    seeded = await seedDemo({ baseUrl: stack.baseUrl, log: () => {} });
    expect(seeded.assessment).toMatchObject({ year, state: 'notice' });

    // The notice period ends: the final results are published and ranked.
    await skipWorkingDays(3);
    await api.post(`${cyclePath()}/publication`, await admin(), { stage: 'final' });
    await settled('the agencies ranked', (list) => list.every((a) => a.rank !== null));
    // ...and one more application, with time to spare.
    await apply(extraStaff['BZ-NRP']!, {
      fields: ['姓名', '公民身份号码', '户籍地址'],
      purpose: '不动产登记时核验权利人的身份和户籍信息，群众免于提交户口簿。',
      dutyBasis: '《不动产登记暂行条例》',
      usageScope: '滨州市不动产登记中心登记窗口',
      periodMonths: 24,
      deliveryMethod: 'api',
      securityMeasures: '按件核验，核验结果随登记档案归档；经办人员实名登录，操作留痕。',
    });
    // ...and an error reported in the identity check the social-insurance centre holds a grant on, to be
    // verified within five working days (errors are reported by those who hold the data).
    const reported = await api.post<{ id: string }>('/api/v1/corrections', await as(people.hrssStaff), {
      resourceId: (await resource('BZ-PSB-002')).id,
      recordRef: '核验请求 HRSS-2026-0318-0042',
      field: '姓名',
      currentValue: '王晓明',
      claimedValue: '王小明',
      description: '待遇资格认证时核验结果为“不一致”，经核对户口簿，该居民的姓名录入有误。',
      evidence: '该居民户口簿首页及本人页复印件',
    });
    await waitFor(
      async () => (await api.get(`/api/v1/corrections/${reported.id}`, await as(people.hrssStaff))).body,
      (c) => c.state === 'verifying',
      'the correction is being verified',
    );
    // Five more working days: the first application is past its review deadline, the seed's are due in
    // two, the correction today.
    await skipWorkingDays(5);
    const todo = await api.all<any>('/api/v1/work-items', await as(people.psbReviewer));
    expect(todo.some((i) => i.overdue)).toBe(true);
    expect(todo.some((i) => i.dueSoon)).toBe(true);
  }, 900_000);

  it('shoots the sign-in page and 待办 of the public-security reviewer (due soon amber, overdue red)', async () => {
    const page = await pageAs(null);
    await page.goto('/console/sign-in');
    await choose(page, '角色', '数据审核人');
    await choose(page, '机构', /（BZ-PSB）/);
    await page.getByLabel('姓名').fill('王芳');
    await shoot(page, 'sign-in', { fullPage: false });
    await page.getByRole('button', { name: '登录' }).click();
    await until(() => new URL(page.url()).pathname).toBe('/console/work');
    await until(() =>
      page
        .getByText(/超期\d+个工作日/)
        .first()
        .isVisible(),
    ).toBe(true);
    await until(() => page.getByText('剩余2个工作日').first().isVisible()).toBe(true);
    await until(() => page.getByText('今日到期').first().isVisible()).toBe(true);
    await shoot(page, 'work-list');
  });

  it('shoots an objection in coordination: its stage, facts and 审批记录', async () => {
    const renewal = seeded.cases.find((c) => c.key === 'share-bc-old-community-renewal')!;
    const page = await pageAs({ role: '大数据局协调人', name: '李娜' });
    await page.goto(`/console/objections/${renewal.objectionId}`);
    await until(() => page.getByText('审批记录').first().isVisible()).toBe(true);
    await until(() =>
      page
        .getByText(/市大数据局组织滨城区人民政府/)
        .first()
        .isVisible(),
    ).toBe(true);
    await shoot(page, 'case-timeline');
  });

  it('shoots the public request form, filled in by a citizen', async () => {
    const credit = await resource('BZ-AMR-002');
    const page = await pageAs({ role: '公众用户', name: '赵雨' });
    await page.goto(`/console/open-data-requests/new?resourceId=${credit.id}`);
    await until(() => page.getByRole('heading', { level: 2, name: /申请使用：企业信用监管信息/ }).isVisible()).toBe(
      true,
    );
    await page.getByLabel('姓名', { exact: true }).fill('赵雨');
    await page.getByLabel('身份证号', { exact: true }).fill(idNumber('371602', '19950917', '024'));
    await page.getByLabel('联系方式', { exact: true }).fill('zhaoyu@bzu.edu.cn');
    for (const item of ['行政处罚决定书文号', '处罚内容']) await page.getByRole('checkbox', { name: item }).uncheck();
    await page
      .getByLabel('用途', { exact: true })
      .fill('开展“滨州市小微企业信用状况与营商环境”课题研究，分析行政处罚和经营异常对企业存续的影响。');
    await page
      .getByLabel('应用场景', { exact: true })
      .fill('按行业和区县汇总统计，形成研究报告和学术论文，不公开企业级明细。');
    await page
      .getByLabel(/处理环境/)
      .fill('数据存放于滨州学院数据实验室的内网服务器，按课题组成员分配账号，访问日志保存一年，分析前删除企业名称。');
    await page.getByRole('checkbox', { name: /我已阅读并接受/ }).check();
    await page.getByLabel('姓名', { exact: true }).blur();
    await shoot(page, 'open-data-request');
  });

  it('shoots the cycle page with last year’s final ranking', async () => {
    const page = await pageAs({ role: '大数据局管理员', name: '周建国' });
    await page.goto(`/console/assessments/${year}`);
    await until(() => page.getByRole('heading', { level: 2, name: `${year}年度评估` }).isVisible()).toBe(true);
    const ranking = page.getByRole('table', { name: '最终排名' });
    await until(() => ranking.getByRole('row').count()).toBe(13);
    await shoot(page, 'assessment-ranking');
  });

  it('shoots 统计 as the bureau, its charts drawn', async () => {
    const page = await pageAs({ role: '大数据局管理员', name: '周建国' });
    await page.goto('/console/statistics');
    await until(() => page.getByRole('heading', { level: 2, name: '统计' }).isVisible()).toBe(true);
    await until(() => page.locator('canvas').count()).toBeGreaterThan(0);
    // ECharts animates its first drawing.
    await page.waitForTimeout(1500);
    await shoot(page, 'statistics');
  });

  it('shoots the catalog', async () => {
    const page = await pageAs({ role: '数据审核人', agency: 'BZ-PSB', name: '王芳' });
    await page.goto('/console/catalog');
    await until(() => page.getByText('人口基本信息').first().isVisible()).toBe(true);
    await shoot(page, 'catalog');
  });
});
