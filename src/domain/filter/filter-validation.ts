/** Validation and normalisation of filter trees, plus small queries over validated trees. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { CUSTOM_FIELD_PREFIX, type CustomFieldDefinition } from '../custom-field';
import { type ErrorDetail, isDomainError, validationErrors } from '../errors';
import { CHANNEL_TYPES } from '../channel';
import { asciiFold } from './ascii-fold';
import { normalizeDuration, parseDuration } from './duration';
import {
  type FilterFieldSpec,
  resolveFilterField,
  STANDARD_FILTER_FIELD_NAMES,
} from './filter-fields';
import {
  FILTER_OPERATORS,
  type Filter,
  type FilterCondition,
  type FilterOperator,
  type FilterValueType,
  isAndFilter,
  isNotFilter,
  isOrFilter,
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  MAX_FILTER_LIST_ITEMS,
  MAX_FILTER_TEXT_LENGTH,
  OPERATORS_BY_TYPE,
} from './filter-schema';
import { isIsoDate, parseInstant } from './temporal-values';

export interface FilterValidationContext {
  /** The workspace's custom field definitions; `customFields.<key>` must name one of them. */
  customFields: readonly CustomFieldDefinition[];
}

/** Stop collecting after this many problems; the first ones are what a person fixes first. */
const MAX_REPORTED_ERRORS = 50;

type Scalar = string | number | boolean;

interface State {
  errors: ErrorDetail[];
  conditions: number;
  ctx: FilterValidationContext;
}

/**
 * Validates a filter tree given as JSON and returns it normalised (datetimes as ISO UTC strings,
 * numbers as numbers, enum values in their option's spelling, e-mails lower-cased, phone numbers in
 * E.164 when they parse, tag names trimmed, durations canonical, each condition tagged with its
 * field's value `type`). Throws a `validation_error` DomainError listing every problem with its path
 * (`filter.and[1].value`). Limits: {@link MAX_FILTER_DEPTH} levels, {@link MAX_FILTER_CONDITIONS} conditions.
 */
export function validateFilter(raw: unknown, ctx: FilterValidationContext, path = 'filter'): Filter {
  const state: State = { errors: [], conditions: 0, ctx };
  const result = validateNode(raw, path, 1, state);
  if (state.conditions > MAX_FILTER_CONDITIONS) {
    state.errors.unshift({
      path,
      message: `the filter has ${state.conditions} conditions; at most ${MAX_FILTER_CONDITIONS} are allowed`,
    });
  }
  if (state.errors.length > 0 || result === undefined) {
    throw validationErrors(state.errors.slice(0, MAX_REPORTED_ERRORS));
  }
  return result;
}

/** True when some condition of the filter (at any depth, negated or not) is on `field`. */
export function filterMentionsField(filter: Filter, field: string): boolean {
  if (isAndFilter(filter)) return filter.and.some((f) => filterMentionsField(f, field));
  if (isOrFilter(filter)) return filter.or.some((f) => filterMentionsField(f, field));
  if (isNotFilter(filter)) return filterMentionsField(filter.not, field);
  return filter.field === field;
}

/** Every condition of the filter, depth first, left to right. */
export function filterConditions(filter: Filter): FilterCondition[] {
  if (isAndFilter(filter)) return filter.and.flatMap(filterConditions);
  if (isOrFilter(filter)) return filter.or.flatMap(filterConditions);
  if (isNotFilter(filter)) return filterConditions(filter.not);
  return [filter];
}

function fail(state: State, path: string, message: string): undefined {
  state.errors.push({ path, message });
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' ? `string ${JSON.stringify(v)}` : `${typeof v} ${String(v)}`;
}

const GROUP_KEYS = ['and', 'or', 'not'] as const;
const CONDITION_KEYS = ['field', 'operator', 'value', 'type'];
const NODE_HINT = 'expected { "and": [...] }, { "or": [...] }, { "not": {...} } or a condition { "field", "operator", "value" }';

function validateNode(raw: unknown, path: string, depth: number, state: State): Filter | undefined {
  if (!isPlainObject(raw)) return fail(state, path, `${NODE_HINT}; got ${describe(raw)}`);
  const keys = Object.keys(raw);
  const groupKeys = GROUP_KEYS.filter((k) => k in raw);
  if (groupKeys.length > 0) {
    if (keys.length !== 1) {
      return fail(state, path, `a group has exactly one key (and, or or not); got: ${keys.join(', ')}`);
    }
    if (depth > MAX_FILTER_DEPTH) {
      return fail(state, path, `the filter nests groups deeper than ${MAX_FILTER_DEPTH} levels`);
    }
    const key = groupKeys[0];
    const childPath = `${path}.${key}`;
    const body = raw[key];
    if (key === 'not') {
      const child = validateNode(body, childPath, depth + 1, state);
      return child && { not: child };
    }
    if (!Array.isArray(body)) return fail(state, childPath, `"${key}" takes an array of filters; got ${describe(body)}`);
    const children = body.map((c, i) => validateNode(c, `${childPath}[${i}]`, depth + 1, state));
    if (children.some((c) => c === undefined)) return undefined;
    const valid = children as Filter[];
    return key === 'and' ? { and: valid } : { or: valid };
  }
  if (!('field' in raw) && !('operator' in raw)) return fail(state, path, `${NODE_HINT}; got keys: ${keys.join(', ') || 'none'}`);
  return validateCondition(raw, path, state);
}

