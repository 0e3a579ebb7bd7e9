import type { Contact, CustomFieldValue } from '../../domain/contact';
import { PROFILE_FIELDS } from '../../domain/contact';
import {
  normalizeContactCreate,
  normalizeContactPatch,
  profileFromInput,
  type NormalizedContactInput,
} from '../../domain/contact-input';
import type { CustomFieldDefinition } from '../../domain/custom-field';
import { displayName } from '../../domain/display-name';
import { DomainError, type ErrorDetail } from '../../domain/errors';
import { buildEvent, type ContactHubEvent, type EventType } from '../../domain/events';
import { tagKey, uniqueTags } from '../../domain/tag-name';
import {
  PG_DEADLOCK,
  PG_SERIALIZATION_FAILURE,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  type Database,
  type Queryable,
} from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { emitEvent, emitEvents, newEventId } from '../outbox/emit-event';
import { insertContact, loadContact, requireContact, updateContact } from '../repos/contact-repo';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { addContactTags, removeContactTags } from '../repos/tag-repo';
import { listUserIds } from '../repos/user-repo';

/**
 * Contacts core: create, read, patch, delete. Each change runs in one transaction with its
 * events; the outbox is nudged after the commit. The functions taking a `tx` are the building
 * blocks other services (upsert, import) reuse inside their own transactions.
 */

/** What contact writes need to know about the workspace, loaded once per request. */
export interface ContactWriteContext {
  workspaceId: string;
  defaultCountry: string | null;
  customFields: readonly CustomFieldDefinition[];
  /** Checks assignees; caches the workspace's users for the request. */
  assignees: AssigneeChecker;
}

/** Checks that an assignee is a user of the workspace; loads the user list once. */
export class AssigneeChecker {
  private users: Set<string> | null = null;
  constructor(private readonly workspaceId: string) {}

  /** @throws DomainError (400) naming `path` when `userId` is not a user of the workspace. */
  async check(db: Queryable, userId: string | null | undefined, path = 'assignee'): Promise<void> {
    if (userId === null || userId === undefined) return;
    if (this.users === null || !this.users.has(userId)) this.users = await listUserIds(db, this.workspaceId);
    if (!this.users.has(userId)) {
      throw new DomainError('validation_error', `${path}: "${userId}" is not a user of this workspace (see GET /v1/users)`, [
        { path, message: `"${userId}" is not a user of this workspace; use the id of a user from GET /v1/users, or null` },
      ]);
    }
  }
}

/** Loads the write context of the caller's workspace (custom field definitions). Not inside a transaction. */
export async function loadWriteContext(db: Queryable, auth: AuthContext): Promise<ContactWriteContext> {
  return {
    workspaceId: auth.workspaceId,
    defaultCountry: auth.defaultCountry,
    customFields: await listCustomFieldDefinitions(db, auth.workspaceId),
    assignees: new AssigneeChecker(auth.workspaceId),
  };
}

/** Prefixes the paths of a validation error (e.g. `contact.` for the upsert body). */
export function prefixErrorPaths(e: unknown, prefix: string): unknown {
  if (!(e instanceof DomainError) || prefix === '') return e;
  const details = e.details.map((d) => ({ ...d, path: d.path === '(body)' ? prefix.replace(/\.$/, '') : `${prefix}${d.path}` }));
  const message = details.map((d) => `${d.path}: ${d.message}`).join('; ') || e.message;
  return new DomainError(e.code, e.code === 'validation_error' ? message : e.message, details, e.reason);
}

// ---------------------------------------------------------------------------------------------
// Transactions

const TRANSIENT = new Set([PG_DEADLOCK, PG_SERIALIZATION_FAILURE]);

/**
 * Runs `fn` in a transaction, running it again (a few times) when PostgreSQL aborts it for a
 * deadlock or serialization failure, or when `retryOn` says the failure may be a race that
 * a fresh attempt resolves (the upsert's unique violations).
 */
export async function inTransaction<T>(
  db: Database,
  fn: (tx: Queryable) => Promise<T>,
  retryOn: (e: unknown) => boolean = () => false,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (e) {
      const transient = TRANSIENT.has(pgErrorCode(e) ?? '') || retryOn(e);
      if (!transient || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
    }
  }
}

