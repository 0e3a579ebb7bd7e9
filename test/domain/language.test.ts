import { normalizeLanguage } from '../../src/domain/language';

describe('normalizeLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['pt-br', 'pt-BR'],
    ['PT-BR', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    [' fr-CA ', 'fr-CA'],
    ['iw', 'he'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected);
    expect(normalizeLanguage(expected)).toBe(expected);
  });

  it.each(['english please', 'e', '123', 'en--US', 'x-private', 'pt-BR-'])('rejects %p', (input) => {
    expect(() => normalizeLanguage(input)).toThrow(/^language: ".*" is not a valid BCP 47 language tag/);
  });

  it('rejects empty, too long and non-string input', () => {
    expect(() => normalizeLanguage('')).toThrow('language: must not be empty');
    expect(() => normalizeLanguage(`en-${'a'.repeat(40)}`)).toThrow(/too long/);
    expect(() => normalizeLanguage(null, 'lang')).toThrow(/^lang: must be a BCP 47/);
  });
});
