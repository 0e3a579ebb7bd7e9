import type { Queryable } from '../db/database';
import { iso } from './sql-values';

/** The first claim of an event id at one webhook. */
export interface EventClaim {
  eventId: string;
  claimedAt: string;
}

/**
 * Claims `eventId` for the webhook: inserts the claim unless one exists. Returns whether this
 * call made it (`first`) and the first claim's time. One statement with `on conflict do nothing`,
 * so two processes claiming at once cannot both win.
 */
export async function claimEvent(
  db: Queryable,
  webhookId: string,
  eventId: string,
  now: Date,
): Promise<{ first: boolean; claim: EventClaim }> {
  const inserted = await db.query<{ claimed_at: Date }>(
    `insert into webhook_event_claims (webhook_id, event_id, claimed_at) values ($1, $2, $3)
     on conflict (webhook_id, event_id) do nothing returning claimed_at`,
    [webhookId, eventId, now],
  );
  if (inserted.rows[0]) return { first: true, claim: { eventId, claimedAt: iso(inserted.rows[0].claimed_at) } };
  const existing = await db.query<{ claimed_at: Date }>(
    'select claimed_at from webhook_event_claims where webhook_id = $1 and event_id = $2',
    [webhookId, eventId],
  );
  // The row exists (the insert conflicted on it) unless housekeeping removed it in between: then it was old.
  const claimedAt = existing.rows[0] ? iso(existing.rows[0].claimed_at) : iso(now);
  return { first: false, claim: { eventId, claimedAt } };
}

/** Deletes claims made before `before`. Returns how many went. */
export async function deleteClaimsBefore(db: Queryable, before: Date): Promise<number> {
  const r = await db.query('delete from webhook_event_claims where claimed_at < $1', [before]);
  return r.rowCount;
}
