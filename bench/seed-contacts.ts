/**
 * Seeds N realistic contacts fast, for benchmarks at a million contacts: the database generates
 * the rows itself (`insert … select … from generate_series`), a batch per transaction, so the
 * cost is the store's own write rate, not a round trip per row.
 *
 * The data follows the demo catalogue (src/server/seed/demo-data.ts: tags, custom fields,
 * channels) with skewed distributions: six countries with their mobile numbers (unique, valid
 * E.164), names, e-mail for 70 %, external code for 60 %, tags with popularities from 45 % to
 * 3 %, custom fields (company, loyalty tier, lifetime value on a long tail, birthday, consent),
 * creation over three years and last interactions skewed to recent days, channel identities
 * (WhatsApp, SMS, e-mail, Telegram) and one to three messages per connected contact; 1 % blocked,
 * 5 % opted out of broadcasts. Values come from hashes of the row number, so a run is
 * reproducible. The derived columns of migration 3 are written as its triggers would compute
 * them (the triggers check and find nothing to change).
 */
import type { Database } from '../src/server/db/database';
import { tagKey } from '../src/domain/tag-name';
import { seedWorkspace } from '../src/server/seed/seed-writer';
import { DEMO_CHANNELS, DEMO_TAGS } from '../src/server/seed/demo-data';

/** How often each demo tag is on a contact. */
const TAG_SHARE: Readonly<Record<(typeof DEMO_TAGS)[number], number>> = {
  VIP: 0.08,
  Lead: 0.25,
  Customer: 0.45,
  Newsletter: 0.35,
  Support: 0.12,
  'Churn risk': 0.05,
  Wholesale: 0.03,
  'Événement 2025': 0.1,
};

const FIRST_NAMES = ['Ana', 'Maria', 'João', 'Lena', 'Tom', 'Sophie', 'Lucas', 'Emma', 'Noah', 'Mia', 'Liam', 'Olivia', 'Hugo', 'Chloé', 'Mateo', 'Lucía', 'Jonas', 'Leonie', 'James', 'Amelia', 'Pedro', 'Beatriz', 'Finn', 'Hannah', 'Oliver', 'Isla', 'Diego', 'Valentina', 'Paul', 'Léa'];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Müller', 'Schmidt', 'Schneider', 'Smith', 'Jones', 'Taylor', 'Brown', 'García', 'Martínez', 'López', 'Martin', 'Bernard', 'Dubois', "O'Brien", 'Fischer', 'Weber', 'Costa', 'Pereira', 'Williams', 'Davies', 'Moreau', 'Fernández', 'Wagner', 'Becker', 'Evans', 'Rodrigues', 'Laurent'];
const COMPANIES = ['Acme Ltd', 'Globex', 'Initech', 'Umbrella Retail', 'Stark Logistics', 'Wayne Foods', 'Soylent Co', 'Hooli'];

/** Country, share, language, and the E.164 prefix that a zero-padded 8-digit number completes into a valid mobile. */
const COUNTRIES = [
  { code: 'GB', upTo: 0.3, language: 'en', prefix: '+4474' },
  { code: 'BR', upTo: 0.5, language: 'pt-BR', prefix: '+55119' },
  { code: 'DE', upTo: 0.65, language: 'de', prefix: '+49151' },
  { code: 'US', upTo: 0.8, language: 'en', prefix: '+1415' },
  { code: 'ES', upTo: 0.9, language: 'es', prefix: '+346' },
  { code: 'FR', upTo: 1, language: 'fr', prefix: '+336' },
];

/** Contacts per transaction. */
const BATCH = 50_000;

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]): string => `array[${xs.map(lit).join(', ')}]`;
/** A pseudo-random number in [0, 1) from the row number and a salt. */
const rnd = (salt: string): string => `((hashtext(i::text || ${lit(`/${salt}`)}) & 2147483647)::float8 / 2147483648.0)`;
/** Pick from an array by a pseudo-random number. */
const pick = (xs: readonly string[], salt: string): string => `(${arr(xs)})[1 + floor(${rnd(salt)} * ${xs.length})::int]`;

