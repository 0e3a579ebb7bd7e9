import type { ChannelType } from '../../domain/channel';
import type { Message, MessageDirection } from '../../domain/message';
import { type MergeRecord, parseMergeRecord } from '../../domain/merge';
import type { Queryable, SqlValue } from '../db/database';
import { iso, jsonParam } from './sql-values';

/**
 * SQL of merges, unmerges and duplicate suggestions: the `merges` table (one row per merge,
 * its domain record as jsonb), the `contact_aliases` that make an absorbed contact's id
 * resolve to its survivor, the moves of identities and messages between contacts, and the
 * candidate queries of the duplicate finder. Every statement filters by workspace.
 */

// ---------------------------------------------------------------------------------------------
// Contacts, identities and messages

/**
 * Locks the contact rows (`for update`) one by one in id order, so that two merges touching
 * the same contacts always lock them in the same order and cannot deadlock. Returns the ids
 * that still exist.
 */
export async function lockContactRows(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const id of [...new Set(ids)].sort()) {
    const { rows } = await tx.query<{ id: string }>('select id from contacts where workspace_id = $1 and id = $2 for update', [
      workspaceId,
      id,
    ]);
    if (rows[0]) found.add(rows[0].id);
  }
  return found;
}

/** Whether a contact row with this id exists. */
export async function contactExists(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from contacts where workspace_id = $1 and id = $2', [workspaceId, id]);
  return rows.length > 0;
}

interface LeanMessageRow {
  id: string;
  contact_id: string;
  channel_id: string;
  identity_id: string | null;
  direction: MessageDirection;
  hidden: boolean;
  created_at: Date;
}

/**
 * Every message of a contact, lean: what a merge or unmerge decides with (ids, channel,
 * identity, direction, visibility, time). Text, payload, type and provider id are left out
 * (read as null / `other`) — the plans never look at them and the rows are only moved by id.
 */
export async function listLeanMessages(db: Queryable, workspaceId: string, contactId: string): Promise<Message[]> {
  const { rows } = await db.query<LeanMessageRow>(
    `select id, contact_id, channel_id, identity_id, direction, hidden, created_at
       from messages where workspace_id = $1 and contact_id = $2 order by created_at, id`,
    [workspaceId, contactId],
  );
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    channelId: r.channel_id,
    identityId: r.identity_id,
    direction: r.direction,
    kind: null,
    type: 'other',
    text: null,
    payload: null,
    hidden: r.hidden,
    providerMessageId: null,
    createdAt: iso(r.created_at),
  }));
}

/** Moves every identity and message of `fromId` to `toId` (a merge). */
export async function moveAllIdentitiesAndMessages(
  tx: Queryable,
  workspaceId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  await tx.query('update channel_identities set contact_id = $3 where workspace_id = $1 and contact_id = $2', [
    workspaceId,
    fromId,
    toId,
  ]);
  await tx.query('update messages set contact_id = $3 where workspace_id = $1 and contact_id = $2', [workspaceId, fromId, toId]);
}

/** Moves the given identities and messages of `fromId` to `toId` (an unmerge). */
export async function moveIdentitiesAndMessages(
  tx: Queryable,
  workspaceId: string,
  fromId: string,
  toId: string,
  identityIds: readonly string[],
  messageIds: readonly string[],
): Promise<void> {
  if (identityIds.length > 0) {
    await tx.query(
      'update channel_identities set contact_id = $3 where workspace_id = $1 and contact_id = $2 and id = any($4::text[])',
      [workspaceId, fromId, toId, [...identityIds]],
    );
  }
  if (messageIds.length > 0) {
    await tx.query(
      'update messages set contact_id = $3 where workspace_id = $1 and contact_id = $2 and id = any($4::text[])',
      [workspaceId, fromId, toId, [...messageIds]],
    );
  }
}

/**
 * Deletes a contact row absorbed by a merge. Its identities and messages must have moved
 * first (the foreign keys would cascade); its tag links go with it.
 */
export async function retireContact(tx: Queryable, workspaceId: string, id: string): Promise<void> {
  await tx.query('delete from contacts where workspace_id = $1 and id = $2', [workspaceId, id]);
}

