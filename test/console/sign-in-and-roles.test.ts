import type { Browser, Page } from 'playwright-core';
import { STORES } from '../support/databases';
import { launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from '../support/console-browser';
import { startTestHub, type TestHub } from '../support/test-hub';
import { seedConsoleWorkspace, type ConsoleFixture } from './console-fixtures';

jest.setTimeout(180_000);

describe.each(STORES)('console sign-in and roles (%s)', (kind) => {
  let hub: TestHub;
  let browser: Browser;
  let fx: ConsoleFixture;
  let mergeId: string;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
    fx = await seedConsoleWorkspace(hub, 10);
    // A merge to see in the history: Bea absorbed into Ana.
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${fx.ids.ana}`, secondary: `id:${fx.ids.bea}` });
    mergeId = (merged.data as { merge: { id: string } }).merge.id;
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('asks for a key, refuses a wrong one with the hub message, and keeps a good one for the tab only', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${hub.url}/console`);
    await page.getByRole('heading', { name: 'Contact Hub console' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `sign-in-${kind}`);

    await page.getByLabel('API key').fill('chub_not_a_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#sign-in-error').textContent()).resolves.toMatch(/key/i);

    await page.getByLabel('API key').fill(hub.keys.owner);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['contact-hub.console.apiKey']);
    expect(await page.evaluate(() => localStorage.getItem('contact-hub.console.apiKey'))).toBeNull();

    // A reload stays signed in (same tab); a new tab of a new context does not.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    const other = await (await newContext(browser)).newPage();
    await other.goto(`${hub.url}/console`);
    await other.getByLabel('API key').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });

  async function offered(page: Page, role: 'owner' | 'agent') {
    const seen: Record<string, boolean> = {};
    await page.getByRole('button', { name: 'Actions for Carl Jones' }).click();
    await page.getByRole('menuitem', { name: 'View details' }).waitFor();
    seen.rowDelete = await page.getByRole('menuitem', { name: 'Delete' }).isVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('checkbox', { name: 'Select Carl Jones' }).check();
    await page.getByRole('checkbox', { name: 'Select Dana White' }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByRole('button', { name: 'Assign tags' }).waitFor();
    seen.bulkExport = await bulk.getByRole('button', { name: 'Export CSV' }).isVisible();
    seen.bulkMerge = await bulk.getByRole('button', { name: 'Merge' }).isVisible();
    seen.bulkDelete = await bulk.getByRole('button', { name: 'Delete' }).isVisible();

    await page.getByRole('link', { name: 'Carl Jones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carl Jones' }).waitFor();
    await page.getByRole('button', { name: 'Block' }).waitFor();
    seen.detailsDelete = await page.getByRole('button', { name: 'Delete' }).isVisible();
    await page.getByRole('tab', { name: 'Channels' }).click();
    await page.locator('tr[data-channel-id="wa"][data-state="active"]').waitFor();
    seen.removeChannel = await page.getByRole('button', { name: 'Remove WhatsApp support' }).isVisible();

    await page.goto(`${hub.url}/console#/contact/${fx.ids.ana}/merges`);
    await page.locator(`[data-merge-id="${mergeId}"]`).waitFor();
    seen.unmerge = await page.getByRole('button', { name: 'Unmerge' }).isVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contact-merges-${role}-${kind}`);
    return seen;
  }

  it('offers an owner every action', async () => {
    const context = await newContext(browser);
    const page = await signIn(context, hub, 'owner');
    await expect(page.getByTestId('who').textContent()).resolves.toContain('owner');
    expect(await offered(page, 'owner')).toEqual({
      rowDelete: true,
      bulkExport: true,
      bulkMerge: true,
      bulkDelete: true,
      detailsDelete: true,
      removeChannel: true,
      unmerge: true,
    });
    await context.close();
  });

  it('offers an agent no Delete, Merge, Unmerge, Export or Remove channel', async () => {
    const context = await newContext(browser);
    const page = await signIn(context, hub, 'agent');
    await expect(page.getByTestId('who').textContent()).resolves.toContain('agent');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contacts-agent-${kind}`);
    expect(await offered(page, 'agent')).toEqual({
      rowDelete: false,
      bulkExport: false,
      bulkMerge: false,
      bulkDelete: false,
      detailsDelete: false,
      removeChannel: false,
      unmerge: false,
    });
    await context.close();
  });
});