/** Runs a unit of work in a transaction of its own, or in a savepoint of a larger one. */
export type TxRunner = <T>(fn: (tx: Queryable) => Promise<T>, retryOn?: (e: unknown) => boolean) => Promise<T>;

/** Each unit of work in its own transaction (retried on transient failures). */
export function transactionRunner(db: Database): TxRunner {
  return (fn, retryOn) => inTransaction(db, fn, retryOn);
}

/**
 * Each unit of work in a savepoint of the caller's transaction: a failing unit is rolled back
 * alone (and retried when transient), the others stay, and all commit together — one commit
 * for a whole batch instead of one per item.
 */
export function savepointRunner(tx: Queryable, attempts = 5): TxRunner {
  return async (fn, retryOn = () => false) => {
    for (let attempt = 1; ; attempt++) {
      await tx.query('savepoint unit_of_work');
      try {
        const out = await fn(tx);
        await tx.query('release savepoint unit_of_work');
        return out;
      } catch (e) {
        await tx.query('rollback to savepoint unit_of_work');
        await tx.query('release savepoint unit_of_work');
        const transient = TRANSIENT.has(pgErrorCode(e) ?? '') || retryOn(e);
        if (!transient || attempt >= attempts) throw e;
      }
    }
  };
}

export function isUniqueViolation(e: unknown): boolean {
  return pgErrorCode(e) === PG_UNIQUE_VIOLATION;
}

// ---------------------------------------------------------------------------------------------
// Identity conflicts

