import { DomainError, type ErrorDetail } from '../../../src/domain/errors';
import { isFilterCondition, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, type Filter } from '../../../src/domain/filter/filter-schema';
import { filterConditions, filterMentionsField, validateFilter } from '../../../src/domain/filter/filter-validation';
import { TEST_CUSTOM_FIELDS } from './arbitraries';

const ctx = { customFields: TEST_CUSTOM_FIELDS };
const valid = (raw: unknown): Filter => validateFilter(raw, ctx);

function errorsOf(raw: unknown, customFields = TEST_CUSTOM_FIELDS): ErrorDetail[] {
  try {
    validateFilter(raw, { customFields });
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation_error');
    return (e as DomainError).details;
  }
  throw new Error('expected the filter to be invalid');
}

function oneError(raw: unknown, customFields = TEST_CUSTOM_FIELDS): ErrorDetail {
  const errors = errorsOf(raw, customFields);
  expect(errors).toHaveLength(1);
  return errors[0];
}

const cond = (field: string, operator: string, value?: unknown): Record<string, unknown> =>
  value === undefined ? { field, operator } : { field, operator, value };

describe('validateFilter: structure', () => {
  it.each([null, [], 'firstName', 42])('rejects a root of %j', (raw) => {
    expect(oneError(raw)).toEqual({ path: 'filter', message: expect.stringMatching(/^expected \{ "and": \[\.\.\.\] \}/) });
  });

  it('rejects an object that is neither a group nor a condition', () => {
    expect(oneError({ any: [] }).message).toContain('got keys: any');
    expect(oneError({}).message).toContain('got keys: none');
  });

  it('rejects a group with more than one key', () => {
    expect(oneError({ and: [], or: [] })).toEqual({
      path: 'filter',
      message: 'a group has exactly one key (and, or or not); got: and, or',
    });
  });

  it('rejects and/or bodies that are not arrays, and bad children with their index', () => {
    expect(oneError({ and: {} })).toEqual({ path: 'filter.and', message: '"and" takes an array of filters; got an object' });
    expect(oneError({ or: [cond('firstName', 'is', 'Ana'), 5] }).path).toBe('filter.or[1]');
    expect(oneError({ not: { and: [null] } }).path).toBe('filter.not.and[0]');
  });

  it(`allows ${MAX_FILTER_DEPTH} levels of groups and refuses one more`, () => {
    const nest = (levels: number): unknown => (levels === 0 ? cond('blocked', 'is', true) : { not: nest(levels - 1) });
    expect(() => valid(nest(MAX_FILTER_DEPTH))).not.toThrow();
    const err = oneError(nest(MAX_FILTER_DEPTH + 1));
    expect(err.path).toBe(`filter${'.not'.repeat(MAX_FILTER_DEPTH)}`);
    expect(err.message).toBe(`the filter nests groups deeper than ${MAX_FILTER_DEPTH} levels`);
  });

  it(`allows ${MAX_FILTER_CONDITIONS} conditions and refuses more`, () => {
    const many = (n: number): unknown => ({ or: Array.from({ length: n }, () => cond('firstName', 'is', 'Ana')) });
    expect(filterConditions(valid(many(MAX_FILTER_CONDITIONS)))).toHaveLength(MAX_FILTER_CONDITIONS);
    expect(oneError(many(MAX_FILTER_CONDITIONS + 1))).toEqual({
      path: 'filter',
      message: `the filter has ${MAX_FILTER_CONDITIONS + 1} conditions; at most ${MAX_FILTER_CONDITIONS} are allowed`,
    });
  });

  it('collects every problem with its path and uses the given root path', () => {
    let caught: unknown;
    try {
      validateFilter({ and: [cond('firstName', 'gt', 1), cond('nope', 'is', 'x'), cond('tags', 'hasAny', [])] }, ctx, 'segment.filter');
    } catch (e) {
      caught = e;
    }
    const err = caught as DomainError;
    expect(err.details.map((d) => d.path)).toEqual([
      'segment.filter.and[0].operator',
      'segment.filter.and[1].field',
      'segment.filter.and[2].value',
    ]);
    expect(err.message).toContain('segment.filter.and[0].operator: operator "gt" does not apply');
  });

  it('caps the number of reported problems at 50', () => {
    expect(errorsOf({ or: Array.from({ length: 80 }, () => cond('nope', 'is', 'x')) })).toHaveLength(50);
  });
});

