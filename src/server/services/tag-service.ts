import { decodeKeyCursor, encodeKeyCursor } from '../http/keyset-cursor';
import type { Contact } from '../../domain/contact';
import { MAX_TAGS_PER_CONTACT } from '../../domain/contact-input';
import { DomainError, isDomainError, validationErrors, type ErrorDetail } from '../../domain/errors';
import { buildEvent } from '../../domain/events';
import { normalizeTagName, tagKey, uniqueTags } from '../../domain/tag-name';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { emitEvent, emitEvents, newEventId } from '../outbox/emit-event';
import { loadContacts, requireContact } from '../repos/contact-repo';
import { iso } from '../repos/sql-values';
import { addContactTags, removeContactTags } from '../repos/tag-repo';
import { inTransaction, touchContact } from './contact-service';

/** A catalogue tag as the API answers it. */
export interface TagAnswer {
  id: string;
  name: string;
  /** How many contacts carry the tag. */
  contactCount: number;
  createdAt: string;
}

interface TagListRow {
  id: string;
  name: string;
  name_key: string;
  created_at: Date;
  contact_count: number;
}

const TAG_SELECT = `select t.id, t.name, t.name_key, t.created_at,
         (select count(*) from contact_tags ct where ct.workspace_id = t.workspace_id and ct.tag_id = t.id) as contact_count
    from tags t`;

function toAnswer(r: TagListRow): TagAnswer {
  return { id: r.id, name: r.name, contactCount: Number(r.contact_count), createdAt: iso(r.created_at) };
}

/** Normalises a list of tag names from a body, naming each bad one (`tags[2]`); unique by key. */
export function normalizeTagList(raw: readonly unknown[], path = 'tags'): string[] {
  const errors: ErrorDetail[] = [];
  const names: string[] = [];
  raw.forEach((t, i) => {
    try {
      names.push(normalizeTagName(t, `${path}[${i}]`));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      errors.push(...e.details);
    }
  });
  if (errors.length > 0) throw validationErrors(errors);
  return uniqueTags(names);
}

// ---------------------------------------------------------------------------------------------
// A contact's tags

/**
 * `POST /v1/contacts/{ref}/tags`: adds the tags (creating missing ones in the catalogue);
 * emits `contact.tagged` with the names actually added, nothing when all were there.
 */
