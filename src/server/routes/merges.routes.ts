import { z } from 'zod/v4';
import { PROFILE_FIELDS } from '../../domain/contact';
import { MERGE_REASON_KINDS, MERGE_SOURCES } from '../../domain/merge';
import { requireRole } from '../../domain/roles';
import { ContactRefParams, ContactSchema, CustomFieldValueSchema } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { decodeDuplicateCursor, type DuplicatePosition, listDuplicates } from '../services/duplicate-service';
import { listContactMerges, mergeContacts, unmergeContacts } from '../services/merge-service';
import { cursorParam, encodeCursor, limitParam } from '../http/keyset-cursor';

const refText = (role: string) =>
  z
    .string({ error: 'is required: a contact ref such as "id:<id>" or "phone:<number>"' })
    .max(300, 'must be at most 300 characters')
    .describe(`The ${role}: a contact ref, "id:<id>", "phone:<number>", "email:<address>" or "external:<code>".`);

const MergeBody = z
  .strictObject({
    primary: refText('contact that survives the merge').meta({ examples: ['id:ct_3k9x0a1b2c3d4e5f6g7h'] }),
    secondary: refText('contact absorbed into the primary').meta({ examples: ['phone:+447400123456'] }),
    fields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        `Which contact's value to keep, per field: ${PROFILE_FIELDS.join(', ')} and custom fields (nested as {"customFields": {"<key>": …}} or flat as "customFields.<key>"), each ${MERGE_SOURCES.map((s) => `"${s}"`).join(' or ')}. Fields left out keep the primary's value when it has one, else the secondary's. An unknown field is a 400 naming it.`,
      )
      .meta({ examples: [{ firstName: 'secondary', email: 'secondary', customFields: { plan: 'secondary' } }] }),
  })
  .describe('The two contacts to merge and the field choices.');

const FieldWrite = z.object({
  field: z.string().describe('A field of the primary the merge changed: a standard field, a state field (createdAt, blocked, lastInteractionAt, …) or "customFields.<key>".'),
  value: CustomFieldValueSchema.describe('The value the merge wrote (from the absorbed contact); null = no value.'),
});

const MergeSummarySchema = z
  .object({
    id: z.string().describe('Merge id; POST /v1/merges/{mergeId}/unmerge undoes it.').meta({ examples: ['mrg_0a1b2c3d4e5f6g7h8i9j'] }),
    primaryId: z.string().describe('The contact that survived.'),
    absorbedId: z.string().describe('The contact absorbed; its "id:" ref resolves to the primary until the merge is undone.'),
    mergedAt: z.string().describe('When the merge happened (ISO 8601, UTC).'),
    unmergedAt: z.string().nullable().describe('When the merge was undone (ISO 8601, UTC), or null while it stands.'),
    fieldsTaken: z.array(FieldWrite).describe('Every field of the primary the merge changed, with the value it wrote.'),
    addedTags: z.array(z.string()).describe('Tags of the absorbed contact the primary did not have.'),
    movedIdentityIds: z.array(z.string()).describe('Channel identities that moved to the primary.'),
    movedMessageCount: z.number().int().describe('How many messages moved to the primary.'),
    primaryBefore: ContactSchema.describe('The primary exactly as it was before the merge.'),
    absorbedBefore: ContactSchema.describe('The absorbed contact exactly as it was before the merge.'),
  })
  .describe('A merge as recorded: both original contacts and what the merge changed and moved.');

const ContactMergeSchema = MergeSummarySchema.extend({
  role: z.enum(['primary', 'absorbed']).describe('The part the listed contact played in this merge.'),
}).describe('A merge the contact took part in.');

const UnmergeOutcomeSchema = z
  .object({
    revertedFields: z.array(z.string()).describe('Fields of the primary set back to their pre-merge value (the merge wrote them and nobody changed them since).'),
    keptFields: z.array(z.string()).describe('Fields the merge wrote that were changed since: left as they are.'),
    recomputedFields: z.array(z.string()).describe('Activity fields of the primary recomputed from the messages it keeps.'),
    removedTags: z.array(z.string()).describe('Tags the merge had added, removed from the primary.'),
    returnedIdentityIds: z.array(z.string()).describe('Channel identities that went back to the restored contact.'),
    returnedMessageCount: z
      .number()
      .int()
      .describe('Messages that went back (those of its identities, also ones received after the merge).'),
  })
  .describe('What the unmerge did.');

const MergeIdParams = z.object({
  mergeId: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .describe('Merge id, as answered by POST /v1/contacts/merge or listed by GET /v1/contacts/{ref}/merges.'),
});

const MergesQuery = z.object({
  limit: limitParam(50, 200),
  cursor: cursorParam,
});

