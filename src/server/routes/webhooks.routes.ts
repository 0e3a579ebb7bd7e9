import { createHmac } from 'node:crypto';
import { z } from 'zod/v4';
import { EVENT_TYPES, webhookSubscriptionSchema, type WebhookSubscriptionInput } from '../../domain/events';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { toErrorResponse } from '../http/error-response';
import {
  checkIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
} from '../http/idempotency';
import { defineRoute, type AnyRoute } from '../http/route';
import { openSecret, sealSecret } from '../secret-box';
import {
  createWebhook,
  getWebhook,
  listWorkspaceWebhooks,
  removeWebhook,
  type CreatedWebhook,
} from '../services/webhook-service';
import type { WebhookView } from '../repos/webhook-repo';

const shape = webhookSubscriptionSchema.shape;
const CreateWebhookBody = z
  .object({
    url: shape.url.describe('Where deliveries are POSTed: an http:// or https:// URL, at most 2048 characters.'),
    events: shape.events.describe(
      `Event types to receive: "*" for every type (including ones added later) or a list of ${EVENT_TYPES.join(', ')}.`,
    ),
    description: shape.description.describe('A note for people, at most 500 characters.'),
    secret: shape.secret.describe(
      'Signing secret (16–256 characters). Omit it and the hub generates one (`whsec_…`). Either way it is returned once, in this answer.',
    ),
  })
  .describe('A webhook subscription.');

const EventSelectorSchema = z.enum(['*', ...EVENT_TYPES]);
const Webhook = z.object({
  id: z.string().describe('Webhook id (`wh_…`).'),
  url: z.string(),
  events: z.array(EventSelectorSchema).describe('Subscribed event types, or ["*"].'),
  description: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601, UTC.'),
});
const CreatedWebhookAnswer = Webhook.extend({
  secret: z
    .string()
    .describe(
      'The signing secret. Shown only in this answer (and in an Idempotency-Key replay of this request); store it now.',
    ),
});
const DeliveryAttempt = z.object({
  attempt: z.number().int().describe('1 for the first attempt.'),
  attemptedAt: z.string(),
  statusCode: z.number().int().nullable().describe("The receiver's HTTP status; null when no answer came."),
  error: z.string().nullable().describe('Why the attempt failed (status, timeout, connection error); null on success.'),
  durationMs: z.number().int(),
});
const Delivery = z.object({
  id: z.string().describe('Delivery id (`dlv_…`), sent as the x-contact-hub-delivery-id header.'),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']).describe('failed: given up after at least 24 h of retries.'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('When the next attempt is due; null unless pending.'),
  firstAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(DeliveryAttempt).describe('The latest attempts, newest first (at most 10).'),
});
const WebhookDetailAnswer = Webhook.extend({
  deliveryStats: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
  deliveries: z.array(Delivery).describe('Most recent deliveries, newest first.'),
});
const WebhookParams = z.object({ webhookId: z.string().min(1).max(100).describe('Webhook id (`wh_…`).') });

/** What an Idempotency-Key replay of a creation keeps: the answer with its secret sealed. */
interface StoredCreation {
  webhook: WebhookView;
  secretSealed: string;
}

function idempotencyContext(workspaceId: string, key: string): string {
  return `idempotency:${workspaceId}:${key}`;
}

function createdAnswer(c: CreatedWebhook): z.infer<typeof CreatedWebhookAnswer> {
  return { ...c.webhook, secret: c.secret };
}

