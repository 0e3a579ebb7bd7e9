/**
 * Compiles a validated filter tree (src/domain/filter) to a parameterised SQL boolean over
 * `contacts c`. The caller binds the workspace (`c.workspace_id = …`).
 *
 * The SQL answers exactly what `evaluateFilter` answers (a property test holds them together),
 * in forms the planner can answer with the indexes of migration 3:
 * - negations are pushed down to the conditions (`not (a and b)` is `not a or not b`), so every
 *   `and`/`or` above a condition is monotone. A condition then compiles to a plain predicate that
 *   is true where it holds and false or null elsewhere (null acts as false under `and`/`or` and in
 *   `where`), and a negated one to `(predicate) is not true`, which is never null. No `coalesce`
 *   hides a column from its index;
 * - text folds case with `lower(x collate "C")` (ASCII only, like `asciiFold`; the expression
 *   indexes use the same form); `contains` is `strpos`, `startsWith` is a `like` prefix with `%`,
 *   `_` and `\` escaped (an index range scan in the C collation);
 * - tags and channels are the array columns `tag_keys` and `channel_keys` (`&&`, `@>`: GIN);
 * - equality on a custom field is containment in `custom_folded` (string values folded), which
 *   its GIN index answers; a value of another JSON type than the field's never matches;
 * - custom field ranges read the value only when its JSON type fits the field (`jsonb_typeof`):
 *   a wrongly typed value is absent. Custom `date` values must look like `YYYY-MM-DD` and custom
 *   `datetime` values like `YYYY-MM-DDTHH:mm:ss.sssZ` (the form the domain stores); both then
 *   compare as text in the C collation, which orders them like the calendar;
 * - duration cut-offs (now − d) are computed here and passed as parameters: nothing depends on
 *   the session time zone or on interval arithmetic.
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
  /** A boolean SQL expression over `contacts c`: true where the filter holds, false or null elsewhere (a `where` condition). */
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

/**
 * A condition in SQL: `sql` is true where the condition's positive form holds and false or null
 * elsewhere; the condition itself is `sql` (`negated: false`) or its null-safe negation.
 */
interface Atom {
  sql: string;
  negated: boolean;
}

const holds = (sql: string): Atom => ({ sql, negated: false });
const fails = (sql: string): Atom => ({ sql, negated: true });

