import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator } from 'playwright-core';
import { workflowOf, type StageContext } from '../support/context';

/** Debian's Chromium (`apt-get install chromium`); playwright's own browser download is not used. */
export const CHROMIUM = process.env.CONTACT_HUB_E2E_CHROMIUM ?? '/usr/bin/chromium';

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

/** The node of example 05 that is Contact → Get Many with the optional Segment and Filter (JSON) left empty. */
const GET_MANY_NODE = 'Unblocked contacts tagged spam';

/** Waits until an input shows `value` (the editor fills options inputs once their list has loaded). */
async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await input.inputValue()) === value) return;
    if (Date.now() > deadline) throw new Error(`the input shows "${await input.inputValue()}", not "${value}"`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The editor in headless Chromium: sign in, open example 05's Contact → Get Many node, wait
 * until its parameters (and the segment list from the hub) are shown, assert that no parameter
 * issue is shown, and keep a PNG of it.
 */
export async function checkEditorScreenshot(ctx: StageContext): Promise<string> {
  const wf = workflowOf(ctx, '05-');
  const stored = await ctx.rest.workflow(wf.id);
  const node = stored.nodes.find((n) => n.name === GET_MANY_NODE) as { id?: string } | undefined;
  assert.ok(node?.id, `no node "${GET_MANY_NODE}" in ${wf.file}`);
  const profile = mkdtempSync(join(tmpdir(), 'contact-hub-e2e-chromium-'));
  // A fresh profile folder per run (Chromium's --user-data-dir, which playwright sets from it).
  const browser = await chromium
    .launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 1000 } })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw error;
    });
  const png = join(ctx.artifactsDir, 'contact-get-many.png');
  const page = await browser.newPage();
  try {
    await page.goto(`${ctx.main.url}/signin`);
    await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(ctx.owner.email);
    await page.locator('input[type="password"]').first().fill(ctx.owner.password);
    await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
    // The editor opens a node's settings from its URL.
    await page.goto(`${ctx.main.url}/workflow/${wf.id}/${node.id}`);
    const ndv = page.locator('[data-test-id="ndv"]');
    await ndv.waitFor({ state: 'visible', timeout: 60_000 });
    // Contact → Get Many: the option inputs show the chosen labels.
    const resource = ndv.locator('[data-test-id="parameter-input-resource"] input').first();
    const operation = ndv.locator('[data-test-id="parameter-input-operation"] input').first();
    await operation.waitFor({ timeout: 30_000 });
    await waitForValue(resource, 'Contact');
    await waitForValue(operation, 'Get Many');
    // The Segment list came from the hub: its empty default shows as the listed "All Contacts" choice.
    const segment = ndv.locator('[data-test-id="parameter-input-segmentId"] input').first();
    await segment.waitFor({ timeout: 30_000 });
    await waitForValue(segment, 'All Contacts (No Segment)');
    await ndv.locator('[data-test-id="parameter-input-filterJson"]').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: png, fullPage: false });
    const issues = await ndv.locator('[data-test-id="parameter-issues"]').count();
    const unsupported = await ndv.getByText('is not supported', { exact: false }).count();
    assert.equal(issues, 0, `the editor shows ${issues} parameter issue markers (see ${png})`);
    assert.equal(unsupported, 0, `the editor says a value "is not supported" (see ${png})`);
  } catch (error) {
    // What the editor showed when the check failed, for the report.
    await page.screenshot({ path: join(ctx.artifactsDir, 'contact-get-many-failed.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  assert.ok(statSync(png).size > 10_000, `${png} is too small to be a screenshot`);
  return `no parameter issue shown; ${png}`;
}
