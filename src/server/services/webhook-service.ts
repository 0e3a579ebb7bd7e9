import { decodeCursor, encodeCursor, type KeysetPosition } from '../http/keyset-cursor';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../../domain/errors';
import type { WebhookSubscriptionInput } from '../../domain/events';
import type { Hub } from '../hub';
import { newId } from '../ids';
import {
  countWebhooks,
  deleteWebhook,
  deliveryStats,
  findWebhook,
  insertWebhook,
  listWebhooks,
  recentDeliveries,
  type DeliveryStats,
  type DeliveryView,
  type WebhookView,
} from '../repos/webhook-repo';
import { sealSecret } from '../secret-box';
import { generateWebhookSecret } from '../secrets';

/** At most this many webhooks per workspace: each event fans out to every subscription. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 100;

/** Environment switch: `false`/`0`/`no`/`off` refuses webhook URLs on loopback, private or link-local hosts. */
export const ALLOW_PRIVATE_WEBHOOKS_ENV = 'CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS';

export function privateWebhooksAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[ALLOW_PRIVATE_WEBHOOKS_ENV]?.trim().toLowerCase();
  return !(v === 'false' || v === '0' || v === 'no' || v === 'off');
}

const PRIVATE_RANGES = (() => {
  const b = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
  ] as const) {
    b.addSubnet(net, prefix, 'ipv4');
  }
  for (const [net, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
  ] as const) {
    b.addSubnet(net, prefix, 'ipv6');
  }
  return b;
})();

/**
 * Whether a URL's host is loopback, private, link-local or `localhost` as written. Host names
 * are not resolved here (a public name may still point inward; operators who need that
 * guarantee put an egress proxy in front of the hub).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped) return PRIVATE_RANGES.check(mapped[1], 'ipv4');
  const family = isIP(host);
  if (family === 4) return PRIVATE_RANGES.check(host, 'ipv4');
  if (family === 6) return PRIVATE_RANGES.check(host, 'ipv6');
  return false;
}

export interface CreatedWebhook {
  webhook: WebhookView;
  /** The signing secret: returned in this answer only. */
  secret: string;
}

/** Sealing context of a webhook's secret: a sealed value only opens on its own webhook. */
export function webhookSecretContext(webhookId: string): string {
  return `webhook:${webhookId}`;
}

export async function createWebhook(hub: Hub, workspaceId: string, input: WebhookSubscriptionInput): Promise<CreatedWebhook> {
  if (!privateWebhooksAllowed() && isPrivateHost(new URL(input.url).hostname)) {
    throw new DomainError(
      'rule_refused',
      `url: this hub does not deliver to loopback, private or link-local addresses (${ALLOW_PRIVATE_WEBHOOKS_ENV} is off); use a public URL`,
      [{ path: 'url', message: 'points to a loopback, private or link-local address' }],
      'private_address',
    );
  }
  const secret = input.secret ?? generateWebhookSecret();
  const id = newId('wh');
  const webhook = await hub.db.transaction(async (tx) => {
    // One workspace's webhook creations queue here, so the limit holds under concurrency.
    await tx.query('select id from workspaces where id = $1 for update', [workspaceId]);
    if ((await countWebhooks(tx, workspaceId)) >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw new DomainError(
        'rule_refused',
        `A workspace may have at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one you no longer use`,
        [],
        'webhook_limit',
      );
    }
    return insertWebhook(tx, workspaceId, {
      id,
      url: input.url,
      events: input.events,
      description: input.description,
      secretSealed: sealSecret(hub.serverKey, secret, webhookSecretContext(id)),
      createdAt: hub.now(),
    });
  });
  return { webhook, secret };
}

export interface WebhookPage {
  data: WebhookView[];
  nextCursor: string | null;
}

function decodeWebhookCursor(cursor: string): KeysetPosition {
  const position = decodeCursor(cursor);
  if (position === null) {
    throw new DomainError('validation_error', 'cursor: is not a cursor this list returned; start without one', [
      { path: 'query.cursor', message: 'is not a cursor this list returned' },
    ]);
  }
  return position;
}

export async function listWorkspaceWebhooks(hub: Hub, workspaceId: string, cursor: string | undefined, limit: number): Promise<WebhookPage> {
  const rows = await listWebhooks(hub.db, workspaceId, cursor ? decodeWebhookCursor(cursor) : null, limit + 1);
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(data[data.length - 1]) : null };
}

export interface WebhookDetail extends WebhookView {
  deliveryStats: DeliveryStats;
  deliveries: DeliveryView[];
}

/** Attempts shown per delivery in the webhook's detail. */
export const ATTEMPTS_SHOWN = 10;

function webhookNotFound(id: string): DomainError {
  return new DomainError('not_found', `No webhook "${id}" in this workspace`, [{ path: 'webhookId', message: 'no such webhook' }]);
}

export async function getWebhook(hub: Hub, workspaceId: string, id: string, deliveries: number): Promise<WebhookDetail> {
  const webhook = await findWebhook(hub.db, workspaceId, id);
  if (!webhook) throw webhookNotFound(id);
  return {
    ...webhook,
    deliveryStats: await deliveryStats(hub.db, workspaceId, id),
    deliveries: await recentDeliveries(hub.db, workspaceId, id, deliveries, ATTEMPTS_SHOWN),
  };
}

export async function removeWebhook(hub: Hub, workspaceId: string, id: string): Promise<{ id: string; deleted: true; droppedPendingDeliveries: number }> {
  const r = await hub.db.transaction((tx) => deleteWebhook(tx, workspaceId, id));
  if (!r.deleted) throw webhookNotFound(id);
  return { id, deleted: true, droppedPendingDeliveries: r.pending };
}
