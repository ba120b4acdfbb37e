// The first journey of the console (共享申请 → 异议协商), in real Chromium against the real stack:
// a clerk applies, the provider's reviewer asks for a supplement, the clerk supplements, the
// reviewer refuses citing the law, the clerk objects, a bureau coordinator takes the objection,
// records the consultation and rules to share, and the clerk sees the grant. And two reviewers
// deciding the same case at once: the second is told someone else was first.
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
const resourceName = '人口基础信息';
/** Waits for what the server takes a moment to do (a workflow update, a page load on a busy machine). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const uuidPath = (prefix: string) => new RegExp(`^/console/${prefix}/[0-9a-f-]{36}$`);

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

/** Waits for antd's opening animations to end: axe would read a fading dialog's colours half-way. */
const settled = (page: Page) => poll(() => page.locator('[class*="-appear"], [class*="-enter"]').count()).toBe(0);

/** The case's state, beside the page's heading. */
const stateOf = (page: Page) => page.getByRole('status', { name: '办理状态' });

describe.skipIf(!chromiumPath())('the share application journey (共享申请 → 异议协商)', () => {
  let stack: Stack;
  let reviewerFetchedAt = 0;
  let browser: Browser;
  let clerk: Page;
  let reviewer: Page;
  let coordinator: Page;
  const applicant = uniq('AMR');
  const provider = uniq('PSB');
  let resourceId = '';
  let applicationId = '';
  let objectionId = '';
  let clerkToken = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const admin = await stack.token('admin', ['bureau_admin']);
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
    const created = await stack.request('POST', '/api/v1/catalog/resources', {
      token: admin,
      body: {
        code: uniq('R'),
        name: resourceName,
        providerAgency: provider,
        shareType: 'conditional',
        openType: 'not_open',
        updateCycle: 'daily',
        fields: [{ name: '姓名' }, { name: '公民身份号码', personal: true }, { name: '户籍地址', personal: true }],
        legalBasis: '《中华人民共和国数据安全法》第三十八条',
        shareConditions: '仅限身份核验，不得留存',
      },
    });
    expect(created.status).toBe(201);
    resourceId = created.body.id;
    clerkToken = await stack.token(`agency_staff:${applicant}:张敏`, ['agency_staff'], applicant);
    // One browser context per person: their own cookies and session storage.
    const page = async () => (await newContext(browser, stack.baseUrl)).newPage();
    [clerk, reviewer, coordinator] = await Promise.all([page(), page(), page()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('each person signs in, in a browser of their own', async () => {
    await signIn(clerk, { role: '机构工作人员', agency: applicant, name: '张敏' });
    await signIn(reviewer, { role: '数据审核人', agency: provider, name: '王芳' });
    await signIn(coordinator, { role: '大数据局协调人', name: '李强' });
    for (const page of [clerk, reviewer, coordinator]) {
      await poll(() => page.getByRole('heading', { level: 2, name: '待办' }).isVisible()).toBe(true);
    }
  });

  it('a clerk applies from the resource, and a double click files one application', async () => {
    await clerk.goto(`/console/share-applications/new?resourceId=${resourceId}`);
    await poll(() => clerk.getByRole('heading', { level: 2, name: `申请共享：${resourceName}` }).isVisible()).toBe(
      true,
    );
    expect(await clerk.getByText('有条件共享', { exact: true }).isVisible()).toBe(true);
    expect(await clerk.getByText('仅限身份核验，不得留存').isVisible()).toBe(true);
    // The items without personal information are ticked by default; personal ones are marked and left to choose.
    expect(await clerk.getByRole('checkbox', { name: '姓名' }).isChecked()).toBe(true);
    expect(await clerk.getByRole('checkbox', { name: /^公民身份号码/ }).isChecked()).toBe(false);
    expect(await clerk.getByRole('checkbox', { name: /^户籍地址/ }).isChecked()).toBe(false);
    expect(await clerk.getByText('个人信息', { exact: true }).count()).toBe(2);
    await expectAccessible(clerk, 'the apply page');
    await screenshot(clerk, 'apply', shots);

    await clerk.getByRole('checkbox', { name: /^公民身份号码/ }).check();
    await clerk.getByLabel('用途及应用场景').fill('企业开办登记时核验法定代表人身份');
    await clerk.getByLabel('履职依据').fill('《优化营商环境条例》第十九条');
    await clerk.getByLabel('使用范围').fill('仅限本局登记注册处');
    await clerk.getByLabel('使用期限（月）').fill('6');
    await clerk.getByRole('radio', { name: '核验比对' }).check();
    await clerk.getByLabel('安全保障措施').fill('专网访问，操作日志留存六个月');
    await clerk.getByRole('button', { name: '提交申请' }).dblclick();
    await poll(() => new URL(clerk.url()).pathname).toMatch(uuidPath('share-applications'));
    // The notice outlives the form that raised it: it is read on the new case's page.
    expect(await clerk.getByText('申请已提交').isVisible()).toBe(true);
    applicationId = new URL(clerk.url()).pathname.split('/').pop()!;
    await poll(() => stateOf(clerk).textContent()).toBe('待审核');

    const list = await stack.request('GET', `/api/v1/share-applications?resourceId=${resourceId}`, {
      token: clerkToken,
    });
    expect(list.body.items).toHaveLength(1);
    const a = list.body.items[0];
    expect(a).toMatchObject({
      id: applicationId,
      state: 'pending_review',
      fields: ['姓名', '公民身份号码'],
      periodMonths: 6,
      deliveryMethod: 'verification',
    });
    expect(await clerk.getByText(a.reviewDueDate, { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(clerk, 'the application page');

    await clerk.goto('/console/share-applications');
    const row = clerk.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('市公安局');
    expect(await row.textContent()).toContain('待审核');
    expect(await row.textContent()).toContain(a.reviewDueDate);
    expect(await clerk.getByRole('link', { name: '申请共享数据' }).isVisible()).toBe(true);
    await expectAccessible(clerk, 'the application list');
    await screenshot(clerk, 'list', shots);
  });

  it("the provider's reviewer finds it in 待办 with its deadline and asks for a supplement", async () => {
    const reviewWd = stack.config.policy.share.reviewWd;
    await reviewer.goto('/console/work');
    const row = reviewer.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    const application = await stack.request('GET', `/api/v1/share-applications/${applicationId}`, {
      token: clerkToken,
    });
    const { reviewDueDate } = application.body;
    expect(await row.textContent()).toContain(reviewDueDate);
    expect(await row.textContent()).toContain(`剩余${reviewWd}个工作日`);
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => new URL(reviewer.url()).pathname).toBe(`/console/share-applications/${applicationId}`);
    for (const action of ['通过', '不予共享', '要求补正', '延期']) {
      await poll(() => reviewer.getByRole('button', { name: action, exact: true }).isVisible()).toBe(true);
    }
    expect(await reviewer.getByRole('button', { name: '撤回' }).count()).toBe(0);

    await reviewer.getByRole('button', { name: '要求补正', exact: true }).click();
    const dialog = reviewer.getByRole('dialog', { name: '要求补正' });
    await poll(() => dialog.getByText('一次性告知', { exact: false }).isVisible()).toBe(true);
    // Nothing entered: one message, under the item.
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['请填写需补正的材料']);
    await dialog.getByLabel('需补正材料第1项').fill('履职依据文件（盖章扫描件）');
    await dialog.getByRole('button', { name: '＋ 添加一项' }).click();
    await dialog.getByLabel('需补正材料第2项').fill('数据安全承诺书');
    await screenshot(reviewer, 'supplement-request', shots);
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('待补正');
    expect(await reviewer.getByRole('listitem').filter({ hasText: '数据安全承诺书' }).count()).toBeGreaterThan(0);
    expect(await reviewer.getByRole('button', { name: '要求补正', exact: true }).count()).toBe(0);
    reviewerFetchedAt = Date.now();
  });

  it('the clerk sees the request in 待办 and supplements', async () => {
    await clerk.goto('/console/work');
    const row = clerk.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('补正');
    expect(await row.textContent()).toContain(`剩余${stack.config.policy.share.supplementWd}个工作日`);
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => clerk.getByRole('button', { name: '补正', exact: true }).isVisible()).toBe(true);
    await clerk.getByRole('button', { name: '补正', exact: true }).click();
    const dialog = clerk.getByRole('dialog', { name: '补正' });
    await dialog.getByLabel('补正说明').fill('已补充履职依据文件及数据安全承诺书');
    await dialog.getByLabel('使用范围').fill('仅限本局登记注册处窗口核验');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(clerk).textContent()).toBe('待审核');
    expect(await clerk.getByText('已补充履职依据文件及数据安全承诺书').first().isVisible()).toBe(true);
    expect(await clerk.getByText('更正使用范围：仅限本局登记注册处窗口核验').isVisible()).toBe(true);
  });

  it('the reviewer refuses: the legal basis is required beside its field, then 不予共享', async () => {
    // The reviewer's tab comes back to the front and refetches: the case is theirs again, and the
    // 要求补正 they did before does not open again by itself.
    // (The console refetches on focus what is older than its 10 s staleTime.)
    await reviewer.waitForTimeout(Math.max(0, reviewerFetchedAt + 10_500 - Date.now()));
    await reviewer.evaluate('window.dispatchEvent(new Event("visibilitychange"))');
    await poll(() => stateOf(reviewer).textContent()).toBe('待审核');
    await poll(() => reviewer.getByRole('button', { name: '不予共享', exact: true }).isVisible()).toBe(true);
    expect(await reviewer.getByRole('dialog').count()).toBe(0);
    await reviewer.getByRole('button', { name: '不予共享', exact: true }).click();
    const dialog = reviewer.getByRole('dialog', { name: '不予共享' });
    await poll(() => dialog.getByLabel('理由').isVisible()).toBe(true);
    await settled(reviewer);
    await expectAccessible(reviewer, 'the 不予共享 dialog');
    await dialog.getByLabel('理由').fill('申请用途可通过核验接口实现，无需共享户籍数据');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => describedBy(reviewer, dialog, '法律依据')).toContain('不予共享须注明法律依据');
    expect(await dialog.isVisible()).toBe(true);
    await screenshot(reviewer, 'reject-field-error', shots);
    await dialog.getByLabel('法律依据').fill('《中华人民共和国个人信息保护法》第六条');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('不予共享');
    expect(await reviewer.getByRole('button', { name: '不予共享', exact: true }).count()).toBe(0);
    const a = (await stack.request('GET', `/api/v1/share-applications/${applicationId}`, { token: clerkToken })).body;
    expect(a.decision).toMatchObject({ decision: 'reject', legalBasis: '《中华人民共和国个人信息保护法》第六条' });
    expect(await reviewer.getByText(a.objectionDueDate, { exact: true }).first().isVisible()).toBe(true);
  });

  it('the clerk objects and lands on the objection', async () => {
    await clerk.reload();
    await poll(() => clerk.getByRole('button', { name: '提出异议' }).isVisible()).toBe(true);
    expect(await clerk.getByText('《中华人民共和国个人信息保护法》第六条').first().isVisible()).toBe(true);
    await screenshot(clerk, 'rejected', shots);
    await clerk.getByRole('button', { name: '提出异议' }).click();
    const dialog = clerk.getByRole('dialog', { name: '提出异议' });
    await dialog.getByLabel('异议陈述').fill('企业开办须核验法定代表人身份，属法定职责');
    await dialog.getByRole('button', { name: '提交' }).click();
    await poll(() => new URL(clerk.url()).pathname).toMatch(uuidPath('objections'));
    objectionId = new URL(clerk.url()).pathname.split('/').pop()!;
    await poll(() => stateOf(clerk).textContent()).toBe('协商中');
    const o = (await stack.request('GET', `/api/v1/objections/${objectionId}`, { token: clerkToken })).body;
    expect(o).toMatchObject({
      applicationId,
      state: 'negotiating',
      statement: '企业开办须核验法定代表人身份，属法定职责',
    });
    expect(await clerk.getByText(o.negotiationDueDate, { exact: true }).first().isVisible()).toBe(true);
    expect(await clerk.getByText('申请用途可通过核验接口实现，无需共享户籍数据').first().isVisible()).toBe(true);
    await expectAccessible(clerk, 'the objection page');
    await screenshot(clerk, 'objection', shots);
  });

  it('a coordinator takes the objection, records the consultation and rules to share', async () => {
    await coordinator.goto('/console/objections');
    const row = coordinator.getByRole('row').filter({ hasText: resourceName });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('协商中');
    await expectAccessible(coordinator, 'the objection list');
    await screenshot(coordinator, 'objection-list', shots);
    await row.getByRole('link', { name: resourceName }).click();
    await poll(() => coordinator.getByRole('button', { name: '受理协调' }).isVisible()).toBe(true);
    expect(await coordinator.getByRole('button', { name: '作出协调意见' }).count()).toBe(0);

    await coordinator.getByRole('button', { name: '受理协调' }).click();
    await coordinator.getByRole('dialog', { name: '受理协调' }).getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(coordinator).textContent()).toBe('协调中');
    expect(await coordinator.getByText('李强（大数据局协调人）').first().isVisible()).toBe(true);

    await coordinator.getByRole('button', { name: '记录会商纪要' }).click();
    const minutes = coordinator.getByRole('dialog', { name: '记录会商纪要' });
    await minutes.getByLabel('会商纪要内容').fill('双方同意在核验场景下共享姓名与公民身份号码');
    await minutes.getByRole('button', { name: '提交' }).click();
    await poll(() => coordinator.getByText('双方同意在核验场景下共享姓名与公民身份号码').isVisible()).toBe(true);

    await coordinator.getByRole('button', { name: '作出协调意见' }).click();
    const ruling = coordinator.getByRole('dialog', { name: '作出协调意见' });
    await ruling.getByRole('radio', { name: '予以共享' }).check();
    await ruling.getByLabel('理由').fill('申请单位履职需要明确，数据提供单位应予共享');
    await ruling.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(coordinator).textContent()).toBe('已办结');
    expect(await coordinator.getByText('予以共享', { exact: true }).first().isVisible()).toBe(true);
    expect(await coordinator.getByRole('button', { name: '作出协调意见' }).count()).toBe(0);
    await screenshot(coordinator, 'objection-ruled', shots);

    // The dossier opens from a blob: the token is never in a URL.
    const [dossier] = await Promise.all([
      coordinator.context().waitForEvent('page'),
      coordinator.getByRole('button', { name: '查看卷宗' }).click(),
    ]);
    await poll(() => dossier.getByRole('heading', { name: '不予共享异议协商卷宗' }).isVisible()).toBe(true);
    expect(dossier.url()).toMatch(/^blob:/);
    expect(dossier.url()).not.toMatch(/token|eyJ/);
    await dossier.close();
  });

  it('the clerk sees the application shared, with its grant', async () => {
    await clerk.goto(`/console/share-applications/${applicationId}`);
    await poll(() => stateOf(clerk).textContent()).toBe('已共享');
    const a = (await stack.request('GET', `/api/v1/share-applications/${applicationId}`, { token: clerkToken })).body;
    expect(a.state).toBe('granted');
    expect(a.grant).toMatchObject({ state: 'active', fields: ['姓名', '公民身份号码'] });
    expect(await clerk.getByText('有效', { exact: true }).isVisible()).toBe(true);
    expect(await clerk.getByText(a.grant.expiresDate, { exact: true }).first().isVisible()).toBe(true);
    const objectionLink = clerk.getByRole('link', { name: '查看异议协商' }).first();
    expect(await objectionLink.getAttribute('href')).toBe(`/console/objections/${objectionId}`);
    await screenshot(clerk, 'granted', shots);
  });

  it("the clerk gets the grant's access credential, shown once, which the gateway finds live", async () => {
    await clerk.getByRole('button', { name: '获取访问凭证' }).click();
    const confirm = clerk.getByRole('dialog', { name: '确认获取访问凭证？' });
    await poll(() => confirm.getByText('此前签发的访问凭证随即停止使用', { exact: false }).isVisible()).toBe(true);
    await confirm.getByRole('button', { name: '确认' }).click();
    const shown = clerk.getByRole('dialog', { name: '访问凭证已签发' });
    await poll(() => shown.isVisible()).toBe(true);
    expect(await shown.getByText('访问凭证只显示这一次').isVisible()).toBe(true);
    expect(await shown.getByRole('button', { name: '复制凭证' }).count()).toBe(1);
    const credential = ((await shown.locator('code').textContent()) ?? '').trim();
    expect(credential).toMatch(/^sdc_[A-Za-z0-9_-]{20,}$/);
    await poll(() => clerk.getByRole('dialog').count()).toBe(1);
    await settled(clerk);
    await expectAccessible(clerk, 'the share credential dialog');
    await screenshot(clerk, 'share-credential', shots);
    const gateway = await stack.token('gateway', ['gateway']);
    const live = await stack.request('POST', '/api/v1/credentials/introspection', {
      token: gateway,
      body: { credential },
    });
    expect(live.body).toMatchObject({ active: true, kind: 'share', resourceId, fields: ['姓名', '公民身份号码'] });
    // Nowhere but on the screen: not in the URL, not in the browser's storage.
    expect(clerk.url()).not.toContain(credential);
    const stored = await clerk.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)');
    expect(stored).not.toContain(credential);
    await shown.getByRole('button', { name: '我已妥善保存，关闭' }).click();
    await poll(() => shown.count()).toBe(0);
    expect(await clerk.content()).not.toContain(credential);
  });

  it('two reviewers decide at once: the second is told, though nothing is left for them to do, and sees the new state', async () => {
    const created = await stack.request('POST', '/api/v1/share-applications', {
      token: clerkToken,
      body: {
        resourceId,
        purpose: '行政许可审查',
        dutyBasis: '《行政许可法》第三十一条',
        usageScope: '本局许可处',
        periodMonths: 12,
        deliveryMethod: 'api',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const other = await (await newContext(browser, stack.baseUrl)).newPage();
    await signIn(other, { role: '数据审核人', agency: provider, name: '刘洋' });
    await Promise.all([
      reviewer.goto(`/console/share-applications/${id}`),
      other.goto(`/console/share-applications/${id}`),
    ]);
    for (const p of [reviewer, other]) {
      await poll(() => p.getByRole('button', { name: '通过', exact: true }).isVisible()).toBe(true);
    }

    await other.getByRole('button', { name: '通过', exact: true }).click();
    await poll(() => other.getByRole('dialog', { name: '通过' }).getByLabel('使用期限（月）').isVisible()).toBe(true);
    await settled(other);
    await expectAccessible(other, 'the 通过 dialog');
    // The first refuses: a refused application leaves its reviewers nothing to do.
    await reviewer.getByRole('button', { name: '不予共享', exact: true }).click();
    const refusal = reviewer.getByRole('dialog', { name: '不予共享' });
    await refusal.getByLabel('理由').fill('该用途可通过核验接口实现');
    await refusal.getByLabel('法律依据').fill('《中华人民共和国个人信息保护法》第六条');
    await refusal.getByRole('button', { name: '提交' }).click();
    await poll(() => stateOf(reviewer).textContent()).toBe('不予共享');

    await other.getByRole('dialog', { name: '通过' }).getByRole('button', { name: '提交' }).click();
    await poll(() => other.getByRole('dialog', { name: '该事项刚刚已由他人办理' }).isVisible()).toBe(true);
    await screenshot(other, 'lost-race', shots);
    await poll(() => stateOf(other).textContent()).toBe('不予共享');
    expect(await other.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
    expect(await other.getByRole('button', { name: '不予共享', exact: true }).count()).toBe(0);
    // The explanation stays until it is read.
    expect(await other.getByRole('dialog', { name: '该事项刚刚已由他人办理' }).isVisible()).toBe(true);
    await other.context().close();
  });
});
