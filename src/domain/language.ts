import { fieldError } from './errors';

/** Longest language tag accepted. */
export const LANGUAGE_MAX_LENGTH = 35;

/**
 * Validates a BCP 47 language tag and returns its canonical form (`pt-br` → `pt-BR`,
 * `zh-hant-tw` → `zh-Hant-TW`, `iw` → `he`). `_` is accepted as a separator (`pt_BR`, as
 * some channels send it). Private-use-only and malformed tags are rejected.
 *
 * @throws DomainError (`validation_error`) on `path`.
 */
export function normalizeLanguage(input: unknown, path = 'language'): string {
  if (typeof input !== 'string') {
    throw fieldError(path, 'must be a BCP 47 language tag written as a string, e.g. "en" or "pt-BR"');
  }
  const s = input.trim().replace(/_/g, '-');
  if (s === '') throw fieldError(path, 'must not be empty');
  if (s.length > LANGUAGE_MAX_LENGTH) {
    throw fieldError(path, `is too long (at most ${LANGUAGE_MAX_LENGTH} characters)`);
  }
  let canonical: string[];
  try {
    canonical = Intl.getCanonicalLocales(s);
  } catch {
    throw fieldError(path, `"${input}" is not a valid BCP 47 language tag (e.g. "en", "pt-BR", "zh-Hant-TW")`);
  }
  return canonical[0] as string;
}
