import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import { listAnswer } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { createTag, deleteTag, listTags, renameTag } from '../services/tag-service';

const Tag = z
  .object({
    id: z.string().describe('Tag id.').meta({ examples: ['tag_0a1b2c3d4e5f6g7h8i9j'] }),
    name: z.string().describe('Tag name as spelled in the catalogue.').meta({ examples: ['VIP'] }),
    contactCount: z.number().int().describe('How many contacts carry the tag.'),
    createdAt: z.string().describe('When the tag was created (ISO 8601, UTC).'),
  })
  .describe('A catalogue tag.');

const TagParams = z.object({ tagId: z.string().min(1).max(100).describe('Tag id (from GET /v1/tags).') });

const TagNameBody = z
  .strictObject({
    name: z.string().describe('Tag name: trimmed, 1–64 characters, unique case-insensitively.').meta({ examples: ['VIP'] }),
  })
  .describe('A tag name.');

const ListQuery = z.object({
  search: z.string().max(64).optional().describe('Only tags whose name contains this text (case-insensitively).'),
  cursor: z.string().max(400).optional().describe('nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Page size, 1–500 (default 100).'),
});

export function tagRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/tags',
      operationId: 'listTags',
      summary: 'List catalogue tags with contact counts',
      tag: 'Tags',
      query: ListQuery,
      success: { status: 200, description: 'Tags ordered by name (case-insensitively)', schema: listAnswer(Tag, 'A page of tags.') },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'tags.read');
        return { body: await listTags(hub, auth, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/tags',
      operationId: 'createTag',
      summary: 'Create a catalogue tag',
      description: '409 when a tag of that name exists (compared case-insensitively).',
      tag: 'Tags',
      body: TagNameBody,
      success: { status: 201, description: 'The created tag', schema: Tag },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'tags.create');
        return { status: 201, body: await createTag(hub, auth, body.name) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/v1/tags/:tagId',
      operationId: 'renameTag',
      summary: 'Rename a catalogue tag (owner, manager)',
      description: 'Contacts keep the tag under its new name (no contact events). 409 when another tag has the name.',
      tag: 'Tags',
      params: TagParams,
      body: TagNameBody,
      success: { status: 200, description: 'The renamed tag', schema: Tag },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'tags.rename');
        return { body: await renameTag(hub, auth, params.tagId, body.name) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/tags/:tagId',
      operationId: 'deleteTag',
      summary: 'Delete a catalogue tag and remove it from every contact (owner, manager)',
      description: 'Emits contact.untagged for each contact that had the tag.',
      tag: 'Tags',
      params: TagParams,
      success: {
        status: 200,
        description: 'Deleted',
        schema: z.object({
          deleted: z.literal(true),
          id: z.string(),
          name: z.string(),
          untaggedContacts: z.number().int().describe('How many contacts lost the tag.'),
        }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'tags.delete');
        return { body: await deleteTag(hub, auth, params.tagId) };
      },
    }),
  ];
}