function contactsInsert(): string {
  const tagKeys = [...DEMO_TAGS].map((t) => ({ key: tagKey(t), share: TAG_SHARE[t] })).sort((a, b) => (a.key < b.key ? -1 : 1));
  const channel = (type: string) => DEMO_CHANNELS.find((c) => c.type === type)?.id as string;
  const [wa, sms, mail, tg] = [channel('whatsapp'), channel('sms'), channel('email'), channel('telegram')];
  const country = `case ${COUNTRIES.map((c) => `when ${rnd('country')} < ${c.upTo} then ${lit(c.code)}`).join(' ')} end`;
  return `
  with g as (
    select i, ${country} as country,
           ${pick(FIRST_NAMES, 'first')} as first_name, ${pick(LAST_NAMES, 'last')} as last_name,
           $4::timestamptz - (power(${rnd('created')}, 1.5) * interval '1095 days') as created_at,
           ${rnd('phone')} < 0.9 as has_phone, ${rnd('email')} < 0.7 as has_email,
           ${rnd('interaction')} as interaction
      from generate_series($2::int, $3::int) as g(i)
  ), p as (
    select g.*,
           case when has_phone then (case country ${COUNTRIES.map((c) => `when ${lit(c.code)} then ${lit(c.prefix)}`).join(' ')} end) || lpad(i::text, 8, '0') end as phone,
           case when has_email then lower(translate(first_name || '.' || last_name, 'ãáàâçéèêëíïóôõöúüñ''', 'aaaaceeeeiiooooouun')) || '.' || i || '@example.com' end as email,
           has_phone and ${rnd('wa')} < 0.6 as on_wa, has_phone and ${rnd('sms')} < 0.15 as on_sms,
           has_email and ${rnd('mailid')} < 0.35 as on_mail, ${rnd('tg')} < 0.08 as on_tg,
           case when interaction < 0.7 then $4::timestamptz - power(interaction / 0.7, 2) * ($4::timestamptz - created_at) end as last_interaction_at
      from g
  ), q as (
    select p.*, 'ct_' || lpad(i::text, 9, '0') as id,
           array_remove(array[${['on_mail', 'on_sms', 'on_tg', 'on_wa'].map((f, k) => `case when ${f} then ${lit([mail, sms, tg, wa][k] as string)} end`).join(', ')},
                              case when on_mail then 'email' end, case when on_sms then 'sms' end,
                              case when on_tg then 'telegram' end, case when on_wa then 'whatsapp' end], null) as channel_keys
      from p
  )
  insert into contacts (workspace_id, id, external_code, first_name, last_name, display_name, email, phone, country, language,
    assignee, conversation_status, conversation_opened_at, blocked, blocked_at, proactive, reactive, custom_fields,
    created_at, updated_at, last_interaction_at, last_incoming_at, last_interacted_channel_id,
    tag_keys, channel_keys, identity_addresses)
  select $1, id, case when ${rnd('ext')} < 0.6 then 'CRM-' || i end, first_name, last_name, first_name || ' ' || last_name,
         email, phone, country,
         case country ${COUNTRIES.map((c) => `when ${lit(c.code)} then ${lit(c.language)}`).join(' ')} end,
         case when ${rnd('assignee')} < 0.5 then ($5::text[])[1 + floor(${rnd('who')} * cardinality($5::text[]))::int] end,
         case when ${rnd('closed')} < 0.3 then 'closed' else 'open' end,
         case when last_interaction_at is not null then last_interaction_at end,
         ${rnd('blocked')} < 0.01, case when ${rnd('blocked')} < 0.01 then created_at end,
         ${rnd('proactive')} >= 0.05, ${rnd('reactive')} >= 0.02,
         jsonb_strip_nulls(jsonb_build_object(
           'company', case when ${rnd('company')} < 0.5 then ${pick(COMPANIES, 'co')} end,
           'loyaltyTier', case when ${rnd('tier')} < 0.4 then (case when ${rnd('tiername')} < 0.5 then 'Bronze' when ${rnd('tiername')} < 0.8 then 'Silver' when ${rnd('tiername')} < 0.95 then 'Gold' else 'Platinum' end) end,
           'lifetimeValue', case when ${rnd('ltv')} < 0.7 then round((-ln(1 - ${rnd('ltvv')}) * 300)::numeric, 2) end,
           'birthday', case when ${rnd('bday')} < 0.3 then to_char(date '1950-01-01' + floor(${rnd('bd')} * 20000)::int, 'YYYY-MM-DD') end,
           'marketingConsent', case when ${rnd('consent')} < 0.6 then ${rnd('yes')} < 0.7 end)),
         created_at, greatest(created_at, coalesce(last_interaction_at, created_at)), last_interaction_at,
         case when last_interaction_at is not null and ${rnd('incoming')} < 0.8 then last_interaction_at - ${rnd('inc')} * interval '2 days' end,
         case when last_interaction_at is null then null when on_wa then ${lit(wa as string)} when on_mail then ${lit(mail as string)}
              when on_tg then ${lit(tg as string)} when on_sms then ${lit(sms as string)} end,
         array_remove(array[${tagKeys.map((t, k) => `case when ${rnd(`tag${k}`)} < ${t.share} then ${lit(t.key)} end`).join(', ')}], null),
         channel_keys,
         array(select a from unnest(array_remove(array[case when on_wa then phone end, case when on_sms then phone end,
                                                       case when on_mail then email end, case when on_tg then 'tg' || lpad(i::text, 9, '0') end], null)) as a
                order by a collate "C")
    from q`;
}

