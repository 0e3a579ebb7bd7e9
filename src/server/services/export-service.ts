/**
 * CSV export of a selection, written by the database itself: `COPY (select …) TO … (FORMAT csv)`
 * with every cell computed in SQL, so both stores write the same bytes.
 *
 * - PostgreSQL streams one COPY per range of the sort (see `keysetRanges`), in index order, as
 *   the client reads it: memory stays flat and the rate is the database's own.
 * - The embedded store (one statement at a time for the whole process) copies chunks of
 *   {@link EXPORT_CHUNK} contacts found by keyset, yielding between chunks, so a concurrent
 *   request waits at most one chunk.
 */
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import { CONTACT_COLUMNS, type ContactColumn } from '../../domain/contact-columns';
import { CUSTOM_FIELD_PREFIX } from '../../domain/custom-field';
import { fieldError } from '../../domain/errors';
import type { Database, Queryable } from '../db/database';
import { inlineParams } from '../filter-sql/inline-params';
import { SqlParams } from '../filter-sql';
import type { AuthContext } from '../http/auth-context';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { tagNamesSql } from '../repos/contact-repo';
import {
  keysetOrder,
  keysetRanges,
  readKeysetRange,
  resolveSelection,
  type KeysetPosition,
  type ResolvedSelection,
  type SearchSort,
  type SelectionInput,
} from './contact-query-service';

/** Contacts per COPY on the embedded store. */
export const EXPORT_CHUNK = 1000;

/** Separator of several values in one cell (tags, channels). Import splits tags on `;`. */
export const LIST_SEPARATOR = '; ';

/** Default order of an export: oldest first. */
export const DEFAULT_EXPORT_SORT: SearchSort = { by: 'createdAt', direction: 'asc' };

/** An instant as the API writes it (`2024-05-01T10:00:00.000Z`). */
function isoSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The SQL of each standard column's cell (text; null or '' is an empty cell). */
const STANDARD_CELLS: Readonly<Record<ContactColumn, string>> = {
  name: 'c.display_name',
  id: 'c.id',
  externalCode: 'c.external_code',
  firstName: 'c.first_name',
  lastName: 'c.last_name',
  email: 'c.email',
  phone: 'c.phone',
  country: 'c.country',
  language: 'c.language',
  profilePic: 'c.profile_pic',
  assignee: 'c.assignee',
  conversationStatus: 'c.conversation_status',
  conversationOpenedAt: isoSql('c.conversation_opened_at'),
  blocked: 'c.blocked::text',
  blockedAt: isoSql('c.blocked_at'),
  proactive: 'c.proactive::text',
  reactive: 'c.reactive::text',
  tags: `array_to_string(${tagNamesSql('c')}, '${LIST_SEPARATOR}')`,
  channels: `(select string_agg(ci.channel_id || ':' || ci.address, '${LIST_SEPARATOR}' order by ci.connected_at, ci.id)
                from channel_identities ci where ci.workspace_id = c.workspace_id and ci.contact_id = c.id)`,
  createdAt: isoSql('c.created_at'),
  updatedAt: isoSql('c.updated_at'),
  lastInteractionAt: isoSql('c.last_interaction_at'),
  lastIncomingAt: isoSql('c.last_incoming_at'),
  lastInteractedChannelId: 'c.last_interacted_channel_id',
};

export interface ExportInput extends SelectionInput {
  columns?: readonly string[];
  sort?: SearchSort;
}

export interface PreparedExport {
  columns: string[];
  /** The CSV: a header row, then one row per contact, produced as the stream is read. */
  stream: Readable;
}

/** Every column the workspace can export: the standard ones, then `customFields.<key>` of each custom field. */
export async function exportableColumns(db: Queryable, workspaceId: string): Promise<string[]> {
  const defs = await listCustomFieldDefinitions(db, workspaceId);
  return [...CONTACT_COLUMNS, ...defs.map((d) => `${CUSTOM_FIELD_PREFIX}${d.key}`)];
}

