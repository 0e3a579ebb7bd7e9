import { fieldError } from './errors';

/** Longest tag name, in characters (code points). */
export const TAG_NAME_MAX_LENGTH = 64;

/** Control characters (C0, DEL, C1). */
const CONTROL = /\p{Cc}/u;

/**
 * Normalises a tag name: Unicode NFC, trimmed, runs of whitespace (tabs and newlines too)
 * collapsed to one space; 1–64 characters; no control characters. Idempotent.
 *
 * @throws DomainError (`validation_error`) on `path`.
 */
export function normalizeTagName(raw: unknown, path = 'tag'): string {
  if (typeof raw !== 'string') {
    throw fieldError(path, 'a tag name must be a string');
  }
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw fieldError(path, 'a tag name must not be empty');
  if (CONTROL.test(name)) throw fieldError(path, `tag name "${name}" contains control characters`);
  const length = [...name].length;
  if (length > TAG_NAME_MAX_LENGTH) {
    throw fieldError(path, `tag name is too long (${length} characters, at most ${TAG_NAME_MAX_LENGTH})`);
  }
  return name;
}

/**
 * The case-insensitive identity of a tag name. Only ASCII letters are folded (A–Z → a–z),
 * exactly like PostgreSQL `lower()` under the C locale and like the filter module, so the
 * in-memory and SQL uniqueness agree. (`Äpfel` and `äpfel` are therefore two tags.)
 */
export function tagKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Dedupes tag names by {@link tagKey}, keeping the first spelling met, and sorts them by key
 * (code-unit order, so the result is deterministic and locale-free). Input is expected to be
 * normalised already.
 */
export function uniqueTags(names: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const n of names) {
    const k = tagKey(n);
    if (!byKey.has(k)) byKey.set(k, n);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, n]) => n);
}