export async function tagContact(hub: Hub, auth: AuthContext, ref: string, rawTags: readonly unknown[]): Promise<Contact> {
  const names = normalizeTagList(rawTags);
  let changed = false;
  const contact = await inTransaction(hub.db, async (tx) => {
    const current = await requireContact(tx, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    const total = uniqueTags([...current.tags, ...names]).length;
    if (total > MAX_TAGS_PER_CONTACT) {
      throw new DomainError(
        'rule_refused',
        `A contact has at most ${MAX_TAGS_PER_CONTACT} tags; this contact has ${current.tags.length} and would have ${total}`,
        [{ path: 'tags', message: `the contact would have ${total} tags (at most ${MAX_TAGS_PER_CONTACT})` }],
        'too_many_tags',
      );
    }
    const added = await addContactTags(tx, auth.workspaceId, current.id, names);
    if (added.length === 0) return current;
    const now = hub.now();
    const after = await touchContact(tx, auth.workspaceId, current.id, now);
    await emitEvent(
      tx,
      buildEvent('contact.tagged', { id: newEventId(), now: now.toISOString(), workspaceId: auth.workspaceId, contact: after, tags: added }),
    );
    changed = true;
    return after;
  });
  if (changed) hub.nudgeOutbox();
  return contact;
}

/**
 * `DELETE /v1/contacts/{ref}/tags`: removes the tags from the contact (the catalogue keeps
 * them); emits `contact.untagged` with the names actually removed. Unknown names are ignored.
 */
export async function untagContact(hub: Hub, auth: AuthContext, ref: string, rawTags: readonly unknown[]): Promise<Contact> {
  const names = normalizeTagList(rawTags);
  let changed = false;
  const contact = await inTransaction(hub.db, async (tx) => {
    const current = await requireContact(tx, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    const removed = await removeContactTags(tx, auth.workspaceId, current.id, names);
    if (removed.length === 0) return current;
    const now = hub.now();
    const after = await touchContact(tx, auth.workspaceId, current.id, now);
    await emitEvent(
      tx,
      buildEvent('contact.untagged', { id: newEventId(), now: now.toISOString(), workspaceId: auth.workspaceId, contact: after, tags: removed }),
    );
    changed = true;
    return after;
  });
  if (changed) hub.nudgeOutbox();
  return contact;
}

// ---------------------------------------------------------------------------------------------
// The catalogue


/** `GET /v1/tags`: tags ordered by name (case-insensitively), with contact counts; keyset pages. */
export async function listTags(
  hub: Hub,
  auth: AuthContext,
  opts: { search?: string; cursor?: string; limit: number },
): Promise<{ data: TagAnswer[]; nextCursor: string | null }> {
  const after = opts.cursor ? decodeKeyCursor(opts.cursor) : null;
  const search = opts.search ? tagKey(opts.search.normalize('NFC').replace(/\s+/gu, ' ').trim()) : '';
  const { rows } = await hub.db.query<TagListRow>(
    `${TAG_SELECT}
      where t.workspace_id = $1
        and ($2::text is null or t.name_key collate "C" > $2::text collate "C")
        and ($3::text = '' or position($3::text in t.name_key) > 0)
      order by t.name_key collate "C"
      limit $4`,
    [auth.workspaceId, after, search, opts.limit + 1],
  );
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { data: page.map(toAnswer), nextCursor: rows.length > opts.limit && last ? encodeKeyCursor(last.name_key) : null };
}

async function findTagByKey(tx: Queryable, workspaceId: string, key: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await tx.query<{ id: string; name: string }>('select id, name from tags where workspace_id = $1 and name_key = $2', [
    workspaceId,
    key,
  ]);
  return rows[0] ?? null;
}

function nameClash(existing: { id: string; name: string }): DomainError {
  return new DomainError('conflict', `name: the tag "${existing.name}" (${existing.id}) already exists; tag names are compared case-insensitively`, [
    { path: 'name', message: `the tag "${existing.name}" already exists (tag names are compared case-insensitively)` },
  ]);
}

async function loadTag(tx: Queryable, workspaceId: string, tagId: string): Promise<TagAnswer> {
  const { rows } = await tx.query<TagListRow>(`${TAG_SELECT} where t.workspace_id = $1 and t.id = $2`, [workspaceId, tagId]);
  if (!rows[0]) throw tagNotFound(tagId);
  return toAnswer(rows[0]);
}

function tagNotFound(tagId: string): DomainError {
  return new DomainError('not_found', `No tag has the id "${tagId}"`, [{ path: 'tagId', message: `no tag has the id "${tagId}"` }]);
}

/** `POST /v1/tags`: 409 when the name exists case-insensitively. */
export async function createTag(hub: Hub, auth: AuthContext, rawName: unknown): Promise<TagAnswer> {
  const name = normalizeTagName(rawName, 'name');
  return inTransaction(hub.db, async (tx) => {
    const existing = await findTagByKey(tx, auth.workspaceId, tagKey(name));
    if (existing) throw nameClash(existing);
    const id = newId('tag');
    await tx.query('insert into tags (workspace_id, id, name, name_key, created_at) values ($1, $2, $3, $4, $5)', [
      auth.workspaceId,
      id,
      name,
      tagKey(name),
      hub.now(),
    ]);
    return loadTag(tx, auth.workspaceId, id);
  });
}

/**
 * `PATCH /v1/tags/{tagId}`: renames a tag (a change of case only is allowed); 409 when
 * another tag has the name. Contacts keep the tag under its new name; no contact events are
 * emitted (which tags a contact has did not change).
 */
export async function renameTag(hub: Hub, auth: AuthContext, tagId: string, rawName: unknown): Promise<TagAnswer> {
  const name = normalizeTagName(rawName, 'name');
  return inTransaction(hub.db, async (tx) => {
    const { rows } = await tx.query<{ id: string }>('select id from tags where workspace_id = $1 and id = $2 for update', [
      auth.workspaceId,
      tagId,
    ]);
    if (!rows[0]) throw tagNotFound(tagId);
    const existing = await findTagByKey(tx, auth.workspaceId, tagKey(name));
    if (existing && existing.id !== tagId) throw nameClash(existing);
    await tx.query('update tags set name = $3, name_key = $4 where workspace_id = $1 and id = $2', [
      auth.workspaceId,
      tagId,
      name,
      tagKey(name),
    ]);
    return loadTag(tx, auth.workspaceId, tagId);
  });
}

/** Contacts untagged per batch when a catalogue tag is deleted. */
const DELETE_BATCH = 500;

/**
 * `DELETE /v1/tags/{tagId}`: removes the tag from every contact and from the catalogue, in
 * one transaction, emitting `contact.untagged` (with the contact after the change) for each
 * contact that had it. Contacts are handled in batches so memory stays bounded.
 */
export async function deleteTag(
  hub: Hub,
  auth: AuthContext,
  tagId: string,
): Promise<{ deleted: true; id: string; name: string; untaggedContacts: number }> {
  const ws = auth.workspaceId;
  const answer = await inTransaction(hub.db, async (tx) => {
    const { rows } = await tx.query<{ name: string }>('select name from tags where workspace_id = $1 and id = $2 for update', [ws, tagId]);
    const tag = rows[0];
    if (!tag) throw tagNotFound(tagId);
    const now = hub.now();
    let untagged = 0;
    for (;;) {
      const batch = await tx.query<{ contact_id: string }>(
        `delete from contact_tags
          where workspace_id = $1 and tag_id = $2
            and contact_id in (select contact_id from contact_tags where workspace_id = $1 and tag_id = $2
                                order by contact_id limit $3)
          returning contact_id`,
        [ws, tagId, DELETE_BATCH],
      );
      if (batch.rows.length === 0) break;
      const ids = batch.rows.map((r) => r.contact_id).sort();
      await tx.query('update contacts set updated_at = $3 where workspace_id = $1 and id = any($2::text[])', [ws, ids, now]);
      await emitEvents(
        tx,
        (await loadContacts(tx, ws, ids)).map((contact) =>
          buildEvent('contact.untagged', { id: newEventId(), now: now.toISOString(), workspaceId: ws, contact, tags: [tag.name] }),
        ),
      );
      untagged += ids.length;
    }
    await tx.query('delete from tags where workspace_id = $1 and id = $2', [ws, tagId]);
    return { deleted: true as const, id: tagId, name: tag.name, untaggedContacts: untagged };
  });
  if (answer.untaggedContacts > 0) hub.nudgeOutbox();
  return answer;
}
