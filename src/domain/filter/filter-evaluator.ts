/**
 * In-memory evaluation of a validated filter against one contact.
 *
 * The server compiles the same tree to PostgreSQL, and tests hold both to the same answers, so every
 * rule below is one SQL can reproduce exactly:
 *
 * Groups: empty `and` is true, empty `or` is false, `not` negates. There is no third truth value:
 * every condition is true or false (in SQL, wrap each condition in `coalesce(..., false)`).
 *
 * Absent values: a standard field that is null, a custom field that is missing, null, or of the wrong
 * JSON type for its definition (e.g. a string in a number field) is *absent*. On an absent value every
 * positive operator (`is`, `in`, `contains`, `startsWith`, `gt`, `gte`, `lt`, `lte`, `between`,
 * `withinLast`, `moreThan`) is false and every negative one (`isNot`, `notIn`, `notContains`) is true:
 * each negative operator is exactly `not` of its positive twin. `exists` is "not absent"; for text,
 * id and enum fields the empty string counts as absent too. `notExists` is `not exists`.
 *
 * Text (`text`, `enum`): compared case-insensitively by folding A–Z to a–z and nothing else (see
 * {@link asciiFold}; SQL: `translate(x, 'A..Z', 'a..z')` or `lower(x COLLATE "C")`), so `É` and `é`
 * differ. `contains` / `startsWith` are plain substring / prefix tests on the folded strings (in SQL
 * use `strpos(...) > 0` and `left(x, length(v)) = v`, not LIKE, so `%` and `_` stay literal).
 * `id` fields (`assignee`, `lastInteractedChannel`) compare exactly, case-sensitively.
 *
 * Numbers compare numerically. Booleans compare by equality.
 *
 * Dates (custom `date`, `YYYY-MM-DD`) compare as calendar dates. Date-times compare as instants in
 * milliseconds. For a duration d (a day is exactly 86 400 000 ms; SQL must subtract milliseconds or
 * compute the threshold outside, not `interval '1 day'`, which follows DST in the session zone):
 * - datetime `withinLast d` ⇔ value ≥ now − d (values in the future count as within);
 *   `moreThan d` ⇔ value < now − d. So for a present value exactly one of the two holds.
 * - date `withinLast d` ⇔ value ≥ the UTC calendar date of (now − d); `moreThan d` ⇔ value < that date.
 * - `between [a, b]` includes both ends.
 *
 * `timeSinceLastIncoming` is now − `lastIncomingAt` (ms) compared with the duration(s): `gt d` ⇔
 * elapsed > d, i.e. lastIncomingAt < now − d, and so on. With no `lastIncomingAt` every operator is
 * false except `notExists`; `exists` ⇔ `lastIncomingAt` is not null.
 *
 * Tags: `hasAny` ⇔ some listed tag equals (ASCII fold) a tag of the contact; `hasAll` ⇔ each listed
 * tag does; `hasNone` ⇔ not `hasAny`; `exists` ⇔ the contact has at least one tag.
 *
 * Channels: a listed item matches an identity when it equals the identity's channel id (exactly) or
 * the type of that channel (lower-case type name, channels looked up in `ctx.channels`; an identity
 * on an unknown channel matches by id only). `hasAny`/`hasAll`/`hasNone`/`exists` as for tags, over
 * the identities given with the subject.
 */
import type { Channel } from '../channel';
import type { Contact } from '../contact';
import { asciiFold } from './ascii-fold';
import { parseDuration } from './duration';
import { CUSTOM_FIELD_PREFIX } from '../custom-field';
import { STANDARD_FILTER_FIELDS } from './filter-fields';
import {
  type ChannelsCondition,
  type DateCondition,
  type DateTimeCondition,
  type DurationCondition,
  type Filter,
  type FilterCondition,
  isAndFilter,
  isNotFilter,
  isOrFilter,
  type NumberCondition,
  type TagsCondition,
} from './filter-schema';
import { parseInstant, utcDateOf } from './temporal-values';

/** A contact with the channel identities that count for the `channels` field. */
export type FilterSubject = Contact & { identities: ReadonlyArray<{ channelId: string }> };

export interface FilterEvaluationContext {
  /** The evaluation instant (`withinLast`, `moreThan`, `timeSinceLastIncoming`). */
  now: Date;
  /** The workspace's channels, to find the type of an identity's channel. */
  channels: readonly Channel[];
}

