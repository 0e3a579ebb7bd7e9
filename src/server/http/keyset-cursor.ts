import { z } from 'zod/v4';
import { validationErrors } from '../../domain/errors';

/** A keyset position: the sort time and the id of the last row of a page. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

/** An opaque cursor for a keyset position (base64url of JSON). */
export function encodeCursor(p: KeysetPosition): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.id]), 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): KeysetPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || id === '' || id.length > 200) return null;
    const time = Date.parse(createdAt);
    // Re-written from the parsed time, so the database only ever sees a well-formed ISO value.
    if (Number.isNaN(time) || time < 0 || time >= 253_402_300_800_000 /* year 10000 */) return null;
    return { createdAt: new Date(time).toISOString(), id };
  } catch {
    return null;
  }
}

/** An opaque cursor for lists ordered by one unique text key (tag names, field keys, segment names). */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key a key cursor stands for; a 400 on `query.cursor` when it is not one of ours. */
export function decodeKeyCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeKeyCursor(key) !== cursor) {
    throw validationErrors([{ path: 'query.cursor', message: 'is not a cursor of this list; pass the nextCursor of the previous page' }]);
  }
  return key;
}

/** Query parameter `cursor`: the `nextCursor` of the previous page; decoded, or a 400 on `query.cursor`. */
export const cursorParam = z
  .string()
  .max(1000, 'is not a cursor of this list (too long)')
  .optional()
  .transform((v, ctx): KeysetPosition | null => {
    if (v === undefined || v === '') return null;
    const p = decodeCursor(v);
    if (p === null) {
      ctx.issues.push({ code: 'custom', message: 'is not a cursor of this list; pass the nextCursor of the previous page', input: v });
      return z.NEVER;
    }
    return p;
  })
  .describe('The nextCursor of the previous page; leave out for the first page.');

/** Query parameter `limit`: page size. */
export function limitParam(defaultLimit: number, max: number) {
  return z.coerce
    .number({ error: `must be a whole number from 1 to ${max}` })
    .int(`must be a whole number from 1 to ${max}`)
    .min(1, `must be a whole number from 1 to ${max}`)
    .max(max, `must be a whole number from 1 to ${max}`)
    .default(defaultLimit)
    .describe(`Page size, 1 to ${max} (default ${defaultLimit}).`);
}
