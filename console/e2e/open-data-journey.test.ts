// The conditional open-data journey (有条件开放申请), in real Chromium against the real stack: a
// citizen browses 开放数据 and files a request (the 身份证号 checked as typed), the bureau's
// coordinator passes the formal check from 待办, the provider's reviewer approves, and the citizen
// reads and signs the agreement and is shown the access credential once, then gets a new one (the old
// stops working).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
const datasetName = '企业行政处罚信息';
const agreementTitle = '公共数据开放利用协议';
const agreementClause = '第三条 使用方不得对数据进行再识别';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const stateOf = (page: Page) => page.getByRole('status', { name: '办理状态' });

/** The texts that describe a form field (antd links its error help by aria-describedby). */
async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe.skipIf(!chromiumPath())('the open-data request journey (有条件开放申请)', () => {
  let stack: Stack;
  let browser: Browser;
  let citizen: Page;
  let coordinator: Page;
  let reviewer: Page;
  const provider = uniq('AMR');
  let requestId = '';
  let gateway = '';
  /** The credential the signature's answer carried. */
  let signed = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const admin = await stack.token('admin', ['bureau_admin']);
    gateway = await stack.token('gateway', ['gateway']);
    const agency = { code: provider, name: '市市场监督管理局', level: 'municipal' };
    expect((await stack.request('POST', '/api/v1/agencies', { token: admin, body: agency })).status).toBe(201);
    const created = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: datasetName,
        providerAgency: provider,
        shareType: 'conditional',
        openType: 'conditional',
        updateCycle: 'monthly',
        description: '本市市场监管部门作出的行政处罚决定',
        fields: [{ name: '企业名称' }, { name: '处罚事由' }, { name: '处罚金额' }],
        legalBasis: '《公共数据开放办法》',
        openConditions: '仅限科学研究，不得再识别',
      },
    });
    expect(created.status).toBe(201);
    const agreement = await stack.request('POST', '/api/v1/agreement-texts', {
      token: admin,
      body: {
        title: agreementTitle,
        body: `第一条 本协议约束开放数据的利用。\n${agreementClause}。\n第四条 按期报送利用情况。`,
      },
    });
    expect(agreement.status).toBe(201);
    const page = async () => (await newContext(browser, stack.baseUrl)).newPage();
    [citizen, coordinator, reviewer] = await Promise.all([page(), page(), page()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('each person signs in, in a browser of their own', async () => {
    await Promise.all([
      signIn(citizen, { role: '公众用户', name: '王五' }),
      signIn(coordinator, { role: '大数据局协调人', name: '李强' }),
      signIn(reviewer, { role: '数据审核人', agency: provider, name: '王芳' }),
    ]);
  });

  it('a citizen browses 开放数据 and opens the dataset', async () => {
    await citizen.getByRole('link', { name: '开放数据' }).click();
    await poll(() => citizen.getByRole('heading', { level: 2, name: '开放数据' }).isVisible()).toBe(true);
    await poll(() => citizen.getByRole('heading', { level: 3, name: datasetName }).isVisible()).toBe(true);
    expect(await citizen.getByText('仅限科学研究，不得再识别').first().isVisible()).toBe(true);
    expect(await citizen.getByText('每月').first().isVisible()).toBe(true);
    await expectAccessible(citizen, 'the open-data portal');
    await screenshot(citizen, 'portal', shots);

    await citizen.getByRole('button', { name: `查看详情：${datasetName}` }).click();
    const drawer = citizen.getByRole('dialog', { name: datasetName });
    await poll(() => drawer.getByText('市市场监督管理局').isVisible()).toBe(true);
    expect(await drawer.getByText('处罚金额').isVisible()).toBe(true);
    if (shots) await citizen.waitForTimeout(500); // the drawer slides in
    await screenshot(citizen, 'portal-drawer', shots);
    await drawer.getByRole('button', { name: '申请使用' }).click();
    await poll(() => new URL(citizen.url()).pathname).toBe('/console/open-data-requests/new');
  });

  it('files a request: a wrong check digit is named beside the field as it is typed', async () => {
    await poll(() => citizen.getByRole('heading', { level: 2, name: `申请使用：${datasetName}` }).isVisible()).toBe(
      true,
    );
    for (const item of ['企业名称', '处罚事由', '处罚金额']) {
      expect(await citizen.getByRole('checkbox', { name: item }).isChecked()).toBe(true);
    }
    expect(await citizen.getByRole('region', { name: '公共数据安全承诺书' }).textContent()).toContain(
      '不以任何方式对数据进行再识别',
    );
    await citizen.getByLabel('姓名').fill('王五');
    const id = citizen.getByLabel('身份证号', { exact: true });
    await id.pressSequentially('11010519491231002');
    await poll(() => describedBy(citizen, '身份证号')).toContain('身份证号应为18位（已输入17位）');
    await id.pressSequentially('1');
    await poll(() => describedBy(citizen, '身份证号')).toContain('身份证号校验位不正确');
    await screenshot(citizen, 'request-id-error', shots);
    await id.fill('');
    await id.pressSequentially('11010519491231002X');
    await poll(() => describedBy(citizen, '身份证号')).not.toContain('不正确');
    await poll(() => citizen.getByText('身份证号校验位不正确').count()).toBe(0);

    await citizen.getByLabel('联系方式').fill('13800000000');
    await citizen.getByRole('checkbox', { name: '处罚金额' }).uncheck();
    await citizen.getByLabel('用途', { exact: true }).fill('研究本市行政处罚与营商环境的关系');
    await citizen.getByLabel('应用场景').fill('学术论文');
    await citizen.getByLabel('使用期限（月）').fill('6');
    await citizen.getByLabel('数据处理环境和安全措施').fill('单位内网隔离环境，专人处理，操作日志留存');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    // The commitment must be accepted.
    await poll(() => citizen.getByText('请阅读并接受公共数据安全承诺书').isVisible()).toBe(true);
    await citizen.getByRole('checkbox', { name: /我已阅读并接受/ }).check();
    await poll(() => citizen.locator('.ant-form-item-explain-error').count()).toBe(0);
    await expectAccessible(citizen, 'the request form');
    await screenshot(citizen, 'request-form', shots);
    await citizen.getByRole('button', { name: '提交申请' }).dblclick();
    await poll(() => new URL(citizen.url()).pathname).toMatch(/^\/console\/open-data-requests\/[0-9a-f-]{36}$/);
    requestId = new URL(citizen.url()).pathname.split('/').pop()!;
    await poll(() => stateOf(citizen).textContent()).toBe('形式审查');
    expect(await citizen.getByText('1101**********002X').isVisible()).toBe(true);
    const token = await stack.token('public:none:王五', ['public']);
    const list = await stack.request('GET', '/api/v1/open-data-requests', { token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: requestId, fields: ['企业名称', '处罚事由'], periodMonths: 6 });
    expect(await citizen.getByText(list.body.items[0].formalCheckDueDate, { exact: true }).first().isVisible()).toBe(
      true,
    );
    await expectAccessible(citizen, 'the request page');
  });

  it('the coordinator finds it in 待办 and passes the formal check', async () => {
    await coordinator.goto('/console/work');
    const row = coordinator.getByRole('row').filter({ hasText: datasetName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('形式审查');
    await row.getByRole('link', { name: datasetName }).click();
    await poll(() => new URL(coordinator.url()).pathname).toBe(`/console/open-data-requests/${requestId}`);
    await poll(() => coordinator.getByRole('button', { name: '形式审查' }).isVisible()).toBe(true);
    expect(await coordinator.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
    await coordinator.getByRole('button', { name: '形式审查' }).click();
    const dialog = coordinator.getByRole('dialog', { name: '形式审查' });
    // Returning asks for the reasons.
    await dialog.getByRole('radio', { name: /不通过/ }).check();
    await poll(() => dialog.getByLabel('退回理由').isVisible()).toBe(true);
    await dialog.getByRole('radio', { name: /^通过/ }).check();
    await poll(() => dialog.getByLabel('退回理由').count()).toBe(0);
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(coordinator).textContent()).toBe('提供单位审核');
    expect(await coordinator.getByRole('button', { name: '形式审查' }).count()).toBe(0);
  });

  it("the provider's reviewer approves with conditions", async () => {
    await reviewer.goto('/console/open-data-requests');
    const row = reviewer.getByRole('row').filter({ hasText: datasetName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('提供单位审核');
    await expectAccessible(reviewer, 'the request list');
    await screenshot(reviewer, 'request-list', shots);
    await row.getByRole('link', { name: datasetName }).click();
    await poll(() => reviewer.getByRole('button', { name: '不予开放' }).isVisible()).toBe(true);
    await reviewer.getByRole('button', { name: '通过', exact: true }).click();
    const dialog = reviewer.getByRole('dialog', { name: '通过' });
    await dialog.getByLabel('使用条件').fill('成果发表前报数据提供单位备案');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('待签署协议');
    expect(await reviewer.getByText('成果发表前报数据提供单位备案').isVisible()).toBe(true);
    // Only the requester signs.
    expect(await reviewer.getByRole('button', { name: '签署协议' }).count()).toBe(0);
  });

  it('the citizen reads the agreement, signs, and is shown the credential once', async () => {
    await citizen.reload();
    await poll(() => stateOf(citizen).textContent()).toBe('待签署协议');
    const text = citizen.getByRole('region', { name: '开放利用协议' }).first();
    await poll(() => text.textContent()).toContain(agreementClause);
    expect(await text.textContent()).toContain(agreementTitle);
    await expectAccessible(citizen, 'the request awaiting signature');
    await screenshot(citizen, 'awaiting-agreement', shots);

    await citizen.getByRole('button', { name: '签署协议' }).click();
    const dialog = citizen.getByRole('dialog', { name: '签署协议' });
    await poll(() => dialog.getByText(agreementClause, { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => dialog.getByText('请阅读并同意开放利用协议').isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await dialog.getByRole('button', { name: '提交' }).click();

    const shown = citizen.getByRole('dialog', { name: '访问凭证已签发' });
    await poll(() => shown.isVisible()).toBe(true);
    expect(await shown.getByText('访问凭证只显示这一次').isVisible()).toBe(true);
    const credential = ((await shown.locator('code').textContent()) ?? '').trim();
    expect(credential).toMatch(/^sdc_[A-Za-z0-9_-]{20,}$/);
    expect(await shown.getByRole('button', { name: '复制凭证' }).count()).toBe(1);
    // The signature's dialog has closed (its closing animation leaves a dialog without a name behind).
    await poll(() => citizen.getByRole('dialog').count()).toBe(1);
    await expectAccessible(citizen, 'the credential dialog');
    await screenshot(citizen, 'credential', shots);
    const live = await stack.request('POST', '/api/v1/credentials/introspection', {
      token: gateway,
      body: { credential },
    });
    expect(live.body).toMatchObject({ active: true, kind: 'open_data', fields: ['企业名称', '处罚事由'] });
    // Nowhere but on the screen: not in the URL, not in the browser's storage.
    expect(citizen.url()).not.toContain(credential);
    const stored = await citizen.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)');
    expect(stored).not.toContain(credential);

    await shown.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await poll(() => shown.count()).toBe(0);
    await poll(() => stateOf(citizen).textContent()).toBe('使用中');
    await citizen.reload();
    await poll(() => stateOf(citizen).textContent()).toBe('使用中');
    expect(await citizen.getByRole('dialog').count()).toBe(0);
    expect(await citizen.content()).not.toContain(credential);
    expect(await citizen.getByRole('button', { name: '报送利用情况' }).isVisible()).toBe(true);
    await expectAccessible(citizen, 'the active request');
    await screenshot(citizen, 'active', shots);
    signed = credential;
  });

  it('the citizen gets a new credential, shown once, and the old one stops working', async () => {
    await citizen.getByRole('button', { name: '获取访问凭证' }).click();
    const confirm = citizen.getByRole('dialog', { name: '确认获取访问凭证？' });
    await poll(() => confirm.getByText('原访问凭证随即停止使用', { exact: false }).isVisible()).toBe(true);
    await confirm.getByRole('button', { name: '确认' }).click();
    const shown = citizen.getByRole('dialog', { name: '访问凭证已签发' });
    await poll(() => shown.isVisible()).toBe(true);
    expect(await shown.getByText('访问凭证只显示这一次').isVisible()).toBe(true);
    const rotated = ((await shown.locator('code').textContent()) ?? '').trim();
    expect(rotated).toMatch(/^sdc_[A-Za-z0-9_-]{20,}$/);
    expect(rotated).not.toBe(signed);
    const introspect = async (credential: string) =>
      (await stack.request('POST', '/api/v1/credentials/introspection', { token: gateway, body: { credential } })).body;
    expect(await introspect(signed)).toEqual({ active: false });
    expect(await introspect(rotated)).toMatchObject({ active: true, kind: 'open_data' });
    expect(citizen.url()).not.toContain(rotated);
    await shown.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await poll(() => shown.count()).toBe(0);
    expect(await citizen.content()).not.toContain(rotated);
    await poll(() => stateOf(citizen).textContent()).toBe('使用中');
  });
});
