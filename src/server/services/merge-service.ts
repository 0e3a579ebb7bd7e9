import type { Contact } from '../../domain/contact';
import { DomainError, fieldError } from '../../domain/errors';
import { buildEvent, type ContactHubEvent, type MergeEventDetails } from '../../domain/events';
import {
  type ContactAggregate,
  type MergeFieldPath,
  type MergeFieldWrite,
  type MergeRecord,
  parseMergeChoices,
  planMerge,
  planUnmerge,
} from '../../domain/merge';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { emitEvent, emitEvents, newEventId } from '../outbox/emit-event';
import { insertContact, loadContact, requireContact, updateContact } from '../repos/contact-repo';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { listContactIdentities } from '../repos/identity-repo';
import {
  aliasesWithMergePrimary,
  contactExists,
  contactHolding,
  deleteAlias,
  findAlias,
  findMerge,
  insertMerge,
  listLeanMessages,
  listMergesOfContact,
  lockContactRows,
  moveAllIdentitiesAndMessages,
  moveIdentitiesAndMessages,
  repointAliases,
  repointAliasIds,
  retireContact,
  updateMerge,
  upsertAlias,
} from '../repos/merge-repo';
import { setContactTags } from '../repos/tag-repo';
import { parseRef } from '../../domain/refs';
import { inTransaction } from './contact-service';

/**
 * Merge and unmerge (SPEC §3 "Merge and unmerge"): the domain plans (`planMerge`,
 * `planUnmerge`), this service locks, checks and writes everything of one merge or unmerge in
 * one transaction together with its events, and keeps the merge record in `merges`.
 */

/** A merge as the API answers it: the record without the long list of moved message ids. */
export interface MergeSummary {
  id: string;
  primaryId: string;
  absorbedId: string;
  mergedAt: string;
  unmergedAt: string | null;
  fieldsTaken: MergeFieldWrite[];
  addedTags: string[];
  movedIdentityIds: string[];
  movedMessageCount: number;
  primaryBefore: Contact;
  absorbedBefore: Contact;
}

export function mergeSummary(r: MergeRecord): MergeSummary {
  return {
    id: r.id,
    primaryId: r.primaryId,
    absorbedId: r.secondaryId,
    mergedAt: r.mergedAt,
    unmergedAt: r.unmergedAt,
    fieldsTaken: r.fieldsFromSecondary,
    addedTags: r.addedTags,
    movedIdentityIds: r.movedIdentityIds,
    movedMessageCount: r.movedMessageIds.length,
    primaryBefore: r.primaryBefore,
    absorbedBefore: r.secondaryBefore,
  };
}

export interface MergeInput {
  primary: string;
  secondary: string;
  fields?: unknown;
}

export interface MergeResult {
  merge: MergeSummary;
  contact: Contact;
}

async function loadAggregate(tx: Queryable, workspaceId: string, contact: Contact): Promise<ContactAggregate> {
  return {
    contact,
    identities: await listContactIdentities(tx, workspaceId, contact.id),
    messages: await listLeanMessages(tx, workspaceId, contact.id),
  };
}

function mergeDetails(r: MergeRecord): MergeEventDetails {
  return { mergeId: r.id, primaryId: r.primaryId, absorbedId: r.secondaryId };
}

/** The id a ref names, or a 404 naming the ref on `path`. */
async function resolveId(tx: Queryable, auth: AuthContext, refText: string, path: string): Promise<string> {
  const contact = await requireContact(tx, auth.workspaceId, refText, { defaultCountry: auth.defaultCountry, path });
  return contact.id;
}

