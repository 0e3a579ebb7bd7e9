import { ALL_EVENTS, type EventSelector } from '../../src/domain/events';
import type { DeliveredEvent } from './verify-delivery';

/** What a trigger lets through: its event types, and for message events channels and types. */
export interface DeliveryFilter {
  events: readonly EventSelector[];
  /** Channel ids; empty lets every channel through. */
  channelIds: readonly string[];
  /** Message types; empty lets every type through. */
  messageTypes: readonly string[];
}

/**
 * Whether an event starts the workflow: its type is one of the chosen events, and when it
 * carries a message (Incoming Message, Message Sent) that message's channel and type pass
 * the filters. Events without a message are not subject to the channel and type filters.
 */
export function deliveryMatches(event: DeliveredEvent, filter: DeliveryFilter): boolean {
  if (!filter.events.includes(ALL_EVENTS) && !filter.events.some((t) => t === event.type)) return false;
  const message = event.message;
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return true;
  const { channelId, type } = message as { channelId?: unknown; type?: unknown };
  if (filter.channelIds.length > 0 && !(typeof channelId === 'string' && filter.channelIds.includes(channelId))) return false;
  if (filter.messageTypes.length > 0 && !(typeof type === 'string' && filter.messageTypes.includes(type))) return false;
  return true;
}
