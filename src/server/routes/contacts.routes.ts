import { z } from 'zod/v4';
import { contactCreateSchema, contactPatchSchema } from '../../domain/contact-input';
import { requireRole } from '../../domain/roles';
import { ContactRefParams, ContactSchema, ItemErrorSchema, UpsertAnswerSchema } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { createContact, deleteContact, getContact, patchContact } from '../services/contact-service';
import { BULK_MODES, BULK_UPSERT_MAX, bulkUpsert, DEFAULT_MATCH_BY, MATCH_KEYS, upsertContact } from '../services/upsert-service';

const MatchBy = z
  .array(z.enum(MATCH_KEYS))
  .min(1, 'give at least one match field')
  .max(MATCH_KEYS.length)
  .refine((list) => new Set(list).size === list.length, 'each match field may appear once')
  .optional()
  .describe(
    `Match order: the first field that has a value in the contact and finds an existing contact wins. Default ${JSON.stringify(DEFAULT_MATCH_BY)}. "id" also finds contacts merged away (their survivor).`,
  )
  .meta({ examples: [['externalCode', 'phone', 'email']] });

const TagMode = z
  .enum(['replace', 'add'])
  .optional()
  .describe('On update: "replace" (default, as PATCH) makes the given tags the contact\'s set; "add" only adds them.');

const UpsertBody = z
  .strictObject({
    matchBy: MatchBy,
    tagMode: TagMode,
    contact: contactCreateSchema,
  })
  .describe('A contact to create, or to apply to the existing contact it matches.');

const BulkItem = z
  .union([contactCreateSchema, z.unknown()])
  .describe('A contact, fields as in POST /v1/contacts. Each item is validated on its own: a bad item gets its error in the results.');

const BulkMode = z
  .enum(BULK_MODES)
  .optional()
  .describe(
    '"upsert" (default): each item creates a contact or updates the one it matches by "matchBy". "create": each item is created as by POST /v1/contacts, "matchBy" and "tagMode" do not apply, and an item whose id, phone, e-mail or external code another contact holds fails with a 409 naming the field.',
  );

const BulkUpsertBody = z
  .strictObject({
    mode: BulkMode,
    matchBy: MatchBy,
    tagMode: TagMode,
    contacts: z.array(BulkItem).min(1, 'give at least one contact').max(BULK_UPSERT_MAX).describe(`1 to ${BULK_UPSERT_MAX} contacts.`),
  })
  .describe('Contacts to upsert, each on its own.');

const BulkUpsertAnswer = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int().describe('Position of the item in "contacts".'),
        status: z.enum(['created', 'updated', 'error']),
        contact: ContactSchema.optional().describe('The contact after the upsert (created or updated).'),
        error: ItemErrorSchema.optional().describe('Why the item failed; paths are relative to the item.'),
      }),
    ),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), failed: z.number().int() }),
  })
  .describe('One result per item, in order, and the totals.');

const DeleteAnswer = z
  .object({ deleted: z.literal(true), id: z.string().describe('Id of the deleted contact.') })
  .describe('The contact, its messages, channel identities and tags are gone.');

export function contactRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts',
      operationId: 'createContact',
      summary: 'Create a contact',
      description:
        'The fields of the contact flat in the body. A national phone number is read with "country", else the workspace default country. 409 names the field when another contact has the phone, e-mail, external code or id. Emits contact.created.',
      tag: 'Contacts',
      body: contactCreateSchema,
      success: { status: 201, description: 'The created contact', schema: ContactSchema },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.create');
        return { status: 201, body: await createContact(hub, auth, body) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/upsert',
      operationId: 'upsertContact',
      summary: 'Create a contact or update the one it matches',
      description:
        'Matches by "matchBy" (first field with a value that finds a contact wins). Found: the contact is patched (absent fields untouched, null clears) and the answer is 200 with created=false. Not found: created, 201 with created=true. Concurrent upserts of one identity give one contact. Error paths start with "contact.".',
      tag: 'Contacts',
      body: UpsertBody,
      success: { status: 200, description: 'Updated (200) or created (201)', schema: UpsertAnswerSchema },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.create');
        requireRole(auth.role, 'contacts.update');
        const r = await upsertContact(hub, auth, body.contact, {
          matchBy: body.matchBy ?? DEFAULT_MATCH_BY,
          tagMode: body.tagMode ?? 'replace',
        });
        return { status: r.created ? 201 : 200, body: { created: r.created, contact: r.contact } };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/bulk/upsert',
      operationId: 'bulkUpsertContacts',
      summary: 'Upsert (or only create) up to 1000 contacts, each on its own',
      description:
        'Each item is upserted as in POST /v1/contacts/upsert, in its own transaction: good items are kept, bad items get their error (paths relative to the item). The answer is 200 whenever the request itself is valid; look at each result and at the summary.',
      tag: 'Contacts',
      body: BulkUpsertBody,
      success: { status: 200, description: 'Per-item results', schema: BulkUpsertAnswer },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.create');
        requireRole(auth.role, 'contacts.update');
        return {
          body: await bulkUpsert(hub, auth, body.contacts, {
            matchBy: body.matchBy ?? DEFAULT_MATCH_BY,
            tagMode: body.tagMode ?? 'replace',
            mode: body.mode ?? 'upsert',
          }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/contacts/:ref',
      operationId: 'getContact',
      summary: 'Get a contact by ref',
      tag: 'Contacts',
      params: ContactRefParams,
      success: { status: 200, description: 'The contact', schema: ContactSchema },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.read');
        return { body: await getContact(hub, auth, params.ref) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/v1/contacts/:ref',
      operationId: 'updateContact',
      summary: 'Change a contact',
      description:
        'Absent fields are left untouched; null (or "" for text) clears a field; custom fields given are set (null clears one), others kept; "tags" replaces the set. Emits contact.updated listing the changed fields (nothing when nothing changed), and contact.untagged / contact.tagged for the tags removed / added.',
      tag: 'Contacts',
      params: ContactRefParams,
      body: contactPatchSchema,
      success: { status: 200, description: 'The contact after the change', schema: ContactSchema },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'contacts.update');
        return { body: await patchContact(hub, auth, params.ref, body) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/contacts/:ref',
      operationId: 'deleteContact',
      summary: 'Delete a contact and its messages (owner, manager)',
      description: 'Cannot be undone. Emits contact.deleted with the contact as it was.',
      tag: 'Contacts',
      params: ContactRefParams,
      success: { status: 200, description: 'Deleted', schema: DeleteAnswer },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.delete');
        const contact = await deleteContact(hub, auth, params.ref);
        return { body: { deleted: true, id: contact.id } };
      },
    }),
  ];
}
