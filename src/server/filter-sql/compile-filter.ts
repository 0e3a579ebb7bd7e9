/**
 * Compiles a validated filter tree (src/domain/filter) to a parameterised SQL boolean over
 * `contacts c`. The caller binds the workspace (`c.workspace_id = …`); the subqueries on tags
 * and channel identities follow `c.workspace_id`.
 *
 * The SQL answers exactly what `evaluateFilter` answers (a property test holds them together):
 * - every condition is wrapped so it is true or false, never null: on an absent value positive
 *   operators are false and each negative operator is `not` of its positive twin;
 * - text folds case with `lower(x collate "C")` (ASCII only, like `asciiFold`; the indexes of
 *   migration 0001 use the same expression) and matches substrings with `strpos`/`left`, so
 *   `%` and `_` are literal;
 * - duration cut-offs (now − d) are computed here and passed as parameters: nothing depends on
 *   the session time zone or on interval arithmetic;
 * - custom field values are read only when their JSON type fits the field (`jsonb_typeof`);
 *   a wrongly typed value is absent. Custom `date` values must look like `YYYY-MM-DD` and custom
 *   `datetime` values like `YYYY-MM-DDTHH:mm:ss.sssZ` (the form the domain stores); both then
 *   compare as text in the C collation, which orders them like the calendar.
 */
import { asciiFold } from '../../domain/filter/ascii-fold';
import { parseDuration } from '../../domain/filter/duration';
import { CUSTOM_FIELD_PREFIX } from '../../domain/custom-field';
import { STANDARD_FILTER_FIELDS } from '../../domain/filter/filter-fields';
import {
  type BooleanCondition,
  type ChannelsCondition,
  type DateCondition,
  type DateTimeCondition,
  type DurationCondition,
  type EnumCondition,
  type Filter,
  type FilterCondition,
  type IdCondition,
  isAndFilter,
  isNotFilter,
  isOrFilter,
  type NumberCondition,
  type TagsCondition,
  type TextCondition,
} from '../../domain/filter/filter-schema';
import { utcDateOf } from '../../domain/filter/temporal-values';
import type { Contact } from '../../domain/contact';
import type { SqlValue } from '../db/database';
import { SqlParams } from './sql-params';

export interface CompileFilterOptions {
  /** The evaluation instant (`withinLast`, `moreThan`, `timeSinceLastIncoming`): `hub.now()`. */
  now: Date;
  /** Parameters that precede the filter's in the statement; the first placeholder is `$paramOffset+1`. */
  paramOffset: number;
}

export interface CompiledFilter {
  /** A boolean SQL expression over `contacts c`, never null. */
  sql: string;
  params: SqlValue[];
}

/** Compiles a validated filter to SQL (semantics in this file's header). */
export function compileFilter(filter: Filter, opts: CompileFilterOptions): CompiledFilter {
  const params = new SqlParams(opts.paramOffset);
  const sql = compileNode(filter, params, opts.now);
  return { sql, params: params.values };
}

/** Compiles into an existing parameter list (for callers that build a larger statement). */
export function compileFilterInto(filter: Filter, params: SqlParams, now: Date): string {
  return compileNode(filter, params, now);
}

function compileNode(f: Filter, p: SqlParams, now: Date): string {
  if (isAndFilter(f)) return f.and.length === 0 ? 'true' : `(${f.and.map((x) => compileNode(x, p, now)).join(' and ')})`;
  if (isOrFilter(f)) return f.or.length === 0 ? 'false' : `(${f.or.map((x) => compileNode(x, p, now)).join(' or ')})`;
  if (isNotFilter(f)) return `(not ${compileNode(f.not, p, now)})`;
  return compileCondition(f, p, now);
}

/** Columns of the standard fields, by the Contact property the filter catalogue names. */
const COLUMNS: Partial<Record<keyof Contact, string>> = {
  id: 'c.id',
  externalCode: 'c.external_code',
  firstName: 'c.first_name',
  lastName: 'c.last_name',
  displayName: 'c.display_name',
  email: 'c.email',
  phone: 'c.phone',
  country: 'c.country',
  language: 'c.language',
  profilePic: 'c.profile_pic',
  assignee: 'c.assignee',
  conversationStatus: 'c.conversation_status',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  lastInteractionAt: 'c.last_interaction_at',
  lastIncomingAt: 'c.last_incoming_at',
  conversationOpenedAt: 'c.conversation_opened_at',
  blocked: 'c.blocked',
  proactive: 'c.proactive',
  reactive: 'c.reactive',
  lastInteractedChannelId: 'c.last_interacted_channel_id',
};

