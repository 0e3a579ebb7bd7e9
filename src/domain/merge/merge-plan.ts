import type { Contact, CustomFieldValue } from '../contact';
import { PROFILE_FIELDS } from '../contact';
import { displayName } from '../display-name';
import { fieldError } from '../errors';
import { tagKey, uniqueTags } from '../tag-name';
import { assertAggregateConsistent, type ContactAggregate } from './contact-aggregate';
import { compareInstants, isLater } from './instant';
import { type MergeChoices, parseMergeChoices, resolveMergeSource } from './merge-choices';
import { CUSTOM_FIELD_PREFIX } from '../custom-field';
import { MERGE_STATE_FIELDS, type MergeFieldPath, readField, writeField } from './merge-fields';
import type { MergeFieldWrite, MergeRecord } from './merge-record';

/** Result of planning a merge: the surviving aggregate and the record of what changed. */
export interface MergePlan {
  /**
   * The primary after the merge, holding the secondary's identities and messages (their
   * `contactId` set to the primary's id). The secondary contact itself is to be retired.
   */
  merged: ContactAggregate;
  /** What to store so the merge can be undone; also says exactly what to write. */
  record: MergeRecord;
}

function earlierOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareInstants(b, a) < 0 ? b : a;
}

function laterOf(a: string | null, b: string | null): string | null {
  return isLater(b, a) ? b : a;
}

function sameValue(a: CustomFieldValue | undefined, b: CustomFieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** Chosen profile and custom field values, applied on top of the primary. */
function mergeProfile(p: Contact, s: Contact, choices: MergeChoices): Contact {
  let merged: Contact = { ...p, customFields: { ...p.customFields } };
  for (const field of PROFILE_FIELDS) {
    if (resolveMergeSource(p[field], choices[field]) === 'secondary') merged = { ...merged, [field]: s[field] };
  }
  const keys = new Set([...Object.keys(p.customFields), ...Object.keys(s.customFields)]);
  for (const key of keys) {
    const source = resolveMergeSource(p.customFields[key], choices.customFields?.[key]);
    const value = s.customFields[key] ?? null;
    if (source === 'secondary' && !sameValue(p.customFields[key], value)) {
      merged = writeField(merged, `${CUSTOM_FIELD_PREFIX}${key}`, value);
    }
  }
  return merged;
}

/** Timestamps, activity, conversation and block state of the merged contact. */
function mergeState(merged: Contact, p: Contact, s: Contact): Contact {
  const out: Contact = { ...merged, createdAt: earlierOf(p.createdAt, s.createdAt) ?? p.createdAt };
  if (isLater(s.lastInteractionAt, p.lastInteractionAt)) {
    out.lastInteractionAt = s.lastInteractionAt;
    out.lastInteractedChannelId = s.lastInteractedChannelId;
  }
  out.lastIncomingAt = laterOf(p.lastIncomingAt, s.lastIncomingAt);

  out.blocked = p.blocked || s.blocked;
  out.blockedAt = p.blocked && s.blocked ? earlierOf(p.blockedAt, s.blockedAt) : p.blocked ? p.blockedAt : s.blockedAt;

  // Blocking closes the conversation, so a blocked result is closed; otherwise open if either is.
  const pOpen = p.conversationStatus === 'open';
  const sOpen = s.conversationStatus === 'open';
  if (!out.blocked && (pOpen || sOpen)) {
    out.conversationStatus = 'open';
    out.conversationOpenedAt =
      pOpen && sOpen
        ? earlierOf(p.conversationOpenedAt, s.conversationOpenedAt)
        : pOpen
          ? p.conversationOpenedAt
          : s.conversationOpenedAt;
  } else {
    out.conversationStatus = 'closed';
    out.conversationOpenedAt = laterOf(p.conversationOpenedAt, s.conversationOpenedAt);
  }
  return out;
}

/** The secondary's tags the primary lacks (case-insensitive, by `tagKey`), in the secondary's spelling. */
function tagsToAdd(primaryTags: string[], secondaryTags: string[]): string[] {
  const have = new Set(primaryTags.map(tagKey));
  const added: string[] = [];
  for (const tag of secondaryTags) {
    const key = tagKey(tag);
    if (!have.has(key)) {
      have.add(key);
      added.push(tag);
    }
  }
  return added;
}

/**
 * Plans the merge of `secondary` into `primary` (pure; the caller writes the result).
 *
 * - Profile and custom fields: the caller's `choices`, else the primary's value when it has
 *   one (booleans always count), else the secondary's.
 * - Tags are united case-insensitively (`tagKey`; the primary's spelling kept) and sorted
 *   like `uniqueTags` does.
 * - All identities and messages of the secondary move to the primary (`contactId` changes).
 * - `createdAt` = the earlier; `lastInteractionAt` (with `lastInteractedChannelId`) and
 *   `lastIncomingAt` = the later; blocked if either is blocked (`blockedAt` the earlier block);
 *   conversation open if either is open and the result is not blocked (blocking closes it);
 *   `displayName` recomputed; `updatedAt` = `now`.
 *
 * @throws DomainError (`validation_error`) when both are the same contact, when an identity or
 *   message does not belong to its aggregate's contact, or when `choices` is malformed.
 */
export function planMerge(
  primary: ContactAggregate,
  secondary: ContactAggregate,
  choices: MergeChoices | undefined,
  now: string,
  mergeId: string,
): MergePlan {
  const p = primary.contact;
  const s = secondary.contact;
  if (p.id === s.id) {
    throw fieldError('secondaryId', `cannot merge contact ${p.id} with itself: choose two different contacts`);
  }
  assertAggregateConsistent(primary, 'primary');
  assertAggregateConsistent(secondary, 'secondary');
  const parsed = parseMergeChoices(choices, undefined, 'choices');

  let contact = mergeState(mergeProfile(p, s, parsed), p, s);
  const addedTags = tagsToAdd(p.tags, s.tags);
  contact = {
    ...contact,
    tags: uniqueTags([...p.tags, ...addedTags]),
    displayName: displayName(contact),
    updatedAt: now,
  };

  const paths: MergeFieldPath[] = [
    ...PROFILE_FIELDS,
    ...MERGE_STATE_FIELDS,
    ...[...new Set([...Object.keys(p.customFields), ...Object.keys(s.customFields)])].map(
      (k): MergeFieldPath => `${CUSTOM_FIELD_PREFIX}${k}`,
    ),
  ];
  const fieldsFromSecondary: MergeFieldWrite[] = paths
    .filter((path) => !sameValue(readField(contact, path), readField(p, path)))
    .map((path) => ({ field: path, value: readField(contact, path) }));

  const movedIdentities = secondary.identities.map((i) => ({ ...i, contactId: p.id }));
  const movedMessages = secondary.messages.map((m) => ({ ...m, contactId: p.id }));

  return {
    merged: {
      contact,
      identities: [...primary.identities, ...movedIdentities],
      messages: [...primary.messages, ...movedMessages],
    },
    record: {
      id: mergeId,
      primaryId: p.id,
      secondaryId: s.id,
      mergedAt: now,
      primaryBefore: { ...p, tags: [...p.tags], customFields: { ...p.customFields } },
      secondaryBefore: { ...s, tags: [...s.tags], customFields: { ...s.customFields } },
      fieldsFromSecondary,
      addedTags,
      movedIdentityIds: secondary.identities.map((i) => i.id),
      movedMessageIds: secondary.messages.map((m) => m.id),
      unmergedAt: null,
    },
  };
}