/** A 409 because another contact holds one of these identities; `fields` are the paths named. */
export class IdentityConflict extends DomainError {
  constructor(
    details: ErrorDetail[],
    readonly fields: string[],
  ) {
    super('conflict', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
}

const IDENTITY_FIELDS = [
  { field: 'phone', column: 'phone', what: 'phone number' },
  { field: 'email', column: 'email', what: 'e-mail address' },
  { field: 'externalCode', column: 'external_code', what: 'external code' },
] as const;

/**
 * Refuses (409, naming each field and the contact that holds it) a phone, e-mail or external
 * code that another contact of the workspace already has, and, for a new contact, an id that
 * is taken — also by a contact absorbed in a merge. The unique indexes remain the guarantee
 * under concurrency; this check only makes the common case's message precise.
 */
export async function assertNoIdentityConflicts(
  tx: Queryable,
  workspaceId: string,
  candidate: { id?: string; phone?: string | null; email?: string | null; externalCode?: string | null },
  selfId: string | null,
): Promise<void> {
  const details: ErrorDetail[] = [];
  const fields: string[] = [];
  if (selfId === null && candidate.id !== undefined) {
    const taken = await tx.query<{ id: string }>('select id from contacts where workspace_id = $1 and id = $2', [
      workspaceId,
      candidate.id,
    ]);
    if (taken.rows[0]) {
      details.push({ path: 'id', message: `a contact with id "${candidate.id}" already exists` });
      fields.push('id');
    } else {
      const alias = await tx.query<{ contact_id: string }>(
        'select contact_id from contact_aliases where workspace_id = $1 and alias_id = $2',
        [workspaceId, candidate.id],
      );
      if (alias.rows[0]) {
        details.push({
          path: 'id',
          message: `"${candidate.id}" is the id of a contact merged into id:${alias.rows[0].contact_id}; ids are never reused`,
        });
        fields.push('id');
      }
    }
  }
  for (const f of IDENTITY_FIELDS) {
    const value = candidate[f.field];
    if (value === null || value === undefined) continue;
    const { rows } = await tx.query<{ id: string }>(
      `select id from contacts where workspace_id = $1 and ${f.column} = $2 and ($3::text is null or id <> $3::text)`,
      [workspaceId, value, selfId],
    );
    if (rows[0]) {
      details.push({ path: f.field, message: `another contact (id:${rows[0].id}) already has this ${f.what}` });
      fields.push(f.field);
    }
  }
  if (details.length > 0) throw new IdentityConflict(details, fields);
}

// ---------------------------------------------------------------------------------------------
// Building blocks inside a transaction

/** A change made inside a transaction: the contact after it and the events to emit. */
export interface ContactChange {
  contact: Contact;
  events: ContactHubEvent[];
}

function event(type: EventType, workspaceId: string, now: string, contact: Contact | null, extra: { tags?: string[]; changes?: string[] } = {}) {
  return buildEvent(type, { id: newEventId(), now, workspaceId, contact, ...extra });
}

/**
 * Inserts a new contact from a normalised create body: checks the assignee and identity
 * conflicts, writes the row and its tags, and builds `contact.created` (tags given at creation
 * are part of the created contact; no separate `contact.tagged`). Emits nothing itself.
 */
export async function insertNewContact(
  tx: Queryable,
  wctx: ContactWriteContext,
  input: NormalizedContactInput,
  now: Date,
): Promise<ContactChange> {
  const ws = wctx.workspaceId;
  await wctx.assignees.check(tx, input.assignee);
  const id = input.id ?? newId('ct');
  await assertNoIdentityConflicts(tx, ws, { ...input, id }, null);
  const at = now.toISOString();
  const profile = profileFromInput(input);
  const status = input.conversationStatus ?? 'open';
  const contact: Contact = {
    ...profile,
    id,
    displayName: displayName(profile),
    tags: [],
    conversationStatus: status,
    // A conversation counts as opened when the body opens it explicitly; by default a new
    // contact has had no conversation yet.
    conversationOpenedAt: input.conversationStatus === 'open' ? at : null,
    blocked: false,
    blockedAt: null,
    createdAt: at,
    updatedAt: at,
    lastInteractionAt: null,
    lastIncomingAt: null,
    lastInteractedChannelId: null,
  };
  await insertContact(tx, ws, contact);
  if (input.tags && input.tags.length > 0) await addContactTags(tx, ws, id, input.tags);
  const stored = (await loadContact(tx, ws, id)) as Contact;
  return { contact: stored, events: [event('contact.created', ws, at, stored)] };
}

function sameValue(a: CustomFieldValue | undefined, b: CustomFieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** Options of {@link applyContactPatch}. */
export interface PatchOptions {
  /** `replace` (PATCH): tags given become the set; `add`: tags given are added to the set. */
  tagMode?: 'replace' | 'add';
}

/**
 * Applies a normalised patch to a contact locked by the caller: absent fields untouched,
 * null clears; custom fields given are set (null clears that key), others kept; tags replace
 * the set (or are added, with `tagMode: 'add'`). Returns the contact after it and the events:
 * `contact.updated` listing the changed fields (none when nothing changed), `contact.untagged`
 * and `contact.tagged` with the names actually removed / added. `updatedAt` moves only when
 * something changed.
 */
export async function applyContactPatch(
  tx: Queryable,
  wctx: ContactWriteContext,
  current: Contact,
  input: NormalizedContactInput,
  now: Date,
  opts: PatchOptions = {},
): Promise<ContactChange> {
  const ws = wctx.workspaceId;
  const at = now.toISOString();
  if (input.assignee !== undefined && input.assignee !== current.assignee) await wctx.assignees.check(tx, input.assignee);
  const next: Contact = { ...current, customFields: { ...current.customFields } };
  const changes: string[] = [];
  for (const field of PROFILE_FIELDS) {
    const value = input[field];
    if (value === undefined || value === current[field]) continue;
    (next as unknown as Record<string, unknown>)[field] = value;
    changes.push(field);
  }
  if (input.conversationStatus !== undefined && input.conversationStatus !== current.conversationStatus) {
    next.conversationStatus = input.conversationStatus;
    if (input.conversationStatus === 'open') next.conversationOpenedAt = at;
    changes.push('conversationStatus');
  }
  for (const [key, value] of Object.entries(input.customFields ?? {})) {
    if (sameValue(current.customFields[key], value)) continue;
    if (value === null) delete next.customFields[key];
    else next.customFields[key] = value;
    changes.push(`customFields.${key}`);
  }
  const identityChanged = changes.filter((c) => c === 'phone' || c === 'email' || c === 'externalCode');
  if (identityChanged.length > 0) {
    await assertNoIdentityConflicts(
      tx,
      ws,
      Object.fromEntries(identityChanged.map((f) => [f, next[f as 'phone' | 'email' | 'externalCode']])),
      current.id,
    );
  }
  next.displayName = displayName(next);

  let removed: string[] = [];
  let added: string[] = [];
  if (input.tags !== undefined) {
    const wanted = opts.tagMode === 'add' ? uniqueTags([...current.tags, ...input.tags]) : input.tags;
    const wantedKeys = new Set(wanted.map(tagKey));
    const toRemove = current.tags.filter((t) => !wantedKeys.has(tagKey(t)));
    removed = await removeContactTags(tx, ws, current.id, toRemove);
    added = await addContactTags(tx, ws, current.id, wanted);
  }

  if (changes.length === 0 && removed.length === 0 && added.length === 0) {
    return { contact: current, events: [] };
  }
  next.updatedAt = at;
  await updateContact(tx, ws, next);
  const stored = (await loadContact(tx, ws, current.id)) as Contact;
  const events: ContactHubEvent[] = [];
  if (changes.length > 0) events.push(event('contact.updated', ws, at, stored, { changes }));
  if (removed.length > 0) events.push(event('contact.untagged', ws, at, stored, { tags: removed }));
  if (added.length > 0) events.push(event('contact.tagged', ws, at, stored, { tags: added }));
  return { contact: stored, events };
}

/** Moves `updatedAt` of a contact to `now` (after a tag change) and returns it as stored. */
export async function touchContact(tx: Queryable, workspaceId: string, contactId: string, now: Date): Promise<Contact> {
  await tx.query('update contacts set updated_at = $3 where workspace_id = $1 and id = $2', [workspaceId, contactId, now]);
  return (await loadContact(tx, workspaceId, contactId)) as Contact;
}

// ---------------------------------------------------------------------------------------------
// Operations behind the routes

/** `POST /v1/contacts`. */
export async function createContact(hub: Hub, auth: AuthContext, body: unknown): Promise<Contact> {
  const wctx = await loadWriteContext(hub.db, auth);
  const input = normalizeContactCreate(body, { defaultCountry: auth.defaultCountry, customFields: wctx.customFields });
  const change = await inTransaction(hub.db, async (tx) => {
    const c = await insertNewContact(tx, wctx, input, hub.now());
    await emitEvents(tx, c.events);
    return c;
  });
  hub.nudgeOutbox();
  return change.contact;
}

/** `GET /v1/contacts/{ref}`. */
export async function getContact(hub: Hub, auth: AuthContext, ref: string): Promise<Contact> {
  return requireContact(hub.db, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry });
}

/** `PATCH /v1/contacts/{ref}`. */
export async function patchContact(hub: Hub, auth: AuthContext, ref: string, body: unknown): Promise<Contact> {
  const wctx = await loadWriteContext(hub.db, auth);
  const change = await inTransaction(hub.db, async (tx) => {
    const current = await requireContact(tx, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    const input = normalizeContactPatch(body, {
      defaultCountry: auth.defaultCountry,
      customFields: wctx.customFields,
      currentCountry: current.country,
    });
    const c = await applyContactPatch(tx, wctx, current, input, hub.now());
    await emitEvents(tx, c.events);
    return c;
  });
  if (change.events.length > 0) hub.nudgeOutbox();
  return change.contact;
}

/** `DELETE /v1/contacts/{ref}`: messages, identities and tags go with it (FK cascade). */
export async function deleteContact(hub: Hub, auth: AuthContext, ref: string): Promise<Contact> {
  const deleted = await inTransaction(hub.db, async (tx) => {
    const contact = await requireContact(tx, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    await tx.query('delete from contacts where workspace_id = $1 and id = $2', [auth.workspaceId, contact.id]);
    await emitEvent(tx, event('contact.deleted', auth.workspaceId, hub.now().toISOString(), contact));
    return contact;
  });
  hub.nudgeOutbox();
  return deleted;
}
