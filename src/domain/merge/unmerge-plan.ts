import type { Contact } from '../contact';
import { displayName } from '../display-name';
import { DomainError } from '../errors';
import type { Message } from '../message';
import { tagKey } from '../tag-name';
import { assertAggregateConsistent, type ContactAggregate } from './contact-aggregate';
import { compareInstants, isLater } from './instant';
import { type MergeFieldPath, readField, restoreField } from './merge-fields';
import type { MergeRecord } from './merge-record';

/** Result of planning an unmerge. */
export interface UnmergePlan {
  /** The primary after the unmerge (without the returned identities and messages). */
  primary: ContactAggregate;
  /** The absorbed contact, back under its original id. */
  restored: ContactAggregate;
  /** The record with `unmergedAt` set. */
  record: MergeRecord;
  /** Identities that go back to the restored contact (`contactId` := secondary id). */
  returnedIdentityIds: string[];
  /** Messages that go back to the restored contact (`contactId` := secondary id). */
  returnedMessageIds: string[];
  /** Primary fields set back to their pre-merge value (the merge wrote them and nobody changed them since). */
  revertedFields: MergeFieldPath[];
  /** Primary fields the merge wrote that were changed since: left as they are. */
  keptFields: MergeFieldPath[];
  /** Activity fields of the primary recomputed because the activity that set them went back with the restored contact. */
  recomputedFields: MergeFieldPath[];
  /** Tags removed from the primary (added by the merge and still there), as spelled on the primary. */
  removedTags: string[];
}

const ACTIVITY_FIELDS: ReadonlySet<MergeFieldPath> = new Set<MergeFieldPath>([
  'lastInteractionAt',
  'lastInteractedChannelId',
  'lastIncomingAt',
]);

function sameInstant(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : compareInstants(a, b) === 0;
}

/** The latest visible incoming message (hidden ones do not count as interactions), or null. */
function latestIncoming(messages: Message[]): Message | null {
  let latest: Message | null = null;
  for (const m of messages) {
    if (m.direction === 'incoming' && !m.hidden && (latest === null || isLater(m.createdAt, latest.createdAt))) {
      latest = m;
    }
  }
  return latest;
}

interface Outcome {
  reverted: MergeFieldPath[];
  kept: MergeFieldPath[];
  recomputed: MergeFieldPath[];
}

/**
 * Activity of the primary (see `planUnmerge`): unchanged since the merge → the pre-merge value
 * when the merge took it from the secondary; changed since and explained by a message the
 * primary keeps → kept; otherwise recomputed as the later of the pre-merge value and the
 * latest visible incoming message the primary keeps.
 */
function resolveActivity(
  contact: Contact,
  record: MergeRecord,
  written: Map<MergeFieldPath, unknown>,
  keptMessages: Message[],
  out: Outcome,
): Contact {
  const before = record.primaryBefore;
  const latest = latestIncoming(keptMessages);
  let c = contact;

  // lastInteractionAt and lastInteractedChannelId move together.
  const pair: MergeFieldPath[] = ['lastInteractionAt', 'lastInteractedChannelId'];
  const touched = pair.filter((f) => written.has(f));
  if (touched.length > 0) {
    const mergedValue = (
      written.has('lastInteractionAt') ? written.get('lastInteractionAt') : before.lastInteractionAt
    ) as string | null;
    const mergedChannel = (
      written.has('lastInteractedChannelId') ? written.get('lastInteractedChannelId') : before.lastInteractedChannelId
    ) as string | null;
    if (sameInstant(c.lastInteractionAt, mergedValue) && c.lastInteractedChannelId === mergedChannel) {
      c = { ...c, lastInteractionAt: before.lastInteractionAt, lastInteractedChannelId: before.lastInteractedChannelId };
      out.reverted.push(...touched);
    } else if (
      keptMessages.some(
        (m) => sameInstant(m.createdAt, c.lastInteractionAt) && m.channelId === c.lastInteractedChannelId,
      )
    ) {
      out.kept.push(...touched);
    } else {
      c =
        latest && isLater(latest.createdAt, before.lastInteractionAt)
          ? { ...c, lastInteractionAt: latest.createdAt, lastInteractedChannelId: latest.channelId }
          : { ...c, lastInteractionAt: before.lastInteractionAt, lastInteractedChannelId: before.lastInteractedChannelId };
      out.recomputed.push(...touched);
    }
  }

  if (written.has('lastIncomingAt')) {
    const mergedIncoming = written.get('lastIncomingAt') as string | null;
    if (sameInstant(c.lastIncomingAt, mergedIncoming)) {
      c = { ...c, lastIncomingAt: before.lastIncomingAt };
      out.reverted.push('lastIncomingAt');
    } else if (
      keptMessages.some((m) => m.direction === 'incoming' && sameInstant(m.createdAt, c.lastIncomingAt))
    ) {
      out.kept.push('lastIncomingAt');
    } else {
      const recomputed = latest && isLater(latest.createdAt, before.lastIncomingAt) ? latest.createdAt : before.lastIncomingAt;
      c = { ...c, lastIncomingAt: recomputed };
      out.recomputed.push('lastIncomingAt');
    }
  }
  return c;
}