describe('validateFilter: conditions', () => {
  it('rejects unknown keys', () => {
    expect(oneError({ field: 'firstName', operator: 'is', value: 'a', values: ['b'] })).toEqual({
      path: 'filter.values',
      message: 'unknown key "values"; a condition has field, operator and value',
    });
  });

  it('requires field and operator', () => {
    expect(oneError({ operator: 'exists' })).toEqual({ path: 'filter.field', message: 'field is required and must be a non-empty string' });
    expect(oneError({ field: 7, operator: 'exists' }).path).toBe('filter.field');
    expect(oneError({ field: 'tags' })).toEqual({
      path: 'filter.operator',
      message: 'operator is required; use one of: hasAny, hasAll, hasNone, exists, notExists',
    });
  });

  it('names unknown fields and lists what exists', () => {
    const std = oneError(cond('nickname', 'exists'));
    expect(std.path).toBe('filter.field');
    expect(std.message).toMatch(/^unknown field "nickname"; use one of: id, externalCode, firstName, .*, or customFields.<key>$/);
    expect(oneError(cond('customFields.shoeSize', 'exists')).message).toBe(
      'unknown custom field "shoeSize"; defined custom fields: nickname, score, vip, birthday, renewalAt, workEmail, workPhone, website, plan',
    );
    expect(oneError(cond('customFields.x', 'exists'), []).message).toBe(
      'unknown custom field "x"; the workspace defines no custom fields',
    );
  });

  it('rejects unknown operators, listing those of the field when it is known', () => {
    expect(oneError(cond('blocked', 'equals', true))).toEqual({
      path: 'filter.operator',
      message: 'unknown operator "equals"; use one of: is, isNot, exists, notExists',
    });
    const both = errorsOf(cond('nope', 'equals', 1));
    expect(both.map((d) => d.path)).toEqual(['filter.field', 'filter.operator']);
    expect(both[1].message).toContain('use one of: is, isNot, contains');
  });

  it.each([
    ['firstName', 'gt', 'operator "gt" does not apply to text field "firstName"; use one of: is, isNot, contains, notContains, startsWith, in, notIn, exists, notExists'],
    ['createdAt', 'contains', 'operator "contains" does not apply to datetime field "createdAt"; use one of: is, isNot, gt, gte, lt, lte, between, withinLast, moreThan, exists, notExists'],
    ['tags', 'is', 'operator "is" does not apply to tags field "tags"; use one of: hasAny, hasAll, hasNone, exists, notExists'],
    ['timeSinceLastIncoming', 'withinLast', 'operator "withinLast" does not apply to duration field "timeSinceLastIncoming"; use one of: gt, gte, lt, lte, between, exists, notExists'],
    ['customFields.score', 'startsWith', 'operator "startsWith" does not apply to number field "customFields.score"; use one of: is, isNot, in, notIn, gt, gte, lt, lte, between, exists, notExists'],
    ['customFields.plan', 'gt', 'operator "gt" does not apply to enum field "customFields.plan"; use one of: is, isNot, in, notIn, exists, notExists'],
    ['assignee', 'contains', 'operator "contains" does not apply to id field "assignee"; use one of: is, isNot, in, notIn, exists, notExists'],
    ['blocked', 'in', 'operator "in" does not apply to boolean field "blocked"; use one of: is, isNot, exists, notExists'],
  ])('%s %s is refused', (field, operator, message) => {
    expect(oneError(cond(field, operator, 'x'))).toEqual({ path: 'filter.operator', message });
  });

  it('exists/notExists take no value (null is tolerated and dropped)', () => {
    expect(oneError(cond('email', 'exists', 'x'))).toEqual({ path: 'filter.value', message: 'operator "exists" takes no value' });
    expect(valid({ field: 'email', operator: 'notExists', value: null })).toEqual({ field: 'email', type: 'text', operator: 'notExists' });
  });

  it.each([
    ['firstName', 'is', 'a string'],
    ['tags', 'hasAny', 'a non-empty array, each item a tag name'],
    ['customFields.score', 'between', 'an array [from, to], both included, each a number'],
    ['createdAt', 'withinLast', 'a duration such as 30m, 12h, 7d or 2w'],
    ['createdAt', 'is', 'an ISO 8601 date-time with time zone'],
    ['customFields.birthday', 'lt', 'a date YYYY-MM-DD'],
    ['customFields.vip', 'is', 'true or false'],
    ['channels', 'hasAll', 'a non-empty array, each item a channel id or channel type'],
    ['timeSinceLastIncoming', 'gt', 'a duration such as 30m, 12h, 7d or 2w'],
    ['assignee', 'in', 'a non-empty array, each item a string'],
  ])('%s %s without a value says what it needs', (field, operator, hint) => {
    expect(oneError(cond(field, operator))).toEqual({ path: 'filter.value', message: `operator "${operator}" needs a value (${hint})` });
  });

  it('the type key of a validated tree is ignored and recomputed', () => {
    expect(valid({ field: 'firstName', type: 'number', operator: 'is', value: 'Ana' })).toEqual({
      field: 'firstName',
      type: 'text',
      operator: 'is',
      value: 'Ana',
    });
  });
});