export function webhooksRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/webhooks',
      operationId: 'listWebhooks',
      summary: 'The webhook subscriptions of the workspace (never their secrets)',
      tag: 'Webhooks',
      query: z.object({
        cursor: z.string().max(500).optional().describe('nextCursor of the previous page.'),
        limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200 (default 50).'),
      }),
      success: {
        status: 200,
        description: 'One page of webhooks in creation order',
        schema: z.object({ data: z.array(Webhook), nextCursor: z.string().nullable() }),
      },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'webhooks.manage');
        return { body: await listWorkspaceWebhooks(hub, auth.workspaceId, query.cursor, query.limit) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/webhooks',
      operationId: 'createWebhook',
      summary: 'Subscribe a URL to events; the answer carries the signing secret, once',
      description:
        'Deliveries are POSTs of the event JSON with headers x-contact-hub-event-id, x-contact-hub-event-type, ' +
        'x-contact-hub-delivery-id and x-contact-hub-signature (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`). ' +
        'A 2xx answer acknowledges; anything else is retried with exponential backoff and jitter for at least 24 hours. ' +
        'Honours an Idempotency-Key header: a retry with the same key and body returns the first answer, secret included.',
      tag: 'Webhooks',
      body: CreateWebhookBody,
      // Idempotency is handled here so that the stored replay keeps the secret sealed, never in clear.
      idempotent: false,
      success: { status: 201, description: 'The new webhook, with its secret', schema: CreatedWebhookAnswer },
      handler: async ({ auth, body, request }) => {
        requireRole(auth.role, 'webhooks.manage');
        const input = body as WebhookSubscriptionInput;
        const rawKey = request.headers['idempotency-key'];
        if (typeof rawKey !== 'string') {
          return { status: 201, body: createdAnswer(await createWebhook(hub, auth.workspaceId, input)) };
        }
        checkIdempotencyKey(rawKey);
        const context = idempotencyContext(auth.workspaceId, rawKey);
        // The fingerprint must not let a dump test guesses of a client-chosen secret: it sees only an HMAC of it.
        const fingerprintBody = {
          ...(request.body as Record<string, unknown>),
          secret: input.secret === null ? null : createHmac('sha256', hub.serverKey).update(input.secret).digest('hex'),
        };
        const hash = requestHash('POST', request.url, fingerprintBody);
        const replay = await claimIdempotencyKey(hub.db, auth.workspaceId, rawKey, hash);
        if (replay) {
          const stored = replay.body as StoredCreation | null;
          const body =
            stored && typeof stored === 'object' && 'secretSealed' in stored
              ? { ...stored.webhook, secret: openSecret(hub.serverKey, stored.secretSealed, context) }
              : replay.body;
          return { status: replay.status, body, headers: { 'idempotent-replayed': 'true' } };
        }
        try {
          const created = await createWebhook(hub, auth.workspaceId, input);
          const stored: StoredCreation = { webhook: created.webhook, secretSealed: sealSecret(hub.serverKey, created.secret, context) };
          await completeIdempotencyKey(hub.db, auth.workspaceId, rawKey, { status: 201, body: stored });
          return { status: 201, body: createdAnswer(created) };
        } catch (e) {
          const r = toErrorResponse(e);
          if (r.status >= 500) await releaseIdempotencyKey(hub.db, auth.workspaceId, rawKey);
          else await completeIdempotencyKey(hub.db, auth.workspaceId, rawKey, r);
          throw e;
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/webhooks/:webhookId',
      operationId: 'getWebhook',
      summary: 'A webhook with its recent deliveries and their attempts',
      tag: 'Webhooks',
      params: WebhookParams,
      query: z.object({
        deliveries: z.coerce
          .number()
          .int()
          .min(0)
          .max(100)
          .default(20)
          .describe('How many recent deliveries to include, 0–100 (default 20).'),
      }),
      success: { status: 200, description: 'The webhook and its delivery history', schema: WebhookDetailAnswer },
      handler: async ({ auth, params, query }) => {
        requireRole(auth.role, 'webhooks.manage');
        return { body: await getWebhook(hub, auth.workspaceId, params.webhookId, query.deliveries) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/webhooks/:webhookId',
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook; its pending deliveries are dropped with it',
      tag: 'Webhooks',
      params: WebhookParams,
      success: {
        status: 200,
        description: 'Deleted',
        schema: z.object({
          id: z.string(),
          deleted: z.literal(true),
          droppedPendingDeliveries: z.number().int().describe('Deliveries that were still pending and will not be made.'),
        }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'webhooks.manage');
        return { body: await removeWebhook(hub, auth.workspaceId, params.webhookId) };
      },
    }),
  ];
}
