import type { IDataObject } from 'n8n-workflow';

/**
 * What a trigger keeps about its hub subscription in the node's static data: the webhook id,
 * the signing secret (the hub shows it only once) and the URL and events it was made for.
 */
export interface SubscriptionState {
  webhookId: string;
  secret: string;
  url: string;
  events: string[];
}

const KEYS = ['webhookId', 'webhookSecret', 'webhookUrl', 'webhookEvents'] as const;

/** The stored subscription, or null when there is none (or it is incomplete). */
export function readSubscription(staticData: IDataObject): SubscriptionState | null {
  const { webhookId, webhookSecret, webhookUrl, webhookEvents } = staticData;
  if (typeof webhookId !== 'string' || typeof webhookSecret !== 'string' || webhookId === '' || webhookSecret === '') return null;
  return {
    webhookId,
    secret: webhookSecret,
    url: typeof webhookUrl === 'string' ? webhookUrl : '',
    events: Array.isArray(webhookEvents) ? webhookEvents.filter((e): e is string => typeof e === 'string') : [],
  };
}

/** The stored webhook id, even of an incomplete state (so it can still be deleted). */
export function storedWebhookId(staticData: IDataObject): string | null {
  return typeof staticData.webhookId === 'string' && staticData.webhookId !== '' ? staticData.webhookId : null;
}

export function writeSubscription(staticData: IDataObject, state: SubscriptionState): void {
  staticData.webhookId = state.webhookId;
  staticData.webhookSecret = state.secret;
  staticData.webhookUrl = state.url;
  staticData.webhookEvents = [...state.events];
}

export function clearSubscription(staticData: IDataObject): void {
  for (const key of KEYS) delete staticData[key];
}
