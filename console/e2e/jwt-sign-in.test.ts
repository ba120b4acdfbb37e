// Signing in under AUTH_MODE=jwt: the person pastes the token their city's identity provider issued.
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, launchBrowser, newContext } from '../../test/helpers/browser.js';
import { uniq } from '../../test/helpers/fixtures.js';
import { startStack, type Stack } from '../../test/helpers/stack.js';

const SECRET = 'a-test-secret-of-the-city-identity-provider';
const sign = (claims: Record<string, unknown>, expiresIn = '1h') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.sub))
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(SECRET));

describe.skipIf(!chromiumPath())("signing in with the identity provider's token (AUTH_MODE=jwt)", () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const agency = uniq('PSB');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ AUTH_MODE: 'jwt', JWT_SECRET: SECRET }), launchBrowser()]);
    const admin = await sign({ sub: 'admin', roles: ['bureau_admin'] });
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

  it('offers no development sign-in: the dev endpoints do not exist', async () => {
    expect(
      (await stack.request('POST', '/api/v1/dev/tokens', { body: { sub: 'x', roles: ['bureau_admin'] } })).status,
    ).toBe(404);
    await page.goto('/console/sign-in');
    await expect.poll(() => page.getByLabel('访问令牌').isVisible()).toBe(true);
    expect(await page.getByLabel('角色').count()).toBe(0);
    await expectAccessible(page, 'the JWT sign-in page');
  });

  it('refuses an expired token and says so', async () => {
    await page
      .getByLabel('访问令牌')
      .fill(await sign({ sub: 'u1', roles: ['agency_reviewer'], agency, name: '王芳' }, '-1m'));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('令牌无效或已过期').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('signs in with a valid token, keeps it out of the URL, and forgets it on sign-out', async () => {
    const token = await sign({ sub: 'u-wangfang', roles: ['agency_reviewer'], agency, name: '王芳' });
    await page.getByLabel('访问令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/work');
    await expect.poll(() => page.getByText('王芳').first().isVisible()).toBe(true);
    expect(page.url()).not.toContain(token.slice(0, 20));
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });
});
