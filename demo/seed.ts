import type { ContactHubClient } from '../src/client/contact-hub-client';
import { DEMO_CHANNELS, DEMO_CONTACTS, DEMO_CUSTOM_FIELDS, VIP_SEGMENT, WHATSAPP_ONLY_CONTACT } from './demo-data';

export interface SeededWorkspace {
  /** Contact ids by the demo's keys (see demo-data.ts). */
  ids: Record<string, string>;
  segment: { id: string; name: string };
  channels: number;
  contacts: number;
}

interface BulkResult {
  index: number;
  status: string;
  contact?: { id: string };
  error?: { message: string };
}

/**
 * Fills the demo workspace through the hub's public API, as an integration would: channels, a
 * custom field, the contacts in one bulk request, a first WhatsApp message from a new contact,
 * one blocked contact and the VIP segment.
 */
export async function seedWorkspace(client: ContactHubClient): Promise<SeededWorkspace> {
  for (const channel of DEMO_CHANNELS) await client.createChannel({ ...channel });
  for (const field of DEMO_CUSTOM_FIELDS) await client.createCustomField({ ...field, options: [...field.options] });

  const contacts = DEMO_CONTACTS.map(({ key: _key, ...fields }) => ({ ...fields, tags: [...fields.tags] }));
  const answer = (await client.bulkUpsertContacts({ contacts })) as unknown as { results: BulkResult[] };
  const ids: Record<string, string> = {};
  for (const result of answer.results) {
    const key = DEMO_CONTACTS[result.index]?.key;
    if (!key || !result.contact) throw new Error(`Seeding contact ${key ?? result.index} failed: ${result.error?.message ?? result.status}`);
    ids[key] = result.contact.id;
  }

  const first = (await client.recordIncoming('whatsapp', {
    providerMessageId: 'wamid.demo-ana-1',
    from: { address: WHATSAPP_ONLY_CONTACT.address, name: WHATSAPP_ONLY_CONTACT.name, phone: WHATSAPP_ONLY_CONTACT.address },
    text: WHATSAPP_ONLY_CONTACT.text,
  })) as unknown as { contact: { id: string } };
  ids.ana = first.contact.id;

  await client.blockContact(`id:${ids.victor}`);
  const segment = (await client.createSegment({ name: VIP_SEGMENT.name, filter: VIP_SEGMENT.filter })) as unknown as { id: string; name: string };
  return { ids, segment: { id: segment.id, name: segment.name }, channels: DEMO_CHANNELS.length, contacts: Object.keys(ids).length };
}