/** The contact (other than `exceptId`) holding `value` in a unique profile column, or null. */
export async function contactHolding(
  db: Queryable,
  workspaceId: string,
  column: 'phone' | 'email' | 'external_code',
  value: string,
  exceptId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select id from contacts where workspace_id = $1 and ${column} = $2 and id <> $3 limit 1`,
    [workspaceId, value, exceptId],
  );
  return rows[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Aliases

/** Makes `aliasId` (a contact absorbed by merge `mergeId`) resolve to `contactId`. */
export async function upsertAlias(
  tx: Queryable,
  workspaceId: string,
  aliasId: string,
  contactId: string,
  mergeId: string,
): Promise<void> {
  await tx.query(
    `insert into contact_aliases (workspace_id, alias_id, contact_id, merge_id) values ($1, $2, $3, $4)
     on conflict (workspace_id, alias_id) do update set contact_id = excluded.contact_id, merge_id = excluded.merge_id`,
    [workspaceId, aliasId, contactId, mergeId],
  );
}

/** Re-points every alias resolving to `fromId` at `toId`. */
export async function repointAliases(tx: Queryable, workspaceId: string, fromId: string, toId: string): Promise<void> {
  await tx.query('update contact_aliases set contact_id = $3 where workspace_id = $1 and contact_id = $2', [
    workspaceId,
    fromId,
    toId,
  ]);
}

/** Re-points the given aliases at `toId`. */
export async function repointAliasIds(tx: Queryable, workspaceId: string, aliasIds: readonly string[], toId: string): Promise<void> {
  if (aliasIds.length === 0) return;
  await tx.query('update contact_aliases set contact_id = $3 where workspace_id = $1 and alias_id = any($2::text[])', [
    workspaceId,
    [...aliasIds],
    toId,
  ]);
}

export async function deleteAlias(tx: Queryable, workspaceId: string, aliasId: string): Promise<void> {
  await tx.query('delete from contact_aliases where workspace_id = $1 and alias_id = $2', [workspaceId, aliasId]);
}

/** The alias of an absorbed contact id: the survivor it resolves to and the merge that absorbed it. */
export async function findAlias(
  db: Queryable,
  workspaceId: string,
  aliasId: string,
): Promise<{ contactId: string; mergeId: string } | null> {
  const { rows } = await db.query<{ contact_id: string; merge_id: string }>(
    'select contact_id, merge_id from contact_aliases where workspace_id = $1 and alias_id = $2',
    [workspaceId, aliasId],
  );
  return rows[0] ? { contactId: rows[0].contact_id, mergeId: rows[0].merge_id } : null;
}

/**
 * The aliases resolving to `contactId`, each with the primary of the merge that absorbed it
 * (the contact it was merged into at the time).
 */
export async function aliasesWithMergePrimary(
  db: Queryable,
  workspaceId: string,
  contactId: string,
): Promise<Array<{ aliasId: string; mergedInto: string }>> {
  const { rows } = await db.query<{ alias_id: string; primary_id: string }>(
    `select a.alias_id, m.primary_id
       from contact_aliases a join merges m on m.workspace_id = a.workspace_id and m.id = a.merge_id
      where a.workspace_id = $1 and a.contact_id = $2`,
    [workspaceId, contactId],
  );
  return rows.map((r) => ({ aliasId: r.alias_id, mergedInto: r.primary_id }));
}

// ---------------------------------------------------------------------------------------------
// Merge records

export async function insertMerge(tx: Queryable, workspaceId: string, record: MergeRecord): Promise<void> {
  await tx.query(
    `insert into merges (workspace_id, id, primary_id, secondary_id, record, merged_at, unmerged_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [workspaceId, record.id, record.primaryId, record.secondaryId, jsonParam(record), record.mergedAt, record.unmergedAt],
  );
}

