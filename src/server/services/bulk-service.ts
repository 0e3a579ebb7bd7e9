/**
 * Bulk tagging and bulk delete over a selection (explicit refs, or a filter / segment / text).
 * Work runs in chunks of {@link BULK_CHUNK} contacts, each chunk in its own transaction with its
 * events; the ids of a filter are read chunk by chunk (keyset on id), so no request holds a
 * whole workspace in memory.
 */
import type { Contact } from '../../domain/contact';
import { MAX_TAGS_PER_CONTACT } from '../../domain/contact-input';
import { DomainError, fieldError, validationErrors } from '../../domain/errors';
import { buildEvent } from '../../domain/events';
import { tagKey } from '../../domain/tag-name';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { emitEvents, newEventId } from '../outbox/emit-event';
import { loadContacts } from '../repos/contact-repo';
import { ensureTags } from '../repos/tag-repo';
import {
  countSelection,
  resolveSelection,
  selectionIdChunks,
  type RefResolution,
  type ResolvedSelection,
  type SelectionInput,
} from './contact-query-service';
import { inTransaction } from './contact-service';
import { normalizeTagList } from './tag-service';

/** Contacts handled per transaction. */
export const BULK_CHUNK = 500;
/** Most refs in one bulk request. */
export const BULK_MAX_REFS = 1000;
/** Most tag names in one bulk tag request. */
export const BULK_MAX_TAGS = 100;