/** Decides whether `subject` matches the validated `filter` (semantics in this file's header). */
export function evaluateFilter(filter: Filter, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  if (isAndFilter(filter)) return filter.and.every((f) => evaluateFilter(f, subject, ctx));
  if (isOrFilter(filter)) return filter.or.some((f) => evaluateFilter(f, subject, ctx));
  if (isNotFilter(filter)) return !evaluateFilter(filter.not, subject, ctx);
  return evaluateCondition(filter, subject, ctx);
}

/** Returns a predicate for one filter, handy to filter arrays of contacts. */
export function compileFilterPredicate(
  filter: Filter,
  ctx: FilterEvaluationContext,
): (subject: FilterSubject) => boolean {
  return (subject) => evaluateFilter(filter, subject, ctx);
}

function rawValue(field: string, subject: FilterSubject): unknown {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    return Object.prototype.hasOwnProperty.call(subject.customFields, key) ? subject.customFields[key] : null;
  }
  const spec = STANDARD_FILTER_FIELDS[field];
  /* istanbul ignore next -- validated filters only name known fields */
  if (spec?.source.kind !== 'standard') return null;
  return subject[spec.source.property];
}

function stringValue(field: string, subject: FilterSubject): string | null {
  const v = rawValue(field, subject);
  return typeof v === 'string' ? v : null;
}

function evaluateCondition(c: FilterCondition, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  switch (c.type) {
    case 'text':
    case 'enum': {
      const raw = stringValue(c.field, subject);
      const v = raw === null || raw === '' ? null : asciiFold(raw);
      switch (c.operator) {
        case 'exists':
          return v !== null;
        case 'notExists':
          return v === null;
        case 'is':
          return v !== null && v === asciiFold(c.value);
        case 'isNot':
          return !(v !== null && v === asciiFold(c.value));
        case 'in':
          return v !== null && c.value.some((x) => asciiFold(x) === v);
        case 'notIn':
          return !(v !== null && c.value.some((x) => asciiFold(x) === v));
        case 'contains':
          return v !== null && v.includes(asciiFold(c.value));
        case 'notContains':
          return !(v !== null && v.includes(asciiFold(c.value)));
        case 'startsWith':
          return v !== null && v.startsWith(asciiFold(c.value));
      }
      /* istanbul ignore next -- exhaustive */
      return unreachable(c);
    }
    case 'id': {
      const raw = stringValue(c.field, subject);
      const v = raw === '' ? null : raw;
      switch (c.operator) {
        case 'exists':
          return v !== null;
        case 'notExists':
          return v === null;
        case 'is':
          return v !== null && v === c.value;
        case 'isNot':
          return !(v !== null && v === c.value);
        case 'in':
          return v !== null && c.value.includes(v);
        case 'notIn':
          return !(v !== null && c.value.includes(v));
      }
      /* istanbul ignore next -- exhaustive */
      return unreachable(c);
    }
    case 'boolean': {
      const raw = rawValue(c.field, subject);
      const v = typeof raw === 'boolean' ? raw : null;
      switch (c.operator) {
        case 'exists':
          return v !== null;
        case 'notExists':
          return v === null;
        case 'is':
          return v !== null && v === c.value;
        case 'isNot':
          return !(v !== null && v === c.value);
      }
      /* istanbul ignore next -- exhaustive */
      return unreachable(c);
    }
    case 'number':
      return evaluateNumber(c, subject);
    case 'date':
      return evaluateDate(c, subject, ctx);
    case 'datetime':
      return evaluateDateTime(c, subject, ctx);
    case 'duration':
      return evaluateDuration(c, subject, ctx);
    case 'tags':
      return evaluateTags(c, subject);
    case 'channels':
      return evaluateChannels(c, subject, ctx);
  }
  /* istanbul ignore next -- exhaustive */
  return unreachable(c);
}

/** Shared comparison logic for ordered values; `v` is null when absent. */
function compareOrdered<T extends number | string>(
  v: T | null,
  operator: 'is' | 'isNot' | 'gt' | 'gte' | 'lt' | 'lte',
  x: T,
): boolean {
  if (operator === 'isNot') return !(v !== null && v === x);
  if (v === null) return false;
  switch (operator) {
    case 'is':
      return v === x;
    case 'gt':
      return v > x;
    case 'gte':
      return v >= x;
    case 'lt':
      return v < x;
    case 'lte':
      return v <= x;
  }
}