describe('validateFilter: values', () => {
  it.each<[string, string, unknown, string, string]>([
    ['firstName', 'is', 5, 'filter.value', 'expected a string; got number 5'],
    ['firstName', 'contains', '  ', 'filter.value', 'expected a string; got an empty string'],
    ['firstName', 'is', 'x'.repeat(1001), 'filter.value', 'text is longer than 1000 characters'],
    ['firstName', 'is', 'a\u0000b', 'filter.value', 'text must not contain NUL characters'],
    ['firstName', 'in', 'Ana', 'filter.value', 'operator "in" needs a non-empty array, each item a string; got string "Ana"'],
    ['firstName', 'in', [], 'filter.value', 'operator "in" needs a non-empty array, each item a string; got an array'],
    ['firstName', 'in', ['Ana', null], 'filter.value[1]', 'expected a string; got null'],
    ['assignee', 'is', {}, 'filter.value', 'expected an id (a non-empty string); got an object'],
    ['conversationStatus', 'is', 'pending', 'filter.value', '"pending" is not an option of enum field "conversationStatus"; use one of: open, closed'],
    ['customFields.plan', 'in', ['Pro', 'Gold'], 'filter.value[1]', '"Gold" is not an option of enum field "customFields.plan"; use one of: Free, Pro, Enterprise'],
    ['customFields.score', 'gt', 'ten', 'filter.value', 'expected a number; got string "ten"'],
    ['customFields.score', 'gt', Number.NaN, 'filter.value', 'expected a number; got number NaN'],
    ['customFields.score', 'lt', '1e999', 'filter.value', 'expected a number; got string "1e999"'],
    ['customFields.score', 'between', [1], 'filter.value', 'operator "between" needs an array [from, to], both included, each a number; got an array'],
    ['customFields.score', 'between', [5, 1], 'filter.value', 'the range starts after it ends: 5 > 1'],
    ['customFields.score', 'between', [1, 'x'], 'filter.value[1]', 'expected a number; got string "x"'],
    ['blocked', 'is', 'yes', 'filter.value', 'expected true or false; got string "yes"'],
    ['customFields.birthday', 'is', '2024-02-30', 'filter.value', 'expected a date YYYY-MM-DD; got string "2024-02-30"'],
    ['customFields.birthday', 'between', ['2024-05-02', '2024-05-01'], 'filter.value', 'the range starts after it ends: 2024-05-02 > 2024-05-01'],
    ['createdAt', 'gt', '2024-05-01T10:00:00', 'filter.value', 'expected an ISO 8601 date-time with time zone (2024-05-01T09:30:00Z) or a date (2024-05-01); got string "2024-05-01T10:00:00"'],
    ['createdAt', 'gt', 1714557600000, 'filter.value', 'expected an ISO 8601 date-time with time zone (2024-05-01T09:30:00Z) or a date (2024-05-01); got number 1714557600000'],
    ['createdAt', 'withinLast', '7 days', 'filter.value', '"7 days" is not a duration; use a whole number followed by s, m, h, d or w, e.g. 30m, 12h, 7d, 2w'],
    ['timeSinceLastIncoming', 'between', ['2d', '1d'], 'filter.value', 'the range starts after it ends: 2d > 1d'],
    ['timeSinceLastIncoming', 'gt', 3600, 'filter.value', 'a duration must be a string; use a whole number followed by s, m, h, d or w, e.g. 30m, 12h, 7d, 2w'],
    ['tags', 'hasAll', ['VIP', ''], 'filter.value[1]', 'expected a tag name; got an empty string'],
    ['tags', 'hasAny', Array.from({ length: 501 }, (_, i) => `t${i}`), 'filter.value', 'operator "hasAny" takes at most 500 values; got 501'],
    ['channels', 'hasAny', [3], 'filter.value[0]', 'expected a channel id or channel type; got number 3'],
  ])('%s %s %j → %s: %s', (field, operator, value, path, message) => {
    expect(oneError(cond(field, operator, value))).toEqual({ path, message });
  });

  it('reports a list field without options', () => {
    expect(oneError(cond('customFields.kind', 'is', 'a'), [{ key: 'kind', label: 'Kind', type: 'list', options: null }]).message).toBe(
      'enum field "customFields.kind" has no options defined',
    );
  });

  it('normalises values', () => {
    const f = (field: string, operator: string, value: unknown): unknown => (valid(cond(field, operator, value)) as { value: unknown }).value;
    expect(f('email', 'is', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(f('customFields.workEmail', 'in', ['ÉMILE@X.ORG'])).toEqual(['émile@x.org']);
    expect(f('phone', 'is', '+1 (415) 555-0123')).toBe('+14155550123');
    expect(f('customFields.workPhone', 'notIn', ['+44 20 7183 8750'])).toEqual(['+442071838750']);
    expect(f('phone', 'is', '4155550123')).toBe('4155550123');
    expect(f('phone', 'contains', '+1 415')).toBe('+1 415');
    expect(f('firstName', 'is', ' Ana ')).toBe(' Ana ');
    expect(f('conversationStatus', 'is', 'OPEN')).toBe('open');
    expect(f('customFields.plan', 'in', ['pro', ' ENTERPRISE'])).toEqual(['Pro', 'Enterprise']);
    expect(f('customFields.score', 'between', ['1.5', ' 1e1 '])).toEqual([1.5, 10]);
    expect(f('customFields.score', 'is', '.5')).toBe(0.5);
    expect(f('customFields.vip', 'is', 'false')).toBe(false);
    expect(f('customFields.birthday', 'gte', ' 2024-02-29 ')).toBe('2024-02-29');
    expect(f('createdAt', 'gt', '2024-05-01T10:00:00+02:00')).toBe('2024-05-01T08:00:00.000Z');
    expect(f('createdAt', 'between', ['2024-05-01', '2024-05-02T00:00Z'])).toEqual(['2024-05-01T00:00:00.000Z', '2024-05-02T00:00:00.000Z']);
    expect(f('createdAt', 'withinLast', ' 07D')).toBe('7d');
    expect(f('timeSinceLastIncoming', 'between', ['90s', '2W'])).toEqual(['90s', '2w']);
    expect(f('tags', 'hasAny', [' VIP ', 'vip', 'Lead'])).toEqual(['VIP', 'Lead']);
    expect(f('channels', 'hasAll', ['WhatsApp', ' ch-sms ', 'ch-Custom'])).toEqual(['whatsapp', 'ch-sms', 'ch-Custom']);
  });

  it('keeps the tree shape and tags conditions with their type', () => {
    expect(
      valid({ and: [{ not: cond('blocked', 'is', true) }, { or: [] }, cond('customFields.birthday', 'exists')] }),
    ).toEqual({
      and: [
        { not: { field: 'blocked', type: 'boolean', operator: 'is', value: true } },
        { or: [] },
        { field: 'customFields.birthday', type: 'date', operator: 'exists' },
      ],
    });
  });
});

describe('filterMentionsField / filterConditions', () => {
  const tree = valid({
    and: [cond('firstName', 'is', 'Ana'), { or: [cond('tags', 'exists'), { not: cond('blocked', 'is', true) }] }],
  });

  it('finds fields at any depth, including under not', () => {
    expect(filterMentionsField(tree, 'blocked')).toBe(true);
    expect(filterMentionsField(tree, 'tags')).toBe(true);
    expect(filterMentionsField(tree, 'firstName')).toBe(true);
    expect(filterMentionsField(tree, 'lastName')).toBe(false);
    expect(filterMentionsField({ and: [] }, 'blocked')).toBe(false);
  });

  it('lists conditions left to right', () => {
    expect(filterConditions(tree).map((c) => c.field)).toEqual(['firstName', 'tags', 'blocked']);
    expect(filterConditions(tree).every(isFilterCondition)).toBe(true);
    expect(isFilterCondition(tree)).toBe(false);
  });
});
