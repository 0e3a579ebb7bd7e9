import { z } from 'zod/v4';
import { MAX_TAGS_PER_CONTACT } from '../../domain/contact-input';
import { requireRole } from '../../domain/roles';
import { ContactRefParams, ContactSchema } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { tagContact, untagContact } from '../services/tag-service';

const TagsBody = z
  .strictObject({
    tags: z
      .array(z.string())
      .min(1, 'give at least one tag')
      .max(MAX_TAGS_PER_CONTACT)
      .describe('Tag names (trimmed, 1–64 characters, compared case-insensitively).')
      .meta({ examples: [['VIP', 'newsletter']] }),
  })
  .describe('Tags to add or remove.');

export function contactTagRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/:ref/tags',
      operationId: 'tagContact',
      summary: 'Add tags to a contact',
      description:
        'Tags missing from the catalogue are created. Emits contact.tagged with the names actually added (none when the contact had them all).',
      tag: 'Contacts',
      params: ContactRefParams,
      body: TagsBody,
      success: { status: 200, description: 'The contact after the change', schema: ContactSchema },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'contacts.tag');
        return { body: await tagContact(hub, auth, params.ref, body.tags) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/contacts/:ref/tags',
      operationId: 'untagContact',
      summary: 'Remove tags from a contact',
      description:
        'The body names the tags. The catalogue keeps them; names the contact does not have are ignored. Emits contact.untagged with the names actually removed.',
      tag: 'Contacts',
      params: ContactRefParams,
      body: TagsBody,
      success: { status: 200, description: 'The contact after the change', schema: ContactSchema },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'contacts.tag');
        return { body: await untagContact(hub, auth, params.ref, body.tags) };
      },
    }),
  ];
}
