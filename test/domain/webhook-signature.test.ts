import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  parseSignatureHeader,
  signatureHeader,
  signPayload,
  verifySignatureHeader,
} from '../../src/domain/webhook-signature';

const SECRET = 'whsec_test_secret_123';
const TS = 1_714_560_000;
const BODY = '{"id":"e1","type":"contact.created"}';

describe('signPayload / signatureHeader', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(signPayload(SECRET, TS, BODY)).toBe(expected);
    expect(signatureHeader(SECRET, TS, BODY)).toBe(`t=${TS},v1=${expected}`);
  });

  it('carries one v1 per secret during rotation', () => {
    const h = signatureHeader(['new-secret', 'old-secret'], TS, BODY);
    expect(h.split(',')).toHaveLength(3);
    expect(parseSignatureHeader(h)?.signatures).toEqual([signPayload('new-secret', TS, BODY), signPayload('old-secret', TS, BODY)]);
  });
});

describe('verifySignatureHeader', () => {
  const header = signatureHeader(SECRET, TS, BODY);

  it('accepts a valid signature within tolerance, either side', () => {
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS })).toEqual({ ok: true, timestamp: TS });
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS + 300 }).ok).toBe(true);
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS - 300 }).ok).toBe(true);
  });

  it('rejects a forged body, a wrong secret', () => {
    expect(verifySignatureHeader(header, BODY.replace('e1', 'e2'), SECRET, { now: TS })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifySignatureHeader(header, BODY, 'other', { now: TS })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('rejects a replayed header with a changed timestamp', () => {
    const replay = header.replace(`t=${TS}`, `t=${TS + 1000}`);
    expect(verifySignatureHeader(replay, BODY, SECRET, { now: TS + 1000 })).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('rejects stale and future timestamps', () => {
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS + 301 })).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS - 301 })).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });
    expect(verifySignatureHeader(header, BODY, SECRET, { now: TS + 1000, toleranceSeconds: 2000 }).ok).toBe(true);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['garbage'],
    [`v1=${'a'.repeat(64)}`],
    [`t=${TS}`],
    [`t=abc,v1=${'a'.repeat(64)}`],
    [`t=${TS},v1=xyz`],
    [`t=${TS},v1=${'a'.repeat(63)}`],
    [`t=${TS},t=${TS},v1=${'a'.repeat(64)}`],
    [`t=-5,v1=${'a'.repeat(64)}`],
  ])('rejects malformed header %p', (h) => {
    expect(verifySignatureHeader(h, BODY, SECRET, { now: TS })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('ignores unknown schemes and accepts upper-case hex', () => {
    const sig = signPayload(SECRET, TS, BODY).toUpperCase();
    expect(verifySignatureHeader(`t=${TS}, v0=zzz, v1=${sig}`, BODY, SECRET, { now: TS }).ok).toBe(true);
  });

  it('rotation: a header with new and old signatures passes receivers holding either secret', () => {
    const h = signatureHeader(['new-secret', 'old-secret'], TS, BODY);
    expect(verifySignatureHeader(h, BODY, 'old-secret', { now: TS }).ok).toBe(true);
    expect(verifySignatureHeader(h, BODY, 'new-secret', { now: TS }).ok).toBe(true);
    expect(verifySignatureHeader(signatureHeader('old-secret', TS, BODY), BODY, ['new-secret', 'old-secret'], { now: TS }).ok).toBe(true);
    expect(verifySignatureHeader(h, BODY, ['third'], { now: TS }).ok).toBe(false);
  });

  it('property: sign then verify round-trips; any other body fails', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.integer({ min: 0, max: 4_000_000_000 }), (secret, body, other, ts) => {
        const h = signatureHeader(secret, ts, body);
        const good = verifySignatureHeader(h, body, secret, { now: ts });
        const bad = verifySignatureHeader(h, other, secret, { now: ts });
        return good.ok && (other === body || (!bad.ok && bad.reason === 'signature_mismatch'));
      }),
    );
  });
});
