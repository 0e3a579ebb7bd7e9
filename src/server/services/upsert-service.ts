import type { Contact } from '../../domain/contact';
import { normalizeContactCreate, normalizeContactPatch, type NormalizedContactInput } from '../../domain/contact-input';
import { DomainError, validationErrors } from '../../domain/errors';
import type { ContactRef } from '../../domain/refs';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import { toErrorResponse } from '../http/error-response';
import type { Hub } from '../hub';
import { emitEvents } from '../outbox/emit-event';
import { findContactId, loadContact } from '../repos/contact-repo';
import {
  applyContactPatch,
  IdentityConflict,
  savepointRunner,
  transactionRunner,
  type TxRunner,
  insertNewContact,
  isUniqueViolation,
  loadWriteContext,
  prefixErrorPaths,
  type ContactChange,
  type ContactWriteContext,
} from './contact-service';

/** The fields an upsert may match an existing contact by. */
export const MATCH_KEYS = ['id', 'externalCode', 'phone', 'email'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
/** The default match order. */
export const DEFAULT_MATCH_BY: readonly MatchKey[] = ['externalCode', 'phone', 'email'];
/** What a bulk request does with each item: create or update it (`upsert`), or only create it (`create`). */
export const BULK_MODES = ['upsert', 'create'] as const;
export type BulkMode = (typeof BULK_MODES)[number];
/** Most contacts in one bulk upsert request. */
export const BULK_UPSERT_MAX = 1000;

export interface UpsertOptions {
  /** Match order: the first field (with a value in the body) that finds a contact wins. */
  matchBy: readonly MatchKey[];
  /** On update: `replace` makes the given tags the contact's set (as PATCH), `add` adds them. */
  tagMode: 'replace' | 'add';
}

export interface UpsertResult {
  created: boolean;
  contact: Contact;
  /** Whether an update changed anything (always true for a creation). */
  changed: boolean;
}

const REF_KIND: Record<MatchKey, ContactRef['kind']> = { id: 'id', externalCode: 'external', phone: 'phone', email: 'email' };

/** A conflict on a match field met while creating: another upsert may have just created the contact. */
class MatchRace extends IdentityConflict {}
/** The matched contact was deleted between the lookup and the lock. */
class VanishedMatch extends DomainError {
  constructor() {
    super('conflict', 'The matched contact was deleted while it was being updated; retry the request');
  }
}

function withoutId(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { id: _id, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/** Finds the contact of the first match field that has a value and matches; null when none matches. */
async function findMatch(
  tx: Queryable,
  workspaceId: string,
  input: NormalizedContactInput,
  matchBy: readonly MatchKey[],
): Promise<{ id: string; by: MatchKey } | null> {
  for (const key of matchBy) {
    const value = input[key];
    if (value === null || value === undefined) continue;
    const id = await findContactId(tx, workspaceId, { kind: REF_KIND[key], value });
    if (id !== null) return { id, by: key };
  }
  return null;
}

/**
 * One upsert inside one transaction: matches by `matchBy`, updates the match with the body
 * as a patch (`normalizeContactPatch` with the contact's country) or creates a contact from
 * it (`normalizeContactCreate`). Concurrent upserts of one identity meet in the unique
 * indexes: the loser's transaction is run again and then finds and updates the winner's
 * contact, so one identity always gives one contact. Emits the events in the transaction.
 */
async function upsertInTransaction(
  hub: Hub,
  wctx: ContactWriteContext,
  raw: unknown,
  createInput: NormalizedContactInput,
  opts: UpsertOptions,
  run: TxRunner,
): Promise<UpsertResult> {
  const retryOn = (e: unknown) => isUniqueViolation(e) || e instanceof MatchRace || e instanceof VanishedMatch;
  return run(
    async (tx) => {
      const ws = wctx.workspaceId;
      const match = await findMatch(tx, ws, createInput, opts.matchBy);
      let change: ContactChange;
      let created: boolean;
      if (match) {
        await tx.query('select 1 from contacts where workspace_id = $1 and id = $2 for update', [ws, match.id]);
        const current = await loadContact(tx, ws, match.id);
        if (!current) throw new VanishedMatch();
        if (createInput.id !== undefined) {
          const byId = await findContactId(tx, ws, { kind: 'id', value: createInput.id });
          if (byId !== current.id) {
            throw new IdentityConflict(
              [{ path: 'id', message: `the contact matched by ${match.by} has id "${current.id}"; an id cannot be changed` }],
              ['id'],
            );
          }
        }
        const patch = normalizeContactPatch(withoutId(raw), {
          defaultCountry: wctx.defaultCountry,
          customFields: wctx.customFields,
          currentCountry: current.country,
        });
        change = await applyContactPatch(tx, wctx, current, patch, hub.now(), { tagMode: opts.tagMode });
        created = false;
      } else {
        try {
          change = await insertNewContact(tx, wctx, createInput, hub.now());
        } catch (e) {
          // Another upsert may have created the contact since the lookup: run again to find it.
          const raced = e instanceof IdentityConflict && e.fields.some((f) => (opts.matchBy as readonly string[]).includes(f));
          if (raced) throw new MatchRace(e.details, e.fields);
          throw e;
        }
        created = true;
      }
      await emitEvents(tx, change.events);
      return { created, contact: change.contact, changed: created || change.events.length > 0 };
    },
    retryOn,
  );
}

/** Validates a body contact for an upsert: the create normalisation, and at least one match field. */
function normalizeForUpsert(raw: unknown, wctx: ContactWriteContext, opts: UpsertOptions): NormalizedContactInput {
  const input = normalizeContactCreate(raw, { defaultCountry: wctx.defaultCountry, customFields: wctx.customFields });
  if (!opts.matchBy.some((k) => input[k] !== undefined && input[k] !== null)) {
    throw validationErrors([
      {
        path: '(body)',
        message: `the contact has none of the match fields (${opts.matchBy.join(', ')}); give one of them, or use POST /v1/contacts to create`,
      },
    ]);
  }
  return input;
}

/**
 * One upsert with a write context loaded by the caller (once per request): validates the
 * raw contact, then matches and creates or updates it in its own transaction. Errors name
 * paths relative to the contact. Does not nudge the outbox (the caller does, once). Import
 * and bulk routes build on this.
 */
export async function upsertWithContext(
  hub: Hub,
  wctx: ContactWriteContext,
  raw: unknown,
  opts: UpsertOptions,
  run: TxRunner = transactionRunner(hub.db),
): Promise<UpsertResult> {
  const input = normalizeForUpsert(raw, wctx, opts);
  return upsertInTransaction(hub, wctx, raw, input, opts, run);
}

/**
 * One creation with a write context loaded by the caller, as `POST /v1/contacts` does it: an
 * id, phone, e-mail or external code another contact holds is a 409 naming the field.
 */
export async function createWithContext(
  hub: Hub,
  wctx: ContactWriteContext,
  raw: unknown,
  run: TxRunner = transactionRunner(hub.db),
): Promise<UpsertResult> {
  const input = normalizeContactCreate(raw, { defaultCountry: wctx.defaultCountry, customFields: wctx.customFields });
  const change = await run(async (tx) => {
    const c = await insertNewContact(tx, wctx, input, hub.now());
    await emitEvents(tx, c.events);
    return c;
  });
  return { created: true, contact: change.contact, changed: true };
}

/** `POST /v1/contacts/upsert`: error paths are prefixed with `contact.`. */
export async function upsertContact(hub: Hub, auth: AuthContext, raw: unknown, opts: UpsertOptions): Promise<UpsertResult> {
  const wctx = await loadWriteContext(hub.db, auth);
  let result: UpsertResult;
  try {
    result = await upsertWithContext(hub, wctx, raw, opts);
  } catch (e) {
    throw prefixErrorPaths(e, 'contact.');
  }
  if (result.changed) hub.nudgeOutbox();
  return result;
}

export interface BulkItemResult {
  index: number;
  status: 'created' | 'updated' | 'error';
  contact?: Contact;
  error?: { code: string; message: string; details: { path: string; message: string }[] };
}

export interface BulkUpsertAnswer {
  results: BulkItemResult[];
  summary: { created: number; updated: number; failed: number };
}

/**
 * `POST /v1/contacts/bulk/upsert`: every item is upserted (in `create` mode: created) on its own — in a
 * savepoint of one transaction per request — in order, so a bad item gets its error and the good ones are kept. Custom field definitions
 * and the workspace's users are loaded once for the whole request. Error paths are relative
 * to the item.
 */
export async function bulkUpsert(
  hub: Hub,
  auth: AuthContext,
  items: readonly unknown[],
  opts: UpsertOptions & { mode?: BulkMode },
): Promise<BulkUpsertAnswer> {
  const wctx = await loadWriteContext(hub.db, auth);
  const answer = await hub.db.transaction((tx) => bulkInTransaction(hub, wctx, items, opts, savepointRunner(tx)));
  if (answer.changed) hub.nudgeOutbox();
  return { results: answer.results, summary: answer.summary };
}

/** The items of one bulk request, each in a savepoint of one transaction: one commit for the batch. */
async function bulkInTransaction(
  hub: Hub,
  wctx: ContactWriteContext,
  items: readonly unknown[],
  opts: UpsertOptions & { mode?: BulkMode },
  run: TxRunner,
): Promise<BulkUpsertAnswer & { changed: boolean }> {
  const results: BulkItemResult[] = [];
  const summary = { created: 0, updated: 0, failed: 0 };
  let changed = false;
  for (const [index, raw] of items.entries()) {
    try {
      const r =
        opts.mode === 'create' ? await createWithContext(hub, wctx, raw, run) : await upsertWithContext(hub, wctx, raw, opts, run);
      changed ||= r.changed;
      results.push({ index, status: r.created ? 'created' : 'updated', contact: r.contact });
      if (r.created) summary.created++;
      else summary.updated++;
    } catch (e) {
      // Anything the request content caused is this item's error; a fault of the server is not.
      const answer = toErrorResponse(e);
      if (answer.status >= 500) throw e;
      const { code, message, details } = answer.body.error;
      results.push({ index, status: 'error', error: { code, message, details } });
      summary.failed++;
    }
  }
  return { results, summary, changed };
}
