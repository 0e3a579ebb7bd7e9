/**
 * Resolves a selection of contacts — explicit refs, a filter, a saved segment, free text, with
 * or without blocked contacts — to a SQL condition over `contacts c` bound to the caller's
 * workspace. Search, count, bulk tags, bulk delete and export all select contacts through here,
 * so they agree on what a selection means.
 */
import { createHash } from 'node:crypto';
import type { Contact } from '../../domain/contact';
import { DomainError, fieldError, isDomainError } from '../../domain/errors';
import { asciiFold } from '../../domain/filter/ascii-fold';
import type { Filter } from '../../domain/filter/filter-schema';
import { filterMentionsField, validateFilter } from '../../domain/filter/filter-validation';
import { parseInstant } from '../../domain/filter/temporal-values';
import { normalizePhone } from '../../domain/phone';
import { parseRef } from '../../domain/refs';
import type { Queryable } from '../db/database';
import { compileFilterInto, likePattern, SqlParams } from '../filter-sql';
import type { AuthContext } from '../http/auth-context';
import { toErrorResponse } from '../http/error-response';
import { decodeSearchCursor, encodeSearchCursor } from '../http/cursor';
import { CONTACT_COLUMNS_SQL, findContactId, rowToContact, type ContactRow } from '../repos/contact-repo';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { findSegment } from '../repos/segment-repo';

/** Longest free-text search. */
export const MAX_SEARCH_TEXT_LENGTH = 200;
/** Most whitespace-separated terms of a free-text search (each must match). */
export const MAX_SEARCH_TERMS = 8;

export interface SelectionInput {
  /** Explicit contacts; blocked ones are included (they were named). */
  refs?: readonly string[];
  /** A filter tree (JSON), validated against the workspace's custom fields. */
  filter?: unknown;
  /** A saved segment; with a filter too, both apply. */
  segmentId?: string;
  /** Free text matched against names, phone, e-mail, tags, custom field values and channel addresses. */
  text?: string;
  /** Blocked contacts are left out unless this is true or the filter mentions `blocked`. */
  includeBlocked?: boolean;
}

export interface RefResolution {
  ref: string;
  /** The contact the ref names, or null when it names none (or is not a ref). */
  contactId: string | null;
  error?: { code: string; message: string; details: { path: string; message: string }[] };
}

export interface ResolvedSelection {
  /** Boolean SQL over `contacts c`, starting with the workspace binding (`$1`). */
  where: string;
  /** The statement's parameters so far; add more with `params.add`. */
  params: SqlParams;
  /** With refs: what each ref resolved to, in order. */
  refs: RefResolution[] | null;
  /** The filter that applies (the request's and the segment's, joined by `and`), if any. */
  filter: Filter | null;
  /** A short digest of what the selection means, to bind cursors to their query. */
  digest: string;
}

export interface ResolveOptions {
  now: Date;
  /** Where the request carries the pieces, for error paths. */
  paths?: { filter?: string; segmentId?: string; refs?: string; text?: string };
}

/** Validates a filter against the workspace's custom fields; errors are on `path` (`filter.and[1].value`). */
export async function validateWorkspaceFilter(db: Queryable, workspaceId: string, raw: unknown, path = 'filter'): Promise<Filter> {
  const customFields = await listCustomFieldDefinitions(db, workspaceId);
  return validateFilter(raw, { customFields }, path);
}

/** The filter of a saved segment, validated again against today's custom fields. 404 on `path` when there is none. */
export async function segmentFilter(db: Queryable, workspaceId: string, segmentId: string, path = 'segmentId'): Promise<Filter> {
  const segment = await findSegment(db, workspaceId, segmentId);
  if (!segment) {
    throw new DomainError('not_found', `No segment has the id "${segmentId}"`, [{ path, message: `no segment has the id "${segmentId}"` }]);
  }
  try {
    return await validateWorkspaceFilter(db, workspaceId, segment.filter, 'filter');
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'validation_error') throw e;
    throw new DomainError(
      'rule_refused',
      `The filter of segment "${segment.name}" no longer fits the workspace (${e.message}); change the segment`,
      e.details.map((d) => ({ path, message: `segment filter ${d.path}: ${d.message}` })),
      'segment_filter_invalid',
    );
  }
}