/** `POST /v1/contacts/merge`: absorbs `secondary` into `primary`. */
export async function mergeContacts(hub: Hub, auth: AuthContext, input: MergeInput): Promise<MergeResult> {
  const ws = auth.workspaceId;
  // Refs first (a bad ref is the first thing to fix), then the choices against the workspace's fields.
  const badRefs: DomainError[] = [];
  for (const path of ['primary', 'secondary'] as const) {
    try {
      parseRef(input[path], { defaultCountry: auth.defaultCountry, path });
    } catch (e) {
      if (e instanceof DomainError) badRefs.push(e);
      else throw e;
    }
  }
  if (badRefs.length > 0) {
    const details = badRefs.flatMap((e) => e.details);
    throw new DomainError('validation_error', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
  const definitions = await listCustomFieldDefinitions(hub.db, ws);
  const choices = parseMergeChoices(
    input.fields,
    definitions.map((d) => d.key),
    'fields',
  );

  const result = await inTransaction(hub.db, async (tx) => {
    const primaryId = await resolveId(tx, auth, input.primary, 'primary');
    const secondaryId = await resolveId(tx, auth, input.secondary, 'secondary');
    if (primaryId === secondaryId) {
      throw fieldError(
        'secondary',
        `names the same contact as primary (id:${primaryId}); a contact cannot be merged with itself — choose two different contacts`,
      );
    }
    const locked = await lockContactRows(tx, ws, [primaryId, secondaryId]);
    for (const [id, path] of [
      [primaryId, 'primary'],
      [secondaryId, 'secondary'],
    ] as const) {
      if (!locked.has(id)) {
        throw new DomainError('conflict', `${path}: contact id:${id} was merged or deleted meanwhile; try again`, [
          { path, message: 'merged or deleted by a concurrent request' },
        ]);
      }
    }
    const primary = await loadAggregate(tx, ws, (await loadContact(tx, ws, primaryId)) as Contact);
    const secondary = await loadAggregate(tx, ws, (await loadContact(tx, ws, secondaryId)) as Contact);
    const now = hub.now().toISOString();
    const plan = planMerge(primary, secondary, choices, now, newId('mrg'));
    const record = plan.record;

    // Order matters: move what hangs off the secondary before its row goes (the foreign keys
    // cascade), and retire the row before the primary takes its phone, e-mail or external code.
    await moveAllIdentitiesAndMessages(tx, ws, secondaryId, primaryId);
    await repointAliases(tx, ws, secondaryId, primaryId);
    await retireContact(tx, ws, secondaryId);
    await upsertAlias(tx, ws, secondaryId, primaryId, record.id);
    await updateContact(tx, ws, plan.merged.contact);
    await setContactTags(tx, ws, primaryId, plan.merged.contact.tags);
    await insertMerge(tx, ws, record);

    const stored = (await loadContact(tx, ws, primaryId)) as Contact;
    await emitEvent(
      tx,
      buildEvent('contact.merged', { id: newEventId(), now, workspaceId: ws, contact: stored, merge: mergeDetails(record) }),
    );
    return { merge: mergeSummary(record), contact: stored };
  });
  hub.nudgeOutbox();
  return result;
}

/** What an unmerge did to the primary, and what went back. */
export interface UnmergeOutcome {
  revertedFields: MergeFieldPath[];
  keptFields: MergeFieldPath[];
  recomputedFields: MergeFieldPath[];
  removedTags: string[];
  returnedIdentityIds: string[];
  returnedMessageCount: number;
}

export interface UnmergeResult {
  primary: Contact;
  restored: Contact;
  merge: MergeSummary;
  unmerge: UnmergeOutcome;
}

const UNIQUE_FIELDS = [
  { field: 'phone', column: 'phone', what: 'phone number' },
  { field: 'email', column: 'email', what: 'e-mail address' },
  { field: 'externalCode', column: 'external_code', what: 'external code' },
] as const;

/**
 * The aliases resolving to the primary that belong back to the restored contact: ids absorbed
 * (directly or through a chain of merges) into the restored contact before this merge
 * re-pointed them at the primary.
 */
async function aliasesBelongingTo(tx: Queryable, ws: string, primaryId: string, restoredId: string): Promise<string[]> {
  const aliases = await aliasesWithMergePrimary(tx, ws, primaryId);
  const mergedInto = new Map(aliases.map((a) => [a.aliasId, a.mergedInto]));
  const out: string[] = [];
  for (const { aliasId } of aliases) {
    let target = mergedInto.get(aliasId);
    const seen = new Set<string>([aliasId]);
    while (target !== undefined && target !== restoredId && target !== primaryId && !seen.has(target)) {
      seen.add(target);
      target = mergedInto.get(target);
    }
    if (target === restoredId) out.push(aliasId);
  }
  return out;
}

/** `POST /v1/merges/{mergeId}/unmerge`: restores the absorbed contact and gives the primary back its own values. */
export async function unmergeContacts(hub: Hub, auth: AuthContext, mergeId: string): Promise<UnmergeResult> {
  const ws = auth.workspaceId;
  const result = await inTransaction(hub.db, async (tx) => {
    const record = await findMerge(tx, ws, mergeId, { forUpdate: true });
    if (!record) {
      throw new DomainError('not_found', `No merge "${mergeId}" in this workspace; GET /v1/contacts/{ref}/merges lists a contact's merges`, [
        { path: 'mergeId', message: `no merge "${mergeId}" in this workspace` },
      ]);
    }
    if (record.unmergedAt !== null) {
      throw new DomainError('conflict', `Merge ${record.id} was already undone at ${record.unmergedAt}`, [
        { path: 'mergeId', message: 'already unmerged' },
      ]);
    }
    const primaryId = record.primaryId;
    const restoredId = record.secondaryId;
    const locked = await lockContactRows(tx, ws, [primaryId]);
    if (!locked.has(primaryId)) {
      const alias = await findAlias(tx, ws, primaryId);
      if (alias) {
        throw new DomainError(
          'conflict',
          `Contact ${primaryId}, which kept merge ${record.id}, was itself merged into id:${alias.contactId} by merge ${alias.mergeId}: unmerge ${alias.mergeId} first`,
          [{ path: 'mergeId', message: `the primary was merged into id:${alias.contactId} since; unmerge ${alias.mergeId} first` }],
        );
      }
      throw new DomainError('conflict', `Contact ${primaryId}, which kept merge ${record.id}, has been deleted: the merge cannot be undone`, [
        { path: 'mergeId', message: 'the primary contact was deleted' },
      ]);
    }
    if (await contactExists(tx, ws, restoredId)) {
      throw new DomainError('conflict', `A contact with id ${restoredId} exists again: the absorbed contact cannot be restored under its id`, [
        { path: 'mergeId', message: `id ${restoredId} is taken` },
      ]);
    }

    const primary = (await loadContact(tx, ws, primaryId)) as Contact;
    const current = await loadAggregate(tx, ws, primary);
    const now = hub.now().toISOString();
    const plan = planUnmerge(record, current, now);
    const restored = plan.restored.contact;
    const nextPrimary = plan.primary.contact;

    // The restored contact takes back its phone, e-mail and external code: refuse (changing
    // nothing) when another contact — or the primary as it stays — holds one of them now.
    const details: { path: string; message: string }[] = [];
    for (const f of UNIQUE_FIELDS) {
      const value = restored[f.field];
      if (value === null) continue;
      const holder =
        nextPrimary[f.field] === value ? primaryId : await contactHolding(tx, ws, f.column, value, primaryId);
      if (holder !== null) {
        details.push({
          path: f.field,
          message: `the restored contact's ${f.what} ${value} is now held by contact id:${holder}; change it there first`,
        });
      }
    }
    if (details.length > 0) {
      throw new DomainError(
        'conflict',
        `Cannot restore contact ${restoredId}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
        details,
      );
    }

    // The primary gives up restored values first (unique fields), then the contact comes back
    // and its identities and messages follow it.
    await updateContact(tx, ws, nextPrimary);
    await setContactTags(tx, ws, primaryId, nextPrimary.tags);
    await deleteAlias(tx, ws, restoredId);
    const returningAliases = await aliasesBelongingTo(tx, ws, primaryId, restoredId);
    await insertContact(tx, ws, restored);
    await setContactTags(tx, ws, restoredId, restored.tags);
    await repointAliasIds(tx, ws, returningAliases, restoredId);
    await moveIdentitiesAndMessages(tx, ws, primaryId, restoredId, plan.returnedIdentityIds, plan.returnedMessageIds);
    await updateMerge(tx, ws, plan.record);

    const storedPrimary = (await loadContact(tx, ws, primaryId)) as Contact;
    const storedRestored = (await loadContact(tx, ws, restoredId)) as Contact;
    const events: ContactHubEvent[] = [
      buildEvent('contact.unmerged', {
        id: newEventId(),
        now,
        workspaceId: ws,
        contact: storedRestored,
        merge: mergeDetails(record),
      }),
    ];
    const changes = [...plan.revertedFields, ...plan.recomputedFields];
    if (changes.length > 0) {
      events.push(buildEvent('contact.updated', { id: newEventId(), now, workspaceId: ws, contact: storedPrimary, changes }));
    }
    if (plan.removedTags.length > 0) {
      events.push(
        buildEvent('contact.untagged', { id: newEventId(), now, workspaceId: ws, contact: storedPrimary, tags: plan.removedTags }),
      );
    }
    await emitEvents(tx, events);

    return {
      primary: storedPrimary,
      restored: storedRestored,
      merge: mergeSummary(plan.record),
      unmerge: {
        revertedFields: plan.revertedFields,
        keptFields: plan.keptFields,
        recomputedFields: plan.recomputedFields,
        removedTags: plan.removedTags,
        returnedIdentityIds: plan.returnedIdentityIds,
        returnedMessageCount: plan.returnedMessageIds.length,
      },
    };
  });
  hub.nudgeOutbox();
  return result;
}

/** A merge as listed for one contact: the summary and the part the contact played. */
export interface ContactMerge extends MergeSummary {
  role: 'primary' | 'absorbed';
}

/** `GET /v1/contacts/{ref}/merges`: one page, newest first. */
export async function listContactMerges(
  hub: Hub,
  auth: AuthContext,
  refText: string,
  opts: { limit: number; before: { mergedAt: string; id: string } | null },
): Promise<{ data: ContactMerge[]; next: { mergedAt: string; id: string } | null }> {
  const ws = auth.workspaceId;
  // An `id:` ref of an absorbed contact resolves to its survivor.
  const contactId = (await requireContact(hub.db, ws, refText, { defaultCountry: auth.defaultCountry })).id;
  const records = await listMergesOfContact(hub.db, ws, contactId, { limit: opts.limit + 1, before: opts.before });
  const page = records.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({ ...mergeSummary(r), role: r.primaryId === contactId ? 'primary' : 'absorbed' })),
    next: records.length > opts.limit && last ? { mergedAt: last.mergedAt, id: last.id } : null,
  };
}
