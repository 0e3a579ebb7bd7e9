import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { isCountryCode } from './country';
import { fieldError } from './errors';

/** A phone number in E.164 and the country its number range belongs to (null for non-geographic numbers such as +800). */
export interface NormalizedPhone {
  e164: string;
  country: string | null;
}

/** Characters a phone number may be written with: digits, a leading `+`, and separators. */
const PHONE_CHARS = /^\+?[0-9\s().\-/]+$/;

const LENGTH_REASONS: Record<string, string> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'of an invalid length',
  INVALID_COUNTRY: 'for an unknown country calling code',
  NOT_A_NUMBER: 'not a number',
};

/**
 * Normalises a phone number to E.164, checking that it is a valid number (full metadata).
 *
 * International input (`+44 …` or `0044 …`) needs no country. National input (`07400 123456`)
 * is read with `country` — the contact's country, else the workspace default country; the
 * caller passes the first non-null one. Spaces, dashes, dots, slashes and parentheses are
 * ignored. Idempotent: normalising the returned `e164` gives the same result.
 *
 * @throws DomainError (`validation_error`) on `path` when the number is invalid or impossible.
 */
export function normalizePhone(input: string, country?: string | null, path = 'phone'): NormalizedPhone {
  if (typeof input !== 'string') {
    throw fieldError(path, 'must be a phone number written as a string, e.g. "+44 7400 123456"');
  }
  const trimmed = input.trim();
  if (trimmed === '') {
    throw fieldError(path, 'must not be empty');
  }
  if (!PHONE_CHARS.test(trimmed)) {
    throw fieldError(
      path,
      `"${input}" is not a phone number: use digits, an optional leading "+" and spaces, dashes or parentheses (no letters or extensions)`,
    );
  }
  const digits = trimmed.replace(/[\s().\-/]/g, '');
  // `00` is the international call prefix in most of the world; read it as `+`.
  const text = digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
  const international = text.startsWith('+');

  let region: CountryCode | undefined;
  if (!international) {
    if (country === undefined || country === null || country.trim() === '') {
      throw fieldError(
        path,
        `"${input}" is a national number and needs a country: give "country" or set the workspace default country, or write it in international format (+…)`,
      );
    }
    if (!isCountryCode(country)) {
      throw fieldError(path, `cannot read the national number "${input}": "${country}" is not a known country code`);
    }
    region = country.trim().toUpperCase() as CountryCode;
  }

  const parsed = parsePhoneNumberFromString(text, region);
  const where = region ? ` for country ${region}` : '';
  if (!parsed || !parsed.isValid()) {
    const lengthProblem = validatePhoneNumberLength(text, region);
    const why = lengthProblem ? ` (${LENGTH_REASONS[lengthProblem] ?? lengthProblem})` : '';
    throw fieldError(path, `"${input}" is not a valid phone number${where}${why}`);
  }
  return { e164: parsed.number, country: parsed.country ?? null };
}

/** The country (ISO alpha-2) of an E.164 number, or null when it has none or is not a valid number. */
export function countryOfPhone(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed && parsed.isValid() ? (parsed.country ?? null) : null;
}