/** Where a scalar field's value is: a standard column, or a key of `custom_fields`. */
type Source = { kind: 'column'; column: string } | { kind: 'custom'; keyParam: string };

function sourceOf(field: string, p: SqlParams): Source {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return { kind: 'custom', keyParam: p.add(field.slice(CUSTOM_FIELD_PREFIX.length)) };
  }
  const spec = STANDARD_FILTER_FIELDS[field];
  const column = spec?.source.kind === 'standard' ? COLUMNS[spec.source.property] : undefined;
  /* istanbul ignore next -- validated filters only name known fields */
  if (column === undefined) throw new Error(`no column for filter field ${field}`);
  return { kind: 'column', column };
}

/**
 * The value of a custom field as text when its JSON type is `jsonType` (and it matches
 * `pattern`, a regular expression without quotes), else null.
 */
function customText(keyParam: string, jsonType: 'string' | 'number' | 'boolean', pattern?: string): string {
  const guard = pattern === undefined ? '' : ` and (c.custom_fields ->> ${keyParam}) ~ '${pattern}'`;
  return `(case when jsonb_typeof(c.custom_fields -> ${keyParam}) = '${jsonType}'${guard} then c.custom_fields ->> ${keyParam} end)`;
}

/** Null-safe wrapper: the condition is false where SQL would say null. */
function yes(sql: string): string {
  return `coalesce((${sql}), false)`;
}

/** Exactly `not` of the (null-safe) positive twin. */
function no(sql: string): string {
  return `(not ${yes(sql)})`;
}