/** The merge record, locked until the transaction ends (`forUpdate`), or null. */
export async function findMerge(
  db: Queryable,
  workspaceId: string,
  mergeId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<MergeRecord | null> {
  const { rows } = await db.query<{ record: unknown }>(
    `select record from merges where workspace_id = $1 and id = $2${opts.forUpdate ? ' for update' : ''}`,
    [workspaceId, mergeId],
  );
  return rows[0] ? parseMergeRecord(rows[0].record) : null;
}

/** Writes the record back (after an unmerge: `unmergedAt` set). */
export async function updateMerge(tx: Queryable, workspaceId: string, record: MergeRecord): Promise<void> {
  await tx.query('update merges set record = $3, unmerged_at = $4 where workspace_id = $1 and id = $2', [
    workspaceId,
    record.id,
    jsonParam(record),
    record.unmergedAt,
  ]);
}

/** One page of the merges a contact took part in (as primary or absorbed), newest first (keyset on merged_at, id). */
export async function listMergesOfContact(
  db: Queryable,
  workspaceId: string,
  contactId: string,
  opts: { limit: number; before: { mergedAt: string; id: string } | null },
): Promise<MergeRecord[]> {
  const params: SqlValue[] = [workspaceId, contactId, opts.limit];
  let keyset = '';
  if (opts.before) {
    params.push(opts.before.mergedAt, opts.before.id);
    keyset = 'and (merged_at, id) < ($4::timestamptz, $5)';
  }
  const { rows } = await db.query<{ record: unknown }>(
    `select record from merges
      where workspace_id = $1 and (primary_id = $2 or secondary_id = $2) ${keyset}
      order by merged_at desc, id desc limit $3`,
    params,
  );
  return rows.map((r) => parseMergeRecord(r.record));
}

// ---------------------------------------------------------------------------------------------
// Duplicate candidates

/**
 * SQL comparison keys of every contact, one row per (contact, kind, key). They are coarser
 * than the domain's keys (`src/domain/merge/duplicate-keys.ts`) so that two contacts the
 * domain pairs always share an SQL key; the domain then decides exactly:
 * - phone: the last 8 digits of a profile phone, of a phone-channel identity address
 *   (WhatsApp, SMS, Viber; scheme and `@…` suffix dropped) or of a phone-type custom field —
 *   national and international spellings of one number share them;
 * - email: trimmed, `mailto:` dropped, lower-cased (profile, e-mail identities, email-type custom fields);
 * - externalCode: trimmed, lower-cased;
 * - name: first + last name decomposed (NFD), lower-cased, combining marks and spaces removed, with the country.
 * `$1` is the workspace, `$2` the phone-type custom field keys, `$3` the email-type ones.
 */
const CANDIDATE_KEYS = `
  with phones as (
    select c.id as contact_id, c.phone as raw from contacts c where c.workspace_id = $1 and c.phone is not null
    union all
    select ci.contact_id, ci.address
      from channel_identities ci join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id
     where ci.workspace_id = $1 and ch.type in ('whatsapp', 'sms', 'viber')
    union all
    select c.id, f.value from contacts c cross join lateral jsonb_each_text(c.custom_fields) f
     where c.workspace_id = $1 and f.key = any($2::text[]) and jsonb_typeof(c.custom_fields -> f.key) = 'string'
  ),
  emails as (
    select c.id as contact_id, c.email as raw from contacts c where c.workspace_id = $1 and c.email is not null
    union all
    select ci.contact_id, ci.address
      from channel_identities ci join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id
     where ci.workspace_id = $1 and ch.type = 'email'
    union all
    select c.id, f.value from contacts c cross join lateral jsonb_each_text(c.custom_fields) f
     where c.workspace_id = $1 and f.key = any($3::text[]) and jsonb_typeof(c.custom_fields -> f.key) = 'string'
  ),
  keys as (
    select contact_id, 'phone' as kind, right(digits, 8) as key
      from (select contact_id,
                   regexp_replace(regexp_replace(trim(raw), '^[A-Za-z][A-Za-z0-9+.-]*:|@.*$', '', 'g'), '[^0-9]', '', 'g') as digits
              from phones) p
     where length(digits) >= 6
    union all
    select contact_id, 'email', k from (
      select contact_id, lower(regexp_replace(trim(raw), '^mailto:', '', 'i')) as k from emails) e
     where position('@' in k) > 0
    union all
    select id, 'externalCode', lower(trim(external_code))
      from contacts where workspace_id = $1 and external_code is not null and trim(external_code) <> ''
    union all
    select id, 'name', n || '/' || upper(trim(country)) from (
      select id, country,
             regexp_replace(lower(normalize(coalesce(first_name, '') || coalesce(last_name, ''), NFD)), '[\\u0300-\\u036f\\s]', '', 'g') as n
        from contacts where workspace_id = $1 and country is not null and trim(country) <> '') nc
     where n <> ''
  ),
  groups as (
    select kind, key from keys group by kind, key having count(distinct contact_id) > 1
  )`;

/**
 * Ids of the contacts that share at least one SQL comparison key with another contact: the
 * only contacts the duplicate finder loads. Ordered by id.
 */
export async function duplicateCandidateIds(
  db: Queryable,
  workspaceId: string,
  phoneFieldKeys: readonly string[],
  emailFieldKeys: readonly string[],
): Promise<string[]> {
  const { rows } = await db.query<{ contact_id: string }>(
    `${CANDIDATE_KEYS}
     select distinct k.contact_id from keys k join groups g on g.kind = k.kind and g.key = k.key
      order by k.contact_id`,
    [workspaceId, [...phoneFieldKeys], [...emailFieldKeys]],
  );
  return rows.map((r) => r.contact_id);
}

/** The phone and e-mail channel identities of the given contacts (what the duplicate finder compares). */
export async function candidateIdentities(
  db: Queryable,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Array<{ contactId: string; channelType: ChannelType; address: string }>> {
  if (contactIds.length === 0) return [];
  const { rows } = await db.query<{ contact_id: string; type: ChannelType; address: string }>(
    `select ci.contact_id, ch.type, ci.address
       from channel_identities ci join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id
      where ci.workspace_id = $1 and ci.contact_id = any($2::text[]) and ch.type in ('whatsapp', 'sms', 'viber', 'email')`,
    [workspaceId, [...contactIds]],
  );
  return rows.map((r) => ({ contactId: r.contact_id, channelType: r.type, address: r.address }));
}
