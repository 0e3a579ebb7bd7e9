import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { claimWebhookEvent, EVENT_CLAIM_TTL_MS } from '../services/webhook-claim-service';

const ClaimParams = z.object({ webhookId: z.string().min(1).max(100).describe('Webhook id (`wh_…`).') });
const ClaimBody = z
  .object({
    eventId: z
      .string()
      .min(1)
      .max(200)
      .describe('The id of the delivered event (its `id`, also sent as the x-contact-hub-event-id header).'),
  })
  .strict()
  .describe('The event a receiver is about to act on.');
const ClaimAnswer = z.object({
  webhookId: z.string(),
  eventId: z.string(),
  claimed: z
    .boolean()
    .describe('true: this is the first claim, act on the event. false: it was claimed before (a redelivery), do nothing.'),
  claimedAt: z.string().describe('When the first claim was made (ISO 8601, UTC).'),
});

/** POST /v1/webhooks/:webhookId/claims: first claim of an event id wins. */
export function webhookClaimRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/webhooks/:webhookId/claims',
      operationId: 'claimWebhookEvent',
      summary: 'Claim a delivered event before acting on it: the first claim wins',
      description:
        'Deliveries are at least once: a timeout or a lost answer makes the hub deliver an event again. A receiver ' +
        'served by several processes claims the event id here after checking the signature, and acts only when ' +
        '`claimed` is true; every later claim of the same event at the same webhook answers `claimed: false`. ' +
        `Claims are remembered for ${EVENT_CLAIM_TTL_MS / 86_400_000} days, longer than the hub retries a delivery. ` +
        'Needs the role that registers webhooks (owner or manager), as the key that registered the subscription has.',
      tag: 'Webhooks',
      params: ClaimParams,
      body: ClaimBody,
      // The claim itself is idempotent: a repeated claim answers claimed: false.
      idempotent: false,
      success: { status: 200, description: 'Whether this claim was the first', schema: ClaimAnswer },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'webhooks.claimEvents');
        return { body: await claimWebhookEvent(hub, auth.workspaceId, params.webhookId, body.eventId) };
      },
    }),
  ];
}