/** Identities of the batch's contacts, as their `channel_keys` say. */
const IDENTITIES_INSERT = `
  insert into channel_identities (workspace_id, id, contact_id, channel_id, address, connected_at, last_interaction_at)
  select c.workspace_id, 'ci_' || substr(md5(c.id || '/' || ch.id), 1, 20), c.id, ch.id,
         case ch.type when 'email' then c.email when 'telegram' then 'tg' || substr(c.id, 4) else c.phone end,
         c.created_at, c.last_interaction_at
    from contacts c join channels ch on ch.workspace_id = c.workspace_id and c.channel_keys @> array[ch.id]
   where c.workspace_id = $1 and c.id between $2 and $3`;

const TAGS_INSERT = `
  insert into contact_tags (workspace_id, contact_id, tag_id, created_at)
  select c.workspace_id, c.id, t.id, c.created_at
    from contacts c cross join unnest(c.tag_keys) as k(key)
    join tags t on t.workspace_id = c.workspace_id and t.name_key = k.key
   where c.workspace_id = $1 and c.id between $2 and $3`;

/** One to three messages per contact with an interaction, on its last channel. */
const MESSAGES_INSERT = `
  insert into messages (workspace_id, id, contact_id, channel_id, identity_id, direction, kind, type, text, hidden, created_at)
  select c.workspace_id, 'msg_' || substr(md5(c.id || '/' || n), 1, 20), c.id, c.last_interacted_channel_id,
         'ci_' || substr(md5(c.id || '/' || c.last_interacted_channel_id), 1, 20),
         case when n % 2 = 1 then 'incoming' else 'outgoing' end, case when n % 2 = 0 then 'reactive' end, 'text',
         case when n % 2 = 1 then 'Hi, is my order on its way?' else 'Hello! Your order has shipped.' end,
         c.blocked, c.last_interaction_at - (n * interval '1 hour')
    from contacts c cross join lateral generate_series(1, 1 + abs(hashtext(c.id)) % 3) as n
   where c.workspace_id = $1 and c.id between $2 and $3 and c.last_interacted_channel_id is not null`;

export interface SeededContacts {
  workspaceId: string;
  contacts: number;
  ms: number;
}

/**
 * Adds `count` generated contacts (numbered from `from`) to the workspace, creating it and the
 * demo catalogue when missing, then refreshes the planner's statistics (and, on PostgreSQL, the
 * visibility map, as autovacuum would).
 */
export async function seedContacts(
  db: Database,
  opts: { workspace: string; count: number; from?: number; now?: Date; onProgress?: (done: number) => void },
): Promise<SeededContacts> {
  const started = performance.now();
  const { workspaceId } = await seedWorkspace(db, { workspace: opts.workspace, contacts: 0, seed: 1 });
  const users = (await db.query<{ id: string }>('select id from users where workspace_id = $1 order by id', [workspaceId])).rows.map((r) => r.id);
  const now = (opts.now ?? new Date()).toISOString();
  const from = opts.from ?? 1;
  const insert = contactsInsert();
  for (let start = from; start < from + opts.count; start += BATCH) {
    const end = Math.min(from + opts.count - 1, start + BATCH - 1);
    const [lo, hi] = [`ct_${String(start).padStart(9, '0')}`, `ct_${String(end).padStart(9, '0')}`];
    await db.transaction(async (tx) => {
      await tx.query(insert, [workspaceId, start, end, now, users]);
      await tx.query(TAGS_INSERT, [workspaceId, lo, hi]);
      await tx.query(IDENTITIES_INSERT, [workspaceId, lo, hi]);
      await tx.query(MESSAGES_INSERT, [workspaceId, lo, hi]);
    });
    opts.onProgress?.(end - from + 1);
  }
  await db.exec(db.kind === 'postgres' ? 'vacuum analyze contacts, contact_tags, channel_identities, messages' : 'analyze');
  return { workspaceId, contacts: opts.count, ms: performance.now() - started };
}
