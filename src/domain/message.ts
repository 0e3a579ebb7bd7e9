/** Messages exchanged with a contact on a channel. */
export const MESSAGE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Proactive: outbound broadcasts and scheduled messages. Reactive: automated replies. */
export const MESSAGE_KINDS = ['proactive', 'reactive'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'file', 'location', 'template', 'other'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface Message {
  id: string;
  contactId: string;
  channelId: string;
  /** The channel identity it travelled on; null once that identity was removed. */
  identityId: string | null;
  direction: MessageDirection;
  /** Set on outgoing messages. */
  kind: MessageKind | null;
  type: MessageType;
  text: string | null;
  /** Extra provider payload (attachments, template params). */
  payload: Record<string, unknown> | null;
  /** Messages of a blocked contact are stored hidden. */
  hidden: boolean;
  providerMessageId: string | null;
  createdAt: string;
}
