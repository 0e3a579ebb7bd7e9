import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { isDomainError } from '../../src/domain/errors';
import { countryOfPhone, normalizePhone } from '../../src/domain/phone';

function errorOf(fn: () => unknown): { path: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.details[0] as { path: string; message: string };
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('normalizePhone', () => {
  it.each([
    ['+44 7400 123456', null, '+447400123456', 'GB'],
    ['07400 123456', 'GB', '+447400123456', 'GB'],
    ['07400-123-456', 'gb', '+447400123456', 'GB'],
    ['0044 7400 123456', null, '+447400123456', 'GB'],
    ['(212) 555-0123', 'US', '+12125550123', 'US'],
    ['+1 (212) 555-0123', null, '+12125550123', 'US'],
    ['212.555.0123', 'US', '+12125550123', 'US'],
    ['(11) 91234-5678', 'BR', '+5511912345678', 'BR'],
    ['+55 11 91234-5678', 'DE', '+5511912345678', 'BR'],
    ['030 123456', 'DE', '+4930123456', 'DE'],
    ['01512 3456789', 'DE', '+4915123456789', 'DE'],
    ['098765 43210', 'IN', '+919876543210', 'IN'],
    ['+91 98765 43210', null, '+919876543210', 'IN'],
    ['0802 123 4567', 'NG', '+2348021234567', 'NG'],
    ['00234 802 123 4567', undefined, '+2348021234567', 'NG'],
    ['  +447400123456  ', null, '+447400123456', 'GB'],
    ['+44 (0) 7400 123456', null, '+447400123456', 'GB'],
    ['+49 (0)30 123456', null, '+4930123456', 'DE'],
  ])('%s (country %s) → %s', (input, country, e164, expectedCountry) => {
    expect(normalizePhone(input, country)).toEqual({ e164, country: expectedCountry });
  });

  it('gives the country of the number, not the one used to read it', () => {
    expect(normalizePhone('+1 212 555 0123', 'GB').country).toBe('US');
  });

  it('returns a null country for non-geographic numbers', () => {
    expect(normalizePhone('+800 1234 5678')).toEqual({ e164: '+80012345678', country: null });
  });

  it('needs a country for national numbers', () => {
    const err = errorOf(() => normalizePhone('07400 123456'));
    expect(err.path).toBe('phone');
    expect(err.message).toMatch(/national number and needs a country: give "country" or set the workspace default country/);
    expect(errorOf(() => normalizePhone('07400 123456', '  ')).message).toMatch(/needs a country/);
  });

  it('rejects an unknown country for national numbers', () => {
    expect(errorOf(() => normalizePhone('07400 123456', 'XX')).message).toMatch(/"XX" is not a known country code/);
  });

  it('explains invalid numbers and names the given path', () => {
    const err = errorOf(() => normalizePhone('12', 'GB', 'customFields.mobile'));
    expect(err.path).toBe('customFields.mobile');
    expect(err.message).toBe('"12" is not a valid phone number for country GB (too short)');
    expect(errorOf(() => normalizePhone('+44 7400 123456 7890')).message).toMatch(/not a valid phone number \(too long\)/);
    expect(errorOf(() => normalizePhone('+999 123456')).message).toMatch(/unknown country calling code/);
    // Right length, but not an assigned range: validity (not just possibility) is checked.
    expect(errorOf(() => normalizePhone('+1 212 055 0123')).message).toMatch(/is not a valid phone number/);
    expect(errorOf(() => normalizePhone('555 0123', 'US')).message).toMatch(/for country US/);
  });

  it('rejects letters, extensions, empty input and non-strings', () => {
    expect(errorOf(() => normalizePhone('call +44 7400 123456')).message).toMatch(/no letters or extensions/);
    expect(errorOf(() => normalizePhone('+44 7400 123456 ext 12')).message).toMatch(/no letters/);
    expect(errorOf(() => normalizePhone('   ')).message).toBe('must not be empty');
    expect(errorOf(() => normalizePhone(12 as unknown as string)).message).toMatch(/as a string/);
    expect(errorOf(() => normalizePhone('++44 7400 123456')).path).toBe('phone');
  });

  it('is idempotent on its own result', () => {
    const first = normalizePhone('(11) 91234-5678', 'BR');
    expect(normalizePhone(first.e164)).toEqual(first);
    expect(normalizePhone(first.e164, 'US')).toEqual(first);
  });
});

describe('countryOfPhone', () => {
  it('finds the country of an E.164 number', () => {
    expect(countryOfPhone('+447400123456')).toBe('GB');
    expect(countryOfPhone('+16847331234')).toBe('AS');
    expect(countryOfPhone('+5511912345678')).toBe('BR');
  });
  it('is null for non-geographic or invalid numbers', () => {
    expect(countryOfPhone('+80012345678')).toBeNull();
    expect(countryOfPhone('+4412')).toBeNull();
    expect(countryOfPhone('nonsense')).toBeNull();
  });
});

describe('normalizePhone properties', () => {
  const samples = getCountries()
    .map((c) => ({ country: c, number: getExampleNumber(c as CountryCode, examples) }))
    .filter((s) => s.number !== undefined && s.number.isValid());

  const separated = (digits: string, seps: string[]) =>
    [...digits].map((d, i) => (i > 0 && seps[i % seps.length] !== '' ? `${seps[i % seps.length]}${d}` : d)).join('');

  const writtenNumber = fc
    .record({
      sample: fc.constantFrom(...samples),
      style: fc.constantFrom('e164', 'international', 'national', 'idd'),
      seps: fc.array(fc.constantFrom('', '', ' ', '-', '.'), { minLength: 1, maxLength: 5 }),
      parens: fc.boolean(),
    })
    .map(({ sample, style, seps, parens }) => {
      const n = sample.number!;
      const national = n.formatNational().replace(/\D/g, '');
      let text: string;
      if (style === 'e164') text = n.number;
      else if (style === 'international') text = `+${n.countryCallingCode} ${separated(n.nationalNumber, seps)}`;
      else if (style === 'idd') text = `00${n.countryCallingCode}${separated(n.nationalNumber, seps)}`;
      else text = parens ? `(${national.slice(0, 3)}) ${separated(national.slice(3), seps)}` : separated(national, seps);
      return { text, country: sample.country, e164: n.number };
    });

  it(`uses example numbers of ${samples.length} countries`, () => {
    expect(samples.length).toBeGreaterThan(200);
  });

  it('normalises every written form to the example E.164 and is idempotent', () => {
    fc.assert(
      fc.property(writtenNumber, ({ text, country, e164 }) => {
        const once = normalizePhone(text, country);
        expect(once.e164).toBe(e164);
        expect(normalizePhone(once.e164)).toEqual(once);
        expect(normalizePhone(once.e164, country)).toEqual(once);
      }),
      { numRuns: 1000 },
    );
  });
});
