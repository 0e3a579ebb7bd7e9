import fc from 'fast-check';
import type { CustomFieldDefinition, CustomFieldType } from '../../src/domain/custom-field';
import {
  collectCustomFieldValues,
  parseDateTimeToUtc,
  validateCustomFieldValue,
  validateCustomFieldValues,
} from '../../src/domain/custom-field-value';
import { isDomainError } from '../../src/domain/errors';
import type { ErrorDetail } from '../../src/domain/errors';

const def = (type: CustomFieldType, key: string = type, options: string[] | null = null): CustomFieldDefinition => ({
  key,
  label: key,
  type,
  options,
});
const tier = def('list', 'tier', ['Bronze', 'Silver', 'Gold']);

function detailsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.details;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('validateCustomFieldValue: valid values', () => {
  it.each<[CustomFieldDefinition, unknown, unknown]>([
    [def('text'), '  hello  ', 'hello'],
    [def('text'), 'x'.repeat(10_000), 'x'.repeat(10_000)],
    [def('number'), 42, 42],
    [def('number'), -0.5, -0.5],
    [def('number'), ' 3.14 ', 3.14],
    [def('number'), '-1e3', -1000],
    [def('number'), '.5', 0.5],
    [def('boolean'), true, true],
    [def('boolean'), false, false],
    [def('boolean'), 'TRUE', true],
    [def('boolean'), ' false ', false],
    [def('date'), '2024-02-29', '2024-02-29'],
    [def('date'), '2000-02-29', '2000-02-29'],
    [def('datetime'), '2024-05-01T14:30:00Z', '2024-05-01T14:30:00.000Z'],
    [def('datetime'), '2024-05-01T14:30:00+02:00', '2024-05-01T12:30:00.000Z'],
    [def('datetime'), '2024-05-01 14:30-0330', '2024-05-01T18:00:00.000Z'],
    [def('datetime'), '2024-12-31T23:30:00.123456-01:00', '2025-01-01T00:30:00.123Z'],
    [def('datetime'), '0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
    [def('email'), ' Ana@Example.com', 'ana@example.com'],
    [def('phone'), '+44 7400 123456', '+447400123456'],
    [def('url'), ' https://example.com/a?b=1 ', 'https://example.com/a?b=1'],
    [def('url'), 'http://localhost:8080', 'http://localhost:8080'],
    [tier, 'gold', 'Gold'],
    [tier, ' SILVER ', 'Silver'],
  ])('%o accepts %p', (d, value, expected) => {
    expect(validateCustomFieldValue(d, value)).toEqual(expected);
  });

  it('clears with null, undefined and blank strings for every type', () => {
    for (const d of [def('text'), def('number'), def('boolean'), def('date'), def('url'), tier]) {
      expect(validateCustomFieldValue(d, null)).toBeNull();
      expect(validateCustomFieldValue(d, undefined)).toBeNull();
      expect(validateCustomFieldValue(d, '  ')).toBeNull();
    }
  });

  it('reads national phone numbers with the default country', () => {
    expect(validateCustomFieldValue(def('phone'), '(212) 555-0123', 'customFields.phone', { defaultCountry: 'US' })).toBe(
      '+12125550123',
    );
  });
});

describe('validateCustomFieldValue: invalid values', () => {
  it.each<[CustomFieldDefinition, unknown, RegExp]>([
    [def('text'), 12, /12 is not text \(a string\) \(field "text" is of type text\)/],
    [def('text'), 'x'.repeat(10_001), /text is too long \(10001 characters, at most 10000\)/],
    [def('number'), 'abc', /"abc" is not a number/],
    [def('number'), '1,5', /is not a number/],
    [def('number'), '0x10', /is not a number/],
    [def('number'), Number.NaN, /not a finite number/],
    [def('number'), Number.POSITIVE_INFINITY, /not a finite number/],
    [def('number'), '1e400', /not a finite number/],
    [def('number'), true, /true is not a number/],
    [def('boolean'), 'yes', /is not a boolean/],
    [def('boolean'), 1, /is not a boolean/],
    [def('date'), '2023-02-29', /not a date in the form YYYY-MM-DD/],
    [def('date'), '2024-13-01', /not a date/],
    [def('date'), '2024-04-31', /not a date/],
    [def('date'), '1900-02-29', /not a date/],
    [def('date'), '0000-01-01', /not a date/],
    [def('date'), '24-01-01', /not a date/],
    [def('date'), '2024-01-01T00:00:00Z', /not a date/],
    [def('date'), 20240101, /not a date/],
    [def('datetime'), '2024-05-01T14:30:00', /with a time zone/],
    [def('datetime'), '2024-05-01', /with a time zone/],
    [def('datetime'), '2024-05-01T24:00:00Z', /with a time zone/],
    [def('datetime'), '2024-05-01T12:60:00Z', /with a time zone/],
    [def('datetime'), '2024-05-01T12:00:60Z', /with a time zone/],
    [def('datetime'), '2024-02-30T12:00:00Z', /with a time zone/],
    [def('datetime'), '2024-05-01T12:00:00+24:00', /with a time zone/],
    [def('datetime'), '2024-05-01T12:00:00+02:60', /with a time zone/],
    [def('datetime'), 1714566600000, /with a time zone/],
    [def('email'), 'not-an-email', /is not a valid e-mail address/],
    [def('email'), 5, /is not an e-mail address/],
    [def('phone'), '12345', /needs a country/],
    [def('phone'), '+44 12', /is not a valid phone number/],
    [def('phone'), 447400123456, /is not a phone number \(a string\)/],
    [def('url'), 'ftp://example.com/x', /absolute http or https URL/],
    [def('url'), 'example.com', /absolute http or https URL/],
    [def('url'), 'https://exa mple.com', /absolute http or https URL/],
    [def('url'), `https://example.com/${'a'.repeat(2048)}`, /absolute http or https URL/],
    [def('url'), ['https://example.com'], /an array is not an absolute/],
    [tier, 'Platinum', /"Platinum" is not one of the options "Bronze", "Silver", "Gold"/],
    [tier, { value: 'Gold' }, /an object is not one of the options/],
    [def('list', 'broken', null), 'x', /not one of the options/],
  ])('%o rejects %p', (d, value, message) => {
    const details = detailsOf(() => validateCustomFieldValue(d, value));
    expect(details).toHaveLength(1);
    expect(details[0]?.path).toBe(`customFields.${d.key}`);
    expect(details[0]?.message).toMatch(message);
  });

  it('shortens long values in messages and uses the given path', () => {
    const d = detailsOf(() => validateCustomFieldValue(def('number'), 'z'.repeat(100), 'rows[3].score'))[0];
    expect(d?.path).toBe('rows[3].score');
    expect(d?.message).toContain(`"${'z'.repeat(40)}…"`);
  });
});

describe('parseDateTimeToUtc', () => {
  it('agrees with Date for generated instants and offsets', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9000-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseDateTimeToUtc(`${local}${zone}`)).toBe(date.toISOString());
        },
      ),
    );
  });
});

