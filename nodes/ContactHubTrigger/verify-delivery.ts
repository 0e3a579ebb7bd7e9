import type { IDataObject } from 'n8n-workflow';
import { DEFAULT_TOLERANCE_SECONDS, verifySignatureHeader } from '../../src/domain/webhook-signature';

/** A delivery's event as the hub sent it: its JSON, with at least an id and a type. */
export interface DeliveredEvent extends IDataObject {
  id: string;
  type: string;
}

export interface DeliveryToCheck {
  /** The request body byte for byte, as received (the signature covers exactly these bytes). */
  rawBody: Buffer | string | undefined;
  /** The `x-contact-hub-signature` header. */
  signature: string | string[] | undefined;
  /** The subscription's secret; undefined when this node has no subscription. */
  secret: string | undefined;
  /** The receiver's clock, unix seconds. */
  nowSeconds: number;
}

export type DeliveryCheck =
  | { ok: true; event: DeliveredEvent }
  | { ok: false; status: 400 | 401; message: string };

const REFUSALS = {
  malformed: 'Missing or malformed x-contact-hub-signature header',
  timestamp_out_of_tolerance: `Signature timestamp is more than ${DEFAULT_TOLERANCE_SECONDS / 60} minutes away from this server's clock`,
  signature_mismatch: 'Signature does not match this subscription',
} as const;

/**
 * Checks one delivery: the signature header must be there once, its timestamp within five
 * minutes of now, and its HMAC must match the subscription's secret over the raw body; then
 * the body must be an event (a JSON object with a string `id` and `type`). Signature
 * failures answer 401, a signed body that is not an event 400.
 */
export function verifyDelivery(input: DeliveryToCheck): DeliveryCheck {
  if (!input.secret) return { ok: false, status: 401, message: 'This trigger has no Contact Hub subscription; reactivate the workflow' };
  if (input.rawBody === undefined) return { ok: false, status: 401, message: 'No raw request body to verify the signature over' };
  if (typeof input.signature !== 'string') return { ok: false, status: 401, message: REFUSALS.malformed };
  const body = typeof input.rawBody === 'string' ? input.rawBody : input.rawBody.toString('utf8');
  const verdict = verifySignatureHeader(input.signature, body, input.secret, {
    now: input.nowSeconds,
    toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
  });
  if (!verdict.ok) return { ok: false, status: 401, message: REFUSALS[verdict.reason] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, message: 'The body is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, message: 'The body is not an event object' };
  }
  const event = parsed as IDataObject;
  if (typeof event.id !== 'string' || event.id === '' || typeof event.type !== 'string') {
    return { ok: false, status: 400, message: 'The event has no id or type' };
  }
  return { ok: true, event: event as DeliveredEvent };
}
