import { PROFILE_FIELDS } from './contact';

/**
 * The columns of a contact in CSV export and import, in export order. `name` is the display
 * name and is always exported. Custom fields follow as `customFields.<key>`.
 */
export const CONTACT_COLUMNS = [
  'name',
  'id',
  'externalCode',
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'language',
  'profilePic',
  'assignee',
  'conversationStatus',
  'conversationOpenedAt',
  'blocked',
  'blockedAt',
  'proactive',
  'reactive',
  'tags',
  'channels',
  'createdAt',
  'updatedAt',
  'lastInteractionAt',
  'lastIncomingAt',
  'lastInteractedChannelId',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** The columns an import writes: the id, the profile fields, the conversation status and tags. */
export const IMPORT_COLUMNS: readonly ContactColumn[] = ['id', ...PROFILE_FIELDS, 'conversationStatus', 'tags'];

/**
 * Columns an export writes that an import cannot set: an import skips them, so an export
 * imports back. (`displayName` is accepted as another name of `name`.)
 */
export const READ_ONLY_COLUMNS: readonly string[] = [
  'displayName',
  ...CONTACT_COLUMNS.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c)),
];
