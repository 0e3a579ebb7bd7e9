import type { IDataObject } from 'n8n-workflow';

/** How many recent event ids a trigger remembers to drop redeliveries. */
export const SEEN_EVENT_LIMIT = 1000;

const KEY = 'seenEventIds';

/**
 * Records an event id in the node's static data (n8n saves it after each webhook call) and
 * says whether it was already there. The list keeps the latest `limit` ids, oldest dropped
 * first; the hub redelivers within hours, long before a thousand newer events pass.
 */
export function rememberEvent(staticData: IDataObject, eventId: string, limit = SEEN_EVENT_LIMIT): 'new' | 'seen' {
  const stored = staticData[KEY];
  const seen = Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
  if (seen.includes(eventId)) return 'seen';
  seen.push(eventId);
  staticData[KEY] = seen.length > limit ? seen.slice(seen.length - limit) : seen;
  return 'new';
}