function fieldLabel(spec: FilterFieldSpec): string {
  return `${spec.type} field "${spec.field}"`;
}

function validateCondition(raw: Record<string, unknown>, path: string, state: State): FilterCondition | undefined {
  state.conditions += 1;
  const before = state.errors.length;
  for (const key of Object.keys(raw)) {
    if (!CONDITION_KEYS.includes(key)) fail(state, `${path}.${key}`, `unknown key "${key}"; a condition has field, operator and value`);
  }
  const { field, operator } = raw;
  let spec: FilterFieldSpec | undefined;
  if (typeof field !== 'string' || field === '') {
    fail(state, `${path}.field`, 'field is required and must be a non-empty string');
  } else {
    spec = resolveFilterField(field, state.ctx.customFields);
    if (!spec) fail(state, `${path}.field`, unknownFieldMessage(field, state.ctx.customFields));
  }
  const allowed = spec ? OPERATORS_BY_TYPE[spec.type] : FILTER_OPERATORS;
  if (typeof operator !== 'string' || operator === '') {
    return fail(state, `${path}.operator`, `operator is required; use one of: ${allowed.join(', ')}`);
  }
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    return fail(state, `${path}.operator`, `unknown operator "${operator}"; use one of: ${allowed.join(', ')}`);
  }
  if (!spec) return undefined;
  const op = operator as FilterOperator;
  if (!allowed.includes(op)) {
    return fail(state, `${path}.operator`, `operator "${op}" does not apply to ${fieldLabel(spec)}; use one of: ${allowed.join(', ')}`);
  }
  const valuePath = `${path}.value`;
  if (op === 'exists' || op === 'notExists') {
    if (raw.value !== undefined && raw.value !== null) return fail(state, valuePath, `operator "${op}" takes no value`);
    if (state.errors.length > before) return undefined;
    return { field: spec.field, type: spec.type, operator: op } as FilterCondition;
  }
  if (raw.value === undefined || raw.value === null) {
    return fail(state, valuePath, `operator "${op}" needs a value (${valueShapeHint(spec, op)})`);
  }
  const value = validateValue(spec, op, raw.value, valuePath, state);
  if (value === undefined || state.errors.length > before) return undefined;
  // The pairing of type, operator and value shape is guaranteed by OPERATORS_BY_TYPE and validateValue.
  return { field: spec.field, type: spec.type, operator: op, value } as FilterCondition;
}

function unknownFieldMessage(field: string, defs: readonly CustomFieldDefinition[]): string {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const keys = defs.map((d) => d.key);
    return `unknown custom field "${field.slice(CUSTOM_FIELD_PREFIX.length)}"; ${
      keys.length ? `defined custom fields: ${keys.join(', ')}` : 'the workspace defines no custom fields'
    }`;
  }
  return `unknown field "${field}"; use one of: ${STANDARD_FILTER_FIELD_NAMES.join(', ')}, or customFields.<key>`;
}

function valueShapeHint(spec: FilterFieldSpec, op: FilterOperator): string {
  const one = scalarHint(spec.type);
  switch (op) {
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return `a non-empty array, each item ${one}`;
    case 'between':
      return `an array [from, to], both included, each ${one}`;
    case 'withinLast':
    case 'moreThan':
      return scalarHint('duration');
    default:
      return one;
  }
}

function scalarHint(type: FilterValueType): string {
  switch (type) {
    case 'text':
    case 'id':
    case 'enum':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'datetime':
      return 'an ISO 8601 date-time with time zone';
    case 'tags':
      return 'a tag name';
    case 'channels':
      return 'a channel id or channel type';
    case 'duration':
      return 'a duration such as 30m, 12h, 7d or 2w';
  }
}

type Value = Scalar | Scalar[];

function validateValue(spec: FilterFieldSpec, op: FilterOperator, raw: unknown, path: string, state: State): Value | undefined {
  switch (op) {
    case 'withinLast':
    case 'moreThan':
      return duration(raw, path, state);
    case 'between':
      return range(spec, op, raw, path, state);
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return list(spec, op, raw, path, state);
    default:
      return scalar(spec, op, raw, path, state);
  }
}

