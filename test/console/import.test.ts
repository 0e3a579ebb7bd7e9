import type { Browser, Page } from 'playwright-core';
import { STORES } from '../support/databases';
import { eventually, focusedId, launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from '../support/console-browser';
import { startTestHub, type TestHub } from '../support/test-hub';

jest.setTimeout(180_000);

const CSV = [
  'externalCode,firstName,phone,email,tags',
  'CRM-7,Lena,+4915112345678,lena@example.de,Lead;Newsletter',
  'CRM-8,Tom,12,tom@example.com,',
  'CRM-9,Ivo,,ivo@example.com,Lead',
].join('\n');

describe.each(STORES)('console CSV import (%s)', (kind) => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
    // Anyone may import: an agent does it here.
    page = await signIn(await newContext(browser), hub, 'agent');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const importFile = async (matchKey: string) => {
    await page.getByLabel('CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('radio', { name: matchKey, exact: true }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
  };

  it('imports a CSV by the chosen match key and reports the bad row by its line', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await importFile('External code');
    await expect(page.getByTestId('import-summary').textContent()).resolves.toMatch(/^2 contacts created, 0 updated, 0 unchanged, 1 row failed\./);
    const rows: string[][] = [];
    for (const tr of await page.locator('.import-results tbody tr').all()) {
      rows.push((await tr.locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['2', 'Created'],
      ['3', 'Failed'],
      ['4', 'Created'],
    ]);
    expect(rows[1][2]).toMatch(/^phone: "12" is not a valid phone number/);
    // Focus moved to the results, which link to the contacts made.
    expect(await eventually(() => focusedId(page), (v) => v === 'import-results')).toBe('import-results');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `import-${kind}`);

    const count = (await hub.as('owner').post('/v1/contacts/count', { filter: { field: 'externalCode', operator: 'in', value: ['CRM-7', 'CRM-8', 'CRM-9'] } })).data;
    expect(count).toEqual({ count: 2 });

    // Again, matched by external code: nothing new, the bad row still reported.
    await importFile('External code');
    await expect(page.getByTestId('import-summary').textContent()).resolves.toMatch(/^0 contacts created, 0 updated, 2 unchanged, 1 row failed\./);
    await page.locator('.import-results tbody tr[data-line="2"]').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Lena' }).waitFor();
  });
});
