import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import type { EventSelector } from '../../src/domain/events';
import type { DeliveryFilter } from './delivery-filter';
import { toEventSelectors } from './event-options';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** The subscription's events from the Events parameter (empty when none is chosen). */
export function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): EventSelector[] {
  return toEventSelectors(stringList(ctx.getNodeParameter('events', [])));
}

/** The trigger's whole filter: events, and the channel and message type filters. */
export function deliveryFilter(ctx: IWebhookFunctions): DeliveryFilter {
  const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
  return {
    events: chosenEvents(ctx),
    channelIds: stringList(filters.channelIds),
    messageTypes: stringList(filters.messageTypes),
  };
}
