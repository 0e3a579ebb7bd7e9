import { COUNTRY_CODES, isCountryCode, normalizeCountry } from '../../src/domain/country';
import { DomainError } from '../../src/domain/errors';

describe('normalizeCountry', () => {
  it.each([
    ['GB', 'GB'],
    ['br', 'BR'],
    [' de ', 'DE'],
    ['aq', 'AQ'], // official, no phone metadata
    ['XK', 'XK'], // known to libphonenumber-js
  ])('%s → %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it.each(['', 'G', 'GBR', 'UK', 'XX', '12', 'É'])('rejects %p', (input) => {
    expect(() => normalizeCountry(input)).toThrow(DomainError);
    expect(() => normalizeCountry(input)).toThrow(/^country: /);
  });

  it('rejects non-strings on the given path', () => {
    expect(() => normalizeCountry(44, 'defaultCountry')).toThrow(/^defaultCountry: must be a two-letter/);
  });

  it('knows every official code and the phone regions', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    for (const c of ['US', 'NG', 'IN', 'BV', 'UM', 'AC', 'TA']) expect(isCountryCode(c)).toBe(true);
    expect(isCountryCode('EU')).toBe(false);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });
});
