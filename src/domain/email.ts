import { fieldError } from './errors';

/** Longest address allowed (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+\\p{L}{2,63}$`, 'u');

/** True when `input` is a syntactically valid e-mail address (after trimming). */
export function isEmail(input: string): boolean {
  const s = input.trim();
  if (s.length > EMAIL_MAX_LENGTH) return false;
  const at = s.lastIndexOf('@');
  return at > 0 && at <= 64 && EMAIL.test(s);
}

/**
 * Validates an e-mail address and returns it trimmed and lower-cased, the form it is stored
 * and looked up in. Accepts `local@domain.tld` (dot-atom local part, internationalised
 * letters allowed); rejects display names, quoted local parts and IP-literal domains.
 *
 * @throws DomainError (`validation_error`) on `path`.
 */
export function normalizeEmail(input: unknown, path = 'email'): string {
  if (typeof input !== 'string') {
    throw fieldError(path, 'must be an e-mail address written as a string, e.g. "ana@example.com"');
  }
  const s = input.trim();
  if (s === '') throw fieldError(path, 'must not be empty');
  if (s.length > EMAIL_MAX_LENGTH) {
    throw fieldError(path, `is too long (${s.length} characters, at most ${EMAIL_MAX_LENGTH})`);
  }
  if (!isEmail(s)) {
    throw fieldError(path, `"${input}" is not a valid e-mail address (expected something like "ana@example.com")`);
  }
  return s.toLowerCase();
}