function list(spec: FilterFieldSpec, op: FilterOperator, raw: unknown, path: string, state: State): Scalar[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    return fail(state, path, `operator "${op}" needs ${valueShapeHint(spec, op)}; got ${describe(raw)}`);
  }
  if (raw.length > MAX_FILTER_LIST_ITEMS) {
    return fail(state, path, `operator "${op}" takes at most ${MAX_FILTER_LIST_ITEMS} values; got ${raw.length}`);
  }
  const items = raw.map((item, i) => scalar(spec, op, item, `${path}[${i}]`, state));
  if (items.some((i) => i === undefined)) return undefined;
  const values = items as Scalar[];
  if (spec.type !== 'tags') return values;
  // Tag names are case-insensitively unique: keep the first spelling of each.
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = asciiFold(String(v));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function range(spec: FilterFieldSpec, op: FilterOperator, raw: unknown, path: string, state: State): Scalar[] | undefined {
  if (!Array.isArray(raw) || raw.length !== 2) {
    return fail(state, path, `operator "between" needs ${valueShapeHint(spec, op)}; got ${describe(raw)}`);
  }
  const from = scalar(spec, op, raw[0], `${path}[0]`, state);
  const to = scalar(spec, op, raw[1], `${path}[1]`, state);
  if (from === undefined || to === undefined) return undefined;
  const order = (v: Scalar): number | string => (spec.type === 'duration' ? parseDuration(v) : (v as number | string));
  if (order(from) > order(to)) return fail(state, path, `the range starts after it ends: ${String(from)} > ${String(to)}`);
  return [from, to];
}

function duration(raw: unknown, path: string, state: State): string | undefined {
  try {
    return normalizeDuration(raw, path);
  } catch (e) {
    /* istanbul ignore next -- normalizeDuration only throws DomainErrors */
    if (!isDomainError(e)) throw e;
    return fail(state, path, e.details[0].message);
  }
}

function text(raw: unknown, path: string, state: State, what = 'a string'): string | undefined {
  if (typeof raw !== 'string') return fail(state, path, `expected ${what}; got ${describe(raw)}`);
  if (raw.trim() === '') return fail(state, path, `expected ${what}; got an empty string`);
  if (raw.length > MAX_FILTER_TEXT_LENGTH) return fail(state, path, `text is longer than ${MAX_FILTER_TEXT_LENGTH} characters`);
  if (raw.includes('\u0000')) return fail(state, path, 'text must not contain NUL characters');
  return raw;
}

const CHANNEL_TYPE_NAMES: readonly string[] = CHANNEL_TYPES;

function scalar(spec: FilterFieldSpec, op: FilterOperator, raw: unknown, path: string, state: State): Scalar | undefined {
  switch (spec.type) {
    case 'text': {
      const s = text(raw, path, state);
      if (s === undefined) return undefined;
      if (spec.normalization === 'email') return s.trim().toLowerCase();
      if (spec.normalization === 'phone' && (op === 'is' || op === 'isNot' || op === 'in' || op === 'notIn')) {
        const phone = parsePhoneNumberFromString(s);
        return phone && phone.isValid() ? phone.number : s;
      }
      return s;
    }
    case 'id':
      return text(raw, path, state, 'an id (a non-empty string)');
    case 'enum': {
      const s = text(raw, path, state);
      if (s === undefined) return undefined;
      const options = spec.options ?? [];
      const match = options.find((o) => asciiFold(o) === asciiFold(s.trim()));
      if (match !== undefined) return match;
      return fail(
        state,
        path,
        options.length
          ? `"${s}" is not an option of ${fieldLabel(spec)}; use one of: ${options.join(', ')}`
          : `${fieldLabel(spec)} has no options defined`,
      );
    }
    case 'number': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
      if (typeof raw === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)) {
        const n = Number(raw);
        if (Number.isFinite(n)) return n;
      }
      return fail(state, path, `expected a number; got ${describe(raw)}`);
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return fail(state, path, `expected true or false; got ${describe(raw)}`);
    case 'date': {
      if (typeof raw === 'string' && isIsoDate(raw.trim())) return raw.trim();
      return fail(state, path, `expected a date YYYY-MM-DD; got ${describe(raw)}`);
    }
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseInstant(raw.trim()) : null;
      if (ms !== null) return new Date(ms).toISOString();
      return fail(
        state,
        path,
        `expected an ISO 8601 date-time with time zone (2024-05-01T09:30:00Z) or a date (2024-05-01); got ${describe(raw)}`,
      );
    }
    case 'tags': {
      const s = text(raw, path, state, 'a tag name');
      return s === undefined ? undefined : s.trim();
    }
    case 'channels': {
      const s = text(raw, path, state, 'a channel id or channel type');
      if (s === undefined) return undefined;
      const trimmed = s.trim();
      const folded = asciiFold(trimmed);
      return CHANNEL_TYPE_NAMES.includes(folded) ? folded : trimmed;
    }
    case 'duration':
      return duration(raw, path, state);
  }
}
