import type { CustomFieldValue } from './contact';
import type { CustomFieldDefinition } from './custom-field';
import { optionKey } from './custom-field-definition';
import { normalizeEmail } from './email';
import { fieldError, isDomainError, validationErrors } from './errors';
import type { ErrorDetail } from './errors';
import { normalizePhone } from './phone';

export const CUSTOM_TEXT_MAX_LENGTH = 10_000;
export const CUSTOM_URL_MAX_LENGTH = 2_048;

/** Options of custom field value validation. */
export interface CustomFieldValueOptions {
  /** Country for national numbers in `phone` fields (the contact's, else the workspace default). */
  defaultCountry?: string | null;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/** `YYYY-MM-DD`, a real calendar date (years 0001–9999). Returns null when it is not one. */
export function parseDateOnly(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
}

/**
 * ISO 8601 date-time with a time zone (`Z` or `±hh:mm`), seconds and fraction optional,
 * normalised to UTC `YYYY-MM-DDTHH:mm:ss.sssZ` (fractions beyond milliseconds are dropped).
 * Returns null when it is not one.
 */
export function parseDateTimeToUtc(s: string): string | null {
  const m = DATETIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0–99 to 1900–1999
  date.setUTCHours(h, mi, sec, ms);
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString();
}

/** An absolute http(s) URL, trimmed; null when it is not one. */
export function parseHttpUrl(s: string): string | null {
  const t = s.trim();
  if (t === '' || t.length > CUSTOM_URL_MAX_LENGTH || /\s/.test(t)) return null;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? t : null;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Validates one custom field value against its definition and returns it as stored.
 *
 * `null` (and `undefined`, and the empty or blank string for every type) clears the value
 * (→ null). Otherwise: text — a string, trimmed, ≤ 10,000 characters; number — a finite
 * number, or a numeric string which is converted; boolean — true/false or the strings
 * "true"/"false" (any case); date — `YYYY-MM-DD`, a real date; datetime — ISO 8601 with a
 * time zone, normalised to UTC `…Z`; email — normalised (lower case); phone — E.164 (national
 * numbers read with `opts.defaultCountry`); url — an absolute http/https URL; list — one of
 * the options, matched case-insensitively, stored with the option's spelling.
 *
 * @throws DomainError (`validation_error`) on `path`.
 */
export function validateCustomFieldValue(
  def: CustomFieldDefinition,
  value: unknown,
  path = `customFields.${def.key}`,
  opts: CustomFieldValueOptions = {},
): CustomFieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const wrong = (expected: string): never => {
    throw fieldError(path, `${describe(value)} is not ${expected} (field "${def.key}" is of type ${def.type})`);
  };

  switch (def.type) {
    case 'text': {
      if (typeof value !== 'string') return wrong('text (a string)');
      const text = value.trim();
      if (text.length > CUSTOM_TEXT_MAX_LENGTH) {
        throw fieldError(path, `text is too long (${text.length} characters, at most ${CUSTOM_TEXT_MAX_LENGTH})`);
      }
      return text;
    }
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : wrong('a finite number');
      if (typeof value === 'string' && NUMERIC.test(value.trim())) {
        const n = Number(value.trim());
        return Number.isFinite(n) ? n : wrong('a finite number');
      }
      return wrong('a number');
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const b = value.trim().toLowerCase();
        if (b === 'true') return true;
        if (b === 'false') return false;
      }
      return wrong('a boolean (true or false)');
    }
    case 'date': {
      const date = typeof value === 'string' ? parseDateOnly(value.trim()) : null;
      return date ?? wrong('a date in the form YYYY-MM-DD (a real calendar date)');
    }
    case 'datetime': {
      const dt = typeof value === 'string' ? parseDateTimeToUtc(value.trim()) : null;
      return dt ?? wrong('an ISO 8601 date-time with a time zone, e.g. "2024-05-01T14:30:00Z" or "2024-05-01T14:30:00+02:00"');
    }
    case 'email':
      return typeof value === 'string' ? normalizeEmail(value, path) : wrong('an e-mail address (a string)');
    case 'phone':
      return typeof value === 'string'
        ? normalizePhone(value, opts.defaultCountry ?? null, path).e164
        : wrong('a phone number (a string)');
    case 'url': {
      const url = typeof value === 'string' ? parseHttpUrl(value) : null;
      return url ?? wrong(`an absolute http or https URL of at most ${CUSTOM_URL_MAX_LENGTH} characters`);
    }
    case 'list': {
      const options = def.options ?? [];
      if (typeof value === 'string') {
        const wanted = optionKey(value.trim());
        const match = options.find((o) => optionKey(o) === wanted);
        if (match !== undefined) return match;
      }
      return wrong(`one of the options ${options.map((o) => `"${o}"`).join(', ')}`);
    }
  }
}

/** Result of {@link collectCustomFieldValues}: the values that passed and the problems found. */
export interface CollectedCustomFieldValues {
  values: Record<string, CustomFieldValue>;
  errors: ErrorDetail[];
}

/**
 * Like {@link validateCustomFieldValues} but never throws: returns the valid values and
 * every error found, so a caller can merge them with its own errors.
 */
export function collectCustomFieldValues(
  defs: readonly CustomFieldDefinition[],
  values: unknown,
  opts: CustomFieldValueOptions & { path?: string } = {},
): CollectedCustomFieldValues {
  const base = opts.path ?? 'customFields';
  const out: Record<string, CustomFieldValue> = {};
  const errors: ErrorDetail[] = [];
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    errors.push({ path: base, message: 'must be an object of custom field keys to values' });
    return { values: out, errors };
  }
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const path = `${base}.${key}`;
    const def = byKey.get(key);
    if (!def) {
      const known = defs.length > 0 ? `known keys: ${defs.map((d) => d.key).join(', ')}` : 'no custom fields are defined in this workspace';
      errors.push({ path, message: `unknown custom field "${key}"; ${known}` });
      continue;
    }
    if (value === undefined) continue;
    try {
      out[key] = validateCustomFieldValue(def, value, path, opts);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      errors.push(...e.details);
    }
  }
  return { values: out, errors };
}

/**
 * Validates a record of custom field values against the workspace's definitions. An unknown
 * key is an error on `customFields.<key>` listing the known keys; all errors are collected.
 * A key mapped to `null` is kept (it clears the value); `undefined` values are skipped.
 *
 * @throws DomainError (`validation_error`) with every problem found.
 */
export function validateCustomFieldValues(
  defs: readonly CustomFieldDefinition[],
  values: unknown,
  opts: CustomFieldValueOptions & { path?: string } = {},
): Record<string, CustomFieldValue> {
  const { values: out, errors } = collectCustomFieldValues(defs, values, opts);
  if (errors.length > 0) throw validationErrors(errors);
  return out;
}
