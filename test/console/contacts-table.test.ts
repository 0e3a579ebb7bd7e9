import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { STORES } from '../support/databases';
import { eventually, focusedText, launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from '../support/console-browser';
import { startTestHub, type TestHub } from '../support/test-hub';
import { seedConsoleWorkspace } from './console-fixtures';

jest.setTimeout(240_000);

const rowNames = (page: Page) => page.locator('tbody th.name-cell a').allTextContents();
const waitForCount = (page: Page, text: string) => page.getByTestId('result-count').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
/** The rows once they are these (a new query's rows replace the old ones when its answer comes). */
const rowsOnceEqual = (page: Page, names: string[]) => eventually(() => rowNames(page), (rows) => JSON.stringify(rows) === JSON.stringify(names));

describe.each(STORES)('console contacts table, filter and bulk actions (%s)', (kind) => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
    await seedConsoleWorkspace(hub, 60);
    page = await signIn(await newContext(browser), hub, 'owner');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows a page of contacts, loads the next by cursor, and sorts by name', async () => {
    await waitForCount(page, '66 contacts');
    expect(await page.locator('tbody tr').count()).toBe(50);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contacts-${kind}`);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.locator('tbody tr').nth(65).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(66);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: /^Name/ }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
    await page.locator('tbody tr').first().locator('th.name-cell a', { hasText: /^Ana Souza$/ }).waitFor();
    const sorted = await rowNames(page);
    expect(sorted.slice(0, 4)).toEqual(['Ana Souza', 'Bea Costa', 'Carl Jones', 'Dana White']);
    // Names compare case-insensitively; the two Erins tie on the name.
    expect(sorted.slice(4, 6).sort()).toEqual(['Erin Blake', 'erin BLAKE']);
    await page.getByRole('button', { name: /^Name/ }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Name' }).waitFor();
    await page.locator('tbody tr').first().locator('th.name-cell a', { hasText: /^Filler 060$/ }).waitFor();
  });

  it('customises the columns (Name cannot be deselected) and remembers the choice', async () => {
    await page.getByRole('button', { name: 'Customize columns' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customize columns' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Name (always shown)', exact: true }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Name (always shown)', exact: true }).isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('checkbox', { name: 'Phone', exact: true }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Country', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Loyalty tier', exact: true }).check();
    await screenshot(page, `customize-columns-${kind}`);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    const headers = async () => (await page.locator('thead th').allTextContents()).map((t) => t.replace(/[▲▼↕]/g, '').trim());
    expect(await headers()).toEqual(expect.arrayContaining(['Name', 'E-mail', 'Country', 'Loyalty tier']));
    expect(await headers()).not.toContain('Phone');
    // Focus went back to the button that opened the dialog.
    expect(await eventually(() => focusedText(page), (v) => v === 'Customize columns')).toBe('Customize columns');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.locator('thead th', { hasText: 'Loyalty tier' }).waitFor();
    expect(await headers()).not.toContain('Phone');
  });

  it('searches by name, phone and tag', async () => {
    const search = page.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('carl');
    await waitForCount(page, '1 contact');
    expect(await rowNames(page)).toEqual(['Carl Jones']);
    await search.fill('07400 123457');
    expect(await rowsOnceEqual(page, ['Dana White'])).toEqual(['Dana White']);
    await waitForCount(page, '1 contact');
    await search.fill('webinar');
    expect(await rowsOnceEqual(page, ['erin BLAKE'])).toEqual(['erin BLAKE']);
    await waitForCount(page, '1 contact');
    await search.fill('');
    await waitForCount(page, '66 contacts');
  });

  it('builds a filter with three criteria, updates the results as it changes, and saves it as an inbox with the API count', async () => {
    await page.getByRole('button', { name: /^Filter/ }).click();
    const drawer = page.getByRole('complementary', { name: 'Filter' });
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await drawer.getByLabel('Condition 1 field').selectOption({ label: 'Tags' });
    await drawer.getByLabel('Condition 1 values, separated by commas').fill('VIP');
    await waitForCount(page, '3 contacts');

    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await drawer.getByLabel('Condition 2 field').selectOption({ label: 'Loyalty tier' });
    await drawer.getByLabel('Condition 2 value').selectOption('Gold');
    await waitForCount(page, '2 contacts');

    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await drawer.getByLabel('Condition 3 field').selectOption({ label: 'Score' });
    const operators = await drawer.getByLabel('Condition 3 operator').locator('option').allTextContents();
    expect(operators).toEqual(['is', 'is not', 'is any of', 'is none of', 'is more than', 'is at least', 'is less than', 'is at most', 'is between', 'is set', 'is not set']);
    await drawer.getByLabel('Condition 3 operator').selectOption({ label: 'is more than' });
    await drawer.getByLabel('Condition 3 value').fill('70');
    await waitForCount(page, '1 contact');
    expect(await rowNames(page)).toEqual(['Ana Souza']);
    await drawer.getByLabel('Condition 3 value').fill('50');
    await waitForCount(page, '2 contacts');
    expect((await rowNames(page)).sort()).toEqual(['Ana Souza', 'Dana White']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `filter-drawer-${kind}`);

    await drawer.getByRole('button', { name: 'Save as inbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as inbox' });
    await dialog.getByLabel('Inbox name').fill('Gold VIPs');
    await dialog.getByRole('button', { name: 'Save inbox' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the inbox "Gold VIPs"' }).waitFor();

    const segments = (await hub.as('owner').get('/v1/segments?withCounts=true')).data as { data: { id: string; name: string; count: number }[] };
    const saved = segments.data.find((s) => s.name === 'Gold VIPs');
    expect(saved?.count).toBe(2);
    const apiCount = (await hub.as('owner').post('/v1/contacts/count', { segmentId: saved?.id })).data as { count: number };
    const inbox = page.getByLabel('Inbox');
    await expect(inbox.inputValue()).resolves.toBe(saved?.id);
    await page.locator('#inbox option', { hasText: `Gold VIPs (${apiCount.count})` }).waitFor({ state: 'attached' });
    await waitForCount(page, `${apiCount.count} contacts`);

    // Clear empties the drawer; the inbox stays selected; "All contacts" shows everyone again.
    await drawer.getByRole('button', { name: 'Close filter' }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(await eventually(() => focusedText(page), (v) => v === 'Filter')).toBe('Filter');
    await inbox.selectOption('');
    await waitForCount(page, '66 contacts');
  });

  it('clears a filter and bulk-tags everything a filter matches', async () => {
    await page.getByRole('button', { name: /^Filter/ }).click();
    const drawer = page.getByRole('complementary', { name: 'Filter' });
    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await drawer.getByLabel('Condition 1 field').selectOption({ label: 'First name' });
    await drawer.getByLabel('Condition 1 value').fill('Filler');
    await waitForCount(page, '60 contacts');
    await drawer.getByRole('button', { name: 'Clear' }).click();
    await waitForCount(page, '66 contacts');
    expect(await drawer.getByTestId('condition').count()).toBe(0);

    await drawer.getByRole('button', { name: 'Add condition' }).click();
    await drawer.getByLabel('Condition 1 field').selectOption({ label: 'First name' });
    await drawer.getByLabel('Condition 1 value').fill('Filler');
    await waitForCount(page, '60 contacts');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await page.getByRole('checkbox', { name: 'Select all shown contacts' }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByText('50 contacts selected').waitFor();
    await bulk.getByRole('button', { name: 'Select all 60 matching contacts' }).click();
    await bulk.getByText('All 60 matching contacts selected').waitFor();
    await bulk.getByRole('button', { name: 'Assign tags' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign tags' });
    await dialog.getByLabel('Tags, separated by commas').fill('promo, spring');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add 2 tags' }).click();
    await page.getByRole('status').filter({ hasText: 'Tagged promo, spring: 60 contacts matched, 60 changed' }).waitFor();

    const counted = (await hub.as('owner').post('/v1/contacts/count', { filter: { field: 'tags', operator: 'hasAll', value: ['promo', 'spring'] } })).data;
    expect(counted).toEqual({ count: 60 });
  });

  it('toggles the proactive and reactive switches in the row', async () => {
    await page.getByRole('button', { name: /^Filter/ }).click();
    await page.getByRole('complementary', { name: 'Filter' }).getByRole('button', { name: 'Clear' }).click();
    await waitForCount(page, '66 contacts');
    const proactive = page.getByRole('switch', { name: 'Proactive messages for Dana White' });
    expect(await proactive.isChecked()).toBe(true);
    await proactive.press('Space');
    await page.locator('input[aria-label="Proactive messages for Dana White"]:not(:checked)').waitFor({ state: 'attached' });
    const dana = await eventually(
      async () => (await hub.as('owner').get('/v1/contacts/phone:+447400123457')).data as { proactive: boolean; reactive: boolean },
      (c) => !c.proactive,
    );
    expect(dana).toMatchObject({ proactive: false, reactive: true });
  });

  it('exports the contacts a filter matches to CSV with chosen columns', async () => {
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('VIP');
    await waitForCount(page, '3 contacts');
    await page.getByRole('checkbox', { name: 'Select all shown contacts' }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CSV' });
    await dialog.getByRole('checkbox', { name: 'Country', exact: true }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Created', exact: true }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Loyalty tier', exact: true }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('name,email,phone,tags,customFields.tier');
    expect(csv.slice(1).sort()).toEqual([
      'Ana Souza,ana@example.com,+5511912345678,newsletter; VIP,Gold',
      'Bea Costa,,+5511987654321,VIP,Silver',
      'Dana White,,+447400123457,lead; VIP,Gold',
    ]);
  });

  it('deletes one contact from its row menu (by keyboard) and many with the count in the confirmation', async () => {
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('blake');
    await waitForCount(page, '2 contacts');
    await page.getByRole('button', { name: 'Actions for erin BLAKE', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'View details' }).waitFor();
    // The menu takes the focus once it is on screen.
    expect(await eventually(() => focusedText(page), (t) => t === 'View details')).toBe('View details');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const one = page.getByRole('dialog', { name: 'Delete erin BLAKE?', exact: true });
    await one.waitFor();
    expect(await eventually(() => focusedText(page), (t) => t === 'Cancel')).toBe('Cancel');
    await one.getByRole('button', { name: 'Delete contact' }).click();
    await waitForCount(page, '1 contact');
    expect(await rowNames(page)).toEqual(['Erin Blake']);

    // Free text also matches contact ids, which are random: the API says how many "Filler 00" finds (9 by name, maybe more by id).
    const found = (await hub.as('owner').post('/v1/contacts/count', { text: 'Filler 00' })).data.count as number;
    expect(found).toBeGreaterThanOrEqual(9);
    const before = (await hub.as('owner').post('/v1/contacts/count', {})).data.count as number;
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Filler 00');
    await waitForCount(page, `${found} contacts`);
    await page.getByRole('checkbox', { name: 'Select all shown contacts' }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
    const many = page.getByRole('dialog', { name: `Delete ${found} contacts?` });
    await many.getByText(`This deletes ${found} selected contacts and their messages. It cannot be undone.`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await many.getByRole('button', { name: `Delete ${found} contacts` }).click();
    await waitForCount(page, '0 contacts');
    const left = (await hub.as('owner').post('/v1/contacts/count', {})).data;
    expect(left).toEqual({ count: before - found });
  });
});
