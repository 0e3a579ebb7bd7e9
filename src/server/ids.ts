import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new random id with a readable prefix, e.g. `ct_k3j9...`: 20 base-36 characters (~103 bits).
 * Ids never carry meaning; sorting uses the timestamp columns.
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}
