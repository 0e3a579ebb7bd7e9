import type { Browser, Page } from 'playwright-core';
import type { Contact } from '../../src/domain/contact';
import { STORES } from '../support/databases';
import { launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from '../support/console-browser';
import { startTestHub, type TestHub } from '../support/test-hub';
import { seedConsoleWorkspace, type ConsoleFixture } from './console-fixtures';

jest.setTimeout(180_000);

describe.each(STORES)('console merge suggestions, compare, merge and unmerge (%s)', (kind) => {
  let hub: TestHub;
  let browser: Browser;
  let fx: ConsoleFixture;
  let page: Page;
  const contact = async (id: string) => (await hub.as('owner').get(`/v1/contacts/id:${id}`)).data as Contact;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
    fx = await seedConsoleWorkspace(hub, 0);
    page = await signIn(await newContext(browser), hub, 'owner');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('lists suggestions with their reasons, one click from the compare view', async () => {
    await page.getByRole('link', { name: 'Merge suggestions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Merge suggestions' }).waitFor();
    const card = page.locator('.suggestion', { hasText: 'Erin Blake' });
    await card.getByText('Same name and country: erin blake / GB').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `merge-suggestions-${kind}`);
    await card.getByRole('link', { name: /^Compare/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Merge contacts' }).waitFor();
    // Keep Erin Blake (the e-mail one) as the primary.
    if (!page.url().includes(`/merge/${fx.ids.erin}/`)) {
      await page.getByRole('link', { name: 'Keep the other one instead' }).click();
      await page.waitForURL(new RegExp(`/merge/${fx.ids.erin}/${fx.ids.erin2}$`));
    }
    await page.getByRole('table', { name: /Fields that differ/ }).waitFor();
  });

  it('merges with two fields taken from the other contact, then unmerges and restores both', async () => {
    const radio = (name: string) => page.getByRole('radio', { name, exact: true });
    // The API's defaults: the primary's value when it has one, else the other's.
    await radio('First name: keep Erin from Erin Blake').waitFor();
    expect(await radio('First name: keep Erin from Erin Blake').isChecked()).toBe(true);
    expect(await radio('Phone: keep +447400123499 from erin BLAKE').isChecked()).toBe(true);
    expect(await radio('Language: keep en from Erin Blake').isChecked()).toBe(true);
    expect(await radio('Loyalty tier: keep Bronze from Erin Blake').isChecked()).toBe(true);
    expect(await radio('Score: keep 12 from erin BLAKE').isChecked()).toBe(true);
    // Two fields taken from the other contact, chosen by keyboard and by click.
    await radio('Language: keep en-GB from erin BLAKE').focus();
    await page.keyboard.press('Space');
    await radio('Loyalty tier: keep Silver from erin BLAKE').check();
    const tags = await page.getByRole('region', { name: 'Tags after the merge' }).locator('li').allTextContents();
    expect(tags.map((t) => t.replace(/ \(added from .*\)$/, ''))).toEqual(['lead', 'webinar']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `merge-compare-${kind}`);

    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Merged erin BLAKE into Erin Blake' }).waitFor();
    await page.getByRole('tab', { name: 'Merges', selected: true }).waitFor();
    const merged = await contact(fx.ids.erin);
    expect(merged).toMatchObject({ id: fx.ids.erin, language: 'en-GB', phone: '+447400123499', email: 'erin@example.com', firstName: 'Erin' });
    expect(merged.customFields).toEqual({ tier: 'Silver', score: 12 });
    expect(merged.tags).toEqual(['lead', 'webinar']);

    await page.getByRole('button', { name: 'Unmerge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unmerge these contacts?' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Unmerge' }).click();
    await page.getByRole('status').filter({ hasText: 'Unmerged: erin BLAKE is back' }).waitFor();
    await page.locator('.badge', { hasText: 'Undone' }).waitFor();
    await expect(page.getByRole('button', { name: 'Unmerge' }).count()).resolves.toBe(0);

    const primary = await contact(fx.ids.erin);
    const restored = await contact(fx.ids.erin2);
    expect(primary).toMatchObject({ language: 'en', phone: null, email: 'erin@example.com', tags: ['lead'] });
    expect(primary.customFields).toEqual({ tier: 'Bronze' });
    expect(restored).toMatchObject({ id: fx.ids.erin2, firstName: 'erin', language: 'en-GB', phone: '+447400123499', tags: ['webinar'] });
    expect(restored.customFields).toEqual({ tier: 'Silver', score: 12 });
  });

  it('merges two rows selected in the table', async () => {
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.getByRole('checkbox', { name: 'Select Carl Jones' }).check();
    await page.getByRole('checkbox', { name: 'Select Dana White' }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Merge' }).click();
    await page.getByRole('heading', { level: 1, name: 'Merge contacts' }).waitFor();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').locator('p', { hasText: /^Merged (Carl Jones|Dana White) into (Carl Jones|Dana White)/ }).waitFor();
    const count = (await hub.as('owner').post('/v1/contacts/count', { filter: { field: 'lastName', operator: 'in', value: ['Jones', 'White'] } })).data;
    expect(count).toEqual({ count: 1 });
  });
});
