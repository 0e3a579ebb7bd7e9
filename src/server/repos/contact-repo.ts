import type { Contact, ConversationStatus, CustomFieldValue } from '../../domain/contact';
import { DomainError } from '../../domain/errors';
import { formatRef, parseRef, type ContactRef } from '../../domain/refs';
import type { Queryable } from '../db/database';
import { iso, isoOrNull, jsonParam } from './sql-values';

/**
 * The columns of a contact `c` with its tag names (catalogue spelling, in `tag_keys` order,
 * which is tag-key order), as `rowToContact` reads them.
 */
export const CONTACT_COLUMNS_SQL = `c.id, c.external_code, c.first_name, c.last_name, c.display_name, c.email, c.phone, c.country,
         c.language, c.profile_pic, c.assignee, c.conversation_status, c.conversation_opened_at, c.blocked,
         c.blocked_at, c.proactive, c.reactive, c.custom_fields, c.created_at, c.updated_at,
         c.last_interaction_at, c.last_incoming_at, c.last_interacted_channel_id,
         ${tagNamesSql('c')} as tags`;

/** The tag names of contact `alias` (catalogue spelling, tag-key order) as a text array. */
export function tagNamesSql(alias: string): string {
  return `array(select t.name from unnest(${alias}.tag_keys) with ordinality as k(key, n)
                 join tags t on t.workspace_id = ${alias}.workspace_id and t.name_key = k.key
                order by k.n)`;
}

/** Selects contacts with their tags (see {@link CONTACT_COLUMNS_SQL}). */
export const CONTACT_SELECT = `select ${CONTACT_COLUMNS_SQL} from contacts c`;

export interface ContactRow {
  id: string;
  external_code: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  language: string | null;
  profile_pic: string | null;
  assignee: string | null;
  conversation_status: ConversationStatus;
  conversation_opened_at: Date | null;
  blocked: boolean;
  blocked_at: Date | null;
  proactive: boolean;
  reactive: boolean;
  custom_fields: Record<string, CustomFieldValue>;
  created_at: Date;
  updated_at: Date;
  last_interaction_at: Date | null;
  last_incoming_at: Date | null;
  last_interacted_channel_id: string | null;
  tags: string[] | null;
}

export function rowToContact(r: ContactRow): Contact {
  return {
    id: r.id,
    externalCode: r.external_code,
    firstName: r.first_name,
    lastName: r.last_name,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    country: r.country,
    language: r.language,
    profilePic: r.profile_pic,
    assignee: r.assignee,
    proactive: r.proactive,
    reactive: r.reactive,
    customFields: r.custom_fields ?? {},
    tags: r.tags ?? [],
    conversationStatus: r.conversation_status,
    conversationOpenedAt: isoOrNull(r.conversation_opened_at),
    blocked: r.blocked,
    blockedAt: isoOrNull(r.blocked_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    lastInteractionAt: isoOrNull(r.last_interaction_at),
    lastIncomingAt: isoOrNull(r.last_incoming_at),
    lastInteractedChannelId: r.last_interacted_channel_id,
  };
}

/**
 * The id of the contact a ref names, or null. An `id:` ref of a contact absorbed by a merge
 * resolves to the surviving contact.
 */
export async function findContactId(db: Queryable, workspaceId: string, ref: ContactRef): Promise<string | null> {
  const column = { id: 'id', phone: 'phone', email: 'email', external: 'external_code' }[ref.kind];
  const direct = await db.query<{ id: string }>(`select id from contacts where workspace_id = $1 and ${column} = $2`, [
    workspaceId,
    ref.value,
  ]);
  if (direct.rows[0]) return direct.rows[0].id;
  if (ref.kind !== 'id') return null;
  const alias = await db.query<{ contact_id: string }>(
    'select contact_id from contact_aliases where workspace_id = $1 and alias_id = $2',
    [workspaceId, ref.value],
  );
  return alias.rows[0]?.contact_id ?? null;
}

export async function loadContacts(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ContactRow>(`${CONTACT_SELECT} where c.workspace_id = $1 and c.id = any($2::text[])`, [
    workspaceId,
    [...ids],
  ]);
  const byId = new Map(rows.map((r) => [r.id, rowToContact(r)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as Contact] : []));
}

export async function loadContact(db: Queryable, workspaceId: string, id: string): Promise<Contact | null> {
  return (await loadContacts(db, workspaceId, [id]))[0] ?? null;
}

/**
 * The contact a ref string names, or a 404 naming the ref. With `forUpdate`, the row is locked
 * until the transaction ends, so concurrent changes to one contact run one after the other.
 */
export async function requireContact(
  db: Queryable,
  workspaceId: string,
  refText: string,
  opts: { defaultCountry: string | null; forUpdate?: boolean; path?: string },
): Promise<Contact> {
  const ref = parseRef(refText, { defaultCountry: opts.defaultCountry, path: opts.path ?? 'ref' });
  const id = await findContactId(db, workspaceId, ref);
  if (id !== null && opts.forUpdate) {
    await db.query('select 1 from contacts where workspace_id = $1 and id = $2 for update', [workspaceId, id]);
  }
  const contact = id === null ? null : await loadContact(db, workspaceId, id);
  if (!contact) {
    throw new DomainError('not_found', `No contact matches ${formatRef(ref)}`, [
      { path: opts.path ?? 'ref', message: `no contact matches ${formatRef(ref)}` },
    ]);
  }
  return contact;
}

const WRITE_COLUMNS = `external_code, first_name, last_name, display_name, email, phone, country, language, profile_pic,
  assignee, conversation_status, conversation_opened_at, blocked, blocked_at, proactive, reactive, custom_fields,
  created_at, updated_at, last_interaction_at, last_incoming_at, last_interacted_channel_id`;

function writeValues(c: Contact): (string | boolean | null)[] {
  return [
    c.externalCode,
    c.firstName,
    c.lastName,
    c.displayName,
    c.email,
    c.phone,
    c.country,
    c.language,
    c.profilePic,
    c.assignee,
    c.conversationStatus,
    c.conversationOpenedAt,
    c.blocked,
    c.blockedAt,
    c.proactive,
    c.reactive,
    jsonParam(c.customFields),
    c.createdAt,
    c.updatedAt,
    c.lastInteractionAt,
    c.lastIncomingAt,
    c.lastInteractedChannelId,
  ];
}

/** Inserts a contact row (tags are written by `setContactTags`). Unique violations surface as 409s. */
export async function insertContact(db: Queryable, workspaceId: string, c: Contact): Promise<void> {
  const values = writeValues(c);
  const placeholders = values.map((_, i) => `$${i + 3}`).join(', ');
  await db.query(`insert into contacts (workspace_id, id, ${WRITE_COLUMNS}) values ($1, $2, ${placeholders})`, [
    workspaceId,
    c.id,
    ...values,
  ]);
}

/** Writes every column of the contact row from the domain value (tags apart). */
export async function updateContact(db: Queryable, workspaceId: string, c: Contact): Promise<void> {
  const values = writeValues(c);
  const sets = WRITE_COLUMNS.split(',')
    .map((col, i) => `${col.trim()} = $${i + 3}`)
    .join(', ');
  await db.query(`update contacts set ${sets} where workspace_id = $1 and id = $2`, [workspaceId, c.id, ...values]);
}