/** Resolves each ref to a contact id; a ref that is not one, or names no contact, is reported, not thrown. */
export async function resolveRefs(db: Queryable, auth: AuthContext, refs: readonly string[], path = 'refs'): Promise<RefResolution[]> {
  const out: RefResolution[] = [];
  for (const [i, ref] of refs.entries()) {
    try {
      const parsed = parseRef(ref, { defaultCountry: auth.defaultCountry, path: `${path}[${i}]` });
      const contactId = await findContactId(db, auth.workspaceId, parsed);
      out.push(
        contactId === null
          ? {
              ref,
              contactId,
              error: {
                code: 'not_found',
                message: `No contact matches ${ref}`,
                details: [{ path: `${path}[${i}]`, message: `no contact matches ${ref}` }],
              },
            }
          : { ref, contactId },
      );
    } catch (e) {
      const answer = toErrorResponse(e);
      if (answer.status >= 500) throw e;
      out.push({ ref, contactId: null, error: answer.body.error });
    }
  }
  return out;
}

/**
 * A condition matching contacts whose searchable values contain the text (see
 * {@link SelectionInput.text}): each word must occur in the contact's search document (the
 * trigram-indexed column of migration 3 that holds its id, names, e-mail, phone, external code,
 * tag keys, custom field values and channel addresses, folded, one per line — a word holds no
 * line break, so it never matches across two values).
 */
