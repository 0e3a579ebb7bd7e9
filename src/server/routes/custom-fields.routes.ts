import { z } from 'zod/v4';
import { CUSTOM_FIELD_TYPES } from '../../domain/custom-field';
import { customFieldDefinitionSchema } from '../../domain/custom-field-definition';
import { requireRole } from '../../domain/roles';
import { listAnswer } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { createCustomField, listCustomFields } from '../services/custom-field-service';

const CustomField = z
  .object({
    key: z.string().describe('Key used in payloads ("customFields": {"<key>": …}) and filters ("customFields.<key>").'),
    label: z.string().describe('Label shown to people.'),
    type: z.enum(CUSTOM_FIELD_TYPES).describe('Value type.'),
    options: z.array(z.string()).nullable().describe('Allowed values of a "list" field; null for other types.'),
    createdAt: z.string().describe('When the field was defined (ISO 8601, UTC).'),
  })
  .describe('A custom field definition.');

const ListQuery = z.object({
  cursor: z.string().max(400).optional().describe('nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Page size, 1–500 (default 100).'),
});

export function customFieldRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/custom-fields',
      operationId: 'listCustomFields',
      summary: 'List the custom field definitions',
      tag: 'Custom fields',
      query: ListQuery,
      success: { status: 200, description: 'Definitions ordered by key', schema: listAnswer(CustomField, 'A page of custom fields.') },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'customFields.read');
        return { body: await listCustomFields(hub, auth, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/custom-fields',
      operationId: 'createCustomField',
      summary: 'Define a custom field (owner, manager)',
      description:
        '409 when the key exists. A key may equal a standard field name: custom values always live under "customFields".',
      tag: 'Custom fields',
      body: customFieldDefinitionSchema,
      success: { status: 201, description: 'The definition', schema: CustomField },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'customFields.create');
        return { status: 201, body: await createCustomField(hub, auth, body) };
      },
    }),
  ];
}
