import { isDomainError } from '../../src/domain/errors';
import { EMAIL_MAX_LENGTH, isEmail, normalizeEmail } from '../../src/domain/email';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return `${e.details[0]?.path}: ${e.details[0]?.message}`;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('normalizeEmail', () => {
  it.each([
    ['Ana@Example.COM', 'ana@example.com'],
    ['  ana.souza+news@mail.example.co.uk ', 'ana.souza+news@mail.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['JOSÉ@Exemplo.Com.BR', 'josé@exemplo.com.br'],
    ['a@b-c.io', 'a@b-c.io'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
    expect(normalizeEmail(expected)).toBe(expected);
  });

  it.each([
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana@@example.com',
    'ana..souza@example.com',
    '.ana@example.com',
    'ana.@example.com',
    'ana souza@example.com',
    'ana@-example.com',
    'ana@example-.com',
    'ana@example.c',
    'Ana <ana@example.com>',
    'ana@[127.0.0.1]',
  ])('rejects %s', (input) => {
    expect(messageOf(() => normalizeEmail(input))).toMatch(/^email: ".*" is not a valid e-mail address/);
  });

  it('rejects empty, too long and non-string input on the given path', () => {
    expect(messageOf(() => normalizeEmail(' '))).toBe('email: must not be empty');
    expect(messageOf(() => normalizeEmail(`${'a'.repeat(64)}@${'b'.repeat(190)}.com`, 'customFields.work'))).toMatch(
      /^customFields\.work: is too long/,
    );
    expect(messageOf(() => normalizeEmail(42))).toMatch(/as a string/);
  });

  it('limits the local part to 64 characters', () => {
    expect(isEmail(`${'a'.repeat(64)}@example.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(65)}@example.com`)).toBe(false);
    expect(isEmail(`a@${'b'.repeat(EMAIL_MAX_LENGTH)}.com`)).toBe(false);
  });
});
