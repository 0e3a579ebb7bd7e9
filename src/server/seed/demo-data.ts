import type { CountryCode } from 'libphonenumber-js/max';
import { getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import type { ChannelType } from '../../domain/channel';
import type { CustomFieldValue } from '../../domain/contact';
import type { CustomFieldDefinition } from '../../domain/custom-field';
import { displayName } from '../../domain/display-name';
import { normalizeEmail } from '../../domain/email';
import type { MessageKind, MessageType } from '../../domain/message';
import { normalizePhone } from '../../domain/phone';

/**
 * Realistic demo data for `contact-hub seed`: a pure, deterministic generator (same seed,
 * same data) that knows nothing of storage. The writer (seed-writer.ts) stores it.
 */

/** A small fast PRNG (mulberry32): deterministic demo data from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

interface Locale {
  country: CountryCode;
  language: string;
  first: readonly string[];
  last: readonly string[];
  domain: string;
}

const LOCALES: readonly Locale[] = [
  { country: 'GB', language: 'en-GB', first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Siobhan', 'Rhys'], last: ['Smith', 'Jones', "O'Brien", 'Taylor', 'Davies', 'Evans', 'Patel'], domain: 'example.co.uk' },
  { country: 'US', language: 'en-US', first: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Mia', 'DeShawn', 'Aaliyah'], last: ['Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Nguyen', 'Kim'], domain: 'example.com' },
  { country: 'DE', language: 'de', first: ['Lukas', 'Hannah', 'Jürgen', 'Lea', 'Felix', 'Sophie', 'Jörg'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Becker'], domain: 'example.de' },
  { country: 'FR', language: 'fr', first: ['Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Zoé', 'Hélène'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard'], domain: 'example.fr' },
  { country: 'BR', language: 'pt-BR', first: ['João', 'Maria', 'Pedro', 'Ana', 'Lucas', 'Beatriz', 'Conceição'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Araújo', 'Gonçalves'], domain: 'example.com.br' },
  { country: 'ES', language: 'es', first: ['Alejandro', 'Lucía', 'Pablo', 'María José', 'Álvaro', 'Paula'], last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Núñez'], domain: 'example.es' },
  { country: 'MX', language: 'es-MX', first: ['Santiago', 'Valentina', 'Mateo', 'Ximena', 'Diego', 'Renata'], last: ['Hernández', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Reyes'], domain: 'example.mx' },
  { country: 'IN', language: 'hi', first: ['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Saanvi'], last: ['Sharma', 'Gupta', 'Iyer', 'Reddy', 'Singh', 'Nair'], domain: 'example.in' },
  { country: 'NG', language: 'en-NG', first: ['Chinedu', 'Ngozi', 'Tunde', 'Aisha', 'Emeka', 'Funmilayo'], last: ['Okafor', 'Adeyemi', 'Bello', 'Eze', 'Okonkwo', 'Balogun'], domain: 'example.ng' },
  { country: 'JP', language: 'ja', first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi'], last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito'], domain: 'example.jp' },
  { country: 'AU', language: 'en-AU', first: ['Jack', 'Charlotte', 'William', 'Matilda', 'Thomas', 'Ruby'], last: ['Wilson', 'Thompson', 'White', 'Walker', 'Harris', 'Lee'], domain: 'example.com.au' },
  { country: 'ZA', language: 'af', first: ['Thabo', 'Lerato', 'Pieter', 'Naledi', 'Sipho', 'Anika'], last: ['Nkosi', 'Dlamini', 'van der Merwe', 'Botha', 'Mokoena', 'Naidoo'], domain: 'example.co.za' },
];

export const DEMO_TAGS = ['VIP', 'Lead', 'Customer', 'Newsletter', 'Support', 'Churn risk', 'Wholesale', 'Événement 2025'] as const;

export const DEMO_CUSTOM_FIELDS: readonly CustomFieldDefinition[] = [
  { key: 'company', label: 'Company', type: 'text', options: null },
  { key: 'loyaltyTier', label: 'Loyalty tier', type: 'list', options: ['Bronze', 'Silver', 'Gold', 'Platinum'] },
  { key: 'lifetimeValue', label: 'Lifetime value (EUR)', type: 'number', options: null },
  { key: 'birthday', label: 'Birthday', type: 'date', options: null },
  { key: 'marketingConsent', label: 'Marketing consent', type: 'boolean', options: null },
  { key: 'website', label: 'Website', type: 'url', options: null },
];

export interface DemoChannel {
  id: string;
  type: ChannelType;
  name: string;
}

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { id: 'whatsapp', type: 'whatsapp', name: 'WhatsApp (demo)' },
  { id: 'sms', type: 'sms', name: 'SMS (demo)' },
  { id: 'email', type: 'email', name: 'E-mail (demo)' },
  { id: 'telegram', type: 'telegram', name: 'Telegram (demo)' },
];

export interface DemoSegment {
  id: string;
  name: string;
  filter: Record<string, unknown>;
}

/**
 * Saved segments of the demo workspace, with fixed ids so that example workflows can name them
 * (examples/01 broadcasts to `seg_demo_vip`). The VIP segment holds the VIP contacts a broadcast
 * can reach: they accept proactive messages and have a channel (blocked ones are left out by the hub).
 */
export const DEMO_SEGMENTS: readonly DemoSegment[] = [
  {
    id: 'seg_demo_vip',
    name: 'VIP customers',
    filter: {
      and: [
        { field: 'tags', operator: 'hasAny', value: ['VIP'] },
        { field: 'proactive', operator: 'is', value: true },
        { field: 'channels', operator: 'exists' },
      ],
    },
  },
];

const COMPANIES = ['Acme Ltd', 'Globex', 'Initech', 'Umbrella Retail', 'Stark Logistics', 'Wayne Foods', 'Soylent Co', 'Hooli'];
const INCOMING_TEXTS = ['Hi, is my order on its way?', 'Can I change my delivery address?', 'Thanks a lot!', 'What are your opening hours?', 'I would like a refund', 'Do you ship abroad?'];
const OUTGOING_TEXTS = ['Hello! Your order has shipped.', 'Thanks for reaching out, we are on it.', 'Our summer sale starts today.', 'Your appointment is confirmed.', 'How did we do? Rate us 1–5.'];

export interface DemoContact {
  index: number;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  country: string;
  language: string;
  externalCode: string | null;
  assignee: string | null;
  conversationStatus: 'open' | 'closed';
  conversationOpenedAt: Date | null;
  blocked: boolean;
  blockedAt: Date | null;
  proactive: boolean;
  reactive: boolean;
  customFields: Record<string, CustomFieldValue>;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  lastInteractionAt: Date | null;
  lastIncomingAt: Date | null;
  lastInteractedChannelId: string | null;
  identities: { channelId: string; address: string; connectedAt: Date; lastInteractionAt: Date | null }[];
  messages: DemoMessage[];
}

export interface DemoMessage {
  channelId: string;
  direction: 'incoming' | 'outgoing';
  kind: MessageKind | null;
  type: MessageType;
  text: string | null;
  hidden: boolean;
  providerMessageId: string | null;
  createdAt: Date;
}

export interface DemoOptions {
  /** Deterministic seed. */
  seed: number;
  /** A tag for this run, so external codes and provider message ids of two runs do not collide. */
  run: number;
  now: Date;
  /** User ids contacts may be assigned to. */
  assignees: readonly string[];
}

const DAY = 86_400_000;

/**
 * A valid mobile number of `country` unique to `serial` (below 1,000,000): the country's
 * example number with its last six digits replaced. Null when that is not a valid number.
 */
export function demoPhone(country: CountryCode, serial: number): string | null {
  const example = getExampleNumber(country, examples);
  if (!example) return null;
  const national = example.nationalNumber as string;
  const tail = String(serial % 1_000_000).padStart(6, '0');
  const candidate = national.slice(0, Math.max(0, national.length - tail.length)) + tail.slice(-national.length);
  try {
    return normalizePhone(`+${example.countryCallingCode}${candidate}`).e164;
  } catch {
    return null;
  }
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/**
 * The demo contact number `index` (0-based), with its tags, identities and messages. Phones
 * and e-mails derive from the index, so a later run that continues the numbering (the writer
 * starts after the workspace's contact count) adds contacts without clashes.
 */
export function demoContact(index: number, opts: DemoOptions, random: () => number): DemoContact {
  const locale = LOCALES[index % LOCALES.length] as Locale;
  const serial = Math.floor(index / LOCALES.length);
  const firstName = pick(random, locale.first);
  const lastName = pick(random, locale.last);
  const hasPhone = random() < 0.9;
  const phone = hasPhone ? demoPhone(locale.country, serial) : null;
  const hasEmail = !hasPhone || random() < 0.75;
  const email = hasEmail ? normalizeEmail(`${ascii(firstName)}.${ascii(lastName)}.${index}@${locale.domain}`) : null;
  const createdAt = new Date(opts.now.getTime() - Math.floor(random() * 365 * DAY));
  const blocked = random() < 0.02;
  const proactive = random() >= 0.06; // some opted out of broadcasts
  const reactive = random() >= 0.02;

  const tags = DEMO_TAGS.filter(() => random() < 0.18);
  const customFields: Record<string, CustomFieldValue> = {};
  if (random() < 0.6) customFields.company = pick(random, COMPANIES);
  if (random() < 0.7) customFields.loyaltyTier = pick(random, ['Bronze', 'Silver', 'Gold', 'Platinum']);
  if (random() < 0.5) customFields.lifetimeValue = Math.round(random() * 500_000) / 100;
  if (random() < 0.4) {
    const b = new Date(Date.UTC(1950 + Math.floor(random() * 55), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    customFields.birthday = b.toISOString().slice(0, 10);
  }
  if (random() < 0.5) customFields.marketingConsent = proactive && random() < 0.8;
  if (random() < 0.1) customFields.website = `https://www.${ascii(lastName)}${index}.${locale.domain}/`;

  const identities: DemoContact['identities'] = [];
  const connect = (channelId: string, address: string): void => {
    const connectedAt = new Date(createdAt.getTime() + Math.floor(random() * 3_600_000));
    identities.push({ channelId, address, connectedAt, lastInteractionAt: null });
  };
  if (phone && random() < 0.8) connect('whatsapp', phone);
  if (phone && random() < 0.3) connect('sms', phone);
  if (email && random() < 0.6) connect('email', email);
  if (random() < 0.15) connect('telegram', String(100_000_000 + opts.run * 1_000_000 + index));

  const messages: DemoMessage[] = [];
  const blockedAt = blocked ? new Date(createdAt.getTime() + Math.floor(random() * (opts.now.getTime() - createdAt.getTime()))) : null;
  const count = identities.length === 0 ? 0 : Math.floor(random() * 5);
  let t = createdAt.getTime();
  for (let m = 0; m < count; m++) {
    const identity = pick(random, identities);
    t = Math.min(opts.now.getTime(), t + Math.floor(random() * 20 * DAY) + 60_000);
    const at = new Date(t);
    const incoming = m === 0 || random() < 0.5;
    messages.push({
      channelId: identity.channelId,
      direction: incoming ? 'incoming' : 'outgoing',
      kind: incoming ? null : random() < 0.7 ? 'reactive' : 'proactive',
      type: random() < 0.9 ? 'text' : 'image',
      text: incoming ? pick(random, INCOMING_TEXTS) : pick(random, OUTGOING_TEXTS),
      // Incoming messages of a blocked contact are kept hidden from the time of the block.
      hidden: incoming && blockedAt !== null && at >= blockedAt,
      providerMessageId: incoming ? `demo-${opts.run}-${index}-${m}` : null,
      createdAt: at,
    });
    if (identity.lastInteractionAt === null || identity.lastInteractionAt < at) identity.lastInteractionAt = at;
  }
  const visible = messages.filter((m) => !m.hidden);
  const last = visible[visible.length - 1] ?? null;
  const lastIncoming = [...visible].reverse().find((m) => m.direction === 'incoming') ?? null;
  const open = lastIncoming !== null && random() < 0.4;
  const updatedAt = new Date(Math.max(createdAt.getTime(), last?.createdAt.getTime() ?? 0, blockedAt?.getTime() ?? 0));
  return {
    index,
    firstName,
    lastName,
    displayName: displayName({ firstName, lastName, phone, email }),
    email,
    phone,
    country: locale.country,
    language: locale.language,
    externalCode: random() < 0.5 ? `CRM-${opts.run}-${String(index).padStart(7, '0')}` : null,
    assignee: opts.assignees.length > 0 && random() < 0.5 ? pick(random, opts.assignees) : null,
    conversationStatus: open ? 'open' : 'closed',
    conversationOpenedAt: open ? lastIncoming.createdAt : null,
    blocked,
    blockedAt,
    proactive,
    reactive,
    customFields,
    tags,
    createdAt,
    updatedAt,
    lastInteractionAt: last?.createdAt ?? null,
    lastIncomingAt: lastIncoming?.createdAt ?? null,
    lastInteractedChannelId: last?.channelId ?? null,
    identities,
    messages,
  };
}
