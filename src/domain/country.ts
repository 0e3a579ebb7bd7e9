import { getCountries } from 'libphonenumber-js/max';
import { fieldError } from './errors';

/**
 * Official ISO 3166-1 alpha-2 codes that libphonenumber-js has no phone metadata for
 * (uninhabited or without a numbering plan of their own).
 */
const CODES_WITHOUT_PHONE_METADATA = ['AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM'] as const;

/**
 * Every country code the hub accepts: the codes libphonenumber-js knows (which include
 * `XK` Kosovo and the phone-plan regions `AC` Ascension and `TA` Tristan da Cunha, so a
 * country derived from a phone number is always accepted) plus the official codes it lacks.
 */
export const COUNTRY_CODES: readonly string[] = Object.freeze(
  [...new Set<string>([...getCountries(), ...CODES_WITHOUT_PHONE_METADATA])].sort(),
);

const KNOWN = new Set(COUNTRY_CODES);

/** True when `code` (any case, surrounding spaces allowed) is a known alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return KNOWN.has(code.trim().toUpperCase());
}

/**
 * Validates an ISO 3166-1 alpha-2 country code and returns it upper-cased (`gb` → `GB`).
 * Throws a validation DomainError on `path` otherwise.
 */
export function normalizeCountry(input: unknown, path = 'country'): string {
  if (typeof input !== 'string') {
    throw fieldError(path, 'must be a two-letter ISO 3166-1 country code such as "GB" or "BR"');
  }
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw fieldError(path, `"${input}" is not a two-letter ISO 3166-1 country code (e.g. "GB", "BR")`);
  }
  if (!KNOWN.has(code)) {
    throw fieldError(path, `"${input}" is not a known ISO 3166-1 alpha-2 country code`);
  }
  return code;
}
