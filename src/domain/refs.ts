import { z } from 'zod/v4';
import { normalizeEmail } from './email';
import { fieldError } from './errors';
import { normalizePhone } from './phone';

/** The four ways to point at a contact. */
export const REF_KINDS = ['id', 'phone', 'email', 'external'] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** A parsed contact reference; `value` is normalised (E.164 phone, lower-case e-mail). */
export interface ContactRef {
  kind: RefKind;
  value: string;
}

/** Longest contact id. */
export const CONTACT_ID_MAX_LENGTH = 64;
/** Longest external code. */
export const EXTERNAL_CODE_MAX_LENGTH = 200;

/**
 * Contact ids (client-supplied or generated): 1–64 characters of letters, digits, `_ . : -`,
 * starting with a letter or digit. No `/`, whitespace, `%`, `?` or `#`, so an id is safe in
 * a URL path segment without escaping.
 */
export const contactIdSchema = z
  .string()
  .min(1)
  .max(CONTACT_ID_MAX_LENGTH)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, {
    message: 'an id is 1–64 characters of letters, digits, "_", ".", ":" or "-", starting with a letter or digit',
  })
  .describe('Contact id: 1–64 characters of letters, digits, "_", ".", ":" or "-", starting with a letter or digit.')
  .meta({ examples: ['c_8f3a2b', 'crm-000123'] });

/** An external code: trimmed, 1–200 characters, no control characters. */
export const externalCodeSchema = z
  .string()
  .describe('Link to a record in an external CRM; unique in the workspace. 1–200 characters.')
  .meta({ examples: ['HUBSPOT-4411'] });

/** Control characters (C0, DEL, C1). */
const CONTROL = /\p{Cc}/u;

/** Validates and trims a contact id. @throws DomainError on `path`. */
export function normalizeContactId(input: unknown, path = 'id'): string {
  if (typeof input !== 'string') throw fieldError(path, 'an id must be a string');
  const result = contactIdSchema.safeParse(input.trim());
  if (!result.success) {
    throw fieldError(
      path,
      `"${input}" is not a valid id: 1–64 characters of letters, digits, "_", ".", ":" or "-", starting with a letter or digit`,
    );
  }
  return result.data;
}

/** Validates and trims an external code (1–200 characters, no control characters). @throws DomainError on `path`. */
export function normalizeExternalCode(input: unknown, path = 'externalCode'): string {
  if (typeof input !== 'string') throw fieldError(path, 'an external code must be a string');
  const code = input.trim();
  if (code === '') throw fieldError(path, 'an external code must not be empty');
  if (code.length > EXTERNAL_CODE_MAX_LENGTH) {
    throw fieldError(path, `an external code is at most ${EXTERNAL_CODE_MAX_LENGTH} characters (got ${code.length})`);
  }
  if (CONTROL.test(code)) throw fieldError(path, 'an external code must not contain control characters');
  return code;
}

/** Options of {@link parseRef}. */
export interface ParseRefOptions {
  /** Country for reading national phone numbers (`phone:07400 123456`). */
  defaultCountry?: string | null;
  /** Path named in errors; default `ref`. */
  path?: string;
}

const PREFIX_HELP = 'use "id:<id>", "phone:<number>", "email:<address>" or "external:<code>"';

/**
 * Parses a contact ref: `id:<id>`, `phone:<number>` (normalised to E.164; national numbers
 * are read with `defaultCountry`), `email:<address>` (trimmed, lower-cased) or
 * `external:<code>` (trimmed). The prefix is case-insensitive. A value without a prefix is
 * rejected — it would be ambiguous between an id and an external code.
 *
 * @throws DomainError (`validation_error`) on `opts.path` (default `ref`).
 */
export function parseRef(input: string, opts: ParseRefOptions = {}): ContactRef {
  const path = opts.path ?? 'ref';
  if (typeof input !== 'string') throw fieldError(path, `a contact ref must be a string: ${PREFIX_HELP}`);
  const s = input.trim();
  const colon = s.indexOf(':');
  const prefix = colon > 0 ? s.slice(0, colon).toLowerCase() : '';
  if (!(REF_KINDS as readonly string[]).includes(prefix)) {
    throw fieldError(path, `"${input}" is not a contact ref: ${PREFIX_HELP}`);
  }
  const kind = prefix as RefKind;
  const rest = s.slice(colon + 1);
  switch (kind) {
    case 'id':
      return { kind, value: normalizeContactId(rest, path) };
    case 'phone':
      return { kind, value: normalizePhone(rest, opts.defaultCountry ?? null, path).e164 };
    case 'email':
      return { kind, value: normalizeEmail(rest, path) };
    case 'external':
      return { kind, value: normalizeExternalCode(rest, path) };
  }
}

/** Writes a ref as `<kind>:<value>`; the inverse of {@link parseRef} for normalised refs. */
export function formatRef(ref: ContactRef): string {
  return `${ref.kind}:${ref.value}`;
}
