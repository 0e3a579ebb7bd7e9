import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import { listAnswer } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { createSegment, deleteSegment, getSegment, listSegments, patchSegment, SEGMENT_NAME_MAX_LENGTH } from '../services/segment-service';
import { FilterBodySchema } from './search.routes';

const SegmentSchema = z
  .object({
    id: z.string().describe('Segment id.').meta({ examples: ['seg_0k2j4h6g8f0d2s4a6p8o'] }),
    name: z.string().describe('Name, unique in the workspace case-insensitively.'),
    filter: z.unknown().describe('The filter, normalised (each condition carries the value type of its field).'),
    createdAt: z.string().describe('When the segment was created (ISO 8601, UTC).'),
    updatedAt: z.string().describe('When the segment last changed (ISO 8601, UTC).'),
    count: z.int().optional().describe('Contacts in the segment now (blocked ones left out unless the filter mentions "blocked").'),
  })
  .describe('A saved segment: a named filter.');

const Name = z.string().max(SEGMENT_NAME_MAX_LENGTH * 4).describe(`Name, 1–${SEGMENT_NAME_MAX_LENGTH} characters, unique case-insensitively.`);

const SegmentParams = z.object({ segmentId: z.string().min(1).max(200).describe('Segment id.') });

const ListQuery = z.strictObject({
  withCounts: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also count the contacts of each segment ("true"/"false", default false).'),
  cursor: z.string().max(1000).optional().describe('The nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Page size, 1 to 500 (default 100).'),
});

export function segmentRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/segments',
      operationId: 'listSegments',
      summary: 'List saved segments',
      tag: 'Segments',
      query: ListQuery,
      success: { status: 200, description: 'Segments ordered by name', schema: listAnswer(SegmentSchema, 'A page of segments.') },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'segments.read');
        return { body: await listSegments(hub, auth, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/segments',
      operationId: 'createSegment',
      summary: 'Save a filter as a segment',
      description: 'The filter is validated against the workspace custom fields (400 naming filter.…); a taken name is a 409.',
      tag: 'Segments',
      body: z.strictObject({ name: Name, filter: FilterBodySchema }).describe('The segment to create.'),
      success: { status: 201, description: 'The created segment, with its count', schema: SegmentSchema },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'segments.create');
        return { status: 201, body: await createSegment(hub, auth, body) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/segments/:segmentId',
      operationId: 'getSegment',
      summary: 'Get a segment with its contact count',
      tag: 'Segments',
      params: SegmentParams,
      success: { status: 200, description: 'The segment', schema: SegmentSchema },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'segments.read');
        return { body: await getSegment(hub, auth, params.segmentId) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/v1/segments/:segmentId',
      operationId: 'updateSegment',
      summary: 'Rename a segment or change its filter (owner, manager)',
      tag: 'Segments',
      params: SegmentParams,
      body: z.strictObject({ name: Name.optional(), filter: FilterBodySchema.optional() }).describe('What to change.'),
      success: { status: 200, description: 'The segment after the change', schema: SegmentSchema },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'segments.update');
        return { body: await patchSegment(hub, auth, params.segmentId, body) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/segments/:segmentId',
      operationId: 'deleteSegment',
      summary: 'Delete a segment (owner, manager)',
      description: 'The contacts are not touched.',
      tag: 'Segments',
      params: SegmentParams,
      success: {
        status: 200,
        description: 'Deleted',
        schema: z.object({ deleted: z.literal(true), id: z.string().describe('Id of the deleted segment.') }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'segments.delete');
        await deleteSegment(hub, auth, params.segmentId);
        return { body: { deleted: true, id: params.segmentId } };
      },
    }),
  ];
}
