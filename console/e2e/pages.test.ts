// The pages around the journeys, in real Chromium against the real stack: the catalog, a resource and
// 新增资源 with their tags at AA contrast; 待办 with rows due soon (remindWd 10 makes every fresh case
// due soon) and its 状态 filter; the inbox's 全部标为已读; and the frame — where each role starts, the
// product name as the page's h1, and a page outside the person's menu refused in words.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const openName = '公共信用信息';
/** The page's window, as far as these checks read it. */
interface Window {
  getComputedStyle(element: unknown): { whiteSpace: string };
}
const sharedName = '企业登记信息';

/** Waits for antd's opening animations to end: axe would read a fading dialog's colours half-way. */
const settled = (page: Page) => poll(() => page.locator('[class*="-appear"], [class*="-enter"]').count()).toBe(0);

/** The options antd draws for the open select labelled `label` (then closes it). */
async function optionsOf(page: Page, label: string): Promise<string[]> {
  await page.getByLabel(label, { exact: true }).click();
  const drawn = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await poll(() => drawn.count()).toBeGreaterThan(0);
  const texts = await drawn.allTextContents();
  await page.keyboard.press('Escape');
  return texts;
}

describe.skipIf(!chromiumPath())('the catalog, 待办, the inbox and the frame', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  let reviewer: Page;
  let citizen: Page;
  const applicant = uniq('AMR');
  const provider = uniq('PSB');
  let openId = '';
  let sharedId = '';
  let reviewerToken = '';
  const unreadCount = async (): Promise<number> =>
    (await stack.request('GET', '/api/v1/notifications/unread-count', { token: reviewerToken })).body.count;

  beforeAll(async () => {
    // remindWd 10: a fresh case (10 working days to review) is due soon.
    const policy = JSON.stringify({ remindWd: 10 });
    [stack, browser] = await Promise.all([startStack({ SHUZHI_POLICY: policy }), launchBrowser()]);
    const bureau = await stack.token('admin', ['bureau_admin']);
    for (const [code, name] of [
      [applicant, '市市场监督管理局'],
      [provider, '市公安局'],
    ] as const) {
      const body = { code, name, level: 'municipal' };
      const res = await stack.request('POST', '/api/v1/agencies', { token: bureau, body });
      expect(res.status).toBe(201);
    }
    const resource = async (name: string, body: Record<string, unknown>) => {
      const res = await stack.request('POST', '/api/v1/catalog/resources', {
        token: bureau,
        body: {
          code: uniq('R'),
          name,
          providerAgency: provider,
          updateCycle: 'monthly',
          fields: [{ name: '统一社会信用代码' }, { name: '法定代表人', personal: true }],
          ...body,
        },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    openId = await resource(openName, {
      shareType: 'unconditional',
      openType: 'conditional',
      legalBasis: '《公共数据开放办法》',
      openConditions: '仅限科学研究',
    });
    sharedId = await resource(sharedName, {
      shareType: 'conditional',
      openType: 'unconditional',
      legalBasis: '《中华人民共和国数据安全法》第三十八条',
    });
    reviewerToken = await stack.token(`agency_reviewer:${provider}:王芳`, ['agency_reviewer'], provider);
    const update = await stack.request('POST', `/api/v1/catalog/resources/${sharedId}/data-updates`, {
      token: reviewerToken,
      body: {},
    });
    expect(update.status).toBe(201);
    const clerk = await stack.token(`agency_staff:${applicant}:张敏`, ['agency_staff'], applicant);
    for (const purpose of ['企业开办登记核验', '双随机抽查']) {
      const res = await stack.request('POST', '/api/v1/share-applications', {
        token: clerk,
        body: {
          resourceId: sharedId,
          purpose,
          dutyBasis: '《市场主体登记管理条例》',
          usageScope: '本局登记注册处',
          periodMonths: 6,
          deliveryMethod: 'api',
        },
      });
      expect(res.status).toBe(201);
    }
    const page = async () => (await newContext(browser, stack.baseUrl)).newPage();
    [admin, reviewer, citizen] = await Promise.all([page(), page(), page()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('each person signs in, in a browser of their own', async () => {
    await Promise.all([
      signIn(admin, { role: '大数据局管理员', name: '周明' }),
      signIn(reviewer, { role: '数据审核人', agency: provider, name: '王芳' }),
      signIn(citizen, { role: '公众用户', name: '王五' }),
    ]);
  });

  it('the catalog, a resource and 新增资源 pass axe, their tags at AA contrast', async () => {
    await admin.goto('/console/catalog');
    const row = admin.getByRole('row').filter({ hasText: sharedName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('无条件开放');
    expect(await row.textContent()).toContain('按时更新');
    expect(await admin.getByRole('row').filter({ hasText: openName }).textContent()).toContain('无条件共享');
    expect(await admin.getByLabel('数据提供单位', { exact: true }).count()).toBe(1);
    await expectAccessible(admin, 'the catalog');
    await screenshot(admin, 'catalog', shots);

    await row.getByRole('link', { name: sharedName }).click();
    await poll(() => admin.getByRole('heading', { level: 2, name: sharedName }).isVisible()).toBe(true);
    // A description's label stays on one line.
    const label = admin.locator('.ant-descriptions-item-label').filter({ hasText: '资源编码' });
    // Runs in the page (this Node-side file has no DOM types).
    const whiteSpace = await label.evaluate((el) => (globalThis as unknown as Window).getComputedStyle(el).whiteSpace);
    expect(whiteSpace).toBe('nowrap');
    await expectAccessible(admin, 'a resource');
    await screenshot(admin, 'resource', shots);

    await admin.goto('/console/catalog');
    await admin.getByRole('button', { name: '新增资源' }).click();
    const dialog = admin.getByRole('dialog', { name: '新增资源' });
    await poll(() => dialog.getByLabel('资源编码').isVisible()).toBe(true);
    await settled(admin);
    await expectAccessible(admin, 'the 新增资源 dialog');
    await screenshot(admin, 'new-resource', shots);
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('待办 shows the rows due soon in amber at AA contrast, and filters them by 状态', async () => {
    await reviewer.goto('/console/work');
    const rows = reviewer.getByRole('row').filter({ hasText: sharedName });
    await poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain(`剩余${stack.config.policy.share.reviewWd}个工作日`);
    expect(await reviewer.getByRole('heading', { level: 1, name: '数治控制台' }).isVisible()).toBe(true);
    await expectAccessible(reviewer, 'the work list with cases due soon');
    await screenshot(reviewer, 'work-due-soon', shots);

    // With no process chosen every state is offered once, a key two processes word differently with both words.
    const all = await optionsOf(reviewer, '状态');
    expect(all).toContain('不予共享／不予开放');
    expect(all.filter((o) => o === '待审核')).toHaveLength(1);
    await choose(reviewer, '状态', '待补正');
    await poll(() => new URL(reviewer.url()).searchParams.get('state')).toBe('awaiting_supplement');
    await poll(() => reviewer.getByText('暂无待办事项').isVisible()).toBe(true);
    await choose(reviewer, '状态', '待审核');
    await poll(() => rows.count()).toBe(2);

    // A process offers its own states; choosing one without the chosen state drops the filter.
    await choose(reviewer, '业务类型', '开放申请');
    await poll(() => new URL(reviewer.url()).searchParams.get('state')).toBe(null);
    const open = await optionsOf(reviewer, '状态');
    expect(open).toContain('形式审查');
    expect(open).not.toContain('待补正');
  });

  it('the inbox names each 标为已读 by its message and marks all read, lowering the badge', async () => {
    await poll(unreadCount).toBeGreaterThan(0);
    await reviewer.goto('/console/notifications');
    const buttons = reviewer.getByRole('button', { name: /^标为已读：.+/ });
    await poll(() => buttons.count()).toBeGreaterThan(0);
    const unread = await unreadCount();
    await poll(() => reviewer.getByRole('link', { name: `消息，${unread}条未读` }).count()).toBe(1);
    await expectAccessible(reviewer, 'the inbox');
    await reviewer.getByRole('button', { name: '全部标为已读' }).click();
    await poll(() => reviewer.getByRole('link', { name: '消息，0条未读' }).count()).toBe(1);
    await poll(() => buttons.count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: '全部标为已读' }).count()).toBe(0);
    expect(await unreadCount()).toBe(0);
  });

  it('a public user starts on 开放数据, reports an error from it, and is refused 机构管理 in words', async () => {
    await poll(() => new URL(citizen.url()).pathname).toBe('/console/open-data');
    await citizen.goto('/console/');
    await poll(() => new URL(citizen.url()).pathname).toBe('/console/open-data');
    await poll(() => citizen.getByRole('heading', { level: 3, name: openName }).isVisible()).toBe(true);
    await citizen.getByRole('button', { name: `报告数据错误：${openName}` }).click();
    await poll(() => new URL(citizen.url()).pathname).toBe('/console/corrections/new');
    expect(new URL(citizen.url()).searchParams.get('resourceId')).toBe(openId);

    await citizen.goto('/console/admin/agencies');
    await poll(() => citizen.getByRole('heading', { level: 2, name: '您无权使用此页面' }).isVisible()).toBe(true);
    expect(await citizen.getByRole('textbox').count()).toBe(0);
    await expectAccessible(citizen, 'a page outside the menu');
    await screenshot(citizen, 'forbidden', shots);
    await citizen.getByRole('button', { name: '返回待办' }).click();
    await poll(() => new URL(citizen.url()).pathname).toBe('/console/work');
    // Everyone else still starts on 待办.
    await reviewer.goto('/console/');
    await poll(() => new URL(reviewer.url()).pathname).toBe('/console/work');
  });
});
