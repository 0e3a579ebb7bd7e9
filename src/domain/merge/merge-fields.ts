import { type Contact, type CustomFieldValue, PROFILE_FIELDS, type ProfileField } from '../contact';

/**
 * Contact fields other than the profile that a merge may set from the secondary: the earlier
 * `createdAt`, the later activity, an open conversation, a block.
 */
export const MERGE_STATE_FIELDS = [
  'createdAt',
  'conversationStatus',
  'conversationOpenedAt',
  'blocked',
  'blockedAt',
  'lastInteractionAt',
  'lastIncomingAt',
  'lastInteractedChannelId',
] as const;
export type MergeStateField = (typeof MERGE_STATE_FIELDS)[number];

/** Path of a field a merge can write: a profile field, a state field, or `customFields.<key>`. */
export type MergeFieldPath = ProfileField | MergeStateField | `customFields.${string}`;

import { CUSTOM_FIELD_PREFIX } from '../custom-field';

const FIXED_FIELDS: ReadonlySet<string> = new Set<string>([...PROFILE_FIELDS, ...MERGE_STATE_FIELDS]);

/** True when `path` names a field a merge can write. */
export function isMergeFieldPath(path: string): path is MergeFieldPath {
  return FIXED_FIELDS.has(path) || (path.startsWith(CUSTOM_FIELD_PREFIX) && path.length > CUSTOM_FIELD_PREFIX.length);
}

/** The custom field key of a `customFields.<key>` path, else null. */
export function customFieldKeyOf(path: MergeFieldPath): string | null {
  return path.startsWith(CUSTOM_FIELD_PREFIX) ? path.slice(CUSTOM_FIELD_PREFIX.length) : null;
}

/** Value of a field; a custom field that is absent reads as null. */
export function readField(contact: Contact, path: MergeFieldPath): CustomFieldValue {
  const key = customFieldKeyOf(path);
  if (key !== null) return contact.customFields[key] ?? null;
  return contact[path as ProfileField | MergeStateField];
}

/**
 * A copy of `contact` with one field set. Setting a custom field to null removes the key
 * (absent and null mean the same: no value).
 */
export function writeField(contact: Contact, path: MergeFieldPath, value: CustomFieldValue): Contact {
  const key = customFieldKeyOf(path);
  if (key !== null) {
    const customFields = { ...contact.customFields };
    if (value === null) delete customFields[key];
    else customFields[key] = value;
    return { ...contact, customFields };
  }
  return { ...contact, [path]: value };
}

/**
 * Restores one field to its value in `before`: for a custom field, exactly as it was there
 * (absent stays absent, an explicit null stays null).
 */
export function restoreField(contact: Contact, path: MergeFieldPath, before: Contact): Contact {
  const key = customFieldKeyOf(path);
  if (key !== null) {
    const customFields = { ...contact.customFields };
    if (Object.prototype.hasOwnProperty.call(before.customFields, key)) customFields[key] = before.customFields[key];
    else delete customFields[key];
    return { ...contact, customFields };
  }
  return { ...contact, [path]: before[path as ProfileField | MergeStateField] };
}
