/** Workspace channels and a contact's identities on them. */
export const CHANNEL_TYPES = [
  'whatsapp',
  'sms',
  'email',
  'messenger',
  'instagram',
  'telegram',
  'line',
  'viber',
  'wechat',
  'webchat',
  'custom',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface Channel {
  id: string;
  type: ChannelType;
  name: string;
}

/** The contact's address on one channel (phone, e-mail, page-scoped id, chat id). */
export interface ChannelIdentity {
  id: string;
  contactId: string;
  channelId: string;
  address: string;
  connectedAt: string;
  lastInteractionAt: string | null;
}

export const CHANNEL_STATES = ['active', 'inactive', 'unavailable'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];
