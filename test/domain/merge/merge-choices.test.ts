import { DomainError } from '../../../src/domain/errors';
import {
  defaultMergeSource,
  hasValue,
  mergeChoicesSchema,
  parseMergeChoices,
  resolveMergeSource,
} from '../../../src/domain/merge/merge-choices';
import { thrown } from './fixtures';

function details(input: unknown, keys?: string[], base?: string): Array<{ path: string; message: string }> {
  const e = thrown(() => parseMergeChoices(input, keys, base));
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe('validation_error');
  return (e as DomainError).details;
}

describe('parseMergeChoices', () => {
  it('treats a missing body as "all defaults"', () => {
    expect(parseMergeChoices(undefined)).toEqual({});
    expect(parseMergeChoices(null)).toEqual({});
    expect(parseMergeChoices({})).toEqual({});
  });

  it('accepts a choice for every profile field and nested custom fields', () => {
    const input = {
      externalCode: 'secondary',
      firstName: 'primary',
      lastName: 'secondary',
      email: 'secondary',
      phone: 'primary',
      country: 'secondary',
      language: 'primary',
      profilePic: 'secondary',
      assignee: 'secondary',
      proactive: 'secondary',
      reactive: 'primary',
      customFields: { birthday: 'secondary' },
    };
    expect(parseMergeChoices(input)).toEqual(input);
  });

  it('folds the flat customFields.<key> form into the nested one', () => {
    expect(parseMergeChoices({ 'customFields.birthday': 'secondary', customFields: { plan: 'primary' } })).toEqual({
      customFields: { birthday: 'secondary', plan: 'primary' },
    });
    // the same choice given both ways is fine
    expect(parseMergeChoices({ 'customFields.a': 'primary', customFields: { a: 'primary' } })).toEqual({
      customFields: { a: 'primary' },
    });
  });

  it('rejects an unknown field naming its path', () => {
    const d = details({ nickname: 'primary', firstName: 'secondary' });
    expect(d).toHaveLength(1);
    expect(d[0].path).toBe('nickname');
    expect(d[0].message).toMatch(/unknown merge field/);
    expect(d[0].message).toMatch(/customFields\.<key>/);
    expect(details({ displayName: 'primary' }, undefined, 'choices')[0].path).toBe('choices.displayName');
  });

  it('rejects a value other than primary/secondary on the field path', () => {
    expect(details({ firstName: 'both' })).toEqual([{ path: 'firstName', message: 'must be "primary" or "secondary"' }]);
    expect(details({ customFields: { birthday: 1 } })[0].path).toBe('customFields.birthday');
    expect(details({ 'customFields.birthday': 'mine' }, undefined, 'choices')[0].path).toBe(
      'choices.customFields.birthday',
    );
  });

  it('rejects the same custom field chosen differently in flat and nested form', () => {
    const d = details({ 'customFields.a': 'secondary', customFields: { a: 'primary' } });
    expect(d[0].path).toBe('customFields.a');
    expect(d[0].message).toMatch(/chosen twice/);
  });

  it('rejects a malformed body or customFields', () => {
    expect(details('primary')[0].path).toBe('(root)');
    expect(details(['x'], undefined, 'choices')[0].path).toBe('choices');
    expect(details({ customFields: 'secondary' })[0].path).toBe('customFields');
    expect(details({ 'customFields.': 'primary' })[0].message).toMatch(/unknown merge field/);
  });

  it('rejects custom field keys outside the known ones when they are given', () => {
    expect(parseMergeChoices({ customFields: { plan: 'secondary' } }, ['plan'])).toEqual({
      customFields: { plan: 'secondary' },
    });
    const d = details({ customFields: { plan: 'secondary', ghost: 'primary' } }, ['plan'], 'choices');
    expect(d).toEqual([{ path: 'choices.customFields.ghost', message: 'unknown custom field' }]);
  });

  it('exposes the zod schema', () => {
    expect(mergeChoicesSchema.safeParse({ phone: 'secondary' }).success).toBe(true);
    expect(mergeChoicesSchema.safeParse({ phone: 'x' }).success).toBe(false);
  });
});

describe('default rule', () => {
  it("takes the primary's value when it has one, else the secondary's", () => {
    expect(defaultMergeSource('Ana')).toBe('primary');
    expect(defaultMergeSource(null)).toBe('secondary');
    expect(defaultMergeSource(undefined)).toBe('secondary');
    expect(defaultMergeSource(0)).toBe('primary');
    expect(defaultMergeSource('')).toBe('primary');
  });

  it("always counts a boolean as a value, so the primary's boolean wins", () => {
    expect(defaultMergeSource(false)).toBe('primary');
    expect(defaultMergeSource(true)).toBe('primary');
  });

  it('lets an explicit choice override the default', () => {
    expect(resolveMergeSource('Ana', 'secondary')).toBe('secondary');
    expect(resolveMergeSource(null, 'primary')).toBe('primary');
    expect(resolveMergeSource(null, undefined)).toBe('secondary');
    expect(hasValue(null)).toBe(false);
    expect(hasValue(false)).toBe(true);
  });
});
