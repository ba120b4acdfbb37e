// The data correction journey (数据纠错), in real Chromium against the real stack: a clerk of one
// agency reports an error in another agency's resource its agency holds a grant on, which is marked 数据存疑; the
// provider's
// reviewer finds it in 待办, extends the verification once (approved by the head, by name) and
// verifies it 已更正; the reporter sees the result and the mark is gone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  chromiumPath,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
} from '../../test/helpers/browser.js';
import { uniq } from '../../test/helpers/fixtures.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';

const shots = process.env.SHOTS_DIR;
const resourceName = '户籍人口信息';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const stateOf = (page: Page) => page.getByRole('status', { name: '办理状态' });

/** The texts that describe a form field (antd links its error help by aria-describedby). */
async function describedBy(page: Page, scope: ReturnType<Page['getByRole']>, label: string): Promise<string> {
  const ids = (await scope.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe.skipIf(!chromiumPath())('the data correction journey (数据纠错)', () => {
  let stack: Stack;
  let browser: Browser;
  let clerk: Page;
  let reviewer: Page;
  const reporterAgency = uniq('AMR');
  const provider = uniq('PSB');
  let admin = '';
  let resourceId = '';
  let correctionId = '';
  const disputed = async () =>
    (await stack.request('GET', `/api/v1/catalog/resources/${resourceId}`, { token: admin })).body.disputed as boolean;
  const correction = async () =>
    (await stack.request('GET', `/api/v1/corrections/${correctionId}`, { token: admin })).body;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    admin = await stack.token('admin', ['bureau_admin']);
    for (const [code, name] of [
      [reporterAgency, '市市场监督管理局'],
      [provider, '市公安局'],
    ] as const) {
      const agency = { code, name, level: 'municipal' };
      expect((await stack.request('POST', '/api/v1/agencies', { token: admin, body: agency })).status).toBe(201);
    }
    const created = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: resourceName,
        providerAgency: provider,
        shareType: 'conditional',
        openType: 'not_open',
        updateCycle: 'daily',
        fields: [{ name: '姓名' }, { name: '户籍地址', personal: true }],
        legalBasis: '《中华人民共和国户口登记条例》',
      },
    });
    expect(created.status).toBe(201);
    resourceId = created.body.id;
    // Errors are reported by those who hold the data: the reporter's agency holds a share grant.
    const staff = await stack.token(`agency_staff:${reporterAgency}:李强`, ['agency_staff'], reporterAgency);
    const applied = await stack.request('POST', '/api/v1/share-applications', {
      token: staff,
      body: {
        resourceId,
        purpose: '企业登记核验',
        dutyBasis: '《市场主体登记管理条例》',
        usageScope: '本局',
        periodMonths: 12,
        deliveryMethod: 'api',
      },
    });
    const providerReviewer = await stack.token(`agency_reviewer:${provider}:王芳`, ['agency_reviewer'], provider);
    const approved = await stack.request('POST', `/api/v1/share-applications/${applied.body.id}/decision`, {
      token: providerReviewer,
      body: { decision: 'approve' },
    });
    expect(approved.body.state).toBe('granted');
    const [c, r] = await Promise.all([newContext(browser, stack.baseUrl), newContext(browser, stack.baseUrl)]);
    [clerk, reviewer] = await Promise.all([c.newPage(), r.newPage()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('each person signs in, in a browser of their own', async () => {
    await Promise.all([
      signIn(clerk, { role: '机构工作人员', agency: reporterAgency, name: '张敏' }),
      signIn(reviewer, { role: '数据审核人', agency: provider, name: '王芳' }),
    ]);
  });

  it("a clerk reports an error in another agency's resource, which is then marked 数据存疑", async () => {
    expect(await disputed()).toBe(false);
    await clerk.goto(`/console/corrections/new?resourceId=${resourceId}`);
    await poll(() => clerk.getByRole('heading', { level: 2, name: `数据纠错：${resourceName}` }).isVisible()).toBe(
      true,
    );
    // The provider's name comes from the agency directory, which loads on its own.
    await poll(() => clerk.getByText('市公安局').first().isVisible()).toBe(true);
    await clerk.getByRole('button', { name: '提交报告' }).click();
    await poll(() => clerk.getByText('请填写记录标识').isVisible()).toBe(true);
    await clerk.getByLabel('记录标识').fill('370102199001011234');
    await choose(clerk, '数据项', '户籍地址');
    await clerk.getByLabel('当前值').fill('历下区泉城路1号');
    await clerk.getByLabel('应更正为').fill('历下区泉城路11号');
    await clerk.getByLabel('错误描述').fill('门牌号少录一位，与不动产登记不一致');
    await clerk.getByLabel('佐证材料').fill('不动产权证书 鲁(2024)济南市不动产权第0001号');
    await poll(() => clerk.locator('.ant-form-item-explain-error').count()).toBe(0);
    await expectAccessible(clerk, 'the correction report form');
    await screenshot(clerk, 'correction-report', shots);
    await clerk.getByRole('button', { name: '提交报告' }).dblclick();
    await poll(() => new URL(clerk.url()).pathname).toMatch(/^\/console\/corrections\/[0-9a-f-]{36}$/);
    correctionId = new URL(clerk.url()).pathname.split('/').pop()!;
    await poll(() => stateOf(clerk).textContent()).toBe('核实中');
    expect(await clerk.getByRole('button', { name: '核实处理' }).count()).toBe(0);
    const c = await correction();
    expect(c).toMatchObject({
      state: 'verifying',
      assignedAgency: provider,
      field: '户籍地址',
      claimedValue: '历下区泉城路11号',
    });
    expect(await clerk.getByText(c.verifyDueDate, { exact: true }).first().isVisible()).toBe(true);
    expect(await disputed()).toBe(true);
    const token = await stack.token(`agency_staff:${reporterAgency}:张敏`, ['agency_staff'], reporterAgency);
    const mine = await stack.request('GET', '/api/v1/corrections', { token });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([correctionId]);
    await expectAccessible(clerk, 'the correction page');
  });

  it("the provider's reviewer finds it in 待办 and extends the verification once, naming the head who approved", async () => {
    await reviewer.goto('/console/work');
    const row = reviewer.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('核实中');
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => new URL(reviewer.url()).pathname).toBe(`/console/corrections/${correctionId}`);
    await poll(() => reviewer.getByRole('button', { name: '延期' }).isVisible()).toBe(true);
    expect(await reviewer.getByText('历下区泉城路11号').isVisible()).toBe(true);
    const before = (await correction()).verifyDueDate as string;

    await reviewer.getByRole('button', { name: '延期' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '延期' });
    await dialog.getByLabel('延期理由').fill('需调取档案核对');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => describedBy(reviewer, dialog, '批准人（单位负责人）')).toContain('请填写批准延期的单位负责人姓名');
    await dialog.getByLabel('批准人（单位负责人）').fill('赵建国');
    await screenshot(reviewer, 'correction-extend', shots);
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => reviewer.getByText('赵建国').first().isVisible()).toBe(true);
    expect(await reviewer.getByRole('button', { name: '延期' }).count()).toBe(0);
    const after = await correction();
    expect(after.extension).toMatchObject({ approvedBy: '赵建国', reason: '需调取档案核对' });
    expect(after.verifyDueDate > before).toBe(true);
    expect(await reviewer.getByText(after.verifyDueDate, { exact: true }).first().isVisible()).toBe(true);
  });

  it('the reviewer verifies 已更正', async () => {
    await reviewer.getByRole('button', { name: '核实处理' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '核实处理' });
    // A transfer names the agency that owns the data.
    await dialog.getByRole('radio', { name: '转办数据所有单位' }).check();
    await poll(() => dialog.getByLabel('转办单位').isVisible()).toBe(true);
    await dialog.getByRole('radio', { name: '已更正' }).check();
    await poll(() => dialog.getByLabel('转办单位').count()).toBe(0);
    await dialog.getByLabel('核实说明').fill('经核对档案，门牌号已更正为11号');
    await expectAccessible(reviewer, 'the verification form');
    await screenshot(reviewer, 'correction-verify', shots);
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('已更正');
    expect(await reviewer.getByRole('button', { name: '核实处理' }).count()).toBe(0);
    expect((await correction()).outcome).toMatchObject({
      outcome: 'corrected',
      note: '经核对档案，门牌号已更正为11号',
    });
  });

  it('the reporter sees the result, and the disputed mark is gone', async () => {
    await clerk.goto('/console/corrections');
    const row = clerk.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    await poll(() => row.textContent()).toContain('已更正');
    await expectAccessible(clerk, 'the correction list');
    await screenshot(clerk, 'correction-list', shots);
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => stateOf(clerk).textContent()).toBe('已更正');
    expect(await clerk.getByText('经核对档案，门牌号已更正为11号').first().isVisible()).toBe(true);
    expect(await clerk.getByText('赵建国').first().isVisible()).toBe(true);
    await expectAccessible(clerk, 'the verified correction');
    await screenshot(clerk, 'correction-done', shots);
    await poll(() => disputed()).toBe(false);
  });

  it("a report that is not the provider's data goes back to the bureau, whose coordinator forwards it by hand", async () => {
    const reported = await stack.request('POST', '/api/v1/corrections', {
      token: await stack.token(`agency_staff:${reporterAgency}:张敏`, ['agency_staff'], reporterAgency),
      body: { resourceId, recordRef: '户号 370102000002', description: '迁入记录登记的迁出地有误' },
    });
    const id = reported.body.id as string;
    await reviewer.goto(`/console/corrections/${id}`);
    await reviewer.getByRole('button', { name: '退回大数据局' }).click();
    const back = reviewer.getByRole('dialog', { name: '退回大数据局' });
    await back.getByRole('button', { name: '提交' }).click();
    await poll(() => describedBy(reviewer, back, '退回理由')).toContain('请填写退回理由');
    await back.getByLabel('退回理由').fill('迁出地信息由原户籍地公安机关登记，非本单位数据');
    await back.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('转办中');
    expect(await reviewer.getByRole('button', { name: '核实处理' }).count()).toBe(0);

    const coordinator = await (await newContext(browser, stack.baseUrl)).newPage();
    await signIn(coordinator, { role: '大数据局协调人', name: '李娜' });
    await coordinator.goto('/console/work');
    const row = coordinator.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('转办中');
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => new URL(coordinator.url()).pathname).toBe(`/console/corrections/${id}`);
    const dueDate = (await stack.request('GET', `/api/v1/corrections/${id}`, { token: admin })).body
      .forwardDueDate as string;
    await poll(() => coordinator.getByText('等待协调人转交核实单位', { exact: false }).first().isVisible()).toBe(true);
    expect(await coordinator.getByText(dueDate, { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(coordinator, 'a returned correction');
    await screenshot(coordinator, 'correction-returned', shots);
    await coordinator.getByRole('button', { name: '转交核实单位' }).click();
    const dialog = coordinator.getByRole('dialog', { name: '转交核实单位' });
    await choose(coordinator, '核实单位', '市市场监督管理局');
    await dialog.getByLabel('转交说明').fill('迁出地登记信息请先由贵局核对');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(coordinator).textContent()).toBe('核实中');
    const after = (await stack.request('GET', `/api/v1/corrections/${id}`, { token: admin })).body;
    expect(after).toMatchObject({ state: 'verifying', assignedAgency: reporterAgency, returned: { agency: provider } });
    await coordinator.context().close();
  });
});
