import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import { ItemErrorSchema } from '../http/contact-schemas';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Hub } from '../hub';
import { SEARCH_SORT_FIELDS, type SearchSort } from '../services/contact-query-service';
import { prepareExport } from '../services/export-service';
import { IMPORT_COLUMNS } from '../../domain/contact-columns';
import { IMPORT_TAG_SEPARATOR, importContacts, MAX_IMPORT_ROWS } from '../services/import-service';
import { DEFAULT_MATCH_BY, MATCH_KEYS, type MatchKey } from '../services/upsert-service';
import { SelectionFields } from './search.routes';

const ExportBody = z
  .strictObject({
    ...SelectionFields,
    columns: z
      .array(z.string().max(200))
      .max(500)
      .optional()
      .describe(
        'Columns in order: standard fields (id, externalCode, firstName, lastName, email, phone, country, language, profilePic, assignee, conversationStatus, conversationOpenedAt, blocked, blockedAt, proactive, reactive, tags, channels, createdAt, updatedAt, lastInteractionAt, lastIncomingAt, lastInteractedChannelId) and customFields.<key>. "name" (the display name) is always included. Default: every column.',
      )
      .meta({ examples: [['name', 'phone', 'email', 'tags', 'customFields.plan']] }),
    sort: z
      .strictObject({ by: z.enum(SEARCH_SORT_FIELDS), direction: z.enum(['asc', 'desc']).optional() })
      .transform((s): SearchSort => ({ by: s.by, direction: s.direction ?? 'asc' }))
      .optional()
      .describe('Row order (default: createdAt, oldest first).'),
  })
  .describe('The contacts to export (filter, segment, text; none = every contact) and the columns.');

const MatchByQuery = z
  .string()
  .optional()
  .transform((v, ctx): MatchKey[] => {
    if (v === undefined || v.trim() === '') return [...DEFAULT_MATCH_BY];
    const keys = v.split(',').map((s) => s.trim());
    const bad = keys.filter((k) => !(MATCH_KEYS as readonly string[]).includes(k));
    if (bad.length > 0 || new Set(keys).size !== keys.length) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: bad.length > 0 ? `unknown match key "${bad[0]}"; use a comma-separated list of ${MATCH_KEYS.join(', ')}` : 'each match key may appear once',
      });
      return z.NEVER;
    }
    return keys as MatchKey[];
  })
  .describe(`Comma-separated match order among ${MATCH_KEYS.join(', ')} (default ${DEFAULT_MATCH_BY.join(',')}).`);

const ImportQuery = z.strictObject({
  matchBy: MatchByQuery,
  defaultCountry: z.string().max(10).optional().describe('Country for national phone numbers (default: the workspace default country).'),
  tagMode: z
    .enum(['add', 'replace'])
    .default('add')
    .describe('"add" (default): the tags of a row are added to an existing contact; "replace": they become its set.'),
});

const ImportAnswer = z
  .object({
    summary: z.object({
      created: z.int(),
      updated: z.int(),
      unchanged: z.int().describe('Rows that matched a contact and changed nothing.'),
      failed: z.int(),
    }),
    ignoredColumns: z.array(z.string()).describe('Columns skipped because an import cannot set them (e.g. name, createdAt from an export).'),
    rows: z.array(
      z.object({
        line: z.int().describe('Line of the CSV where the row starts; the header is line 1.'),
        status: z.enum(['created', 'updated', 'unchanged', 'failed']),
        contactId: z.string().optional(),
        error: ItemErrorSchema.optional().describe('Why the row failed; paths name the column.'),
      }),
    ),
  })
  .describe('One result per data row, in order, and the totals.');

export function importExportRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/export',
      operationId: 'exportContacts',
      summary: 'Export contacts to CSV (owner, manager)',
      description:
        'Streams text/csv: a header row of the column names, then one row per contact, read page by page. Tags and channels (channelId:address) are separated by "; ". Unknown columns are a 400 listing the valid ones.',
      tag: 'Import and export',
      body: ExportBody,
      idempotent: false,
      success: { status: 200, description: 'The CSV', contentType: 'text/csv', schema: z.string().describe('CSV text.') },
      handler: async ({ auth, body, reply }) => {
        requireRole(auth.role, 'contacts.export');
        const { stream } = await prepareExport(hub.db, auth, body, hub.now());
        reply
          .code(200)
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="contacts.csv"');
        void reply.send(stream);
        return null;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/import',
      operationId: 'importContacts',
      summary: 'Import contacts from CSV',
      description: `Send the CSV as the body with Content-Type: text/csv. The first line names the columns: ${IMPORT_COLUMNS.join(', ')}, customFields.<key> (columns of an export that cannot be set, such as name or createdAt, are skipped). Tags are separated by "${IMPORT_TAG_SEPARATOR}". Empty cells leave a value as it is. Each row creates a contact or updates the one it matches (matchBy), in its own transaction: bad rows are reported with their line, good rows are kept. At most ${MAX_IMPORT_ROWS} rows.`,
      tag: 'Import and export',
      csvBody: true,
      query: ImportQuery,
      success: { status: 200, description: 'Per-row results', schema: ImportAnswer },
      handler: async ({ auth, body, query }) => {
        requireRole(auth.role, 'contacts.import');
        return {
          body: await importContacts(hub, auth, body, {
            matchBy: query.matchBy,
            defaultCountry: query.defaultCountry,
            tagMode: query.tagMode,
          }),
        };
      },
    }),
  ];
}