/** The columns to write: the request's (checked, deduplicated) or every one; `name` always, always first. */
export function chooseColumns(requested: readonly string[] | undefined, valid: readonly string[]): string[] {
  if (requested === undefined || requested.length === 0) return [...valid];
  const unknown = requested.findIndex((c) => !valid.includes(c));
  if (unknown !== -1) {
    throw fieldError(`columns[${unknown}]`, `unknown column "${requested[unknown]}"; valid columns: ${valid.join(', ')}`);
  }
  return ['name', ...new Set(requested.filter((c) => c !== 'name'))];
}

/** The cells of a row as a SQL select list; empty values become null, which COPY writes as an empty cell. */
function cellsSql(columns: readonly string[], p: SqlParams): string {
  return columns
    .map((column) => {
      const sql = (CONTACT_COLUMNS as readonly string[]).includes(column)
        ? STANDARD_CELLS[column as ContactColumn]
        : `c.custom_fields ->> ${p.add(column.slice(CUSTOM_FIELD_PREFIX.length))}`;
      return `nullif(${sql}, '')`;
    })
    .join(', ');
}

/**
 * The selects whose COPY, one after the other, is the whole export (one per range of the sort),
 * parameters written in.
 */
export function exportSelects(selection: ResolvedSelection, sort: SearchSort, columns: readonly string[]): string[] {
  return keysetRanges(sort).map((range) => {
    const p = new SqlParams(selection.params.values.length);
    const select = `select ${cellsSql(columns, p)} from contacts c
                     where ${selection.where}${range.extra ? ` and ${range.extra}` : ''}
                     order by ${keysetOrder(sort, range)}`;
    return inlineParams(select, [...selection.params.values, ...p.values]);
  });
}

/** PostgreSQL: one COPY per range of the sort, streamed. */
async function* copyWhole(db: Database, selection: ResolvedSelection, sort: SearchSort, columns: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const select of exportSelects(selection, sort, columns)) yield* db.copyOut(select);
}

/** The embedded store: chunks found by keyset, each copied on its own, with a turn of the event loop between. */
async function* copyInChunks(db: Database, selection: ResolvedSelection, sort: SearchSort, columns: readonly string[], workspaceId: string): AsyncGenerator<Uint8Array> {
  for (const range of keysetRanges(sort)) {
    let after: KeysetPosition | null = null;
    for (;;) {
      const ids: { id: string; cursor_value: string | null }[] = await readKeysetRange<{ id: string; cursor_value: string | null }>(db, selection, sort, range, after, EXPORT_CHUNK, 'c.id');
      const last: { id: string; cursor_value: string | null } | undefined = ids[ids.length - 1];
      if (!last) break;
      const p = new SqlParams();
      const select = `select ${cellsSql(columns, p)} from contacts c
                       where c.workspace_id = ${p.add(workspaceId)} and c.id = any(${p.add(ids.map((r) => r.id))}::text[])
                       order by ${keysetOrder(sort, range)}`;
      yield* db.copyOut(inlineParams(select, p.values));
      if (ids.length < EXPORT_CHUNK) break;
      after = { value: last.cursor_value, id: last.id };
      await nextTurn();
    }
  }
}

/**
 * Checks the request (columns, filter, segment) before anything is sent, then returns the CSV
 * as a stream that the database fills while it is consumed. A segment's filter is taken once.
 */
export async function prepareExport(db: Database, auth: AuthContext, input: ExportInput, now: Date): Promise<PreparedExport> {
  const columns = chooseColumns(input.columns, await exportableColumns(db, auth.workspaceId));
  const selection = await resolveSelection(db, auth, input, { now });
  const sort = input.sort ?? DEFAULT_EXPORT_SORT;
  const body = db.kind === 'postgres' ? copyWhole(db, selection, sort, columns) : copyInChunks(db, selection, sort, columns, auth.workspaceId);
  async function* csv(): AsyncGenerator<Uint8Array | string> {
    yield stringify([columns]);
    yield* body;
  }
  return { columns, stream: Readable.from(csv()) };
}
