import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/domain/roles';
import type { TestHub } from './test-hub';

/** Debian's Chromium (`.ci/run` installs it); Playwright's own browser download cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the console tests write a screenshot of each screen (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'artifacts', 'console');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium; Playwright gives every launch a fresh, temporary user-data-dir. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser context (its own storage) with a desktop viewport. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' });
}

/** Opens /console in a new page and signs in with the key of `role`; resolves on the contacts screen. */
export async function signIn(context: BrowserContext, hub: TestHub, role: Role): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${hub.url}/console`);
  await page.getByLabel('API key').fill(hub.keys[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByTestId('result-count').filter({ hasText: /contact/ }).waitFor();
  return page;
}

let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the console's strict
 * Content-Security-Policy stays on) and answers the serious and critical violations.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Writes a PNG of what the window shows (1360×860) to artifacts/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Reads a value until it passes `ok` (the hub or the page may still be catching up); answers the last read. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, attempts = 50): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** The text of the focused element (page code as a string: the tests are typed without the DOM library). */
export async function focusedText(page: Page): Promise<string | null> {
  return (await page.evaluate('document.activeElement ? document.activeElement.textContent : null')) as string | null;
}

/** The id of the focused element. */
export async function focusedId(page: Page): Promise<string | null> {
  return (await page.evaluate('document.activeElement ? document.activeElement.id : null')) as string | null;
}
