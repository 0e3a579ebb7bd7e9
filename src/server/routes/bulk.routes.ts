import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import { ItemErrorSchema } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { BULK_MAX_REFS, BULK_MAX_TAGS, bulkDelete, bulkTags } from '../services/bulk-service';
import { SelectionFields } from './search.routes';

const Refs = z
  .array(z.string().max(500))
  .min(1, 'give at least one ref')
  .max(BULK_MAX_REFS, `give at most ${BULK_MAX_REFS} refs; use a filter for more`)
  .optional()
  .describe(`Up to ${BULK_MAX_REFS} contact refs ("id:…", "phone:…", "email:…", "external:…"). Refs that name no contact are reported, not fatal.`)
  .meta({ examples: [['id:ct_3k9x0a1b2c3d4e5f6g7h', 'phone:+447400123456']] });

const RefResult = z.object({
  ref: z.string().describe('The ref as given.'),
  status: z.enum(['changed', 'unchanged', 'deleted', 'not_found', 'error']).describe('What happened to the contact the ref names.'),
  contactId: z.string().optional().describe('The id of the contact the ref names.'),
  error: ItemErrorSchema.optional(),
});

const BulkTagsBody = z
  .strictObject({
    action: z.enum(['add', 'remove']).describe('"add" creates missing catalogue tags; "remove" keeps the catalogue as it is.'),
    tags: z.array(z.unknown()).describe(`1 to ${BULK_MAX_TAGS} tag names.`).meta({ examples: [['VIP', 'newsletter']] }),
    refs: Refs,
    ...SelectionFields,
  })
  .describe('Tags to add or remove, and the contacts: refs, or a filter / segmentId / text.');

const BulkTagsAnswer = z
  .object({
    matched: z.int().describe('Contacts selected.'),
    changed: z.int().describe('Contacts whose tags changed (one contact.tagged / contact.untagged event each).'),
    skipped: z.int().describe('Contacts left alone because they would have more than 200 tags.'),
    results: z.array(RefResult).optional().describe('With refs: one result per ref, in order.'),
  })
  .describe('What the bulk tagging did.');

const BulkDeleteBody = z
  .strictObject({
    refs: Refs,
    ...SelectionFields,
    confirm: z.boolean().optional().describe('Must be true to delete by filter, segment or text (a safety net).'),
  })
  .describe('The contacts to delete: refs, or a filter / segmentId / text with confirm: true.');

const BulkDeleteAnswer = z
  .object({
    deleted: z.int().describe('Contacts deleted (one contact.deleted event each).'),
    results: z.array(RefResult).optional().describe('With refs: one result per ref, in order.'),
  })
  .describe('What the bulk delete did.');

export function bulkRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/bulk/tags',
      operationId: 'bulkTagContacts',
      summary: 'Add or remove tags on many contacts',
      description:
        'Works in chunks of 500 contacts, each chunk in its own transaction. Emits contact.tagged / contact.untagged for each contact whose tags changed, with the names added / removed.',
      tag: 'Contacts',
      body: BulkTagsBody,
      success: { status: 200, description: 'Counts, and per-ref results when refs were given', schema: BulkTagsAnswer },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.tag');
        return { body: await bulkTags(hub, auth, body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/bulk/delete',
      operationId: 'bulkDeleteContacts',
      summary: 'Delete many contacts (owner, manager)',
      description:
        'Cannot be undone: messages, channel identities and tags go with each contact. By filter, segment or text it needs "confirm": true (without it the 400 says how many contacts would go). Emits contact.deleted with each contact as it was.',
      tag: 'Contacts',
      body: BulkDeleteBody,
      success: { status: 200, description: 'How many contacts were deleted', schema: BulkDeleteAnswer },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.delete');
        return { body: await bulkDelete(hub, auth, body) };
      },
    }),
  ];
}
