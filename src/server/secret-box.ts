import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the hub must read back (webhook signing secrets) are stored sealed: AES-256-GCM
 * under a key derived from the server key, so a database dump alone reveals none of them.
 *
 * Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url; a fresh 96-bit IV per seal.
 * An optional `context` (e.g. the webhook id) is bound as additional authenticated data, so a
 * sealed value copied onto another row does not open there.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The AES key: HKDF-SHA256 of the server key, so the server key itself is never used twice. */
function boxKey(serverKey: Buffer): Buffer {
  if (serverKey.length < 32) throw new Error('the server key must hold at least 32 bytes');
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'contact-hub secret box v1', 32));
}

export function sealSecret(serverKey: Buffer, plaintext: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', boxKey(serverKey), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/**
 * Opens a sealed secret. Throws when it is malformed, was sealed under another server key or
 * another context, or was tampered with (the message never includes the secret).
 */
export function openSecret(serverKey: Buffer, sealed: string, context = ''): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('sealed secret: unknown format');
  const [, ivText, tagText, ctText] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('sealed secret: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', boxKey(serverKey), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('sealed secret: cannot be opened with this server key (was CONTACT_HUB_SECRET_KEY changed?)');
  }
}
