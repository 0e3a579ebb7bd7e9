import type { Queryable } from '../db/database';
import { deleteClaimsBefore } from '../repos/webhook-claim-repo';
import { EVENT_CLAIM_TTL_MS } from '../services/webhook-claim-service';

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** Deletes idempotency keys older than 24 h (by the hub clock). Returns how many went. */
export async function deleteExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const r = await db.query('delete from idempotency_keys where created_at < $1', [new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)]);
  return r.rowCount;
}

/** Deletes webhook event claims older than their retention (by the hub clock). Returns how many went. */
export async function deleteExpiredEventClaims(db: Queryable, now: Date): Promise<number> {
  return await deleteClaimsBefore(db, new Date(now.getTime() - EVENT_CLAIM_TTL_MS));
}
