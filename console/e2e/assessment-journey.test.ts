// The annual assessment (年度评估) in real Chromium: the bureau starts last year's cycle (API) and
// assigns an assessor on the cycle page; the agency's staff finds its self-assessment in 待办, sees
// the metrics and submits scores with evidence for every applicable indicator; the assessor reviews
// it with comments, and the agency's page shows the review.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResources } from '../../db/schema/catalog.js';
import { eventually } from '../../test/helpers/assertions.js';
import {
  chromiumPath,
  choose,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from '../../test/helpers/browser.js';
import { uniq } from '../../test/helpers/fixtures.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';

const shots = process.env.SHOTS_DIR;
// The machine may be busy: the stack and the page get longer than expect.poll's second.
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

describe.skipIf(!chromiumPath())('the annual assessment (年度评估)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let year: number;
  let selfDue: string;
  const stats = uniq('STA');
  const other = uniq('EDU');
  const assessorName = '评估专家';
  // The development sign-in names a person `${role}:${agency ?? 'none'}:${name}`: the id assigned.
  const assessorId = `assessor:none:${assessorName}`;
  const agencyPath = () => `/console/assessments/${year}/agencies/${stats}`;
  const agencyState = async () =>
    (await stack.request('GET', `/api/v1/assessment-cycles/${year}/agencies/${stats}`, { token: admin })).body;

  beforeAll(async () => {
    // Its own (time-skipping) server: a year's cycle runs once per Temporal server, and other files start years too.
    [stack, browser] = await Promise.all([startStack({}, { timeSkipping: true }), launchBrowser()]);
    admin = await stack.token('admin', ['bureau_admin']);
    for (const [code, name] of [
      [stats, '市统计局'],
      [other, '市教育局'],
    ]) {
      await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code, name, level: 'municipal' } });
    }
    // A resource catalogued last year: the catalogue and freshness metrics apply, the case metrics do not.
    const res = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '统计年鉴',
        providerAgency: stats,
        description: '全市统计年鉴数据',
        fields: [{ name: '指标' }],
        shareType: 'unconditional',
        openType: 'unconditional',
        updateCycle: 'yearly',
      },
    });
    year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
    await stack.database.db
      .update(catalogResources)
      .set({ createdAt: new Date(`${year}-06-01T00:00:00Z`) })
      .where(eq(catalogResources.id, res.body.id));
    const started = await stack.request('POST', '/api/v1/assessment-cycles', {
      token: admin,
      body: { year },
      headers: { 'idempotency-key': uniq('k') },
    });
    expect(started.status).toBe(201);
    selfDue = started.body.stages.selfAssessment.dueDate;
    expect((await eventually(agencyState, (a) => a.state === 'self_assessment')).state).toBe('self_assessment');
    page = await (await newContext(browser, stack.baseUrl)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the bureau the cycle, its progress and framework, and assigns an assessor to an agency', async () => {
    await signIn(page, { role: '大数据局管理员', name: '李明' });
    await page.goto('/console/assessments');
    await until(() => page.getByRole('link', { name: `${year}年度评估` }).isVisible()).toBe(true);
    await until(() => page.getByRole('button', { name: '启动年度评估' }).isVisible()).toBe(true);
    await until(() => page.getByRole('heading', { name: '年度定时任务' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the cycles page (bureau)');
    await screenshot(page, 'cycles-bureau', shots);
    // Last year runs once: starting it again is refused beside the year.
    await page.getByRole('button', { name: '启动年度评估' }).click();
    const start = page.getByRole('dialog', { name: '启动年度评估' });
    await until(() => start.getByLabel('评估年度').inputValue()).toBe(String(year));
    await start.getByRole('button', { name: '启动' }).click();
    await until(() => start.getByText('该年度已启动评估，每年只评估一次').isVisible()).toBe(true);
    await screenshot(page, 'start-cycle', shots);
    await start.getByRole('button', { name: '取消' }).click();

    await page.getByRole('link', { name: `${year}年度评估` }).click();
    await until(() => page.getByRole('heading', { level: 2, name: `${year}年度评估` }).isVisible()).toBe(true);
    // Both agencies wait for their self-assessment; the window's end is shown.
    await until(() => page.getByText('自评 2', { exact: true }).isVisible()).toBe(true);
    await until(() => page.getByText(selfDue).first().isVisible()).toBe(true);
    await until(() => page.getByRole('cell', { name: '目录编制完整性' }).isVisible()).toBe(true);
    await until(() => page.getByText('最终结果发布后生成排名').isVisible()).toBe(true);
    // The cycle's own 审批记录: who started it, and each stage it has reached.
    const timeline = page.locator('.ant-card').filter({ has: page.getByText('审批记录', { exact: true }) });
    await until(() => timeline.getByText('启动', { exact: true }).isVisible()).toBe(true);
    expect(await timeline.getByText(/→ 自评/).count()).toBeGreaterThan(0);
    // Nothing to publish while the self-assessment window runs.
    expect(await page.getByRole('button', { name: '发布初步结果' }).count()).toBe(0);

    await page.getByRole('button', { name: '指派评估机构' }).click();
    const dialog = page.getByRole('dialog', { name: '指派评估机构' });
    await choose(page, '参评单位', '市统计局');
    await dialog.getByLabel('评估机构账号').click();
    await dialog.getByLabel('评估机构账号').fill(assessorId);
    await dialog.getByLabel('评估机构名称').fill('滨城评估咨询公司');
    await dialog.getByRole('button', { name: '提交' }).click();
    await until(() => dialog.count()).toBe(0);
    await until(() => page.getByText('已为1家单位指派评估机构').isVisible()).toBe(true);
    const row = page.getByRole('row').filter({ hasText: '市统计局' }).first();
    await until(() => row.getByText('滨城评估咨询公司').isVisible()).toBe(true);
    expect((await agencyState()).assessor).toMatchObject({ id: assessorId, name: '滨城评估咨询公司' });
    await expectAccessible(page, 'the cycle page');
    await screenshot(page, 'cycle', shots);

    await page.goto(agencyPath());
    await until(() => page.getByRole('heading', { level: 2, name: `${year}年度评估 · 市统计局` }).isVisible()).toBe(
      true,
    );
    await expectAccessible(page, 'the agency page (bureau)');
  });

  it('lets the staff find the self-assessment in 待办, see the metrics, and submit it with evidence', async () => {
    await signIn(page, { role: '机构工作人员', agency: stats, name: '张伟' });
    const item = page.getByRole('row').filter({ hasText: `${year}年度评估 · 市统计局` });
    await until(() => item.getByText('提交自评').isVisible()).toBe(true);
    await until(() => item.getByText(selfDue).isVisible()).toBe(true);

    await page.goto('/console/assessments');
    await until(() => page.getByRole('link', { name: `${year}年度评估` }).isVisible()).toBe(true);
    await expectAccessible(page, 'the cycles page (agency)');
    await page.goto('/console/work');
    await item.getByRole('link').click();
    await until(() => new URL(page.url()).pathname).toBe(agencyPath());

    // The metrics from the system: the catalogue applies (1 resource, complete), share applications do not.
    const catalog = page.getByRole('row').filter({ hasText: '目录编制' }).filter({ hasText: '已编目资源1项' });
    await until(() => catalog.getByText('适用', { exact: true }).isVisible()).toBe(true);
    await until(() => catalog.getByRole('cell', { name: '100', exact: true }).isVisible()).toBe(true);
    const share = page.getByRole('row').filter({ hasText: '共享申请办理' });
    await until(() => share.getByText('不适用', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'the agency page (staff)');
    await screenshot(page, 'agency-before', shots);

    await page.getByRole('button', { name: '提交自评' }).click();
    const dialog = page.getByRole('dialog', { name: '提交自评' });
    await dialog.getByLabel('目录编制完整性自评分').fill('95');
    await dialog.getByLabel('目录编制完整性佐证材料').fill('全部资源已按规范编目，附目录清单');
    await dialog.getByLabel('数据按时更新自评分').fill('90');
    await dialog.getByRole('button', { name: '提交' }).click();
    // The evidence left empty is named beside its field, and nothing was sent.
    const freshness = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('数据按时更新佐证材料') });
    await until(() => freshness.getByText('请填写佐证材料').isVisible()).toBe(true);
    await screenshot(page, 'self-assessment-form', shots);
    await expectAccessible(page, 'the self-assessment form');
    expect((await agencyState()).state).toBe('self_assessment');

    await dialog.getByLabel('数据按时更新佐证材料').fill('年鉴数据按年度周期如期更新');
    await dialog.getByRole('button', { name: '提交' }).click();
    await until(() => page.getByText('全部资源已按规范编目，附目录清单').isVisible()).toBe(true);
    await until(() => page.getByRole('button', { name: '提交自评' }).count()).toBe(0);
    await until(async () => (await agencyState()).state).toBe('review');
    await until(() =>
      page
        .locator('.ant-tag', { hasText: /^评审$/ })
        .first()
        .isVisible(),
    ).toBe(true);
  });

  it('gives the assigned assessor the review in 待办, who scores it with comments; the agency sees it', async () => {
    await signIn(page, { role: '第三方评估机构', name: assessorName });
    const item = page.getByRole('row').filter({ hasText: `${year}年度评估 · 市统计局` });
    await until(() => item.getByText('评审打分').isVisible()).toBe(true);
    await item.getByRole('link').click();
    await until(() => new URL(page.url()).pathname).toBe(agencyPath());

    await page.getByRole('button', { name: '评审打分' }).click();
    const dialog = page.getByRole('dialog', { name: '评审打分' });
    // The assessor sees what the agency claimed beside each indicator.
    await until(() => dialog.getByText(/自评分 95，佐证材料：全部资源已按规范编目/).isVisible()).toBe(true);
    await dialog.getByLabel('目录编制完整性评审分').fill('92');
    await dialog.getByLabel('目录编制完整性评审意见').fill('目录完整，抽查无缺项');
    await dialog.getByLabel('数据按时更新评审分').fill('88');
    await dialog.getByLabel('数据按时更新评审意见').fill('更新及时');
    await dialog.getByRole('button', { name: '提交' }).click();
    await until(() => page.getByText('目录完整，抽查无缺项').isVisible()).toBe(true);
    await until(async () => (await agencyState()).state).toBe('reviewed');
    await until(() => page.getByRole('button', { name: '评审打分' }).count()).toBe(0);
    // The assessor's own list: the agencies assigned to them, by year.
    await page.goto('/console/assessments');
    const mine = page.getByRole('row').filter({ hasText: '市统计局' });
    await until(() => mine.getByText('已评审', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: '市教育局' }).count()).toBe(0);
    await screenshot(page, 'cycles-assessor', shots);

    await signIn(page, { role: '机构工作人员', agency: stats, name: '张伟' });
    await page.goto(agencyPath());
    await until(() => page.getByText('目录完整，抽查无缺项').isVisible()).toBe(true);
    await until(() => page.locator('.ant-tag', { hasText: /^已评审$/ }).isVisible()).toBe(true);
    await screenshot(page, 'agency-reviewed', shots);
  });
});