/** Compiles `f` when `positive`, else `not f`, pushing the negation down to the conditions. */
function compileNode(f: Filter, p: SqlParams, now: Date, positive = true): string {
  if (isAndFilter(f) || isOrFilter(f)) {
    const children = isAndFilter(f) ? f.and : f.or;
    // not (a and b) = not a or not b; not (a or b) = not a and not b.
    const conjunction = isAndFilter(f) === positive;
    if (children.length === 0) return conjunction ? 'true' : 'false';
    return `(${children.map((x) => compileNode(x, p, now, positive)).join(conjunction ? ' and ' : ' or ')})`;
  }
  if (isNotFilter(f)) return compileNode(f.not, p, now, !positive);
  const atom = compileCondition(f, p, now);
  return positive !== atom.negated ? atom.sql : `((${atom.sql}) is not true)`;
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
type Source = { kind: 'column'; column: string } | CustomSource;

/** A custom field: its key, and the placeholder of the key as a parameter (added when first asked for). */
interface CustomSource {
  kind: 'custom';
  key: string;
  keyParam: () => string;
}

function sourceOf(field: string, p: SqlParams): Source {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    let placeholder: string | null = null;
    return { kind: 'custom', key, keyParam: () => (placeholder ??= p.add(key)) };
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

/** Whether the custom field holds a value of the JSON type its definition asks for. */
function customPresent(keyParam: string, jsonType: 'string' | 'number' | 'boolean'): string {
  return `jsonb_typeof(c.custom_fields -> ${keyParam}) = '${jsonType}'`;
}

/**
 * The custom field equals one of `values` (strings already folded): containment in
 * `custom_folded`, one GIN probe per value, joined by `or` (a bitmap OR).
 */
function customEquals(src: { key: string }, values: readonly (string | number | boolean)[], p: SqlParams): string {
  const probes = values.map((v) => `c.custom_folded @> ${p.add(JSON.stringify({ [src.key]: v }))}::jsonb`);
  return probes.length === 1 ? (probes[0] as string) : `(${probes.join(' or ')})`;
}

/** A `like` pattern matching the text literally (`%`, `_` and the escape `\` escaped) followed by `suffix`. */
export function likePattern(prefix: string, text: string, suffix: string): string {
  return `${prefix}${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}${suffix}`;
}

function compileCondition(c: FilterCondition, p: SqlParams, now: Date): Atom {
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
      return compileSet(c, 'c.tag_keys', p, (v) => v.map(asciiFold));
    case 'channels':
      return compileSet(c, 'c.channel_keys', p, (v) => v);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileText(c: TextCondition | EnumCondition, p: SqlParams): Atom {
  const src = sourceOf(c.field, p);
  // The raw text (null when absent) and its folded form. Values of positive operators are never
  // empty after validation, so an empty stored string can only fail them, as absent values do.
  const raw = (): string => (src.kind === 'column' ? src.column : customText(src.keyParam(), 'string'));
  const folded = (): string => `lower(${raw()} collate "C")`;
  const equals = (values: readonly string[]): string =>
    src.kind === 'custom'
      ? customEquals(src, values.map(asciiFold), p)
      : values.length === 1
        ? `${folded()} = ${p.add(asciiFold(values[0] as string))}`
        : `${folded()} = any(${p.add(values.map(asciiFold))}::text[])`;
  switch (c.operator) {
    case 'exists':
      return holds(`${raw()} <> ''`);
    case 'notExists':
      return fails(`${raw()} <> ''`);
    case 'is':
      return holds(equals([c.value]));
    case 'isNot':
      return fails(equals([c.value]));
    case 'in':
      return holds(equals(c.value));
    case 'notIn':
      return fails(equals(c.value));
    case 'contains':
      return holds(`strpos(${folded()}, ${p.add(asciiFold(c.value))}) > 0`);
    case 'notContains':
      return fails(`strpos(${folded()}, ${p.add(asciiFold(c.value))}) > 0`);
    case 'startsWith':
      return holds(`${folded()} like ${p.add(likePattern('', asciiFold(c.value), '%'))}`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileId(c: IdCondition, p: SqlParams): Atom {
  const src = sourceOf(c.field, p);
  /* istanbul ignore next -- every id field is a standard field */
  const raw = src.kind === 'column' ? src.column : customText(src.keyParam(), 'string');
  switch (c.operator) {
    case 'exists':
      return holds(`${raw} <> ''`);
    case 'notExists':
      return fails(`${raw} <> ''`);
    case 'is':
      return holds(`${raw} = ${p.add(c.value)}`);
    case 'isNot':
      return fails(`${raw} = ${p.add(c.value)}`);
    case 'in':
      return holds(`${raw} = any(${p.add(c.value)}::text[])`);
    case 'notIn':
      return fails(`${raw} = any(${p.add(c.value)}::text[])`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/** Numbers travel as their JavaScript spelling and are read as `numeric`, so comparisons are exact. */
function numberText(n: number): string {
  return String(n);
}

function compileNumber(c: NumberCondition, p: SqlParams): Atom {
  const src = sourceOf(c.field, p);
  /* istanbul ignore next -- every number field is a custom field */
  if (src.kind === 'column') throw new Error(`no standard number field ${c.field}`);
  switch (c.operator) {
    case 'exists':
      return holds(customPresent(src.keyParam(), 'number'));
    case 'notExists':
      return fails(customPresent(src.keyParam(), 'number'));
    case 'is':
      return holds(customEquals(src, [c.value], p));
    case 'isNot':
      return fails(customEquals(src, [c.value], p));
    case 'in':
      return holds(customEquals(src, c.value, p));
    case 'notIn':
      return fails(customEquals(src, c.value, p));
    default:
      return compileComparison(c, `${customText(src.keyParam(), 'number')}::numeric`, (n) => `${p.add(numberText(n))}::numeric`);
  }
}

/** A condition of an ordered value: presence, equality, order and ranges. */
type OrderedCondition<T> =
  | { operator: 'exists' | 'notExists' }
  | { operator: 'is' | 'isNot' | 'gt' | 'gte' | 'lt' | 'lte'; value: T }
  | { operator: 'between'; value: [T, T] };

/** The comparisons numbers, dates and date-times share; `lit` makes a parameter of a value. */
function compileComparison<T>(c: OrderedCondition<T>, v: string, lit: (x: T) => string): Atom {
  switch (c.operator) {
    case 'exists':
      return holds(`${v} is not null`);
    case 'notExists':
      return fails(`${v} is not null`);
    case 'is':
      return holds(`${v} = ${lit(c.value)}`);
    case 'isNot':
      return fails(`${v} = ${lit(c.value)}`);
    case 'gt':
      return holds(`${v} > ${lit(c.value)}`);
    case 'gte':
      return holds(`${v} >= ${lit(c.value)}`);
    case 'lt':
      return holds(`${v} < ${lit(c.value)}`);
    case 'lte':
      return holds(`${v} <= ${lit(c.value)}`);
    case 'between':
      return holds(`${v} >= ${lit(c.value[0])} and ${v} <= ${lit(c.value[1])}`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

function compileBoolean(c: BooleanCondition, p: SqlParams): Atom {
  const src = sourceOf(c.field, p);
  if (src.kind === 'custom') {
    switch (c.operator) {
      case 'exists':
        return holds(customPresent(src.keyParam(), 'boolean'));
      case 'notExists':
        return fails(customPresent(src.keyParam(), 'boolean'));
      case 'is':
        return holds(customEquals(src, [c.value], p));
      case 'isNot':
        return fails(customEquals(src, [c.value], p));
    }
  }
  const v = src.column;
  switch (c.operator) {
    case 'exists':
      return holds(`${v} is not null`);
    case 'notExists':
      return fails(`${v} is not null`);
    case 'is':
      return holds(`${v} = ${p.add(c.value)}::boolean`);
    case 'isNot':
      return fails(`${v} = ${p.add(c.value)}::boolean`);
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
): Atom {
  switch (c.operator) {
    case 'withinLast':
      return holds(`${v} >= ${cutoff(parseDuration(c.value))}`);
    case 'moreThan':
      return holds(`${v} < ${cutoff(parseDuration(c.value))}`);
    default:
      return compileComparison(c, v, lit);
  }
}

function compileDate(c: DateCondition, p: SqlParams, now: Date): Atom {
  const src = sourceOf(c.field, p);
  /* istanbul ignore next -- every date field is a custom field */
  if (src.kind === 'column') throw new Error(`no standard date field ${c.field}`);
  // A date is ASCII digits and dashes: equality is containment, the index's form.
  if (c.operator === 'is') return holds(customEquals(src, [c.value], p));
  if (c.operator === 'isNot') return fails(customEquals(src, [c.value], p));
  return compileOrdered(
    c,
    `(${customText(src.keyParam(), 'string', DATE_PATTERN)} collate "C")`,
    (x) => `${p.add(x)}::text`,
    (ms) => `${p.add(utcDateOf(now.getTime() - ms))}::text`,
  );
}

function compileDateTime(c: DateTimeCondition, p: SqlParams, now: Date): Atom {
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
    `(${customText(src.keyParam(), 'string', DATETIME_PATTERN)} collate "C")`,
    (x) => `${p.add(x)}::text`,
    (ms) => `${p.add(cut(ms))}::text`,
  );
}

function compileDuration(c: DurationCondition, p: SqlParams, now: Date): Atom {
  const last = 'c.last_incoming_at';
  // elapsed = now − last; elapsed > d ⇔ last < now − d.
  const cut = (d: string): string => `${p.add(new Date(now.getTime() - parseDuration(d)).toISOString())}::timestamptz`;
  switch (c.operator) {
    case 'exists':
      return holds(`${last} is not null`);
    case 'notExists':
      return fails(`${last} is not null`);
    case 'gt':
      return holds(`${last} < ${cut(c.value)}`);
    case 'gte':
      return holds(`${last} <= ${cut(c.value)}`);
    case 'lt':
      return holds(`${last} > ${cut(c.value)}`);
    case 'lte':
      return holds(`${last} >= ${cut(c.value)}`);
    case 'between':
      return holds(`${last} <= ${cut(c.value[0])} and ${last} >= ${cut(c.value[1])}`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/**
 * Tags (`tag_keys`: tag keys) and channels (`channel_keys`: channel ids and types) of the
 * contact: `keysOf` turns the listed items into the column's keys.
 */
function compileSet(c: TagsCondition | ChannelsCondition, column: string, p: SqlParams, keysOf: (v: string[]) => string[]): Atom {
  switch (c.operator) {
    case 'exists':
      return holds(`cardinality(${column}) > 0`);
    case 'notExists':
      return fails(`cardinality(${column}) > 0`);
    case 'hasAny':
      return holds(`${column} && ${p.add(keysOf(c.value))}::text[]`);
    case 'hasNone':
      return fails(`${column} && ${p.add(keysOf(c.value))}::text[]`);
    case 'hasAll':
      return holds(`${column} @> ${p.add(keysOf(c.value))}::text[]`);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/* istanbul ignore next -- exhaustiveness guard */
function unreachable(x: never): never {
  throw new Error(`unhandled filter condition: ${JSON.stringify(x)}`);
}
