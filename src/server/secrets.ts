import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * API keys: `chub_<48 base64url chars>`, shown once; the database keeps only the SHA-256 of
 * the key (keys are long random strings, so a fast hash is enough and lookups stay indexed).
 */
export function generateApiKey(): string {
  return `chub_${randomBytes(36).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * A webhook signing secret the hub generates when the subscriber gives none:
 * `whsec_<43 base64url chars>` (256 random bits). Stored sealed (secret-box.ts), shown once.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The server secret key: from CONTACT_HUB_SECRET_KEY (hex or base64, at least 32 bytes) when
 * set — several processes on one PostgreSQL must share it — else from `<dataDir>/secret.key`,
 * created on first start with mode 0600.
 */
export function loadServerKey(envValue: string | undefined, dataDir: string): Buffer {
  if (envValue && envValue.trim() !== '') {
    const v = envValue.trim();
    const key = /^[0-9a-f]+$/i.test(v) && v.length % 2 === 0 ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
    if (key.length < 32) throw new Error('CONTACT_HUB_SECRET_KEY must hold at least 32 bytes (64 hex characters)');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
