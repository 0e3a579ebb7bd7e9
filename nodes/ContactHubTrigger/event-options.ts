import type { INodePropertyOptions } from 'n8n-workflow';
import { ALL_EVENTS, EVENT_TYPES, type EventSelector, type EventType } from '../../src/domain/events';
import { MESSAGE_TYPES, type MessageType } from '../../src/domain/message';

/** Friendly names of the hub's event types, in the order the Events list shows them. */
const EVENT_LABELS: Record<EventType, { name: string; description: string }> = {
  'contact.created': { name: 'New Contact', description: 'A contact was created (by hand, import, API or an incoming message)' },
  'message.received': { name: 'Incoming Message', description: 'A contact wrote to one of the workspace channels' },
  'contact.updated': { name: 'Contact Updated', description: 'Fields of a contact changed; the event lists which' },
  'contact.deleted': { name: 'Contact Deleted', description: 'A contact was deleted' },
  'contact.tagged': { name: 'Contact Tagged', description: 'Tags were added to a contact' },
  'contact.untagged': { name: 'Contact Untagged', description: 'Tags were removed from a contact' },
  'contact.merged': { name: 'Contacts Merged', description: 'Two contacts were merged into one' },
  'contact.unmerged': { name: 'Contacts Unmerged', description: 'A merge was undone and the absorbed contact restored' },
  'contact.blocked': { name: 'Contact Blocked', description: 'A contact was blocked' },
  'contact.unblocked': { name: 'Contact Unblocked', description: 'A contact was unblocked' },
  'message.sent': { name: 'Message Sent', description: 'A message was sent to a contact' },
};

/** Display order: the two most used events first, then the rest as the hub lists them. */
const EVENT_ORDER: readonly EventType[] = [
  'contact.created',
  'message.received',
  ...EVENT_TYPES.filter((t) => t !== 'contact.created' && t !== 'message.received'),
];

/** Options of the Events parameter: "All Events" (`*`) and one per event type. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
  { name: 'All Events', value: ALL_EVENTS, description: 'Every event, including types the hub adds later' },
  ...EVENT_ORDER.map((type) => ({ name: EVENT_LABELS[type].name, value: type, description: EVENT_LABELS[type].description })),
];

const MESSAGE_TYPE_NAMES: Record<MessageType, string> = {
  text: 'Text',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  file: 'File',
  location: 'Location',
  template: 'Template',
  other: 'Other',
};

/** Options of the Message Type filter. */
export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = MESSAGE_TYPES.map((t) => ({ name: MESSAGE_TYPE_NAMES[t], value: t }));

/**
 * The subscription's event list from the parameter's values: `["*"]` when "All Events" is
 * among them, else the known types in the hub's order, without repeats (empty when none is).
 */
export function toEventSelectors(values: readonly unknown[]): EventSelector[] {
  if (values.includes(ALL_EVENTS)) return [ALL_EVENTS];
  return EVENT_TYPES.filter((t) => values.includes(t));
}
