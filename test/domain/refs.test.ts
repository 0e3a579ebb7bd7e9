import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { isDomainError } from '../../src/domain/errors';
import { normalizePhone } from '../../src/domain/phone';
import {
  contactIdSchema,
  formatRef,
  normalizeContactId,
  normalizeExternalCode,
  parseRef,
  REF_KINDS,
} from '../../src/domain/refs';
import type { ContactRef } from '../../src/domain/refs';

function detailOf(fn: () => unknown): { path: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.details[0] as { path: string; message: string };
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseRef', () => {
  it.each<[string, ContactRef]>([
    ['id:c_123', { kind: 'id', value: 'c_123' }],
    ['ID:crm:42', { kind: 'id', value: 'crm:42' }],
    ['phone:+44 7400 123456', { kind: 'phone', value: '+447400123456' }],
    ['phone:0044-7400-123456', { kind: 'phone', value: '+447400123456' }],
    ['Email: Ana@Example.com ', { kind: 'email', value: 'ana@example.com' }],
    ['external:  HUBSPOT-1 ', { kind: 'external', value: 'HUBSPOT-1' }],
    ['external:a b:c/d', { kind: 'external', value: 'a b:c/d' }],
  ])('%s', (input, ref) => {
    expect(parseRef(input)).toEqual(ref);
  });

  it('reads national phone numbers with the default country', () => {
    expect(parseRef('phone:(11) 91234-5678', { defaultCountry: 'BR' })).toEqual({ kind: 'phone', value: '+5511912345678' });
    expect(detailOf(() => parseRef('phone:07400 123456')).message).toMatch(/needs a country/);
  });

  it('rejects bare values and unknown prefixes, listing the four prefixes', () => {
    for (const input of ['c_123', '+447400123456', 'ana@example.com', 'name:Ana', ':x', '']) {
      const d = detailOf(() => parseRef(input));
      expect(d.path).toBe('ref');
      expect(d.message).toContain('"id:<id>", "phone:<number>", "email:<address>" or "external:<code>"');
    }
    expect(detailOf(() => parseRef(5 as unknown as string)).message).toMatch(/must be a string/);
  });

  it('names the given path for bad values', () => {
    expect(detailOf(() => parseRef('id:a/b', { path: 'primary' }))).toEqual({
      path: 'primary',
      message: expect.stringMatching(/"a\/b" is not a valid id/),
    });
    expect(detailOf(() => parseRef('email:nope', { path: 'other' })).path).toBe('other');
    expect(detailOf(() => parseRef('phone:12', { defaultCountry: 'GB' })).message).toMatch(/not a valid phone number/);
    expect(detailOf(() => parseRef('external:   ')).message).toMatch(/must not be empty/);
  });
});

describe('ids and external codes', () => {
  it('accepts ids of 1–64 safe characters starting with a letter or digit', () => {
    for (const id of ['a', '0', 'crm:42', 'A.b_c-d', 'x'.repeat(64)]) {
      expect(contactIdSchema.safeParse(id).success).toBe(true);
      expect(normalizeContactId(` ${id} `)).toBe(id);
    }
  });
  it.each(['', 'x'.repeat(65), '-a', '.', 'a b', 'a/b', 'a%2F', 'a?b', 'a#b', 'é'])('rejects id %p', (id) => {
    expect(contactIdSchema.safeParse(id).success).toBe(false);
    expect(() => normalizeContactId(id)).toThrow(/^id: /);
  });
  it('rejects a non-string id', () => {
    expect(() => normalizeContactId(1)).toThrow('id: an id must be a string');
  });
  it('checks external codes', () => {
    expect(normalizeExternalCode(' X-1 ')).toBe('X-1');
    expect(normalizeExternalCode('x'.repeat(200))).toHaveLength(200);
    expect(() => normalizeExternalCode('x'.repeat(201))).toThrow(/at most 200/);
    expect(() => normalizeExternalCode('a\u0000b')).toThrow(/control characters/);
    expect(() => normalizeExternalCode(3)).toThrow(/must be a string/);
  });
});

describe('ref round trips', () => {
  const phones = getCountries()
    .map((c) => getExampleNumber(c as CountryCode, examples))
    .filter((n) => n !== undefined && n.isValid())
    .map((n) => normalizePhone(n!.number).e164);

  const idArb = fc
    .tuple(
      fc.constantFrom(...'abcXYZ019'),
      fc.string({ unit: fc.constantFrom(...'aZ09_.:-'), maxLength: 63 }),
    )
    .map(([a, b]) => a + b);
  const emailArb = fc.emailAddress().filter((e) => e.length <= 254 && /\.[a-z]{2,}$/.test(e));
  const externalArb = fc
    .string({ minLength: 1, maxLength: 200 })
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/\p{Cc}/u.test(s));

  const refArb: fc.Arbitrary<ContactRef> = fc.oneof(
    idArb.map((value) => ({ kind: 'id' as const, value })),
    fc.constantFrom(...phones).map((value) => ({ kind: 'phone' as const, value })),
    emailArb.map((value) => ({ kind: 'email' as const, value: value.toLowerCase() })),
    externalArb.map((value) => ({ kind: 'external' as const, value })),
  );

  it('covers the four kinds', () => {
    expect(REF_KINDS).toEqual(['id', 'phone', 'email', 'external']);
  });

  it('every normalised ref round-trips through formatRef/parseRef', () => {
    fc.assert(
      fc.property(refArb, (ref) => {
        expect(parseRef(formatRef(ref))).toEqual(ref);
      }),
      { numRuns: 500 },
    );
  });

  it('every phone example of every country round-trips through its ref', () => {
    expect(phones.length).toBeGreaterThan(200);
    for (const e164 of phones) {
      expect(parseRef(formatRef({ kind: 'phone', value: e164 }))).toEqual({ kind: 'phone', value: e164 });
    }
  });

  it('parsing is idempotent for every kind', () => {
    fc.assert(
      fc.property(refArb, (ref) => {
        const once = parseRef(formatRef(ref));
        expect(parseRef(formatRef(once))).toEqual(once);
      }),
    );
  });
});
