// The 管理 pages as a bureau administrator, in real Chromium against the real stack: registering an
// agency (and the same code again, refused beside the code), the 2026 working-day calendar, publishing
// 2027 from the State Council notice (no longer 暂定), a new indicator framework version, a new
// agreement version, the audit chain verified and a case's events with their hashes, and the schedules.
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules } from '../../lib/schedules.js';
import { assessmentScheduleId } from '../../workflows/assessment/messages.js';
import { auditCheckpointScheduleId } from '../../workflows/audit/messages.js';
import { freshnessScheduleId } from '../../workflows/freshness/messages.js';
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

/** The texts that describe a form field: antd links its error help by aria-describedby. */
async function describedBy(page: Page, scope: Page | Locator, label: string): Promise<string> {
  const ids = (await scope.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

/** axe on the page with the pointer off it: a hovered primary button is lighter than the theme's contrast allows. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.mouse.move(0, 0);
  await axe(page, label);
}

describe.skipIf(!chromiumPath())('the 管理 pages (bureau administrator)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let admin = '';
  let caseId = '';
  const code = uniq('STAT');
  const status = () => page.getByRole('region', { name: '日历状态' });
  const schedules = () =>
    Promise.all(
      [freshnessScheduleId, assessmentScheduleId, auditCheckpointScheduleId].map((id) =>
        stack.env.client.schedule
          .getHandle(id)
          .delete()
          .catch(() => {}),
      ),
    );

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    admin = await stack.token('admin', ['bureau_admin']);
    // A case with an audit trail to look up.
    const [applicant, provider] = [uniq('APP'), uniq('PRV')];
    for (const c of [applicant, provider]) {
      await stack.request('POST', '/api/v1/agencies', {
        token: admin,
        body: { code: c, name: `单位${c}`, level: 'municipal' },
      });
    }
    const resource = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: '企业登记信息',
        providerAgency: provider,
        fields: [{ name: '企业名称' }],
        shareType: 'conditional',
        openType: 'not_open',
        legalBasis: '《数据安全法》',
        updateCycle: 'monthly',
      },
    });
    const staff = await stack.token('clerk', ['agency_staff'], applicant);
    const filed = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: {
        resourceId: resource.body.id,
        purpose: '企业开办核验',
        dutyBasis: '《市场主体登记管理条例》',
        usageScope: '本部门',
        periodMonths: 6,
        deliveryMethod: 'api',
      },
    });
    expect(filed.status).toBe(201);
    caseId = filed.body.id;
    await schedules();
    await ensureSchedules(stack.env.client, stack.config.temporal.taskQueue, stack.config.policy);
    page = await (await newContext(browser, stack.baseUrl)).newPage();
  });
  afterAll(async () => {
    await schedules();
    await browser?.close();
    await stack?.close();
  });

  it('registers an agency, and says beside the code when the code is taken', async () => {
    await signIn(page, { role: '大数据局管理员', name: '赵敏' });
    await page.goto('/console/admin/agencies');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '机构管理' }).isVisible()).toBe(true);
    const register = async () => {
      await page.getByLabel('机构代码', { exact: true }).fill(code);
      await page.getByLabel('机构名称', { exact: true }).fill('市统计局');
      await page
        .locator('label')
        .filter({ hasText: /^县级$/ })
        .click();
      await page.getByLabel('所属区域', { exact: true }).fill('滨城区');
      await page.getByRole('button', { name: '登记', exact: true }).click();
    };
    await register();
    const row = page.getByRole('row').filter({ hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('市统计局');
    expect(await row.textContent()).toContain('县级');
    expect(await row.textContent()).toContain('滨城区');
    await expect.poll(() => page.getByLabel('机构代码', { exact: true }).inputValue()).toBe('');

    await register();
    await expect.poll(() => describedBy(page, page, '机构代码')).toContain('该机构代码已登记');
    expect(await row.count()).toBe(1);
    await screenshot(page, 'admin-agencies', shots);
    await expectAccessible(page, 'the agencies page');
  });

  it('shows 2026 as a calendar: National Day off, its make-up Saturday worked', async () => {
    await page.goto('/console/admin/calendar?year=2026');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '工作日历' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '2026年10月1日 星期四 节假日' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2026年10月10日 星期六 调休上班' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2026年10月11日 星期日 周末' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2026年10月9日 星期五 工作日' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2026年2月14日 星期六 调休上班' }).isVisible()).toBe(true);
    expect(await status().textContent()).toContain('系统内置');
    expect(await status().textContent()).not.toContain('暂定');
    // The notice of 2025 leaves 2026 with 248 working days.
    expect(await page.getByText('工作日 248 天（含调休上班 6 天）', { exact: false }).isVisible()).toBe(true);
    await screenshot(page, 'admin-calendar-2026', shots);
    await expectAccessible(page, 'the calendar page');
  });

  it('publishes 2027 from the notice, previewed first, after which 2027 is no longer 暂定', async () => {
    await choose(page, '查看年份', '2027年');
    await expect.poll(() => status().textContent()).toContain('暂定');
    expect(await page.getByRole('cell', { name: '2027年10月1日 星期五 工作日' }).isVisible()).toBe(true);

    await page.getByLabel('发布年份', { exact: true }).fill('2027');
    await page
      .getByLabel('节假日（放假日期）', { exact: true })
      .fill('元旦 2027-01-01\n春节 2027-02-06..2027-02-12\n国庆节 2027-10-01 至 2027-10-07');
    // A make-up day on a Monday is refused beside the field before anything is sent.
    await page.getByLabel('调休上班日', { exact: true }).fill('2027-02-20, 2027-02-22');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await expect.poll(() => describedBy(page, page, '调休上班日')).toContain('2027-02-22 不是周六或周日');
    await page.getByLabel('调休上班日', { exact: true }).fill('2027-02-20\n2027-10-09');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await expect.poll(() => status().textContent()).toContain('预览：2027年工作日历（尚未发布）');
    expect(await page.getByRole('cell', { name: '2027年10月1日 星期五 节假日' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2027年10月9日 星期六 调休上班' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '2027年2月8日 星期一 节假日' }).isVisible()).toBe(true);
    await screenshot(page, 'admin-calendar-preview', shots);

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => page.getByText('已发布2027年工作日历，').first().isVisible()).toBe(true);
    // The publication job's first pass tells every open case; the notice follows its progress.
    await expect
      .poll(
        () =>
          page
            .getByText(/已通知\d+件在办事项按新日历重算办理期限/)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect.poll(() => status().textContent()).toContain('已上传');
    expect(await status().textContent()).not.toContain('暂定');
    expect(await page.getByRole('cell', { name: '2027年10月7日 星期四 节假日' }).isVisible()).toBe(true);
    const year = await stack.request('GET', '/api/v1/calendar/years/2027', { token: admin });
    expect(year.body).toMatchObject({ source: 'uploaded', workdays: ['2027-02-20', '2027-10-09'] });
    expect(year.body.holidays).toHaveLength(1 + 7 + 7);
    // Deadlines reaching 2027 are final now.
    const due = await stack.request('GET', '/api/v1/calendar/working-days?from=2027-09-30&days=2', { token: admin });
    expect(due.body).toMatchObject({ due: '2027-10-09', provisional: false });
    await expectAccessible(page, 'the calendar page after publishing');
  });

  it('publishes a new indicator framework version; a version number is never reused', async () => {
    await page.goto('/console/admin/indicators');
    await expect
      .poll(() => page.getByRole('heading', { level: 3, name: '公共数据管理年度评估指标（默认）' }).isVisible())
      .toBe(true);
    expect(await page.getByText('默认版本').isVisible()).toBe(true);
    await page.getByRole('button', { name: '新增指标版本' }).click();
    await page.getByLabel('版本号', { exact: true }).fill('default-v1');
    await page.getByLabel('版本名称', { exact: true }).fill('2027年度公共数据管理评估指标');
    await page.getByRole('button', { name: '删除指标 6' }).click();
    await page.getByLabel('权重', { exact: true }).first().fill('35');
    await screenshot(page, 'admin-indicator-form', shots);
    await expectAccessible(page, 'the indicator form');
    await page.getByRole('button', { name: '发布版本' }).click();
    await expect.poll(() => describedBy(page, page, '版本号')).toContain('该版本号已存在');

    await page.getByLabel('版本号', { exact: true }).fill('city-2027');
    await page.getByRole('button', { name: '发布版本' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 3, name: '2027年度公共数据管理评估指标' }).isVisible())
      .toBe(true);
    const sets = (await stack.request('GET', '/api/v1/assessment-indicators', { token: admin })).body.items;
    const created = sets.find((s: { version: string }) => s.version === 'city-2027');
    expect(created).toMatchObject({ isDefault: false, grades: { excellent: 90, good: 80, pass: 60 } });
    expect(created.indicators).toHaveLength(5);
    expect(created.indicators[0]).toMatchObject({ code: 'catalog_completeness', weight: 35, metric: 'catalog' });
    await screenshot(page, 'admin-indicators', shots);
    await expectAccessible(page, 'the indicators page');
  });

  it('publishes a new version of the open-data agreement', async () => {
    await page.goto('/console/admin/agreements');
    await expect.poll(() => page.getByText('第1版').isVisible()).toBe(true);
    await page.getByRole('button', { name: '发布新版本' }).click();
    await page.getByLabel('标题', { exact: true }).fill('公共数据开放利用协议（2027年修订）');
    await screenshot(page, 'admin-agreement-form', shots);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => page.getByText('第2版', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('公共数据开放利用协议（2027年修订）').isVisible()).toBe(true);
    const current = await stack.request('GET', '/api/v1/agreement-texts/current', { token: admin });
    expect(current.body).toMatchObject({ version: 2, title: '公共数据开放利用协议（2027年修订）' });
    await expectAccessible(page, 'the agreements page');
  });

  it('verifies the audit chain and lists a case’s events with their hashes', async () => {
    await page.goto('/console/admin/audit');
    await expect.poll(() => page.getByText('审计链完整').isVisible()).toBe(true);
    const verified = (await stack.request('GET', '/api/v1/audit-events/verification', { token: admin })).body;
    expect(await page.getByText(`已校验全部 ${verified.checked} 条审计记录`).isVisible()).toBe(true);

    await page.getByLabel('事项编号', { exact: true }).fill(caseId);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const events = (await stack.request('GET', `/api/v1/audit-events?caseId=${caseId}`, { token: admin })).body.items;
    expect(events.length).toBeGreaterThan(0);
    const first = page.getByRole('row').filter({ hasText: '提交申请' });
    await expect.poll(() => first.count()).toBe(1);
    expect(await first.getByTitle(events[0].hash).isVisible()).toBe(true);
    expect(await first.getByTitle(events[0].prevHash).isVisible()).toBe(true);
    await screenshot(page, 'admin-audit', shots);
    await expectAccessible(page, 'the audit page');
  });

  it('shows the schedules with their next runs', async () => {
    await page.goto('/console/admin/schedules');
    await expect.poll(() => page.getByRole('heading', { level: 3, name: '数据更新巡检' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: '年度评估启动' }).isVisible()).toBe(true);
    const items = (await stack.request('GET', '/api/v1/schedules', { token: admin })).body.items;
    const assessment = items.find((s: { scheduleId: string }) => s.scheduleId === assessmentScheduleId);
    await expect.poll(() => page.getByText(`${assessment.nextYearAssessed}年度`).isVisible()).toBe(true);
    expect(await page.getByText('每日 01:00').isVisible()).toBe(true);
    expect(await page.getByText('每年1月15日 09:00').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: '审计链检查点' }).isVisible()).toBe(true);
    expect(await page.getByText('每小时', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('运行中').count()).toBe(3);
    await screenshot(page, 'admin-schedules', shots);
    await expectAccessible(page, 'the schedules page');
  });
});