function evaluateNumber(c: NumberCondition, subject: FilterSubject): boolean {
  const raw = rawValue(c.field, subject);
  const v = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  switch (c.operator) {
    case 'exists':
      return v !== null;
    case 'notExists':
      return v === null;
    case 'in':
      return v !== null && c.value.includes(v);
    case 'notIn':
      return !(v !== null && c.value.includes(v));
    case 'between':
      return v !== null && v >= c.value[0] && v <= c.value[1];
    default:
      return compareOrdered(v, c.operator, c.value);
  }
}

function evaluateDate(c: DateCondition, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  const raw = stringValue(c.field, subject);
  // Stored dates are YYYY-MM-DD, which orders like the calendar when compared as strings.
  const v = raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null;
  switch (c.operator) {
    case 'exists':
      return v !== null;
    case 'notExists':
      return v === null;
    case 'between':
      return v !== null && v >= c.value[0] && v <= c.value[1];
    case 'withinLast':
      return v !== null && v >= utcDateOf(ctx.now.getTime() - parseDuration(c.value));
    case 'moreThan':
      return v !== null && v < utcDateOf(ctx.now.getTime() - parseDuration(c.value));
    default:
      return compareOrdered(v, c.operator, c.value);
  }
}

function evaluateDateTime(c: DateTimeCondition, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  const raw = stringValue(c.field, subject);
  const v = raw === null ? null : parseInstant(raw);
  switch (c.operator) {
    case 'exists':
      return v !== null;
    case 'notExists':
      return v === null;
    case 'between':
      return v !== null && v >= instant(c.value[0]) && v <= instant(c.value[1]);
    case 'withinLast':
      return v !== null && v >= ctx.now.getTime() - parseDuration(c.value);
    case 'moreThan':
      return v !== null && v < ctx.now.getTime() - parseDuration(c.value);
    default:
      return compareOrdered(v, c.operator, instant(c.value));
  }
}

function instant(iso: string): number {
  const ms = parseInstant(iso);
  /* istanbul ignore next -- validated filters hold valid instants */
  if (ms === null) throw new Error(`invalid instant in a validated filter: ${iso}`);
  return ms;
}

function evaluateDuration(c: DurationCondition, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  const last = subject.lastIncomingAt === null ? null : parseInstant(subject.lastIncomingAt);
  if (c.operator === 'exists') return last !== null;
  if (c.operator === 'notExists') return last === null;
  if (last === null) return false;
  const elapsed = ctx.now.getTime() - last;
  switch (c.operator) {
    case 'between':
      return elapsed >= parseDuration(c.value[0]) && elapsed <= parseDuration(c.value[1]);
    case 'gt':
      return elapsed > parseDuration(c.value);
    case 'gte':
      return elapsed >= parseDuration(c.value);
    case 'lt':
      return elapsed < parseDuration(c.value);
    case 'lte':
      return elapsed <= parseDuration(c.value);
  }
}

function evaluateSet(
  operator: TagsCondition['operator'],
  value: readonly string[] | undefined,
  size: number,
  matches: (item: string) => boolean,
): boolean {
  switch (operator) {
    case 'exists':
      return size > 0;
    case 'notExists':
      return size === 0;
    case 'hasAny':
      return (value ?? []).some(matches);
    case 'hasAll':
      return (value ?? []).every(matches);
    case 'hasNone':
      return !(value ?? []).some(matches);
  }
}

function evaluateTags(c: TagsCondition, subject: FilterSubject): boolean {
  const tags = new Set(subject.tags.map(asciiFold));
  return evaluateSet(c.operator, 'value' in c ? c.value : undefined, tags.size, (t) => tags.has(asciiFold(t)));
}

function evaluateChannels(c: ChannelsCondition, subject: FilterSubject, ctx: FilterEvaluationContext): boolean {
  const typeById = new Map(ctx.channels.map((ch) => [ch.id, ch.type as string]));
  const keys = new Set<string>();
  for (const identity of subject.identities) {
    keys.add(identity.channelId);
    const type = typeById.get(identity.channelId);
    if (type !== undefined) keys.add(type);
  }
  return evaluateSet(c.operator, 'value' in c ? c.value : undefined, subject.identities.length, (item) => keys.has(item));
}

/* istanbul ignore next -- exhaustiveness guard */
function unreachable(x: never): never {
  throw new Error(`unhandled filter condition: ${JSON.stringify(x)}`);
}
