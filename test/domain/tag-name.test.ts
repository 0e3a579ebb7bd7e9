import fc from 'fast-check';
import { isDomainError } from '../../src/domain/errors';
import { normalizeTagName, tagKey, uniqueTags } from '../../src/domain/tag-name';

describe('normalizeTagName', () => {
  it.each([
    ['VIP', 'VIP'],
    ['  Black   Friday  ', 'Black Friday'],
    ['a\tb\nc', 'a b c'],
    ['Cafe\u0301', 'Café'], // NFC
    ['🎉 party', '🎉 party'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['😀'.repeat(64), '😀'.repeat(64)], // counted in characters, not UTF-16 units
  ])('%p → %p', (input, expected) => {
    expect(normalizeTagName(input)).toBe(expected);
  });

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['x'.repeat(65), /too long \(65 characters, at most 64\)/],
    ['bad\u0000tag', /control characters/],
    ['bell\u0007', /control characters/],
    ['del\u007f', /control characters/],
  ])('rejects %p', (input, message) => {
    expect(() => normalizeTagName(input, 'tags[0]')).toThrow(message);
    try {
      normalizeTagName(input, 'tags[0]');
    } catch (e) {
      expect(isDomainError(e) && e.details[0]?.path).toBe('tags[0]');
    }
  });

  it('rejects non-strings', () => {
    expect(() => normalizeTagName(7)).toThrow('tag: a tag name must be a string');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        let once: string;
        try {
          once = normalizeTagName(s);
        } catch {
          return;
        }
        expect(normalizeTagName(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        let once: string;
        try {
          once = normalizeTagName(s);
        } catch {
          return;
        }
        expect(normalizeTagName(once)).toBe(once);
      }),
    );
  });
});

describe('tagKey', () => {
  it('folds ASCII letters only, like lower() in the C locale', () => {
    expect(tagKey('VIP Customer')).toBe('vip customer');
    expect(tagKey('ÄPFEL')).toBe('Äpfel');
    expect(tagKey('ÄPFEL')).not.toBe(tagKey('äpfel'));
    expect(tagKey('São-Paulo_2024')).toBe('são-paulo_2024');
  });
});

describe('uniqueTags', () => {
  it('dedupes by key keeping the first spelling and sorts by key', () => {
    expect(uniqueTags(['vip', 'Newsletter', 'VIP', 'beta', 'NEWSLETTER', 'Alpha'])).toEqual([
      'Alpha',
      'beta',
      'Newsletter',
      'vip',
    ]);
    expect(uniqueTags([])).toEqual([]);
  });

  it('is idempotent and order-independent up to spelling', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 })), (names) => {
        const once = uniqueTags(names);
        expect(uniqueTags(once)).toEqual(once);
        expect(uniqueTags([...names].reverse()).map(tagKey)).toEqual(once.map(tagKey));
        expect(new Set(once.map(tagKey)).size).toBe(once.length);
      }),
    );
  });
});