export function textCondition(text: string, params: SqlParams, defaultCountry: string | null): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const terms = [...new Set(trimmed.split(/\s+/u).map(asciiFold))].slice(0, MAX_SEARCH_TERMS);
  const alternatives = [terms.map((term) => `c.search_document like ${params.add(likePattern('%', term, '%'))}`).join(' and ')];
  // Phone-like text also matches by digits ("7911 123" finds +447911123456; a national trunk 0
  // is dropped) and, when it is a whole number, by its E.164 form read with the default country.
  if (/^[\d\s+().-]+$/u.test(trimmed)) {
    const digits = trimmed.replace(/\D/gu, '').replace(/^0+/u, '');
    if (digits.length >= 3) {
      // The document holds the phone: its trigram index finds the candidates, `strpos` keeps phones only.
      alternatives.push(`(c.search_document like ${params.add(likePattern('%', digits, '%'))} and strpos(c.phone, ${params.add(digits)}) > 0)`);
    }
    try {
      const phone = normalizePhone(trimmed, defaultCountry);
      alternatives.push(`c.phone = ${params.add(phone.e164)}`);
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' or ')})`;
}

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

/**
 * Resolves a selection to SQL. Refs are resolved (unknown ones reported in `refs`); a filter is
 * validated (400 naming `filter.…`); a segment is loaded (404 on `segmentId`). With neither refs,
 * filter, segment nor text, every contact of the workspace is selected (blocked ones left out).
 */
export async function resolveSelection(db: Queryable, auth: AuthContext, input: SelectionInput, opts: ResolveOptions): Promise<ResolvedSelection> {
  const paths = opts.paths ?? {};
  const params = new SqlParams();
  const conditions = [`c.workspace_id = ${params.add(auth.workspaceId)}`];

  let refs: RefResolution[] | null = null;
  if (input.refs !== undefined) {
    refs = await resolveRefs(db, auth, input.refs, paths.refs ?? 'refs');
    const ids = [...new Set(refs.flatMap((r) => (r.contactId === null ? [] : [r.contactId])))];
    conditions.push(`c.id = any(${params.add(ids)}::text[])`);
  }

  const filters: Filter[] = [];
  if (input.filter !== undefined && input.filter !== null) {
    filters.push(await validateWorkspaceFilter(db, auth.workspaceId, input.filter, paths.filter ?? 'filter'));
  }
  if (input.segmentId !== undefined) {
    filters.push(await segmentFilter(db, auth.workspaceId, input.segmentId, paths.segmentId ?? 'segmentId'));
  }
  const filter: Filter | null = filters.length === 0 ? null : filters.length === 1 ? (filters[0] as Filter) : { and: filters };
  if (filter) conditions.push(compileFilterInto(filter, params, opts.now));

  if (input.text !== undefined) {
    if (input.text.length > MAX_SEARCH_TEXT_LENGTH) {
      throw fieldError(paths.text ?? 'text', `is longer than ${MAX_SEARCH_TEXT_LENGTH} characters`);
    }
    const text = textCondition(input.text, params, auth.defaultCountry);
    if (text) conditions.push(text);
  }

  const includeBlocked = input.refs !== undefined || input.includeBlocked === true || (filter !== null && filterMentionsField(filter, 'blocked'));
  if (!includeBlocked) conditions.push('c.blocked = false');

  return {
    where: conditions.join('\n and '),
    params,
    refs,
    filter,
    digest: digestOf({ refs: input.refs ?? null, filter, segmentId: input.segmentId ?? null, text: input.text?.trim() ?? null, includeBlocked }),
  };
}

/** How many contacts a selection holds, without fetching them. */
export async function countSelection(db: Queryable, selection: ResolvedSelection): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(`select count(*) as n from contacts c where ${selection.where}`, [
    ...selection.params.values,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The ids of a selection in chunks, in id order (keyset: each chunk is read after the caller has
 * handled the previous one, so contacts deleted or changed meanwhile are never read twice and the
 * workspace is never held in memory).
 */
export async function* selectionIdChunks(db: Queryable, selection: ResolvedSelection, chunkSize: number): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const params = new SqlParams(selection.params.values.length);
    const afterSql: string = params.add(after);
    const limitSql: string = params.add(chunkSize);
    const result: { rows: { id: string }[] } = await db.query<{ id: string }>(
      `select c.id from contacts c where ${selection.where}
          and (${afterSql}::text is null or c.id > ${afterSql}::text)
        order by c.id limit ${limitSql}`,
      [...selection.params.values, ...params.values],
    );
    const ids = result.rows.map((r) => r.id);
    if (ids.length === 0) return;
    yield ids;
    if (ids.length < chunkSize) return;
    after = ids[ids.length - 1] as string;
  }
}

// ---------------------------------------------------------------------------------------------
// Search and count

export const SEARCH_SORT_FIELDS = ['createdAt', 'lastInteractionAt', 'name'] as const;
export type SearchSortField = (typeof SEARCH_SORT_FIELDS)[number];
export interface SearchSort {
  by: SearchSortField;
  direction: 'asc' | 'desc';
}
export const DEFAULT_SEARCH_SORT: SearchSort = { by: 'createdAt', direction: 'desc' };

/**
 * The SQL of each sort key. Each has an index led by `workspace_id` in the same form
 * (`created_at, id`; `last_interaction_at, id`; the display name folded like filters fold text,
 * `id`), so a page is an index range scan that stops after `limit` rows. `cursor` is the key as
 * the cursor keeps it: times at the database's full (microsecond) precision, in UTC, so rows
 * written with `now()` page exactly too.
 */
const SORT_KEYS: Record<SearchSortField, { expr: string; cast: string; nullable: boolean; cursor: string }> = {
  createdAt: { expr: 'c.created_at', cast: '::timestamptz', nullable: false, cursor: utcMicros('c.created_at') },
  lastInteractionAt: { expr: 'c.last_interaction_at', cast: '::timestamptz', nullable: true, cursor: utcMicros('c.last_interaction_at') },
  name: { expr: 'lower(c.display_name collate "C")', cast: '::text collate "C"', nullable: false, cursor: 'lower(c.display_name collate "C")' },
};

function utcMicros(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/;

export interface SearchInput extends SelectionInput {
  sort?: SearchSort;
  cursor?: string;
  limit: number;
}

/**
 * A range of a sorted selection read by keyset: the contacts with the sort key, in the key's
 * order, or (nullable keys) those without it, by id. Contacts without the key come last in both
 * directions, so a nullable key is read as two ranges, each an index range of its own.
 */
export interface KeysetRange {
  /** A condition added to the selection (`key is not null`, `key is null`), or null. */
  extra: string | null;
  /** Ordered by the key then the id (false: by the id alone). */
  byKey: boolean;
}

/** The position after which a keyset read starts: the sort value (null in the range without the key) and id of a row. */
export interface KeysetPosition {
  value: string | null;
  id: string;
}

/** The ranges a sort reads, in order. */
export function keysetRanges(sort: SearchSort): KeysetRange[] {
  const key = SORT_KEYS[sort.by];
  return key.nullable
    ? [
        { extra: `${key.expr} is not null`, byKey: true },
        { extra: `${key.expr} is null`, byKey: false },
      ]
    : [{ extra: null, byKey: true }];
}

/** The range a position lies in. */
function rangeOf(sort: SearchSort, after: KeysetPosition): number {
  return SORT_KEYS[sort.by].nullable && after.value === null ? 1 : 0;
}

/**
 * Reads up to `limit` rows of one range of a selection after a position (a row comparison on
 * (key, id) the index answers as a range, so the cost does not grow with the position). Each row
 * has the given columns plus `cursor_value` (the key as a cursor keeps it) and `id`.
 */
export async function readKeysetRange<Row extends { id: string; cursor_value: string | null }>(
  db: Queryable,
  selection: ResolvedSelection,
  sort: SearchSort,
  range: KeysetRange,
  after: KeysetPosition | null,
  limit: number,
  columns: string,
): Promise<Row[]> {
  const key = SORT_KEYS[sort.by];
  const dir = sort.direction;
  const p = new SqlParams(selection.params.values.length);
  const conditions = [selection.where];
  if (range.extra) conditions.push(range.extra);
  const cmp = dir === 'asc' ? '>' : '<';
  if (after !== null) {
    conditions.push(
      range.byKey
        ? `(${key.expr}, c.id) ${cmp} (${p.add(after.value)}${key.cast}, ${p.add(after.id)})`
        : `c.id ${cmp} ${p.add(after.id)}`,
    );
  }
  const { rows } = await db.query<Row>(
    `select ${key.cursor} as cursor_value, ${columns}
       from contacts c
      where ${conditions.join(' and ')}
      order by ${keysetOrder(sort, range)}
      limit ${p.add(limit)}`,
    [...selection.params.values, ...p.values],
  );
  return rows;
}

/** The `order by` of a range. */
export function keysetOrder(sort: SearchSort, range: KeysetRange): string {
  const dir = sort.direction;
  return range.byKey ? `${SORT_KEYS[sort.by].expr} ${dir}, c.id ${dir}` : `c.id ${dir}`;
}

/**
 * Reads up to `limit` rows of a sorted selection after a position, across its ranges (the
 * contacts with the key, then those without).
 */
export async function readKeyset<Row extends { id: string; cursor_value: string | null }>(
  db: Queryable,
  selection: ResolvedSelection,
  sort: SearchSort,
  after: KeysetPosition | null,
  limit: number,
  columns: string,
): Promise<Row[]> {
  const ranges = keysetRanges(sort);
  let rows: Row[] = [];
  for (let r = after === null ? 0 : rangeOf(sort, after); r < ranges.length && rows.length < limit; r++) {
    // A position applies to its own range; a later range is read from its start.
    const from = after !== null && r === rangeOf(sort, after) ? after : null;
    rows = [...rows, ...(await readKeysetRange<Row>(db, selection, sort, ranges[r] as KeysetRange, from, limit - rows.length, columns))];
  }
  return rows;
}

/**
 * One page of a selection, in the requested order (contacts without the key last in both
 * directions), read by keyset on (sort value, id): never OFFSET, and the cost of a page does not
 * grow with its position. `nextCursor` is null on the last page.
 */
export async function searchContacts(
  db: Queryable,
  auth: AuthContext,
  input: SearchInput,
  now: Date,
): Promise<{ data: Contact[]; nextCursor: string | null }> {
  const selection = await resolveSelection(db, auth, input, { now });
  const sort = input.sort ?? DEFAULT_SEARCH_SORT;
  const sortName = `${sort.by}:${sort.direction}`;
  const key = SORT_KEYS[sort.by];

  let after: KeysetPosition | null = null;
  if (input.cursor !== undefined && input.cursor !== '') {
    const cursor = decodeSearchCursor(input.cursor, { sort: sortName, query: selection.digest });
    if (cursor.value === null ? !key.nullable : key.cast === '::timestamptz' && !(ISO_INSTANT.test(cursor.value) && parseInstant(cursor.value) !== null)) {
      throw fieldError('cursor', 'is not a cursor of this search; pass the nextCursor of the previous page');
    }
    after = { value: cursor.value, id: cursor.id };
  }
  const rows = await readKeyset<ContactRow & { cursor_value: string | null }>(db, selection, sort, after, input.limit + 1, CONTACT_COLUMNS_SQL);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? encodeSearchCursor({ sort: sortName, value: last.cursor_value, id: last.id, query: selection.digest })
      : null;
  return { data: page.map(rowToContact), nextCursor };
}

/** How many contacts a selection holds. */
export async function countContacts(db: Queryable, auth: AuthContext, input: SelectionInput, now: Date): Promise<number> {
  return countSelection(db, await resolveSelection(db, auth, input, { now }));
}