function compileCondition(c: FilterCondition, p: SqlParams, now: Date): string {
  switch (c.type) {
    case 'text':
    case 'enum':
      return compileText(c, p);
    case 'id':
      return compileId(c, p);
    case 'number':
      return compileNumber(c, p);
    case 'boolean':
      return compileBoolean(c, p);
    case 'date':
      return compileDate(c, p, now);
    case 'datetime':
      return compileDateTime(c, p, now);
    case 'duration':
      return compileDuration(c, p, now);
    case 'tags':
      return compileTags(c, p);
    case 'channels':
      return compileChannels(c, p);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileText(c: TextCondition | EnumCondition, p: SqlParams): string {
  const src = sourceOf(c.field, p);
  // The raw text (null when absent) and its folded form. Values of positive operators are never
  // empty after validation, so an empty stored string can only fail them, as absent values do.
  const raw = src.kind === 'column' ? src.column : customText(src.keyParam, 'string');
  const folded = `lower(${raw} collate "C")`;
  switch (c.operator) {
    case 'exists':
      return yes(`${raw} <> ''`);
    case 'notExists':
      return no(`${raw} <> ''`);
    case 'is':
      return yes(`${folded} = ${p.add(asciiFold(c.value))}`);
    case 'isNot':
      return no(`${folded} = ${p.add(asciiFold(c.value))}`);
    case 'in':
      return yes(`${folded} = any(${p.add(c.value.map(asciiFold))}::text[])`);
    case 'notIn':
      return no(`${folded} = any(${p.add(c.value.map(asciiFold))}::text[])`);
    case 'contains':
      return yes(`strpos(${folded}, ${p.add(asciiFold(c.value))}) > 0`);
    case 'notContains':
      return no(`strpos(${folded}, ${p.add(asciiFold(c.value))}) > 0`);
    case 'startsWith': {
      const v = p.add(asciiFold(c.value));
      return yes(`left(${folded}, length(${v}::text)) = ${v}`);
    }
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileId(c: IdCondition, p: SqlParams): string {
  const src = sourceOf(c.field, p);
  const raw = src.kind === 'column' ? src.column : customText(src.keyParam, 'string');
  switch (c.operator) {
    case 'exists':
      return yes(`${raw} <> ''`);
    case 'notExists':
      return no(`${raw} <> ''`);
    case 'is':
      return yes(`${raw} = ${p.add(c.value)}`);
    case 'isNot':
      return no(`${raw} = ${p.add(c.value)}`);
    case 'in':
      return yes(`${raw} = any(${p.add(c.value)}::text[])`);
    case 'notIn':
      return no(`${raw} = any(${p.add(c.value)}::text[])`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/** Numbers travel as their JavaScript spelling and are read as `numeric`, so comparisons are exact. */
function numberText(n: number): string {
  return String(n);
}

function compileNumber(c: NumberCondition, p: SqlParams): string {
  const src = sourceOf(c.field, p);
  /* istanbul ignore next -- every number field is a custom field */
  const v = src.kind === 'column' ? src.column : `${customText(src.keyParam, 'number')}::numeric`;
  switch (c.operator) {
    case 'in':
      return yes(`${v} = any(${p.add(c.value.map(numberText))}::numeric[])`);
    case 'notIn':
      return no(`${v} = any(${p.add(c.value.map(numberText))}::numeric[])`);
    default:
      return compileComparison(c, v, (n) => `${p.add(numberText(n))}::numeric`);
  }
}

/** A condition of an ordered value: presence, equality, order and ranges. */
type OrderedCondition<T> =
  | { operator: 'exists' | 'notExists' }
  | { operator: 'is' | 'isNot' | 'gt' | 'gte' | 'lt' | 'lte'; value: T }
  | { operator: 'between'; value: [T, T] };

/** The comparisons numbers, dates and date-times share; `lit` makes a parameter of a value. */
function compileComparison<T>(c: OrderedCondition<T>, v: string, lit: (x: T) => string): string {
  switch (c.operator) {
    case 'exists':
      return yes(`${v} is not null`);
    case 'notExists':
      return no(`${v} is not null`);
    case 'is':
      return yes(`${v} = ${lit(c.value)}`);
    case 'isNot':
      return no(`${v} = ${lit(c.value)}`);
    case 'gt':
      return yes(`${v} > ${lit(c.value)}`);
    case 'gte':
      return yes(`${v} >= ${lit(c.value)}`);
    case 'lt':
      return yes(`${v} < ${lit(c.value)}`);
    case 'lte':
      return yes(`${v} <= ${lit(c.value)}`);
    case 'between':
      return yes(`${v} >= ${lit(c.value[0])} and ${v} <= ${lit(c.value[1])}`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileBoolean(c: BooleanCondition, p: SqlParams): string {
  const src = sourceOf(c.field, p);
  const v = src.kind === 'column' ? src.column : `${customText(src.keyParam, 'boolean')}::boolean`;
  switch (c.operator) {
    case 'exists':
      return yes(`${v} is not null`);
    case 'notExists':
      return no(`${v} is not null`);
    case 'is':
      return yes(`${v} = ${p.add(c.value)}::boolean`);
    case 'isNot':
      return no(`${v} = ${p.add(c.value)}::boolean`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/** `YYYY-MM-DD` and the canonical UTC date-time the domain stores. */
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DATETIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$';

/** Dates, date-times and (as text) their custom forms: the comparisons, plus durations before now. */
function compileOrdered(
  c: DateCondition | DateTimeCondition,
  v: string,
  lit: (x: string) => string,
  cutoff: (durationMs: number) => string,
): string {
  switch (c.operator) {
    case 'withinLast':
      return yes(`${v} >= ${cutoff(parseDuration(c.value))}`);
    case 'moreThan':
      return yes(`${v} < ${cutoff(parseDuration(c.value))}`);
    default:
      return compileComparison(c, v, lit);
  }
}

function compileDate(c: DateCondition, p: SqlParams, now: Date): string {
  const src = sourceOf(c.field, p);
  /* istanbul ignore next -- every date field is a custom field */
  const v = src.kind === 'column' ? src.column : `(${customText(src.keyParam, 'string', DATE_PATTERN)} collate "C")`;
  return compileOrdered(
    c,
    v,
    (x) => `${p.add(x)}::text`,
    (ms) => `${p.add(utcDateOf(now.getTime() - ms))}::text`,
  );
}

function compileDateTime(c: DateTimeCondition, p: SqlParams, now: Date): string {
  const src = sourceOf(c.field, p);
  const cut = (ms: number): string => new Date(now.getTime() - ms).toISOString();
  if (src.kind === 'column') {
    return compileOrdered(
      c,
      src.column,
      (x) => `${p.add(x)}::timestamptz`,
      (ms) => `${p.add(cut(ms))}::timestamptz`,
    );
  }
  // Canonical ISO strings (validated filter values are in that form too) order like instants.
  return compileOrdered(
    c,
    `(${customText(src.keyParam, 'string', DATETIME_PATTERN)} collate "C")`,
    (x) => `${p.add(x)}::text`,
    (ms) => `${p.add(cut(ms))}::text`,
  );
}

function compileDuration(c: DurationCondition, p: SqlParams, now: Date): string {
  const last = 'c.last_incoming_at';
  // elapsed = now − last; elapsed > d ⇔ last < now − d.
  const cut = (d: string): string => `${p.add(new Date(now.getTime() - parseDuration(d)).toISOString())}::timestamptz`;
  switch (c.operator) {
    case 'exists':
      return yes(`${last} is not null`);
    case 'notExists':
      return no(`${last} is not null`);
    case 'gt':
      return yes(`${last} < ${cut(c.value)}`);
    case 'gte':
      return yes(`${last} <= ${cut(c.value)}`);
    case 'lt':
      return yes(`${last} > ${cut(c.value)}`);
    case 'lte':
      return yes(`${last} >= ${cut(c.value)}`);
    case 'between':
      return yes(`${last} <= ${cut(c.value[0])} and ${last} >= ${cut(c.value[1])}`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

const CONTACT_TAGS = `select 1 from contact_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id
   where ct.workspace_id = c.workspace_id and ct.contact_id = c.id`;

function compileTags(c: TagsCondition, p: SqlParams): string {
  switch (c.operator) {
    case 'exists':
      return `exists (select 1 from contact_tags ct where ct.workspace_id = c.workspace_id and ct.contact_id = c.id)`;
    case 'notExists':
      return `(not exists (select 1 from contact_tags ct where ct.workspace_id = c.workspace_id and ct.contact_id = c.id))`;
    case 'hasAny':
      return `exists (${CONTACT_TAGS} and t.name_key = any(${p.add(c.value.map(asciiFold))}::text[]))`;
    case 'hasNone':
      return `(not exists (${CONTACT_TAGS} and t.name_key = any(${p.add(c.value.map(asciiFold))}::text[])))`;
    case 'hasAll':
      return `(not exists (select 1 from unnest(${p.add(c.value.map(asciiFold))}::text[]) as wanted(k)
         where not exists (${CONTACT_TAGS} and t.name_key = wanted.k)))`;
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

const CONTACT_IDENTITIES = `select 1 from channel_identities ci
    join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id
   where ci.workspace_id = c.workspace_id and ci.contact_id = c.id`;

function compileChannels(c: ChannelsCondition, p: SqlParams): string {
  switch (c.operator) {
    case 'exists':
      return `exists (select 1 from channel_identities ci where ci.workspace_id = c.workspace_id and ci.contact_id = c.id)`;
    case 'notExists':
      return `(not exists (select 1 from channel_identities ci where ci.workspace_id = c.workspace_id and ci.contact_id = c.id))`;
    case 'hasAny': {
      const items = p.add(c.value);
      return `exists (${CONTACT_IDENTITIES} and (ci.channel_id = any(${items}::text[]) or ch.type = any(${items}::text[])))`;
    }
    case 'hasNone': {
      const items = p.add(c.value);
      return `(not exists (${CONTACT_IDENTITIES} and (ci.channel_id = any(${items}::text[]) or ch.type = any(${items}::text[]))))`;
    }
    case 'hasAll':
      return `(not exists (select 1 from unnest(${p.add(c.value)}::text[]) as wanted(k)
         where not exists (${CONTACT_IDENTITIES} and (ci.channel_id = wanted.k or ch.type = wanted.k))))`;
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/* istanbul ignore next -- exhaustiveness guard */
function unreachable(x: never): never {
  throw new Error(`unhandled filter condition: ${JSON.stringify(x)}`);
}
