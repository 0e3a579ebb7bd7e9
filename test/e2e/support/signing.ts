import { signatureHeader, SIGNATURE_HEADER, EVENT_ID_HEADER } from '../../../src/domain/webhook-signature';

/** POSTs an event to a trigger's webhook URL as the hub does: the raw JSON, signed with `secret` at `t`. */
export async function deliverSigned(
  url: string,
  event: Record<string, unknown>,
  secret: string,
  t = Math.floor(Date.now() / 1000),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = JSON.stringify(event);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [EVENT_ID_HEADER]: String(event.id), [SIGNATURE_HEADER]: signatureHeader(secret, t, body) },
    body,
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}
