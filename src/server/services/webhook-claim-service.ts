import { DomainError } from '../../domain/errors';
import type { Hub } from '../hub';
import { claimEvent, type EventClaim } from '../repos/webhook-claim-repo';
import { findWebhook } from '../repos/webhook-repo';

/**
 * How long the hub remembers a claim: longer than the hub's retry window (at least 24 h, see
 * delivery-backoff), so every redelivery of an event finds its first claim.
 */
export const EVENT_CLAIM_TTL_MS = 7 * 24 * 3_600_000;

export interface ClaimAnswer extends EventClaim {
  webhookId: string;
  /** true for the first claim of this event at this webhook; false for every later one. */
  claimed: boolean;
}

/**
 * Claims an event id for one of the workspace's webhooks: the first claim wins. A receiver
 * served by several processes (n8n in queue mode) acts on an event only when its claim wins,
 * so a redelivered event is acted on once.
 */
export async function claimWebhookEvent(hub: Hub, workspaceId: string, webhookId: string, eventId: string): Promise<ClaimAnswer> {
  return await hub.db.transaction(async (tx) => {
    const webhook = await findWebhook(tx, workspaceId, webhookId);
    if (!webhook) {
      throw new DomainError('not_found', `No webhook "${webhookId}" in this workspace`, [{ path: 'webhookId', message: 'no such webhook' }]);
    }
    const { first, claim } = await claimEvent(tx, webhookId, eventId, hub.now());
    return { webhookId, claimed: first, ...claim };
  });
}
