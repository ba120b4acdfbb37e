// Real Chromium for the console's journeys: Debian's package, driven by playwright-core (which
// downloads nothing). Pages are checked with axe-core as they are visited.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ensureConsoleBuilt } from '../../lib/console-build.js';
import { projectRoot } from '../../lib/temporal-cli.js';

/** The Chromium binary the run found (global setup), or null: the browser tier is then skipped. */
export const chromiumPath = (): string | null => inject('chromiumPath');

/** Chromium, with the console built from this checkout first (when its sources changed). */
export async function launchBrowser(): Promise<Browser> {
  await ensureConsoleBuilt(projectRoot(), (m) => console.log(`[console] ${m}`));
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    // This machine's network is closed: no background traffic, no first-run work.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
}

/**
 * Chooses an option of the select labelled `label`. antd keeps its accessible listbox hidden and
 * draws the options beside it, so the drawn option with that text is clicked.
 */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`)}$`);
  const wanted = open
    .locator('.ant-select-item-option')
    .filter({ hasText: typeof option === 'string' ? exactly(option) : option })
    .first();
  // A click that lands while the list is still moving in is lost: a single select then stays open
  // and a multiple one leaves the option unmarked. Try again until the choice has taken.
  const taken = async () =>
    (await open.count()) === 0 ||
    /ant-select-item-option-selected/.test(
      (await wanted.getAttribute('class', { timeout: 500 }).catch(() => null)) ?? '',
    );
  // Another select's list may still be closing: wait for it, so that the options are this select's.
  await expect
    .poll(() => open.count(), { timeout: 2000 })
    .toBe(0)
    .catch(() => undefined);
  await field.click();
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && (await open.count()) === 0) await field.click();
    await wanted.click();
    const ok = await expect
      .poll(taken, { timeout: 2000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (ok) break;
    if (attempt === 3) throw new Error(`choosing ${String(option)} in ${label} did not take`);
  }
}

/** Signs in on the development sign-in page, as a person would: role, agency, name, 登录. */
export async function signIn(page: Page, who: { role: string; agency?: string; name: string }): Promise<void> {
  await page.goto('/console/sign-in');
  await choose(page, '角色', who.role);
  if (who.agency) await choose(page, '机构', new RegExp(`（${who.agency}）`));
  await page.getByLabel('姓名').fill(who.name);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => new URL(page.url()).pathname).not.toBe('/console/sign-in');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A dialog or a list still fading in has colours on their way: axe would weigh them half drawn.
  // (A spinner turns for ever: only animations that end are waited for.)
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
    .map((a) => a.finished.catch(() => undefined)))`);
  await page.evaluate(axeSource);
  // Runs in the page; written as a string so this Node-side file needs no DOM types.
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  })()`)) as string[];
  expect(violations, `accessibility of ${label}`).toEqual([]);
}

/** Saves a screenshot into docs/screenshots when SCREENSHOTS=1 (npm run screenshots). */
export async function screenshot(page: Page, name: string, dir: string | undefined): Promise<void> {
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
