import type { Browser, Page } from 'playwright-core';
import type { Contact } from '../../src/domain/contact';
import { STORES } from '../support/databases';
import { eventually, focusedId, focusedText, launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from '../support/console-browser';
import { startTestHub, type TestHub } from '../support/test-hub';
import { seedConsoleWorkspace, type ConsoleFixture } from './console-fixtures';

jest.setTimeout(180_000);

describe.each(STORES)('console contact details (%s)', (kind) => {
  let hub: TestHub;
  let browser: Browser;
  let fx: ConsoleFixture;
  let page: Page;
  const carl = async () => (await hub.as('owner').get(`/v1/contacts/id:${fx.ids.carl}`)).data as Contact;
  const channelRow = (id: string) => page.locator(`tr[data-channel-id="${id}"]`);

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
    fx = await seedConsoleWorkspace(hub, 0);
    // A picture that cannot load: the avatar falls back to the initials.
    await hub.as('owner').patch(`/v1/contacts/id:${fx.ids.dana}`, { profilePic: 'http://127.0.0.1:9/dana.png' });
    page = await signIn(await newContext(browser), hub, 'owner');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows the name (edited in place), the country flag and an avatar fallback', async () => {
    await page.goto(`${hub.url}/console#/contact/${fx.ids.dana}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Dana White' }).waitFor();
    await page.locator('.contact-head .avatar.fallback', { hasText: 'DW' }).waitFor();
    await expect(page.locator('.contact-head img').count()).resolves.toBe(0);

    await page.getByRole('link', { name: '← Contacts' }).click();
    await page.getByRole('link', { name: 'Carl Jones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carl Jones' }).waitFor();
    await page.getByRole('img', { name: 'United Kingdom' }).waitFor();
    expect(await eventually(() => focusedText(page), (v) => v === 'Carl Jones')).toBe('Carl Jones');

    await page.getByRole('button', { name: 'Edit name' }).click();
    await page.getByLabel('First name', { exact: true }).first().fill('Carlos');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Carlos Jones' }).waitFor();
    expect((await carl()).displayName).toBe('Carlos Jones');
  });

  it('edits standard and custom fields with controls of their type and shows the hub messages', async () => {
    const form = page.getByRole('form', { name: 'Profile' });
    await form.getByLabel('Phone').fill('12');
    await form.getByLabel('Score').fill('80');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const phoneError = form.locator('#field-phone-error');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toMatch(/not a valid phone number/);
    expect(await form.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(await eventually(() => focusedId(page), (v) => v === 'field-phone')).toBe('field-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contact-profile-error-${kind}`);
    expect((await carl()).customFields.score).toBe(75);

    await form.getByLabel('Phone').fill('+44 7400 123456');
    expect(await form.getByLabel('Birthday').getAttribute('type')).toBe('date');
    expect(await form.getByLabel('Score').getAttribute('type')).toBe('number');
    await form.getByLabel('Birthday').fill('1990-04-21');
    await form.getByLabel('Newsletter consent').selectOption({ label: 'Yes' });
    await form.getByLabel('Loyalty tier').selectOption('Silver');
    await form.getByLabel('Conversation status').selectOption('closed');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').locator('p', { hasText: 'Saved the contact' }).waitFor();
    const saved = await carl();
    expect(saved.customFields).toEqual({ tier: 'Silver', score: 80, birthday: '1990-04-21', newsletter_ok: true });
    expect(saved).toMatchObject({ phone: '+447400123456', conversationStatus: 'closed' });
  });

  it('adds tags by typing (Enter creates a new one) and removes them with ×', async () => {
    await page.getByRole('tab', { name: 'Tags' }).click();
    const input = page.getByLabel('Add a tag');
    await input.fill('vi');
    await page.locator('#tag-input-suggestions option[value="VIP"]').waitFor({ state: 'attached' });
    await input.fill('VIP');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Remove tag VIP' }).waitFor();
    await input.fill('brand-new tag');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Remove tag brand-new tag' }).waitFor();
    await page.getByRole('button', { name: 'Remove tag lead' }).click();
    await page.getByRole('button', { name: 'Remove tag lead' }).waitFor({ state: 'detached' });
    expect((await carl()).tags).toEqual(['brand-new tag', 'VIP']);
    const catalogue = (await hub.as('owner').get('/v1/tags?search=brand-new')).data as { data: { name: string }[] };
    expect(catalogue.data.map((t) => t.name)).toEqual(['brand-new tag']);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists channels as active, inactive and unavailable; a first message makes an inactive one active; Remove deletes one', async () => {
    await page.getByRole('tab', { name: 'Channels' }).click();
    await channelRow('wa').and(page.locator('[data-state="active"]')).waitFor();
    await channelRow('wa').getByText(/connected/).waitFor();
    expect(await channelRow('sms').getAttribute('data-state')).toBe('inactive');
    expect(await channelRow('tg').getAttribute('data-state')).toBe('unavailable');
    await expect(channelRow('tg').getByRole('button').count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contact-channels-${kind}`);

    await page.getByRole('button', { name: 'Send first message on SMS UK' }).click();
    const dialog = page.getByRole('dialog', { name: 'First message on SMS UK' });
    await dialog.getByLabel('Message').fill('Hi Carlos, your order shipped');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').locator('p', { hasText: 'Sent the first message: SMS UK is connected' }).waitFor();
    await page.locator('tr[data-channel-id="sms"][data-state="active"]').waitFor();

    await page.getByRole('button', { name: 'Remove WhatsApp support' }).click();
    await page.getByRole('dialog', { name: /^Remove WhatsApp support/ }).getByRole('button', { name: 'Remove channel' }).click();
    await page.locator('tr[data-channel-id="wa"][data-state="inactive"]').waitFor();
  });

  it('blocks the contact; a message received afterwards is listed as hidden; unblocks', async () => {
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('button', { name: 'Unblock' }).waitFor();
    expect((await carl()).blocked).toBe(true);
    const incoming = await hub.as('owner').post('/v1/channels/sms/incoming', {
      providerMessageId: 'sms-after-block',
      from: { address: '+447400123456' },
      text: 'Buy cheap watches now',
    });
    expect(incoming.status).toBe(201);
    expect((incoming.data as { message: { hidden: boolean } }).message.hidden).toBe(true);

    await page.getByRole('tab', { name: 'Messages' }).click();
    const hidden = page.locator('.message', { hasText: 'Buy cheap watches now' });
    await hidden.getByText('Hidden: received while blocked').waitFor();
    const earlier = page.locator('.message', { hasText: 'Hello, is my order on its way?' });
    await expect(earlier.getByText('Hidden: received while blocked').count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `contact-messages-${kind}`);

    await page.getByRole('button', { name: 'Unblock' }).click();
    await page.getByRole('button', { name: 'Block', exact: true }).waitFor();
    expect((await carl()).blocked).toBe(false);
  });

  it('works by keyboard: tabs move with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Messages' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Channels', selected: true }).waitFor();
    expect(await eventually(() => focusedText(page), (v) => v === 'Channels')).toBe('Channels');
    await page.keyboard.press('Home');
    await page.getByRole('tab', { name: 'Profile', selected: true }).waitFor();
  });
});
