import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex>` (several `v1` during a secret rotation). */
export const SIGNATURE_HEADER = 'x-contact-hub-signature';
/** Header carrying the event id, so receivers can drop redeliveries. */
export const EVENT_ID_HEADER = 'x-contact-hub-event-id';
/** How far (seconds) a delivery's timestamp may be from the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `<timestamp>.<body>` with `secret`. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * The signature header value `t=<ts>,v1=<hex>`. With several secrets (rotation: new and
 * old) it carries one `v1` per secret, so receivers holding either accept it.
 */
export function signatureHeader(secret: string | readonly string[], timestamp: number, body: string): string {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signPayload(s, timestamp, body)}`)].join(',');
}

export type SignatureVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'timestamp_out_of_tolerance' | 'signature_mismatch' };

/** Parses `t=…,v1=…[,v1=…]`; null when malformed. Unknown schemes (`v0=`) are ignored. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return null;
      signatures.push(value.toLowerCase());
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Verifies a delivery: the header parses, its timestamp is within `toleranceSeconds` of
 * `now` (either way: stale replays and future-dated calls are rejected), and one of its `v1`
 * signatures matches one of the `secret`s (several during rotation). Constant-time compare.
 */
export function verifySignatureHeader(
  header: string | null | undefined,
  body: string,
  secret: string | readonly string[],
  options: { now: number; toleranceSeconds?: number },
): SignatureVerification {
  const parsed = header ? parseSignatureHeader(header) : null;
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(options.now - parsed.timestamp) > tolerance) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const secrets = typeof secret === 'string' ? [secret] : secret;
  let match = false;
  for (const s of secrets) {
    const expected = Buffer.from(signPayload(s, parsed.timestamp, body), 'hex');
    for (const sig of parsed.signatures) {
      // Both are 32 bytes (the header parser only accepts 64 hex digits).
      if (timingSafeEqual(expected, Buffer.from(sig, 'hex'))) match = true;
    }
  }
  return match ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'signature_mismatch' };
}
