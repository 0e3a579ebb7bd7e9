import { randomInt } from 'node:crypto';
import { asciiFold } from '../../domain/filter/ascii-fold';
import { tagKey } from '../../domain/tag-name';
import type { Database, Queryable, SqlValue } from '../db/database';
import { newId } from '../ids';
import { jsonParam } from '../repos/sql-values';
import { DEMO_CHANNELS, DEMO_CUSTOM_FIELDS, DEMO_SEGMENTS, DEMO_TAGS, demoContact, seededRandom, type DemoContact } from './demo-data';

export interface SeedOptions {
  workspace: string;
  contacts: number;
  /** Deterministic data for a given seed (default: random). */
  seed?: number;
  now?: Date;
  /** Contacts per transaction (default 1000). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  workspaceId: string;
  contacts: number;
  /** Generated contacts skipped because an identity (phone, e-mail, external code) was already taken. */
  skipped: number;
  tags: number;
  identities: number;
  messages: number;
}

/** Rows per statement: one array parameter per column, so the statement text stays small. */
const ROWS_PER_STATEMENT = 5_000;

/** A column and its SQL type, e.g. `['created_at', 'timestamptz']`. */
type Column = readonly [name: string, type: string];

/**
 * `insert into <table> (<columns>) select * from unnest($1::<type>[], …) <suffix>`: many rows
 * per statement with one array parameter per column (fast on both stores). Returns what
 * `returning` gave.
 */
