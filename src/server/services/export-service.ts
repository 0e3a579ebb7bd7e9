/**
 * CSV export of a selection: pages of {@link EXPORT_PAGE} contacts are read by keyset (the
 * search's own pagination) and written out as they come, so nothing holds the workspace in memory.
 */
import { CONTACT_COLUMNS, type ContactColumn } from '../../domain/contact-columns';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Contact } from '../../domain/contact';
import { CUSTOM_FIELD_PREFIX } from '../../domain/custom-field';
import { fieldError } from '../../domain/errors';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { resolveSelection, searchContacts, type SearchSort, type SelectionInput } from './contact-query-service';

/** Contacts read per page. */
export const EXPORT_PAGE = 500;

/** Separator of several values in one cell (tags, channels). Import splits tags on `;`. */
export const LIST_SEPARATOR = '; ';

type Cell = (c: Contact, identities: readonly { channelId: string; address: string }[]) => string;

const text = (v: string | null): string => v ?? '';

/** Standard columns, in their default order. `name` is the display name and is always exported. */
export const STANDARD_EXPORT_COLUMNS: Readonly<Record<ContactColumn, Cell>> = {
  name: (c) => c.displayName,
  id: (c) => c.id,
  externalCode: (c) => text(c.externalCode),
  firstName: (c) => text(c.firstName),
  lastName: (c) => text(c.lastName),
  email: (c) => text(c.email),
  phone: (c) => text(c.phone),
  country: (c) => text(c.country),
  language: (c) => text(c.language),
  profilePic: (c) => text(c.profilePic),
  assignee: (c) => text(c.assignee),
  conversationStatus: (c) => c.conversationStatus,
  conversationOpenedAt: (c) => text(c.conversationOpenedAt),
  blocked: (c) => String(c.blocked),
  blockedAt: (c) => text(c.blockedAt),
  proactive: (c) => String(c.proactive),
  reactive: (c) => String(c.reactive),
  tags: (c) => c.tags.join(LIST_SEPARATOR),
  channels: (_c, identities) => identities.map((i) => `${i.channelId}:${i.address}`).join(LIST_SEPARATOR),
  createdAt: (c) => c.createdAt,
  updatedAt: (c) => c.updatedAt,
  lastInteractionAt: (c) => text(c.lastInteractionAt),
  lastIncomingAt: (c) => text(c.lastIncomingAt),
  lastInteractedChannelId: (c) => text(c.lastInteractedChannelId),
};

export interface ExportInput extends SelectionInput {
  columns?: readonly string[];
  sort?: SearchSort;
}

export interface PreparedExport {
  columns: string[];
  /** The CSV: a header row, then one row per contact, produced page by page as the stream is read. */
  stream: Readable;
}

/** Every column the workspace can export: the standard ones, then `customFields.<key>` of each custom field. */
export async function exportableColumns(db: Queryable, workspaceId: string): Promise<string[]> {
  const defs = await listCustomFieldDefinitions(db, workspaceId);
  return [...CONTACT_COLUMNS, ...defs.map((d) => `${CUSTOM_FIELD_PREFIX}${d.key}`)];
}

function cellOf(column: string): Cell {
  if ((CONTACT_COLUMNS as readonly string[]).includes(column)) return STANDARD_EXPORT_COLUMNS[column as ContactColumn];
  const key = column.slice(CUSTOM_FIELD_PREFIX.length);
  return (c) => {
    const v = c.customFields[key];
    return v === null || v === undefined ? '' : String(v);
  };
}

async function identitiesOf(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, { channelId: string; address: string }[]>> {
  const { rows } = await db.query<{ contact_id: string; channel_id: string; address: string }>(
    `select contact_id, channel_id, address from channel_identities
      where workspace_id = $1 and contact_id = any($2::text[]) order by contact_id, connected_at, id`,
    [workspaceId, [...ids]],
  );
  const out = new Map<string, { channelId: string; address: string }[]>();
  for (const r of rows) out.set(r.contact_id, [...(out.get(r.contact_id) ?? []), { channelId: r.channel_id, address: r.address }]);
  return out;
}

/**
 * Checks the request (columns, filter, segment) before anything is sent, then returns the CSV
 * as a stream that reads the contacts page by page while it is consumed.
 */
export async function prepareExport(db: Queryable, auth: AuthContext, input: ExportInput, now: Date): Promise<PreparedExport> {
  const valid = await exportableColumns(db, auth.workspaceId);
  let columns: string[];
  if (input.columns === undefined || input.columns.length === 0) {
    columns = valid;
  } else {
    const unknown = input.columns.map((c, i) => ({ c, i })).filter(({ c }) => !valid.includes(c));
    if (unknown.length > 0) {
      const first = unknown[0] as { c: string; i: number };
      throw fieldError(`columns[${first.i}]`, `unknown column "${first.c}"; valid columns: ${valid.join(', ')}`);
    }
    columns = [...new Set(input.columns)];
    if (!columns.includes('name')) columns.unshift('name');
  }
  // Validates the selection now (400/404 before the stream starts), and takes a segment's
  // filter once: the pages that follow do not depend on the segment still existing.
  const selection = await resolveSelection(db, auth, input, { now });
  const pageInput = { ...input, segmentId: undefined, filter: selection.filter ?? undefined };
  const cells = columns.map(cellOf);
  const needsIdentities = columns.includes('channels');

  async function* rows(): AsyncGenerator<string> {
    yield stringify([columns]);
    let cursor: string | undefined;
    for (;;) {
      const page = await searchContacts(db, auth, { ...pageInput, cursor, limit: EXPORT_PAGE }, now);
      if (page.data.length === 0) return;
      const identities = needsIdentities ? await identitiesOf(db, auth.workspaceId, page.data.map((c) => c.id)) : new Map();
      yield stringify(page.data.map((c) => cells.map((cell) => cell(c, identities.get(c.id) ?? []))));
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }
  return { columns, stream: Readable.from(rows()) };
}
