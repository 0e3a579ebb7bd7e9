import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import { ContactSchema, listAnswer } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import {
  countContacts,
  MAX_SEARCH_TEXT_LENGTH,
  SEARCH_SORT_FIELDS,
  searchContacts,
  type SearchSort,
} from '../services/contact-query-service';

/** A filter tree; the domain validates it and names the exact path of each problem (`filter.and[1].value`). */
export const FilterBodySchema = z
  .unknown()
  .describe(
    'A filter tree: { "and": [...] }, { "or": [...] }, { "not": {...} } or a condition { "field", "operator", "value" }. ' +
      'Fields: every standard field, customFields.<key>, tags, channels, timeSinceLastIncoming, blocked, … ' +
      'Operators by type: is, isNot, contains, notContains, startsWith, in, notIn, exists, notExists, gt, gte, lt, lte, between, ' +
      'withinLast / moreThan (durations such as 7d, 12h), hasAny / hasAll / hasNone (tags, channels).',
  )
  .meta({
    examples: [
      {
        and: [
          { field: 'tags', operator: 'hasAny', value: ['VIP'] },
          { field: 'lastInteractionAt', operator: 'withinLast', value: '30d' },
        ],
      },
    ],
  });

/** The fields every route that works on a selection of contacts accepts. */
export const SelectionFields = {
  filter: FilterBodySchema.optional(),
  segmentId: z.string().min(1).max(200).optional().describe('Id of a saved segment; with a filter too, both apply.'),
  text: z
    .string()
    .max(MAX_SEARCH_TEXT_LENGTH)
    .optional()
    .describe(
      'Free text: each word must occur (case-insensitively) in the name, phone, e-mail, external code, a tag, a custom field value or a channel address. Phone-like text also matches by digits.',
    ),
  includeBlocked: z
    .boolean()
    .optional()
    .describe('Include blocked contacts (left out by default unless the filter mentions "blocked").'),
};

const SortSchema = z
  .strictObject({
    by: z.enum(SEARCH_SORT_FIELDS).describe('Sort field; "name" is the display name, compared case-insensitively.'),
    direction: z.enum(['asc', 'desc']).optional().describe('Default: asc for name, desc for dates. Nulls sort last either way.'),
  })
  .transform((s): SearchSort => ({ by: s.by, direction: s.direction ?? (s.by === 'name' ? 'asc' : 'desc') }))
  .describe('Result order (default: createdAt, newest first).');

const SearchBody = z
  .strictObject({
    ...SelectionFields,
    sort: SortSchema.optional(),
    cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page of the same search.'),
    limit: z.int().min(1).max(500).default(50).describe('Page size, 1 to 500 (default 50).'),
  })
  .describe('What to search for and how to page through it.');

const CountBody = z.strictObject(SelectionFields).describe('The contacts to count.');

export function searchRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/search',
      operationId: 'searchContacts',
      summary: 'Search contacts by filter, segment and text',
      description:
        'Keyset-paginated: pass nextCursor as "cursor" with the same query to get the next page. Blocked contacts are left out unless includeBlocked is true or the filter mentions "blocked".',
      tag: 'Contacts',
      body: SearchBody,
      idempotent: false,
      success: { status: 200, description: 'One page of contacts', schema: listAnswer(ContactSchema, 'A page of contacts.') },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.read');
        return { body: await searchContacts(hub.db, auth, body, hub.now()) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/count',
      operationId: 'countContacts',
      summary: 'Count the contacts of a filter, segment or text',
      tag: 'Contacts',
      body: CountBody,
      idempotent: false,
      success: {
        status: 200,
        description: 'The number of matching contacts',
        schema: z.object({ count: z.int().describe('How many contacts match.') }),
      },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'contacts.read');
        return { body: { count: await countContacts(hub.db, auth, body, hub.now()) } };
      },
    }),
  ];
}
