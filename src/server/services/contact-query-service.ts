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
import { compileFilterInto, SqlParams } from '../filter-sql';
import type { AuthContext } from '../http/auth-context';
import { toErrorResponse } from '../http/error-response';
import { decodeSearchCursor, encodeSearchCursor } from '../http/cursor';
import { CONTACT_SELECT, findContactId, rowToContact, type ContactRow } from '../repos/contact-repo';
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

/** A condition matching contacts whose searchable values contain the text (see {@link SelectionInput.text}). */
export function textCondition(text: string, params: SqlParams, defaultCountry: string | null): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const terms = [...new Set(trimmed.split(/\s+/u).map(asciiFold))].slice(0, MAX_SEARCH_TERMS);
  const termConditions = terms.map((term) => {
    const t = params.add(term);
    const contains = (expr: string): string => `strpos(lower(${expr} collate "C"), ${t}) > 0`;
    return `(${[
      contains('c.display_name'),
      contains('c.first_name'),
      contains('c.last_name'),
      contains('c.email'),
      contains('c.phone'),
      contains('c.external_code'),
      `exists (select 1 from contact_tags ct join tags tg on tg.workspace_id = ct.workspace_id and tg.id = ct.tag_id
                where ct.workspace_id = c.workspace_id and ct.contact_id = c.id and strpos(tg.name_key, ${t}) > 0)`,
      `exists (select 1 from jsonb_each_text(c.custom_fields) cf where ${contains('cf.value')})`,
      `exists (select 1 from channel_identities ci
                where ci.workspace_id = c.workspace_id and ci.contact_id = c.id and ${contains('ci.address')})`,
    ].join(' or ')})`;
  });
  const alternatives = [termConditions.join(' and ')];
  // Phone-like text also matches by digits ("7911 123" finds +447911123456; a national trunk 0
  // is dropped) and, when it is a whole number, by its E.164 form read with the default country.
  if (/^[\d\s+().-]+$/u.test(trimmed)) {
    const digits = trimmed.replace(/\D/gu, '').replace(/^0+/u, '');
    if (digits.length >= 3) alternatives.push(`strpos(c.phone, ${params.add(digits)}) > 0`);
    try {
      const phone = normalizePhone(trimmed, defaultCountry);
      alternatives.push(`c.phone = ${params.add(phone.e164)}`);
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  return `coalesce((${alternatives.join(' or ')}), false)`;
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

/** The SQL of each sort key; `name` is the display name folded like filters fold text (and indexed so). */
const SORT_KEYS: Record<SearchSortField, { expr: string; cast: string; nullable: boolean; of: (c: Contact) => string | null }> = {
  createdAt: { expr: 'c.created_at', cast: '::timestamptz', nullable: false, of: (c) => c.createdAt },
  lastInteractionAt: { expr: 'c.last_interaction_at', cast: '::timestamptz', nullable: true, of: (c) => c.lastInteractionAt },
  name: { expr: 'lower(c.display_name collate "C")', cast: '::text collate "C"', nullable: false, of: (c) => asciiFold(c.displayName) },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/;

/**
 * The sort value of the last row of a page, for its cursor. Times are read at the database's
 * full (microsecond) precision, in UTC, so rows written with `now()` page exactly too.
 */
async function cursorValue(db: Queryable, workspaceId: string, by: SearchSortField, last: Contact): Promise<string | null> {
  const key = SORT_KEYS[by];
  if (key.cast !== '::timestamptz') return key.of(last);
  const { rows } = await db.query<{ v: string | null }>(
    `select to_char(${key.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as v from contacts c where c.workspace_id = $1 and c.id = $2`,
    [workspaceId, last.id],
  );
  return rows[0] ? rows[0].v : key.of(last);
}

export interface SearchInput extends SelectionInput {
  sort?: SearchSort;
  cursor?: string;
  limit: number;
}

/**
 * One page of a selection, in the requested order (nulls last in both directions), read by
 * keyset on (sort value, id): never OFFSET. `nextCursor` is null on the last page.
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
  const p = selection.params;
  const conditions = [selection.where];
  if (input.cursor !== undefined && input.cursor !== '') {
    const cursor = decodeSearchCursor(input.cursor, { sort: sortName, query: selection.digest });
    if (cursor.value === null ? !key.nullable : key.cast === '::timestamptz' && !(ISO_INSTANT.test(cursor.value) && parseInstant(cursor.value) !== null)) {
      throw fieldError('cursor', 'is not a cursor of this search; pass the nextCursor of the previous page');
    }
    const cmp = sort.direction === 'asc' ? '>' : '<';
    const id = p.add(cursor.id);
    if (cursor.value === null) {
      conditions.push(`(${key.expr} is null and c.id ${cmp} ${id})`);
    } else {
      const v = `${p.add(cursor.value)}${key.cast}`;
      const nulls = key.nullable ? ` or ${key.expr} is null` : '';
      conditions.push(`(${key.expr} ${cmp} ${v} or (${key.expr} = ${v} and c.id ${cmp} ${id})${nulls})`);
    }
  }
  const dir = sort.direction;
  const { rows } = await db.query<ContactRow>(
    `${CONTACT_SELECT} where ${conditions.join(' and ')}
      order by ${key.expr} ${dir} nulls last, c.id ${dir}
      limit ${p.add(input.limit + 1)}`,
    [...p.values],
  );
  const page = rows.slice(0, input.limit).map(rowToContact);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? encodeSearchCursor({ sort: sortName, value: await cursorValue(db, auth.workspaceId, sort.by, last), id: last.id, query: selection.digest })
      : null;
  return { data: page, nextCursor };
}

/** How many contacts a selection holds. */
export async function countContacts(db: Queryable, auth: AuthContext, input: SelectionInput, now: Date): Promise<number> {
  return countSelection(db, await resolveSelection(db, auth, input, { now }));
}