/**
 * The restored contact: its pre-merge contact, with its activity moved forward by messages
 * that reached it through its identities while it was merged (messages that did not exist at
 * merge time).
 */
function restoredContact(record: MergeRecord, returned: Message[], now: string): Contact {
  const moved = new Set(record.movedMessageIds);
  const latest = latestIncoming(returned.filter((m) => !moved.has(m.id)));
  const c: Contact = {
    ...record.secondaryBefore,
    tags: [...record.secondaryBefore.tags],
    customFields: { ...record.secondaryBefore.customFields },
    updatedAt: now,
  };
  if (latest) {
    if (isLater(latest.createdAt, c.lastInteractionAt)) {
      c.lastInteractionAt = latest.createdAt;
      c.lastInteractedChannelId = latest.channelId;
    }
    if (isLater(latest.createdAt, c.lastIncomingAt)) c.lastIncomingAt = latest.createdAt;
  }
  return c;
}

/**
 * Plans undoing a merge (pure; the caller writes the result).
 *
 * - The absorbed contact comes back under its original id with its original profile
 *   (`secondaryBefore`: fields, tags, block and conversation state), `updatedAt` = `now`, and
 *   its activity moved forward by messages it received while merged.
 * - Identities: those that moved and still exist on the primary go back.
 * - Messages follow their identity: every message on a returning (moved) identity goes back,
 *   including ones received after the merge; a message without identity goes back when it
 *   moved in the merge.
 * - The primary: each field the merge wrote is set back to its pre-merge value when its
 *   current value still equals what the merge wrote; fields changed since stay. Tags the merge
 *   added are removed if still there. Activity (`lastInteractionAt` with
 *   `lastInteractedChannelId`, `lastIncomingAt`): reverted when unchanged since the merge; kept
 *   when changed since by a message the primary keeps; else recomputed as the later of the
 *   pre-merge value and the latest visible incoming message it keeps. `displayName`
 *   recomputed, `updatedAt` = `now`.
 *
 * @throws DomainError `conflict` when the merge was already undone; `validation_error` when
 *   `current` is not the record's primary or holds items of another contact.
 */
export function planUnmerge(record: MergeRecord, current: ContactAggregate, now: string): UnmergePlan {
  if (record.unmergedAt !== null) {
    throw new DomainError('conflict', `merge ${record.id} was already undone at ${record.unmergedAt}`, [
      { path: 'mergeId', message: 'already unmerged' },
    ]);
  }
  if (current.contact.id !== record.primaryId) {
    throw new DomainError(
      'validation_error',
      `merge ${record.id} kept contact ${record.primaryId}, not ${current.contact.id}: pass the merge's primary contact`,
      [{ path: 'primary', message: `must be contact ${record.primaryId}` }],
    );
  }
  assertAggregateConsistent(current, 'primary');

  const movedIdentities = new Set(record.movedIdentityIds);
  const movedMessages = new Set(record.movedMessageIds);
  const goesBack = (m: Message): boolean =>
    m.identityId !== null ? movedIdentities.has(m.identityId) : movedMessages.has(m.id);

  const returnedIdentities = current.identities.filter((i) => movedIdentities.has(i.id));
  const keptIdentities = current.identities.filter((i) => !movedIdentities.has(i.id));
  const returnedMessages = current.messages.filter(goesBack);
  const keptMessages = current.messages.filter((m) => !goesBack(m));

  const out: Outcome = { reverted: [], kept: [], recomputed: [] };
  const written = new Map<MergeFieldPath, unknown>(record.fieldsFromSecondary.map((w) => [w.field, w.value]));
  let contact = current.contact;
  for (const { field, value } of record.fieldsFromSecondary) {
    if (ACTIVITY_FIELDS.has(field)) continue;
    if ((readField(contact, field) ?? null) === value) {
      contact = restoreField(contact, field, record.primaryBefore);
      out.reverted.push(field);
    } else {
      out.kept.push(field);
    }
  }
  contact = resolveActivity(contact, record, written, keptMessages, out);

  const added = new Set(record.addedTags.map(tagKey));
  const removedTags = contact.tags.filter((t) => added.has(tagKey(t)));
  contact = {
    ...contact,
    tags: contact.tags.filter((t) => !added.has(tagKey(t))),
    displayName: displayName(contact),
    updatedAt: now,
  };

  const secondaryId = record.secondaryId;
  return {
    primary: { contact, identities: keptIdentities, messages: keptMessages },
    restored: {
      contact: restoredContact(record, returnedMessages, now),
      identities: returnedIdentities.map((i) => ({ ...i, contactId: secondaryId })),
      messages: returnedMessages.map((m) => ({ ...m, contactId: secondaryId })),
    },
    record: { ...record, unmergedAt: now },
    returnedIdentityIds: returnedIdentities.map((i) => i.id),
    returnedMessageIds: returnedMessages.map((m) => m.id),
    revertedFields: out.reverted,
    keptFields: out.kept,
    recomputedFields: out.recomputed,
    removedTags,
  };
}
