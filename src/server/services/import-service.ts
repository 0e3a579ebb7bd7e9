/**
 * CSV import: each row creates or updates one contact by the chosen match keys, through the
 * contacts area's upsert (`upsertWithContext`), each row in its own transaction. Bad rows are
 * reported with their line number (the header is line 1); good rows are kept.
 */
import { IMPORT_COLUMNS, READ_ONLY_COLUMNS } from '../../domain/contact-columns';
import { parse } from 'csv-parse/sync';
import { CUSTOM_FIELD_PREFIX } from '../../domain/custom-field';
import { normalizeCountry } from '../../domain/country';
import { DomainError, fieldError, validationErrors } from '../../domain/errors';
import type { AuthContext } from '../http/auth-context';
import { toErrorResponse } from '../http/error-response';
import type { Hub } from '../hub';
import { loadWriteContext } from './contact-service';
import { upsertWithContext, type MatchKey } from './upsert-service';

/** Most data rows in one import. */
export const MAX_IMPORT_ROWS = 50_000;
/** Separator of tag names in the `tags` cell. */
export const IMPORT_TAG_SEPARATOR = ';';


export interface ImportOptions {
  matchBy: readonly MatchKey[];
  /** Country for national phone numbers; default the workspace's. */
  defaultCountry?: string;
  /** `add` (default): the tags of a row are added; `replace`: they become the contact's set. */
  tagMode: 'add' | 'replace';
}

export interface ImportRowResult {
  /** Line of the CSV where the row starts (the header is line 1). */
  line: number;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  contactId?: string;
  error?: { code: string; message: string; details: { path: string; message: string }[] };
}

export interface ImportAnswer {
  summary: { created: number; updated: number; unchanged: number; failed: number };
  /** Header columns that were skipped because an import cannot set them. */
  ignoredColumns: string[];
  rows: ImportRowResult[];
}

type ColumnTarget = { kind: 'field'; name: string } | { kind: 'custom'; key: string } | { kind: 'ignored' };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

function parseCsv(text: string): ParsedRecord[] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: true }) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    const where = typeof err.lines === 'number' ? ` (line ${err.lines})` : '';
    throw fieldError('body', `the CSV cannot be read${where}: ${err.message ?? 'malformed CSV'}`);
  }
}

/** The line where a record starts: its end line minus the line breaks inside it. */
function startLine(r: ParsedRecord): number {
  const inside = r.raw.replace(/^[\r\n]+/u, '').replace(/\r?\n$/u, '');
  return r.info.lines - (inside.match(/\n/gu)?.length ?? 0);
}

function resolveHeader(header: readonly string[], customKeys: readonly string[]): ColumnTarget[] {
  const byLower = new Map<string, ColumnTarget>();
  for (const name of IMPORT_COLUMNS) byLower.set(name.toLowerCase(), { kind: 'field', name });
  for (const name of READ_ONLY_COLUMNS) byLower.set(name.toLowerCase(), { kind: 'ignored' });
  const valid = [...IMPORT_COLUMNS, ...customKeys.map((k) => `${CUSTOM_FIELD_PREFIX}${k}`)];
  const errors: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  const targets = header.map((raw, i): ColumnTarget => {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (seen.has(key)) errors.push({ path: `header[${i}]`, message: `column "${name}" appears twice (also column ${(seen.get(key) as number) + 1})` });
    seen.set(key, i);
    if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
      const customKey = name.slice(CUSTOM_FIELD_PREFIX.length);
      if (customKeys.includes(customKey)) return { kind: 'custom', key: customKey };
    }
    const known = byLower.get(key);
    if (known) return known;
    errors.push({ path: `header[${i}]`, message: `unknown column "${name}"; valid columns: ${valid.join(', ')}` });
    return { kind: 'ignored' };
  });
  if (errors.length > 0) throw validationErrors(errors);
  return targets;
}

const TRUE = new Set(['true', 'yes', '1', 'y']);
const FALSE = new Set(['false', 'no', '0', 'n']);

/** One row as a contact body (the shape of POST /v1/contacts); empty cells are left out. */
function rowToContact(record: readonly string[], targets: readonly ColumnTarget[]): Record<string, unknown> {
  const contact: Record<string, unknown> = {};
  const customFields: Record<string, unknown> = {};
  targets.forEach((t, i) => {
    const cell = (record[i] ?? '').trim();
    if (cell === '' || t.kind === 'ignored') return;
    if (t.kind === 'custom') {
      customFields[t.key] = cell;
      return;
    }
    if (t.name === 'tags') {
      contact.tags = cell
        .split(IMPORT_TAG_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    } else if (t.name === 'proactive' || t.name === 'reactive') {
      const v = cell.toLowerCase();
      contact[t.name] = TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
    } else {
      contact[t.name] = cell;
    }
  });
  if (Object.keys(customFields).length > 0) contact.customFields = customFields;
  return contact;
}

/** `POST /v1/contacts/import`. */
export async function importContacts(hub: Hub, auth: AuthContext, body: unknown, opts: ImportOptions): Promise<ImportAnswer> {
  if (typeof body !== 'string') {
    throw new DomainError('validation_error', 'Send the CSV as the request body with Content-Type: text/csv', [
      { path: 'body', message: 'expected CSV text (Content-Type: text/csv)' },
    ]);
  }
  const wctx = await loadWriteContext(hub.db, auth);
  if (opts.defaultCountry !== undefined) wctx.defaultCountry = normalizeCountry(opts.defaultCountry, 'query.defaultCountry');
  const records = parseCsv(body);
  const [header, ...data] = records;
  if (!header) throw fieldError('body', 'the CSV is empty; the first line names the columns (e.g. firstName,lastName,phone,email,tags)');
  if (data.length > MAX_IMPORT_ROWS) {
    throw fieldError('body', `the CSV has ${data.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once (split the file)`);
  }
  const targets = resolveHeader(header.record, wctx.customFields.map((d) => d.key));
  const ignoredColumns = header.record.filter((_, i) => targets[i]?.kind === 'ignored').map((c) => c.trim());

  const summary = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const rows: ImportRowResult[] = [];
  let changed = false;
  for (const r of data) {
    const line = startLine(r);
    if (r.record.length !== header.record.length) {
      summary.failed++;
      const message = `the row has ${r.record.length} fields; the header has ${header.record.length}`;
      rows.push({ line, status: 'failed', error: { code: 'validation_error', message, details: [{ path: `line ${line}`, message }] } });
      continue;
    }
    try {
      const result = await upsertWithContext(hub, wctx, rowToContact(r.record, targets), { matchBy: opts.matchBy, tagMode: opts.tagMode });
      changed ||= result.changed;
      const status = result.created ? 'created' : result.changed ? 'updated' : 'unchanged';
      summary[status]++;
      rows.push({ line, status, contactId: result.contact.id });
    } catch (e) {
      const answer = toErrorResponse(e);
      if (answer.status >= 500) throw e;
      const { code, message, details } = answer.body.error;
      summary.failed++;
      rows.push({ line, status: 'failed', error: { code, message, details } });
    }
  }
  if (changed) hub.nudgeOutbox();
  return { summary, ignoredColumns, rows };
}
