/**
 * The shape of a validated filter tree (SPEC §3 "Segments (filters) and search").
 *
 * Input is JSON: `{ "and": Node[] }`, `{ "or": Node[] }`, `{ "not": Node }` or a condition
 * `{ "field", "operator", "value"? }`. `validateFilter` turns it into a {@link Filter}: the same shape,
 * with values normalised and every condition carrying the value `type` of its field, so that the
 * in-memory evaluator and the SQL compiler can switch over `type` and then `operator` exhaustively
 * without looking up custom field definitions again. A validated tree is valid input again
 * (validation ignores and recomputes `type`).
 */

export const FILTER_OPERATORS = [
  'is',
  'isNot',
  'contains',
  'notContains',
  'startsWith',
  'exists',
  'notExists',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'withinLast',
  'moreThan',
  'hasAny',
  'hasAll',
  'hasNone',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * Value types of filterable fields.
 * - `text`: case-insensitive (ASCII fold) text: names, e-mail, phone, country, language, URLs, custom text/email/phone/url.
 * - `id`: an identifier compared exactly (case-sensitive): `assignee`, `lastInteractedChannel`.
 * - `enum`: one of fixed options, compared case-insensitively: `conversationStatus`, custom `list`.
 * - `number`, `boolean`.
 * - `date`: calendar date `YYYY-MM-DD` (custom `date`); `datetime`: an instant (ISO 8601, UTC).
 * - `tags`: the contact's tag set; `channels`: the channels the contact has an identity on.
 * - `duration`: `timeSinceLastIncoming`, the time elapsed since the last incoming message.
 */
export const FILTER_VALUE_TYPES = [
  'text',
  'id',
  'enum',
  'number',
  'boolean',
  'date',
  'datetime',
  'tags',
  'channels',
  'duration',
] as const;
export type FilterValueType = (typeof FILTER_VALUE_TYPES)[number];

/** Operators each value type accepts, in the order error messages list them. */
export const OPERATORS_BY_TYPE: Readonly<Record<FilterValueType, readonly FilterOperator[]>> = {
  text: ['is', 'isNot', 'contains', 'notContains', 'startsWith', 'in', 'notIn', 'exists', 'notExists'],
  id: ['is', 'isNot', 'in', 'notIn', 'exists', 'notExists'],
  enum: ['is', 'isNot', 'in', 'notIn', 'exists', 'notExists'],
  number: ['is', 'isNot', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'notExists'],
  boolean: ['is', 'isNot', 'exists', 'notExists'],
  date: ['is', 'isNot', 'gt', 'gte', 'lt', 'lte', 'between', 'withinLast', 'moreThan', 'exists', 'notExists'],
  datetime: ['is', 'isNot', 'gt', 'gte', 'lt', 'lte', 'between', 'withinLast', 'moreThan', 'exists', 'notExists'],
  tags: ['hasAny', 'hasAll', 'hasNone', 'exists', 'notExists'],
  channels: ['hasAny', 'hasAll', 'hasNone', 'exists', 'notExists'],
  duration: ['gt', 'gte', 'lt', 'lte', 'between', 'exists', 'notExists'],
};

/** Deepest nesting of `and`/`or`/`not` groups (the root group counts as 1). */
export const MAX_FILTER_DEPTH = 10;
/** Most conditions in one filter. */
export const MAX_FILTER_CONDITIONS = 200;
/** Most items in the array value of `in`, `notIn`, `hasAny`, `hasAll`, `hasNone`. */
export const MAX_FILTER_LIST_ITEMS = 500;
/** Longest text value. */
export const MAX_FILTER_TEXT_LENGTH = 1000;

export type PresenceOperator = 'exists' | 'notExists';
export type ComparisonOperator = 'gt' | 'gte' | 'lt' | 'lte';
export type SetOperator = 'hasAny' | 'hasAll' | 'hasNone';

/** A condition with a value. */
export interface ValueCondition<T extends FilterValueType, O extends FilterOperator, V> {
  /** `firstName`, `tags`, `customFields.birthday`, ... */
  field: string;
  type: T;
  operator: O;
  value: V;
}

/** `exists` / `notExists`: no value. */
export interface PresenceCondition<T extends FilterValueType> {
  field: string;
  type: T;
  operator: PresenceOperator;
}

export type TextCondition =
  | ValueCondition<'text', 'is' | 'isNot' | 'contains' | 'notContains' | 'startsWith', string>
  | ValueCondition<'text', 'in' | 'notIn', string[]>
  | PresenceCondition<'text'>;

export type IdCondition =
  | ValueCondition<'id', 'is' | 'isNot', string>
  | ValueCondition<'id', 'in' | 'notIn', string[]>
  | PresenceCondition<'id'>;

export type EnumCondition =
  | ValueCondition<'enum', 'is' | 'isNot', string>
  | ValueCondition<'enum', 'in' | 'notIn', string[]>
  | PresenceCondition<'enum'>;

export type NumberCondition =
  | ValueCondition<'number', 'is' | 'isNot' | ComparisonOperator, number>
  | ValueCondition<'number', 'in' | 'notIn', number[]>
  | ValueCondition<'number', 'between', [number, number]>
  | PresenceCondition<'number'>;

export type BooleanCondition = ValueCondition<'boolean', 'is' | 'isNot', boolean> | PresenceCondition<'boolean'>;

/** Values are `YYYY-MM-DD`; `withinLast`/`moreThan` take a duration string such as `7d`. */
export type DateCondition =
  | ValueCondition<'date', 'is' | 'isNot' | ComparisonOperator, string>
  | ValueCondition<'date', 'between', [string, string]>
  | ValueCondition<'date', 'withinLast' | 'moreThan', string>
  | PresenceCondition<'date'>;

/** Values are ISO 8601 UTC strings (`toISOString()` form); `withinLast`/`moreThan` take a duration string. */
export type DateTimeCondition =
  | ValueCondition<'datetime', 'is' | 'isNot' | ComparisonOperator, string>
  | ValueCondition<'datetime', 'between', [string, string]>
  | ValueCondition<'datetime', 'withinLast' | 'moreThan', string>
  | PresenceCondition<'datetime'>;

/** Tag names, trimmed, without case-insensitive duplicates. */
export type TagsCondition = ValueCondition<'tags', SetOperator, string[]> | PresenceCondition<'tags'>;

/** Channel ids or channel type names (type names in lower case, e.g. `whatsapp`). */
export type ChannelsCondition = ValueCondition<'channels', SetOperator, string[]> | PresenceCondition<'channels'>;

/** Values are duration strings (`30m`, `7d`). */
export type DurationCondition =
  | ValueCondition<'duration', ComparisonOperator, string>
  | ValueCondition<'duration', 'between', [string, string]>
  | PresenceCondition<'duration'>;

export type FilterCondition =
  | TextCondition
  | IdCondition
  | EnumCondition
  | NumberCondition
  | BooleanCondition
  | DateCondition
  | DateTimeCondition
  | TagsCondition
  | ChannelsCondition
  | DurationCondition;

export interface AndFilter {
  and: Filter[];
}
export interface OrFilter {
  or: Filter[];
}
export interface NotFilter {
  not: Filter;
}

/** A validated, normalised filter tree. Build one with `validateFilter`. */
export type Filter = AndFilter | OrFilter | NotFilter | FilterCondition;

export function isAndFilter(f: Filter): f is AndFilter {
  return 'and' in f;
}
export function isOrFilter(f: Filter): f is OrFilter {
  return 'or' in f;
}
export function isNotFilter(f: Filter): f is NotFilter {
  return 'not' in f;
}
/** True for a leaf condition (not a group). */
export function isFilterCondition(f: Filter): f is FilterCondition {
  return 'field' in f;
}
