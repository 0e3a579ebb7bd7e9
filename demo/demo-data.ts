/**
 * The demo workspace: a small shop with three channels, a VIP segment, contacts already linked to
 * a CRM, two pairs of duplicates, a blocked contact, opt-outs and two spammers. Each example
 * workflow has something to do with it. (Phone numbers are fictitious, in valid number ranges.)
 */

export interface DemoContact {
  /** A handle for the demo's own bookkeeping (not stored). */
  key: string;
  firstName: string;
  lastName?: string;
  phone?: string;
  email?: string;
  externalCode?: string;
  language?: string;
  tags: string[];
  proactive?: boolean;
  reactive?: boolean;
}

export const DEMO_CHANNELS = [
  { id: 'whatsapp', type: 'whatsapp', name: 'WhatsApp Business' },
  { id: 'sms', type: 'sms', name: 'SMS' },
  { id: 'email', type: 'email', name: 'E-mail' },
] as const;

export const DEMO_CUSTOM_FIELDS = [{ key: 'loyaltyTier', label: 'Loyalty tier', type: 'list', options: ['Bronze', 'Silver', 'Gold', 'Platinum'] }] as const;

export const VIP_SEGMENT = { name: 'VIP customers', filter: { and: [{ field: 'tags', operator: 'hasAny', value: ['VIP'] }] } };

const vip = ['VIP', 'Customer'];

export const DEMO_CONTACTS: readonly DemoContact[] = [
  { key: 'amelia', firstName: 'Amelia', lastName: 'Jones', phone: '+447400123401', email: 'amelia.jones@example.co.uk', tags: vip },
  { key: 'oliver', firstName: 'Oliver', lastName: 'Smith', phone: '+447400123402', tags: vip },
  { key: 'isla', firstName: 'Isla', lastName: 'Taylor', phone: '+447400123403', tags: vip },
  { key: 'harry', firstName: 'Harry', lastName: 'Davies', phone: '+447400123404', tags: vip },
  { key: 'george', firstName: 'George', lastName: 'Evans', phone: '+447400123405', tags: vip },
  { key: 'ava', firstName: 'Ava', lastName: 'Patel', phone: '+447400123406', tags: vip },
  { key: 'siobhan', firstName: 'Siobhan', lastName: "O'Brien", phone: '+447400123407', tags: vip },
  { key: 'rhys', firstName: 'Rhys', lastName: 'Williams', phone: '+447400123408', tags: vip },
  { key: 'chloe', firstName: 'Chloé', lastName: 'Martin', email: 'chloe.martin@example.fr', language: 'fr', tags: vip },
  { key: 'lukas', firstName: 'Lukas', lastName: 'Müller', phone: '+4915212345678', language: 'de', tags: vip },
  // Opted out of broadcasts: the hub refuses proactive sends to her.
  { key: 'nora', firstName: 'Nora', lastName: 'Quinn', phone: '+447400123411', tags: vip, proactive: false },
  // Blocked before the demo starts: segments leave him out, sends to him are refused.
  { key: 'victor', firstName: 'Victor', lastName: 'Blake', phone: '+447400123412', tags: vip },
  // One person, two records: a shop customer and a newsletter sign-up from his other mobile.
  { key: 'tom', firstName: 'Tom', lastName: 'Baker', phone: '+447400123414', email: 'tom.baker@example.com', tags: ['Customer'] },
  { key: 'tom2', firstName: 'Tom', lastName: 'Baker', phone: '+447400123415', tags: ['Newsletter'] },
  // Already linked to the CRM by external code: the CRM sync updates them.
  { key: 'priya', firstName: 'Priya', lastName: 'Sharma', email: 'priya@old-mail.example.in', externalCode: 'CRM-1001', tags: ['Lead'] },
  { key: 'marco', firstName: 'Marco', lastName: 'Rossi', phone: '+393471234567', externalCode: 'CRM-1002', tags: ['Customer'] },
  { key: 'sofia', firstName: 'Sofía', lastName: 'García', phone: '+34612345678', externalCode: 'CRM-1003', tags: ['Customer'] },
  { key: 'kenji', firstName: 'Kenji', lastName: 'Sato', email: 'kenji.sato@example.jp', externalCode: 'CRM-1004', tags: ['Lead'] },
  // Future spammers: tagged "spam" during the demo, then blocked by a workflow.
  { key: 'crypto', firstName: 'Crypto', lastName: 'Giveaway', phone: '+447400123420', tags: ['Lead'] },
  { key: 'prize', firstName: 'Prize', lastName: 'Desk', phone: '+447400123421', tags: ['Lead'] },
  // Turned automated replies off: the hub refuses reactive sends to her.
  { key: 'grace', firstName: 'Grace', lastName: 'Hall', phone: '+447400123422', tags: ['Customer'], reactive: false },
];

/**
 * A contact who first wrote on WhatsApp (created by the hub from the incoming message). The CRM
 * sync later brings her CRM record (CRM-1005, her office number): a duplicate by name and country.
 */
export const WHATSAPP_ONLY_CONTACT = { address: '+5511912345678', name: 'Ana Souza', text: 'Oi! Vocês entregam em São Paulo?' };

/** The demo contact with a given key. */
export function demoContact(key: string): DemoContact {
  const contact = DEMO_CONTACTS.find((c) => c.key === key);
  if (!contact) throw new Error(`No demo contact "${key}"`);
  return contact;
}
