import type { AxiosResponse } from 'axios';
import type { TestHub } from '../support/test-hub';

export interface ConsoleFixture {
  ids: Record<string, string>;
}

function ok<T>(res: AxiosResponse, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`);
  return res.data as T;
}

export const PEOPLE = {
  ana: { firstName: 'Ana', lastName: 'Souza', phone: '+5511912345678', email: 'ana@example.com', tags: ['VIP', 'newsletter'], customFields: { tier: 'Gold', score: 90 } },
  bea: { firstName: 'Bea', lastName: 'Costa', phone: '+5511987654321', tags: ['VIP'], customFields: { tier: 'Silver', score: 40 } },
  carl: { firstName: 'Carl', lastName: 'Jones', phone: '+447400123456', email: 'carl@example.co.uk', tags: ['lead'], customFields: { tier: 'Gold', score: 75 } },
  dana: { firstName: 'Dana', lastName: 'White', phone: '+447400123457', tags: ['VIP', 'lead'], customFields: { tier: 'Gold', score: 60 } },
  erin: { firstName: 'Erin', lastName: 'Blake', email: 'erin@example.com', country: 'GB', language: 'en', tags: ['lead'], customFields: { tier: 'Bronze' } },
  erin2: { firstName: 'erin', lastName: 'BLAKE', phone: '+447400123499', country: 'GB', language: 'en-GB', tags: ['webinar'], customFields: { tier: 'Silver', score: 12 } },
} as const;

/**
 * A workspace as the console tests see it: three channels (WhatsApp, SMS, Telegram), custom fields of
 * four types, six named contacts (two of them a likely duplicate) and `fillers` more, so the table pages.
 */
export async function seedConsoleWorkspace(hub: TestHub, fillers = 60): Promise<ConsoleFixture> {
  const owner = hub.as('owner');
  for (const ch of [
    { id: 'wa', type: 'whatsapp', name: 'WhatsApp support' },
    { id: 'sms', type: 'sms', name: 'SMS UK' },
    { id: 'tg', type: 'telegram', name: 'Telegram bot' },
  ]) {
    ok(await owner.post('/v1/channels', ch), 'channel');
  }
  for (const f of [
    { key: 'tier', label: 'Loyalty tier', type: 'list', options: ['Bronze', 'Silver', 'Gold'] },
    { key: 'score', label: 'Score', type: 'number' },
    { key: 'newsletter_ok', label: 'Newsletter consent', type: 'boolean' },
    { key: 'birthday', label: 'Birthday', type: 'date' },
  ]) {
    ok(await owner.post('/v1/custom-fields', f), 'custom field');
  }
  const fillerRows = Array.from({ length: fillers }, (_, i) => ({
    externalCode: `FILL-${String(i + 1).padStart(3, '0')}`,
    firstName: 'Filler',
    lastName: String(i + 1).padStart(3, '0'),
    tags: i % 2 === 0 ? ['bulk'] : [],
  }));
  for (let i = 0; i < fillerRows.length; i += 500) {
    ok(await owner.post('/v1/contacts/bulk/upsert', { matchBy: ['externalCode'], contacts: fillerRows.slice(i, i + 500) }), 'fillers');
  }
  const ids: Record<string, string> = {};
  for (const [name, body] of Object.entries(PEOPLE)) {
    ids[name] = ok<{ id: string }>(await owner.post('/v1/contacts', body), `contact ${name}`).id;
  }
  // Carl writes on WhatsApp: active there; SMS is inactive (he has a phone); Telegram unavailable.
  ok(
    await owner.post('/v1/channels/wa/incoming', {
      providerMessageId: 'wamid.carl-1',
      from: { address: '447400123456', phone: '+447400123456' },
      text: 'Hello, is my order on its way?',
    }),
    'incoming',
  );
  return { ids };
}