describe('validateCustomFieldValues', () => {
  const defs = [def('number', 'score'), def('date', 'birthday'), tier];

  it('validates every key, keeping nulls and skipping undefined', () => {
    expect(validateCustomFieldValues(defs, { score: '7', birthday: null, tier: 'bronze' })).toEqual({
      score: 7,
      birthday: null,
      tier: 'Bronze',
    });
    expect(validateCustomFieldValues(defs, { score: 1, birthday: undefined })).toEqual({ score: 1 });
  });

  it('names unknown keys with the known ones and collects every error', () => {
    const details = detailsOf(() => validateCustomFieldValues(defs, { score: 'x', nickname: 'Al', birthday: '2024-02-30' }));
    expect(details).toEqual([
      { path: 'customFields.score', message: expect.stringMatching(/is not a number/) },
      { path: 'customFields.nickname', message: 'unknown custom field "nickname"; known keys: score, birthday, tier' },
      { path: 'customFields.birthday', message: expect.stringMatching(/not a date/) },
    ]);
  });

  it('says when no custom fields are defined', () => {
    expect(detailsOf(() => validateCustomFieldValues([], { a: 1 }))[0]?.message).toBe(
      'unknown custom field "a"; no custom fields are defined in this workspace',
    );
  });

  it('requires an object', () => {
    for (const bad of [null, [], 'x', 3]) {
      expect(detailsOf(() => validateCustomFieldValues(defs, bad))).toEqual([
        { path: 'customFields', message: 'must be an object of custom field keys to values' },
      ]);
    }
  });

  it('collects without throwing, under a custom path', () => {
    expect(collectCustomFieldValues(defs, { score: 2, zz: 1 }, { path: 'fields' })).toEqual({
      values: { score: 2 },
      errors: [{ path: 'fields.zz', message: expect.stringContaining('unknown custom field') }],
    });
  });

  it('passes the default country to phone fields', () => {
    expect(validateCustomFieldValues([def('phone', 'mobile')], { mobile: '07400 123456' }, { defaultCountry: 'GB' })).toEqual({
      mobile: '+447400123456',
    });
  });
});