const duplicateCursor = z
  .string()
  .max(1000, 'is not a cursor of this list (too long)')
  .optional()
  .transform((v, ctx): DuplicatePosition | null => {
    if (v === undefined || v === '') return null;
    const p = decodeDuplicateCursor(v);
    if (p === null) {
      ctx.issues.push({ code: 'custom', message: 'is not a cursor of this list; pass the nextCursor of the previous page', input: v });
      return z.NEVER;
    }
    return p;
  })
  .describe('The nextCursor of the previous page; leave out for the first page.');

const DuplicatesQuery = z.object({
  limit: limitParam(50, 500),
  cursor: duplicateCursor,
});

const SuggestionSchema = z
  .object({
    contactIds: z.array(z.string()).length(2).describe('The two contacts, ids sorted.'),
    reasons: z
      .array(
        z.object({
          kind: z.enum(MERGE_REASON_KINDS).describe('phone, email, externalCode or nameAndCountry.'),
          value: z.string().describe('The shared normalised value: E.164 phone, lower-case e-mail or code, "name / COUNTRY".'),
        }),
      )
      .describe('Every value the two share, strongest kind first.'),
    contacts: z.array(ContactSchema).length(2).describe('The two contacts, in the order of contactIds.'),
  })
  .describe('Two contacts that look like the same person, and why.');

export function mergeRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/merge',
      operationId: 'mergeContacts',
      summary: 'Merge two contacts: the primary absorbs the secondary (owner, manager)',
      description:
        'For each field the primary keeps its value unless "fields" chooses the secondary\'s (default: the primary\'s when it has one, else the secondary\'s). Tags are united; channel identities and messages move to the primary; the absorbed contact\'s "id:" ref resolves to the primary afterwards. The merge is recorded with both original contacts so POST /v1/merges/{mergeId}/unmerge can undo it. Emits contact.merged with the primary.',
      tag: 'Merges',
      body: MergeBody,
      success: {
        status: 200,
        description: 'The merge record and the primary after the merge',
        schema: z.object({ merge: MergeSummarySchema, contact: ContactSchema }),
      },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.merge');
        return { status: 200, body: await mergeContacts(hub, auth, body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/merges/:mergeId/unmerge',
      operationId: 'unmergeContacts',
      summary: 'Undo a merge: restore the absorbed contact under its id (owner, manager)',
      description:
        'The absorbed contact comes back with its original profile, tags, channel identities and the messages of those identities (also ones received after the merge). The primary gets back its own pre-merge value for each field the merge took from the other contact and nobody changed since; tags the merge added are removed. 409 when the merge was already undone, when the primary has since been merged into another contact (undo that merge first), or when another contact now holds the restored phone, e-mail or external code (nothing is changed). Emits contact.unmerged with the restored contact, and contact.updated / contact.untagged for the primary when it changed.',
      tag: 'Merges',
      params: MergeIdParams,
      success: {
        status: 200,
        description: 'Both contacts after the unmerge, the merge record (unmergedAt set) and what was done',
        schema: z.object({
          primary: ContactSchema,
          restored: ContactSchema,
          merge: MergeSummarySchema,
          unmerge: UnmergeOutcomeSchema,
        }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.merge');
        return { status: 200, body: await unmergeContacts(hub, auth, params.mergeId) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/contacts/:ref/merges',
      operationId: 'listContactMerges',
      summary: 'The merges a contact took part in, as primary or absorbed, newest first',
      tag: 'Merges',
      params: ContactRefParams,
      query: MergesQuery,
      success: {
        status: 200,
        description: 'One page of merges',
        schema: z.object({
          data: z.array(ContactMergeSchema),
          nextCursor: z.string().nullable().describe('Pass as "cursor" to get the next page; null on the last page.'),
        }),
      },
      handler: async ({ auth, params, query }) => {
        requireRole(auth.role, 'contacts.read');
        const before = query.cursor ? { mergedAt: query.cursor.createdAt, id: query.cursor.id } : null;
        const page = await listContactMerges(hub, auth, params.ref, { limit: query.limit, before });
        return {
          body: {
            data: page.data,
            nextCursor: page.next ? encodeCursor({ createdAt: page.next.mergedAt, id: page.next.id }) : null,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/contacts/duplicates',
      operationId: 'listDuplicateContacts',
      summary: 'Merge suggestions: pairs of contacts that look like the same person, with the reasons',
      description:
        'Pairs that share a normalised phone number (profile, WhatsApp/SMS/Viber identity addresses, phone-type custom fields), an e-mail address (profile, e-mail identities, email-type custom fields), an external code, or have the same name and country. Blocked contacts are included. Pairs with more reasons come first.',
      tag: 'Merges',
      query: DuplicatesQuery,
      success: {
        status: 200,
        description: 'One page of suggestions',
        schema: z.object({
          data: z.array(SuggestionSchema),
          nextCursor: z.string().nullable().describe('Pass as "cursor" to get the next page; null on the last page.'),
        }),
      },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'contacts.read');
        return { body: await listDuplicates(hub, auth, { limit: query.limit, after: query.cursor }) };
      },
    }),
  ];
}
