// 统计 and 消息 in real Chromium against the real stack: share applications filed and answered
// through the API, then the city's numbers as the bureau sees them (and one agency it picks), an
// agency's own as its reviewer sees them — each the API's — and the reviewer's inbox: a
// notification arrives, is marked read, and the header's unread badge drops.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/helpers/assertions.js';
import {
  chromiumPath,
  choose,
  expectAccessible as axe,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from '../../test/helpers/browser.js';
import { uniq } from '../../test/helpers/fixtures.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';

const shots = process.env.SHOTS_DIR;

/** axe with the pointer off the page: a hovered primary button is lighter than the theme's contrast allows. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.mouse.move(0, 0);
  await axe(page, label);
}

/** The 各业务汇总 row of a process: 事项总数, 超期, 已答复, 办理时长中位数. */
async function summaryRow(page: Page, process: string): Promise<string[]> {
  const row = page.getByRole('table', { name: /各业务事项数/ }).getByRole('row', { name: new RegExp(`^${process}`) });
  return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
}
const expected = (p: { total: number; overdue: number; decided: number; medianReviewWd: number | null }) => [
  String(p.total),
  String(p.overdue),
  String(p.decided),
  p.medianReviewWd === null ? '—' : String(p.medianReviewWd),
];

describe.skipIf(!chromiumPath())('统计 and 消息', () => {
  let stack: Stack;
  let browser: Browser;
  let bureau: Page;
  let reviewer: Page;
  let admin = '',
    reviewerToken = '';
  const applicant = uniq('AMR');
  const provider = uniq('PSB');
  const stats = async (token: string, query = '') =>
    (await stack.request('GET', `/api/v1/statistics?process=share-application${query}`, { token })).body;
  const shareOf = (s: any) => s.processes.find((p: any) => p.process === 'share-application');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    admin = await stack.token('admin', ['bureau_admin']);
    for (const [code, name] of [
      [applicant, '市市场监督管理局'],
      [provider, '市公安局'],
    ] as const) {
      const res = await stack.request('POST', '/api/v1/agencies', {
        token: admin,
        body: { code, name, level: 'municipal' },
      });
      expect(res.status).toBe(201);
    }
    const resource = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '人口基础信息',
        providerAgency: provider,
        fields: [{ name: '姓名' }],
        shareType: 'conditional',
        openType: 'not_open',
        legalBasis: '《数据安全法》第三十八条',
        updateCycle: 'monthly',
      },
    });
    const staff = await stack.token('clerk', ['agency_staff'], applicant);
    reviewerToken = await stack.token(`agency_reviewer:${provider}:王芳`, ['agency_reviewer'], provider);
    const ids: string[] = [];
    for (const purpose of ['企业开办核验', '社保资格认证', '不动产登记核验']) {
      const filed = await stack.request('POST', '/api/v1/share-applications', {
        token: staff,
        body: {
          resourceId: resource.body.id,
          purpose,
          dutyBasis: '《市场主体登记管理条例》',
          usageScope: '本部门',
          periodMonths: 6,
          deliveryMethod: 'api',
        },
      });
      expect(filed.status).toBe(201);
      ids.push(filed.body.id);
    }
    const approved = await stack.request('POST', `/api/v1/share-applications/${ids[0]}/decision`, {
      token: reviewerToken,
      body: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    // The cases table is written with each transition; wait until the numbers include all of them.
    await eventually(
      () => stats(admin),
      (s) => shareOf(s)?.total === 3 && shareOf(s)?.decided === 1,
    );
    const [a, b] = await Promise.all([newContext(browser, stack.baseUrl), newContext(browser, stack.baseUrl)]);
    [bureau, reviewer] = await Promise.all([a.newPage(), b.newPage()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the bureau the city’s numbers, the API’s, with a text alternative for each chart', async () => {
    await signIn(bureau, { role: '大数据局管理员', name: '赵敏' });
    await bureau.goto('/console/statistics');
    await expect.poll(() => bureau.getByRole('heading', { level: 2, name: '统计' }).isVisible()).toBe(true);
    const city = await stats(admin);
    await choose(bureau, '业务类型', '共享申请');
    await expect.poll(() => summaryRow(bureau, '共享申请')).toEqual(expected(shareOf(city)));
    expect(shareOf(city)).toMatchObject({ total: 3, decided: 1, medianReviewWd: 0 });
    expect(
      await bureau.getByText(`统计范围：全市 · 共享申请 · ${city.from} 至 ${city.to}`, { exact: false }).isVisible(),
    ).toBe(true);
    // Each chart is an image named by its numbers and described by the table beside it.
    const states = bureau.getByRole('img', { name: /^按状态分布图表/ });
    await expect.poll(() => states.count()).toBe(1);
    expect(await states.getAttribute('aria-label')).toContain('共享申请待审核2件、已共享1件');
    expect(await states.getAttribute('aria-describedby')).toBe('stats-states');
    const trend = bureau.getByRole('img', { name: /^月度趋势图表/ });
    expect(await trend.getAttribute('aria-label')).toContain('共新提交3件、已答复1件、超期0件');
    const month = city.monthly.find((m: any) => m.process === 'share-application');
    await bureau.getByText('月度趋势：数据表').click();
    const trendRow = bureau.locator('#stats-trend').getByRole('row', { name: new RegExp(`^${month.month}`) });
    expect((await trendRow.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual([
      String(month.submitted),
      String(month.decided),
      String(month.overdue),
    ]);
    expect(await bureau.getByText('所选范围内没有超期事项').isVisible()).toBe(true);
    await screenshot(bureau, 'statistics-bureau', shots);
    await expectAccessible(bureau, 'the statistics page');
  });

  it('lets the bureau narrow the numbers to one agency', async () => {
    await choose(bureau, '承办单位', '市市场监督管理局');
    const one = await stats(admin, `&agency=${applicant}`);
    expect(one.scope.agency).toBe(applicant);
    await expect.poll(() => bureau.getByText('统计范围：市市场监督管理局', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => summaryRow(bureau, '共享申请')).toEqual(expected(shareOf(one)));
    expect(new URL(bureau.url()).searchParams.get('agency')).toBe(applicant);
  });

  it('shows an agency user its own numbers, as the API scopes them', async () => {
    await signIn(reviewer, { role: '数据审核人', agency: provider, name: '王芳' });
    await reviewer.goto('/console/statistics?process=share-application');
    const own = await stats(reviewerToken);
    expect(own.scope.agency).toBe(provider);
    await expect.poll(() => summaryRow(reviewer, '共享申请')).toEqual(expected(shareOf(own)));
    // The agency's name comes from the agency directory, which loads on its own.
    await expect.poll(() => reviewer.getByText('统计范围：市公安局', { exact: false }).isVisible()).toBe(true);
    // Only the bureau picks an agency.
    expect(await reviewer.getByLabel('承办单位', { exact: true }).count()).toBe(0);
    await expectAccessible(reviewer, 'the statistics page of an agency');
  });

  it('has the new applications in the reviewer’s inbox; marking one read lowers the badge', async () => {
    const unread = async () =>
      (await stack.request('GET', '/api/v1/notifications/unread-count', { token: reviewerToken })).body.count as number;
    const before = await unread();
    expect(before).toBeGreaterThan(0);
    const badge = reviewer.getByRole('link', { name: /^消息，\d+条未读$/ });
    await reviewer.goto('/console/notifications');
    await expect.poll(() => badge.getAttribute('aria-label')).toBe(`消息，${before}条未读`);
    const inbox = (await stack.request('GET', '/api/v1/notifications?unread=true', { token: reviewerToken })).body
      .items;
    const newest = inbox[0];
    const item = reviewer.getByRole('listitem', { name: `未读：${newest.title}` }).first();
    await expect.poll(() => item.isVisible()).toBe(true);
    // The notification names its case, linked to the case's page.
    expect(await item.getByRole('link', { name: /^查看共享申请/ }).getAttribute('href')).toBe(
      `/console/share-applications/${newest.caseId}`,
    );
    await expectAccessible(reviewer, 'the inbox');
    await screenshot(reviewer, 'inbox', shots);

    await item.getByRole('button', { name: `标为已读：${newest.title}` }).click();
    await expect.poll(() => badge.getAttribute('aria-label')).toBe(`消息，${before - 1}条未读`);
    expect(await unread()).toBe(before - 1);
    await expect
      .poll(() => reviewer.getByRole('listitem', { name: `已读：${newest.title}` }).count())
      .toBeGreaterThan(0);

    // 未读 lists only what is still unread.
    await reviewer.getByRole('tab', { name: '未读' }).click();
    await expect
      .poll(() => reviewer.getByRole('list', { name: '未读消息' }).getByRole('listitem').count())
      .toBe(before - 1);
  });
});
