import { z } from 'zod/v4';
import { CUSTOM_FIELD_TYPES } from '../../src/domain/custom-field';
import {
  customFieldDefinitionSchema,
  validateCustomFieldDefinition,
} from '../../src/domain/custom-field-definition';
import { isDomainError } from '../../src/domain/errors';
import type { ErrorDetail } from '../../src/domain/errors';

function detailsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.details;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('validateCustomFieldDefinition', () => {
  it('accepts every non-list type without options', () => {
    for (const type of CUSTOM_FIELD_TYPES.filter((t) => t !== 'list')) {
      expect(validateCustomFieldDefinition({ key: 'field_1', label: ' Field ', type })).toEqual({
        key: 'field_1',
        label: 'Field',
        type,
        options: null,
      });
      expect(validateCustomFieldDefinition({ key: 'f', label: 'F', type, options: null }).options).toBeNull();
    }
  });

  it('accepts a list with trimmed, distinct options', () => {
    expect(
      validateCustomFieldDefinition({ key: 'loyaltyTier', label: 'Tier', type: 'list', options: [' Bronze', 'Silver ', 'Gold'] }),
    ).toEqual({ key: 'loyaltyTier', label: 'Tier', type: 'list', options: ['Bronze', 'Silver', 'Gold'] });
  });

  it.each(['Birthday', '1st', '_x', 'my-key', 'a b', '', `a${'b'.repeat(64)}`])('rejects key %p', (key) => {
    expect(detailsOf(() => validateCustomFieldDefinition({ key, label: 'L', type: 'text' }))).toEqual([
      { path: 'key', message: expect.stringContaining('is not a valid key') },
    ]);
  });

  it('accepts the longest key', () => {
    const key = `a${'b'.repeat(63)}`;
    expect(validateCustomFieldDefinition({ key, label: 'L', type: 'text' }).key).toBe(key);
  });

  it('checks the label', () => {
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: '  ', type: 'text' }))).toEqual([
      { path: 'label', message: 'must not be empty' },
    ]);
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'x'.repeat(101), type: 'text' }))[0]?.message).toMatch(
      /at most 100/,
    );
  });

  it('requires non-empty, unique options for lists', () => {
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'A', type: 'list' }))).toEqual([
      { path: 'options', message: 'a list field needs at least one option' },
    ]);
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'A', type: 'list', options: [] }))[0]?.path).toBe(
      'options',
    );
    expect(
      detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'A', type: 'list', options: ['Gold', ' ', 'GOLD', 'x'.repeat(101)] })),
    ).toEqual([
      { path: 'options[1]', message: 'an option must not be empty' },
      { path: 'options[2]', message: '"GOLD" repeats options[0] (options are compared case-insensitively)' },
      { path: 'options[3]', message: 'an option is at most 100 characters' },
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `o${i}`);
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'A', type: 'list', options: many }))[0]?.message).toMatch(
      /at most 500/,
    );
  });

  it('forbids options on other types', () => {
    expect(detailsOf(() => validateCustomFieldDefinition({ key: 'a', label: 'A', type: 'text', options: ['x'] }))).toEqual([
      { path: 'options', message: 'only "list" fields have options; remove "options" for a "text" field' },
    ]);
  });

  it('reports wrong types, unknown types and unknown keys together', () => {
    const details = detailsOf(() => validateCustomFieldDefinition({ key: 1, label: 'A', type: 'color', extra: true }));
    expect(details.map((d) => d.path).sort()).toEqual(['extra', 'key', 'type']);
    expect(details.find((d) => d.path === 'extra')?.message).toBe('unknown field "extra"');
    expect(detailsOf(() => validateCustomFieldDefinition(null))[0]?.path).toBe('(body)');
  });

  it('collects key, label and option errors together', () => {
    expect(
      detailsOf(() => validateCustomFieldDefinition({ key: 'Bad', label: '', type: 'number', options: [] })).map((d) => d.path),
    ).toEqual(['key', 'label', 'options']);
  });

  it('publishes as JSON Schema', () => {
    const schema = z.toJSONSchema(customFieldDefinitionSchema) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['key', 'label', 'type', 'options']);
    expect(schema.required).toEqual(['key', 'label', 'type']);
  });
});
