// Signing in and the work list, in real Chromium against the real stack.
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, launchBrowser, newContext, signIn } from '../../test/helpers/browser.js';
import { uniq } from '../../test/helpers/fixtures.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';

describe.skipIf(!chromiumPath())('signing in (登录)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const agency = uniq('PSB');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const admin = await stack.token('admin', ['bureau_admin']);
    await stack.request('POST', '/api/v1/agencies', {
      token: admin,
      body: { code: agency, name: '市公安局', level: 'municipal' },
    });
    page = await (await newContext(browser, stack.baseUrl)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sends a visitor to the sign-in page, which is accessible', async () => {
    await page.goto('/console/work');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the sign-in page');
  });

  it('needs an agency for an agency role, names the field, then signs in to 待办', async () => {
    await page.getByLabel('姓名').fill('王芳');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('机构角色须选择所在机构').isVisible()).toBe(true);
    await signIn(page, { role: '数据审核人', agency, name: '王芳' });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/work');
    await expect.poll(() => page.getByRole('tab', { name: '待办' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('暂无待办事项').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('王芳').first().isVisible()).toBe(true);
    await expectAccessible(page, 'the work list');
  });

  it('keeps the token out of the URL and forgets it on sign-out', async () => {
    expect(page.url()).not.toMatch(/token|eyJ/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.goto('/console/work');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
  });

  it('serves deep links as the app and leaves the API alone', async () => {
    const deep = await fetch(`${stack.baseUrl}/console/share-applications/00000000-0000-4000-8000-000000000000`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${stack.baseUrl}/api/v1/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
    const redirect = await fetch(`${stack.baseUrl}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const missingAsset = await fetch(`${stack.baseUrl}/console/assets/no-such-chunk.js`);
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.headers.get('content-type')).toContain('application/problem+json');
    const html = await (await fetch(`${stack.baseUrl}/console/`)).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${stack.baseUrl}${script}`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});

describe.skipIf(!chromiumPath())('signing in with a pasted token (AUTH_MODE=jwt)', () => {
  const secret = 'a-test-only-secret-of-at-least-32-characters';
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const jwt = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ AUTH_MODE: 'jwt', JWT_SECRET: secret }), launchBrowser()]);
    page = await (await newContext(browser, stack.baseUrl)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("says what is wrong with an agency role's token that names no agency, and what with a bad one", async () => {
    await page.goto('/console/sign-in');
    const field = page.getByLabel('访问令牌');
    await expect.poll(() => field.isVisible()).toBe(true);
    await field.fill(await jwt({ roles: ['agency_staff'], name: '张敏' }));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('机构角色的令牌须包含所在机构（agency）').isVisible()).toBe(true);
    await field.fill('not-a-token');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('令牌无效或已过期，请重新获取').isVisible()).toBe(true);
    await expectAccessible(page, 'the token sign-in page');
  });
});
