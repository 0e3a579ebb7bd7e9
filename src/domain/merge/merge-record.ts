import { z } from 'zod/v4';
import { type Contact, CONVERSATION_STATUSES, type CustomFieldValue } from '../contact';
import { parseOrThrow } from '../zod-issues';
import { isMergeFieldPath, type MergeFieldPath } from './merge-fields';

/** One field the merge set on the primary from the secondary, with the value it wrote. */
export interface MergeFieldWrite {
  /** `firstName`, `createdAt`, `customFields.birthday`, … */
  field: MergeFieldPath;
  /** The value the merge wrote (null = no value). Unmerge compares it with the current value. */
  value: CustomFieldValue;
}

/**
 * What a merge did, stored as JSON by the server so the merge can be undone and listed.
 * Contact ids are the ids as they were at merge time.
 */
export interface MergeRecord {
  id: string;
  /** The surviving contact. */
  primaryId: string;
  /** The absorbed contact. */
  secondaryId: string;
  mergedAt: string;
  /** Both full contacts exactly as they were before the merge. */
  primaryBefore: Contact;
  secondaryBefore: Contact;
  /** Every field of the primary the merge changed, with the value it wrote (all came from the secondary). */
  fieldsFromSecondary: MergeFieldWrite[];
  /** Tags the merge added to the primary (the secondary's tags the primary lacked), as spelled on the secondary. */
  addedTags: string[];
  /** Channel identities that moved from the secondary to the primary. */
  movedIdentityIds: string[];
  /** Messages that moved from the secondary to the primary. */
  movedMessageIds: string[];
  /** When the merge was undone; null while it stands. */
  unmergedAt: string | null;
}

const nullableString = z.string().nullable();
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Zod schema of a stored `Contact` snapshot (as held in a merge record). */
export const contactSnapshotSchema = z.object({
  id: z.string().min(1),
  externalCode: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  email: nullableString,
  phone: nullableString,
  country: nullableString,
  language: nullableString,
  profilePic: nullableString,
  assignee: nullableString,
  proactive: z.boolean(),
  reactive: z.boolean(),
  customFields: z.record(z.string(), fieldValue),
  displayName: z.string(),
  tags: z.array(z.string()),
  conversationStatus: z.enum(CONVERSATION_STATUSES),
  conversationOpenedAt: nullableString,
  blocked: z.boolean(),
  blockedAt: nullableString,
  createdAt: z.string(),
  updatedAt: z.string(),
  lastInteractionAt: nullableString,
  lastIncomingAt: nullableString,
  lastInteractedChannelId: nullableString,
}) satisfies z.ZodType<Contact>;

/** Zod schema of a `MergeRecord` (validates what the server reads back from storage or returns). */
export const mergeRecordSchema = z.object({
  id: z.string().min(1),
  primaryId: z.string().min(1),
  secondaryId: z.string().min(1),
  mergedAt: z.string(),
  primaryBefore: contactSnapshotSchema,
  secondaryBefore: contactSnapshotSchema,
  fieldsFromSecondary: z.array(
    z.object({
      field: z.custom<MergeFieldPath>(
        (v) => typeof v === 'string' && isMergeFieldPath(v),
        'not a field a merge writes',
      ),
      value: fieldValue,
    }),
  ),
  addedTags: z.array(z.string()),
  movedIdentityIds: z.array(z.string()),
  movedMessageIds: z.array(z.string()),
  unmergedAt: nullableString,
}) satisfies z.ZodType<MergeRecord, unknown>;

/**
 * Parses a stored merge record (e.g. the JSON column read back).
 *
 * @throws DomainError (`validation_error`) naming each bad path.
 */
export function parseMergeRecord(input: unknown): MergeRecord {
  return parseOrThrow(mergeRecordSchema, input, 'mergeRecord');
}
