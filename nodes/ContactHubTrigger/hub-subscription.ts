import { randomBytes } from 'node:crypto';
import { NodeOperationError, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { ContactHubApiError } from '../../src/client/contact-hub-api-error';
import { hubClient } from '../ContactHub/transport';
import { toNodeError } from '../ContactHub/transport/hub-error';
import { clearSubscription, readSubscription, storedWebhookId, writeSubscription } from './subscription-state';
import { chosenEvents } from './trigger-parameters';

/** The hub's view of a webhook (GET /v1/webhooks/:id, POST /v1/webhooks). */
interface HubWebhook {
  id: string;
  url: string;
  events: string[];
  secret?: string;
}

const isNotFound = (error: unknown): boolean => error instanceof ContactHubApiError && error.status === 404;

function sameEvents(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function webhookUrl(ctx: IHookFunctions): string {
  const url = ctx.getNodeWebhookUrl('default');
  if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
  return url;
}

/** Deletes a hub webhook; one the hub no longer has counts as deleted. */
async function deleteHubWebhook(ctx: IHookFunctions, webhookId: string): Promise<void> {
  try {
    await (await hubClient(ctx)).deleteWebhook(webhookId);
  } catch (error) {
    if (!isNotFound(error)) throw toNodeError(ctx.getNode(), error);
  }
}

/**
 * checkExists: true when the subscription this node stored still exists on the hub, for this
 * node's webhook URL and events, and its secret is known. A subscription the hub no longer
 * has is forgotten.
 */
export async function subscriptionExists(ctx: IHookFunctions): Promise<boolean> {
  const staticData = ctx.getWorkflowStaticData('node');
  const state = readSubscription(staticData);
  if (!state) return false;
  let webhook: HubWebhook;
  try {
    webhook = await (await hubClient(ctx)).request<HubWebhook>({
      method: 'GET',
      path: `/v1/webhooks/${encodeURIComponent(state.webhookId)}`,
      query: { deliveries: 0 },
    });
  } catch (error) {
    if (!isNotFound(error)) throw toNodeError(ctx.getNode(), error);
    clearSubscription(staticData);
    return false;
  }
  return webhook.url === webhookUrl(ctx) && sameEvents(webhook.events, chosenEvents(ctx));
}

/**
 * create: subscribes this node's webhook URL to the chosen events with a fresh secret of
 * 256 random bits, after removing a stale subscription this node made before, and stores
 * the webhook id and secret in the node's static data.
 */
export async function createSubscription(ctx: IHookFunctions): Promise<boolean> {
  const node = ctx.getNode();
  const events = chosenEvents(ctx);
  if (events.length === 0) throw new NodeOperationError(node, 'Choose at least one event to listen to');
  const url = webhookUrl(ctx);
  const staticData = ctx.getWorkflowStaticData('node');
  const previous = storedWebhookId(staticData);
  if (previous) await deleteHubWebhook(ctx, previous);
  clearSubscription(staticData);
  const secret = randomBytes(32).toString('base64url');
  const workflow = ctx.getWorkflow();
  const body: JsonObject = {
    url,
    events,
    secret,
    description: `n8n: workflow "${workflow.name ?? workflow.id ?? ''}", node "${node.name}"`.slice(0, 500),
  };
  let created: HubWebhook;
  try {
    created = (await (await hubClient(ctx)).createWebhook(body)) as unknown as HubWebhook;
  } catch (error) {
    throw toNodeError(node, error);
  }
  writeSubscription(staticData, { webhookId: created.id, secret: created.secret ?? secret, url, events });
  return true;
}

/** delete: removes the stored subscription from the hub (already gone counts) and forgets it. */
export async function deleteSubscription(ctx: IHookFunctions): Promise<boolean> {
  const staticData = ctx.getWorkflowStaticData('node');
  const webhookId = storedWebhookId(staticData);
  if (webhookId) await deleteHubWebhook(ctx, webhookId);
  clearSubscription(staticData);
  return true;
}