async function insertRows<Row = Record<string, unknown>>(
  db: Queryable,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
): Promise<Row[]> {
  const out: Row[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: SqlValue[] = columns.map((_, i) => chunk.map((row) => {
      const v = row[i];
      return v instanceof Date ? v.toISOString() : Array.isArray(v) ? arrayLiteral(v as string[]) : v;
    }));
    const names = columns.map(([name]) => name).join(', ');
    // Array columns travel as array literals in a text array (unnest would flatten an array of arrays).
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`).join(', ');
    const values = columns.map(([, type], i) => (type.endsWith('[]') ? `u${i}::${type}` : `u${i}`)).join(', ');
    const aliases = columns.map((_, i) => `u${i}`).join(', ');
    const r = await db.query<Row>(`insert into ${table} (${names}) select ${values} from unnest(${arrays}) as u(${aliases}) ${suffix}`, params);
    out.push(...r.rows);
  }
  return out;
}

/** A PostgreSQL array literal of text values (`{"a","b"}`). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** Sorted, without duplicates, in code point order (the C collation migration 3 sorts its arrays in). */
function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function ensureWorkspace(db: Database, name: string): Promise<{ id: string; userIds: string[] }> {
  await db.query('insert into workspaces (id, name) values ($1, $2) on conflict (name) do nothing', [newId('ws'), name]);
  const ws = (await db.query<{ id: string }>('select id from workspaces where name = $1', [name])).rows[0];
  let users = (await db.query<{ id: string }>('select id from users where workspace_id = $1 order by created_at, id', [ws.id])).rows;
  if (users.length === 0) {
    // Demo agents to assign contacts to (they have no API keys).
    for (const n of ['Alex Demo', 'Sam Demo']) {
      await db.query('insert into users (id, workspace_id, name, role) values ($1, $2, $3, $4)', [newId('usr'), ws.id, n, 'agent']);
    }
    users = (await db.query<{ id: string }>('select id from users where workspace_id = $1 order by created_at, id', [ws.id])).rows;
  }
  return { id: ws.id, userIds: users.map((u) => u.id) };
}

/**
 * Fills a workspace with demo data: the catalogue (tags, custom fields, channels) and N
 * contacts with tags, custom field values, channel identities and messages. Inserted with
 * multi-row statements, a transaction per batch; no events are emitted for seed data.
 * Generated contacts whose phone, e-mail or external code is taken are skipped.
 */
export async function seedWorkspace(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? randomInt(2 ** 31);
  const random = seededRandom(seed);
  const run = seed % 1_000;
  const { id: ws, userIds } = await ensureWorkspace(db, opts.workspace);

  await insertRows(
    db,
    'tags',
    [['workspace_id', 'text'], ['id', 'text'], ['name', 'text'], ['name_key', 'text']],
    DEMO_TAGS.map((t) => [ws, newId('tag'), t, tagKey(t)]),
    'on conflict (workspace_id, name_key) do nothing',
  );
  const tagIds = new Map(
    (await db.query<{ id: string; name_key: string }>('select id, name_key from tags where workspace_id = $1', [ws])).rows.map((r) => [
      r.name_key,
      r.id,
    ]),
  );
  await insertRows(
    db,
    'custom_fields',
    [['workspace_id', 'text'], ['key', 'text'], ['label', 'text'], ['type', 'text'], ['options', 'jsonb']],
    DEMO_CUSTOM_FIELDS.map((f) => [ws, f.key, f.label, f.type, f.options ? jsonParam(f.options) : null]),
    'on conflict (workspace_id, key) do nothing',
  );
  // Values are written only for fields whose stored definition is the demo one.
  const stored = new Map(
    (await db.query<{ key: string; type: string }>('select key, type from custom_fields where workspace_id = $1', [ws])).rows.map((r) => [r.key, r.type]),
  );
  const usableFields = new Set(DEMO_CUSTOM_FIELDS.filter((f) => stored.get(f.key) === f.type).map((f) => f.key));
  await insertRows(
    db,
    'channels',
    [['workspace_id', 'text'], ['id', 'text'], ['type', 'text'], ['name', 'text']],
    DEMO_CHANNELS.map((c) => [ws, c.id, c.type, c.name]),
    'on conflict (workspace_id, id) do nothing',
  );
  await insertRows(
    db,
    'segments',
    [['workspace_id', 'text'], ['id', 'text'], ['name', 'text'], ['name_key', 'text'], ['filter', 'jsonb'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    DEMO_SEGMENTS.map((s) => [ws, s.id, s.name, asciiFold(s.name), jsonParam(s.filter), now, now]),
    'on conflict do nothing',
  );

  const channelTypes = new Map(
    (await db.query<{ id: string; type: string }>('select id, type from channels where workspace_id = $1', [ws])).rows.map((r) => [r.id, r.type]),
  );

  const result: SeedResult = { workspaceId: ws, contacts: 0, skipped: 0, tags: 0, identities: 0, messages: 0 };
  const batchSize = opts.batchSize ?? 1000;
  // A later run continues the numbering, so its phones and e-mails are new.
  const first = (await db.query<{ n: number }>('select count(*)::int as n from contacts where workspace_id = $1', [ws])).rows[0].n;
  for (let start = 0; start < opts.contacts; start += batchSize) {
    const batch: { id: string; c: DemoContact }[] = [];
    for (let i = start; i < Math.min(opts.contacts, start + batchSize); i++) {
      const c = demoContact(first + i, { seed, run, now, assignees: userIds }, random);
      for (const k of Object.keys(c.customFields)) if (!usableFields.has(k)) delete c.customFields[k];
      batch.push({ id: newId('ct'), c });
    }
    await db.transaction(async (tx) => {
      const inserted = await insertRows<{ id: string }>(
        tx,
        'contacts',
        [
          ['workspace_id', 'text'], ['id', 'text'], ['external_code', 'text'], ['first_name', 'text'], ['last_name', 'text'],
          ['display_name', 'text'], ['email', 'text'], ['phone', 'text'], ['country', 'text'], ['language', 'text'],
          ['assignee', 'text'], ['conversation_status', 'text'], ['conversation_opened_at', 'timestamptz'],
          ['blocked', 'boolean'], ['blocked_at', 'timestamptz'], ['proactive', 'boolean'], ['reactive', 'boolean'],
          ['custom_fields', 'jsonb'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
          ['last_interaction_at', 'timestamptz'], ['last_incoming_at', 'timestamptz'], ['last_interacted_channel_id', 'text'],
          ['tag_keys', 'text[]'], ['channel_keys', 'text[]'], ['identity_addresses', 'text[]'],
        ],
        // The derived columns are written as the triggers of migration 3 would compute them, so
        // those find nothing to change (they still correct a contact whose identity was refused).
        batch.map(({ id, c }) => [
          ws, id, c.externalCode, c.firstName, c.lastName, c.displayName, c.email, c.phone, c.country, c.language,
          c.assignee, c.conversationStatus, c.conversationOpenedAt, c.blocked, c.blockedAt, c.proactive, c.reactive,
          jsonParam(c.customFields), c.createdAt, c.updatedAt, c.lastInteractionAt, c.lastIncomingAt,
          c.lastInteractedChannelId,
          sortedUnique(c.tags.map(tagKey).filter((k) => tagIds.has(k))),
          sortedUnique(c.identities.flatMap((i) => [i.channelId, channelTypes.get(i.channelId) ?? i.channelId])),
          sortedUnique(c.identities.map((i) => i.address)),
        ]),
        'on conflict do nothing returning id',
      );
      const kept = new Set(inserted.map((r) => r.id));
      const rows = batch.filter((b) => kept.has(b.id));
      result.contacts += rows.length;
      result.skipped += batch.length - rows.length;

      const tagRows = rows.flatMap(({ id, c }) =>
        c.tags.flatMap((t) => {
          const tagId = tagIds.get(tagKey(t));
          return tagId ? [[ws, id, tagId, c.createdAt] as SqlValue[]] : [];
        }),
      );
      await insertRows(tx, 'contact_tags', [['workspace_id', 'text'], ['contact_id', 'text'], ['tag_id', 'text'], ['created_at', 'timestamptz']], tagRows);
      result.tags += tagRows.length;

      const identityIds = new Map<string, string>();
      const identityRows = rows.flatMap(({ id, c }) =>
        c.identities.map((i) => {
          const identityId = newId('ci');
          identityIds.set(`${id}/${i.channelId}`, identityId);
          return [ws, identityId, id, i.channelId, i.address, i.connectedAt, i.lastInteractionAt] as SqlValue[];
        }),
      );
      // An address already connected to another contact stays with it; the message keeps no identity then.
      const connected = await insertRows<{ id: string }>(
        tx,
        'channel_identities',
        [
          ['workspace_id', 'text'], ['id', 'text'], ['contact_id', 'text'], ['channel_id', 'text'], ['address', 'text'],
          ['connected_at', 'timestamptz'], ['last_interaction_at', 'timestamptz'],
        ],
        identityRows,
        'on conflict do nothing returning id',
      );
      const connectedIds = new Set(connected.map((r) => r.id));
      for (const [k, v] of identityIds) if (!connectedIds.has(v)) identityIds.delete(k);
      result.identities += connected.length;

      const messageRows = rows.flatMap(({ id, c }) =>
        c.messages.map(
          (m) =>
            [
              ws, newId('msg'), id, m.channelId, identityIds.get(`${id}/${m.channelId}`) ?? null, m.direction, m.kind, m.type,
              m.text, m.type === 'image' ? jsonParam({ url: 'https://cdn.example.com/demo/photo.jpg' }) : null,
              m.hidden, m.providerMessageId, m.createdAt,
            ] as SqlValue[],
        ),
      );
      const written = await insertRows(
        tx,
        'messages',
        [
          ['workspace_id', 'text'], ['id', 'text'], ['contact_id', 'text'], ['channel_id', 'text'], ['identity_id', 'text'],
          ['direction', 'text'], ['kind', 'text'], ['type', 'text'], ['text', 'text'], ['payload', 'jsonb'], ['hidden', 'boolean'],
          ['provider_message_id', 'text'], ['created_at', 'timestamptz'],
        ],
        messageRows,
        'on conflict do nothing returning id',
      );
      result.messages += written.length;
    });
    opts.onProgress?.(Math.min(opts.contacts, start + batchSize), opts.contacts);
  }
  return result;
}