export interface ItemError {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

export interface BulkRefResult {
  ref: string;
  status: 'changed' | 'unchanged' | 'deleted' | 'not_found' | 'error';
  contactId?: string;
  error?: ItemError;
}

/** Checks that a bulk request names its contacts one way: refs, or a filter / segment (/ text). */
function assertOneSelection(input: SelectionInput): void {
  const byRefs = input.refs !== undefined;
  const byQuery = input.filter !== undefined || input.segmentId !== undefined || input.text !== undefined;
  if (byRefs && byQuery) {
    throw validationErrors([{ path: 'refs', message: 'give either refs or a filter / segmentId / text, not both' }]);
  }
  if (!byRefs && !byQuery) {
    throw validationErrors([
      { path: 'refs', message: 'say which contacts: refs, or a filter, segmentId or text (use {"filter": {"and": []}} for every contact)' },
    ]);
  }
}

/** The chunks of ids a selection holds: the resolved refs, or the filter read by keyset. */
async function* idChunks(hub: Hub, selection: ResolvedSelection): AsyncGenerator<string[]> {
  if (selection.refs !== null) {
    const ids = [...new Set(selection.refs.flatMap((r) => (r.contactId === null ? [] : [r.contactId])))];
    for (let i = 0; i < ids.length; i += BULK_CHUNK) yield ids.slice(i, i + BULK_CHUNK);
    return;
  }
  yield* selectionIdChunks(hub.db, selection, BULK_CHUNK);
}

function refResults(refs: readonly RefResolution[], statusOf: (contactId: string) => BulkRefResult): BulkRefResult[] {
  return refs.map((r) => (r.contactId === null ? { ref: r.ref, status: r.error?.code === 'not_found' ? 'not_found' : 'error', error: r.error } : { ...statusOf(r.contactId), ref: r.ref }));
}

function byKey(a: string, b: string): number {
  const ka = tagKey(a);
  const kb = tagKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Tags

export interface BulkTagsInput extends SelectionInput {
  action: 'add' | 'remove';
  tags: readonly unknown[];
}

export interface BulkTagsAnswer {
  /** Contacts selected. */
  matched: number;
  /** Contacts whose tags changed. */
  changed: number;
  /** Contacts left alone because they would exceed the tag limit. */
  skipped: number;
  results?: BulkRefResult[];
}

/** Adds tags to one chunk of contacts; returns the ids changed and those over the tag limit. */
async function addTagsToChunk(tx: Queryable, ws: string, ids: readonly string[], names: readonly string[], now: Date): Promise<{ changed: string[]; tooMany: string[] }> {
  const tags = [...(await ensureTags(tx, ws, names)).values()];
  const tagIds = tags.map((t) => t.id);
  const { rows } = await tx.query<{ id: string; n: number | string; missing: number | string }>(
    `select c.id,
            (select count(*) from contact_tags ct where ct.workspace_id = c.workspace_id and ct.contact_id = c.id) as n,
            (select count(*) from unnest($3::text[]) as wanted(tag_id)
              where not exists (select 1 from contact_tags ct
                                 where ct.workspace_id = c.workspace_id and ct.contact_id = c.id and ct.tag_id = wanted.tag_id)) as missing
       from contacts c where c.workspace_id = $1 and c.id = any($2::text[])
      order by c.id for update`,
    [ws, [...ids], tagIds],
  );
  const tooMany = rows.filter((r) => Number(r.n) + Number(r.missing) > MAX_TAGS_PER_CONTACT).map((r) => r.id);
  const allowed = rows.filter((r) => Number(r.missing) > 0 && Number(r.n) + Number(r.missing) <= MAX_TAGS_PER_CONTACT).map((r) => r.id);
  if (allowed.length === 0) return { changed: [], tooMany };
  const inserted = await tx.query<{ contact_id: string; tag_id: string }>(
    `insert into contact_tags (workspace_id, contact_id, tag_id)
     select $1, cid, tid from unnest($2::text[]) as a(cid) cross join unnest($3::text[]) as b(tid)
     on conflict do nothing
     returning contact_id, tag_id`,
    [ws, allowed, tagIds],
  );
  const nameById = new Map(tags.map((t) => [t.id, t.name]));
  const added = new Map<string, string[]>();
  for (const r of inserted.rows) added.set(r.contact_id, [...(added.get(r.contact_id) ?? []), nameById.get(r.tag_id) as string]);
  await emitTagEvents(tx, ws, added, 'contact.tagged', now);
  return { changed: [...added.keys()], tooMany };
}

/** Removes tags from one chunk of contacts; returns the ids changed. */
async function removeTagsFromChunk(tx: Queryable, ws: string, ids: readonly string[], names: readonly string[], now: Date): Promise<{ changed: string[]; tooMany: string[] }> {
  await tx.query('select 1 from contacts where workspace_id = $1 and id = any($2::text[]) order by id for update', [ws, [...ids]]);
  const { rows } = await tx.query<{ contact_id: string; name: string }>(
    `delete from contact_tags ct using tags t
      where ct.workspace_id = $1 and ct.contact_id = any($2::text[])
        and t.workspace_id = ct.workspace_id and t.id = ct.tag_id and t.name_key = any($3::text[])
      returning ct.contact_id, t.name`,
    [ws, [...ids], names.map(tagKey)],
  );
  const removed = new Map<string, string[]>();
  for (const r of rows) removed.set(r.contact_id, [...(removed.get(r.contact_id) ?? []), r.name]);
  await emitTagEvents(tx, ws, removed, 'contact.untagged', now);
  return { changed: [...removed.keys()], tooMany: [] };
}

/** Moves `updatedAt` of the changed contacts and emits one event each with the tags added / removed. */
async function emitTagEvents(tx: Queryable, ws: string, byContact: Map<string, string[]>, type: 'contact.tagged' | 'contact.untagged', now: Date): Promise<void> {
  if (byContact.size === 0) return;
  const ids = [...byContact.keys()];
  await tx.query('update contacts set updated_at = $3 where workspace_id = $1 and id = any($2::text[])', [ws, ids, now]);
  await emitEvents(
    tx,
    (await loadContacts(tx, ws, ids)).map((contact) =>
      buildEvent(type, { id: newEventId(), now: now.toISOString(), workspaceId: ws, contact, tags: (byContact.get(contact.id) ?? []).sort(byKey) }),
    ),
  );
}

/** `POST /v1/contacts/bulk/tags`. */
export async function bulkTags(hub: Hub, auth: AuthContext, input: BulkTagsInput): Promise<BulkTagsAnswer> {
  assertOneSelection(input);
  if (input.tags.length === 0) throw fieldError('tags', 'give at least one tag name');
  if (input.tags.length > BULK_MAX_TAGS) throw fieldError('tags', `give at most ${BULK_MAX_TAGS} tag names`);
  const names = normalizeTagList(input.tags);
  const selection = await resolveSelection(hub.db, auth, input, { now: hub.now() });
  const ws = auth.workspaceId;
  const changed = new Set<string>();
  const tooMany = new Set<string>();
  let matched = 0;
  for await (const ids of idChunks(hub, selection)) {
    matched += ids.length;
    const r = await inTransaction(hub.db, (tx) =>
      input.action === 'add' ? addTagsToChunk(tx, ws, ids, names, hub.now()) : removeTagsFromChunk(tx, ws, ids, names, hub.now()),
    );
    for (const id of r.changed) changed.add(id);
    for (const id of r.tooMany) tooMany.add(id);
  }
  if (changed.size > 0) hub.nudgeOutbox();
  const answer: BulkTagsAnswer = { matched, changed: changed.size, skipped: tooMany.size };
  if (selection.refs !== null) {
    answer.results = refResults(selection.refs, (id) =>
      tooMany.has(id)
        ? {
            ref: '',
            status: 'error',
            contactId: id,
            error: {
              code: 'rule_refused',
              message: `The contact would have more than ${MAX_TAGS_PER_CONTACT} tags`,
              details: [{ path: 'tags', message: `a contact has at most ${MAX_TAGS_PER_CONTACT} tags` }],
            },
          }
        : { ref: '', status: changed.has(id) ? 'changed' : 'unchanged', contactId: id },
    );
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Delete

export interface BulkDeleteInput extends SelectionInput {
  /** Required (true) to delete by filter, segment or text. */
  confirm?: boolean;
}

export interface BulkDeleteAnswer {
  deleted: number;
  results?: BulkRefResult[];
}

async function deleteChunk(tx: Queryable, ws: string, ids: readonly string[], now: Date): Promise<string[]> {
  await tx.query('select 1 from contacts where workspace_id = $1 and id = any($2::text[]) order by id for update', [ws, [...ids]]);
  const contacts: Contact[] = await loadContacts(tx, ws, ids);
  if (contacts.length === 0) return [];
  await tx.query('delete from contacts where workspace_id = $1 and id = any($2::text[])', [ws, contacts.map((c) => c.id)]);
  await emitEvents(
    tx,
    contacts.map((contact) => buildEvent('contact.deleted', { id: newEventId(), now: now.toISOString(), workspaceId: ws, contact })),
  );
  return contacts.map((c) => c.id);
}

/**
 * `POST /v1/contacts/bulk/delete`: deletes the contacts (with their messages, identities and
 * tags) chunk by chunk; emits `contact.deleted` with each contact as it was. A delete by filter,
 * segment or text needs `confirm: true`; without it the answer is a 400 saying how many contacts
 * it would delete.
 */
export async function bulkDelete(hub: Hub, auth: AuthContext, input: BulkDeleteInput): Promise<BulkDeleteAnswer> {
  assertOneSelection(input);
  const selection = await resolveSelection(hub.db, auth, input, { now: hub.now() });
  if (selection.refs === null && input.confirm !== true) {
    const n = await countSelection(hub.db, selection);
    throw new DomainError('validation_error', `confirm: this would delete ${n} contacts and cannot be undone; send "confirm": true to go ahead`, [
      { path: 'confirm', message: `must be true to delete by filter, segment or text (this would delete ${n} contacts)` },
    ]);
  }
  const deleted = new Set<string>();
  for await (const ids of idChunks(hub, selection)) {
    for (const id of await inTransaction(hub.db, (tx) => deleteChunk(tx, auth.workspaceId, ids, hub.now()))) deleted.add(id);
  }
  if (deleted.size > 0) hub.nudgeOutbox();
  const answer: BulkDeleteAnswer = { deleted: deleted.size };
  if (selection.refs !== null) {
    answer.results = refResults(selection.refs, (id) =>
      deleted.has(id)
        ? { ref: '', status: 'deleted', contactId: id }
        : {
            ref: '',
            status: 'not_found',
            contactId: id,
            error: { code: 'not_found', message: 'The contact was deleted meanwhile', details: [{ path: 'refs', message: 'no longer exists' }] },
          },
    );
  }
  return answer;
}
