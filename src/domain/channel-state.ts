import type { Channel, ChannelIdentity, ChannelState, ChannelType } from './channel';
import type { Contact } from './contact';

/** Channel types whose first message the hub can send itself, and the contact field it needs. */
export const CONNECTABLE_CHANNEL_TYPES: Readonly<Partial<Record<ChannelType, 'phone' | 'email'>>> = {
  whatsapp: 'phone',
  sms: 'phone',
  email: 'email',
};

/** A workspace channel as seen from one contact. */
export interface ContactChannelState {
  channel: Channel;
  state: ChannelState;
  /** The contact's identity on the channel, when it has one (then `state` is `active`). */
  identity: ChannelIdentity | null;
}

/** The contact's identity on `channel`, or null. `identities` may hold other channels' too. */
export function identityOn(channel: Channel, identities: readonly ChannelIdentity[]): ChannelIdentity | null {
  return identities.find((i) => i.channelId === channel.id) ?? null;
}

/**
 * The address a first message on `channel` would go to: the contact's phone for WhatsApp
 * and SMS, its e-mail for e-mail channels; null when the channel type cannot be connected
 * by the hub or the contact lacks the address.
 */
export function addressForConnect(channel: Channel, contact: Pick<Contact, 'phone' | 'email'>): string | null {
  const field = CONNECTABLE_CHANNEL_TYPES[channel.type];
  if (field === undefined) return null;
  const value = contact[field];
  return value !== null && value.trim() !== '' ? value : null;
}

/**
 * State of one workspace channel for a contact: `active` when the contact has an identity
 * on it; `inactive` when it has none but the hub can connect it (WhatsApp/SMS with a phone,
 * e-mail with an address); `unavailable` otherwise (only the contact can open it).
 */
export function channelState(
  channel: Channel,
  contact: Pick<Contact, 'phone' | 'email'>,
  identities: readonly ChannelIdentity[],
): ChannelState {
  if (identityOn(channel, identities) !== null) return 'active';
  return addressForConnect(channel, contact) !== null ? 'inactive' : 'unavailable';
}

/** State of every workspace channel for a contact, in the order of `channels`. */
export function channelStates(
  channels: readonly Channel[],
  contact: Pick<Contact, 'phone' | 'email'>,
  identities: readonly ChannelIdentity[],
): ContactChannelState[] {
  return channels.map((channel) => ({
    channel,
    state: channelState(channel, contact, identities),
    identity: identityOn(channel, identities),
  }));
}

/**
 * A new identity connecting a contact to a channel (first incoming message, or the first
 * send on an inactive channel). Ids and time are passed in.
 */
export function connectIdentity(input: {
  id: string;
  contactId: string;
  channelId: string;
  address: string;
  at: string;
  /** False when the connecting message does not count as an interaction (blocked contact). */
  interacted?: boolean;
}): ChannelIdentity {
  return {
    id: input.id,
    contactId: input.contactId,
    channelId: input.channelId,
    address: input.address,
    connectedAt: input.at,
    lastInteractionAt: input.interacted === false ? null : input.at,
  };
}

/** Whether ISO time `a` is later than `b` (a null `b` is earlier than anything). */
export function isLater(a: string, b: string | null): boolean {
  return b === null || Date.parse(a) > Date.parse(b);
}

/** The identity after an interaction at `at`; its `lastInteractionAt` never moves backwards. */
export function touchIdentity(identity: ChannelIdentity, at: string): ChannelIdentity {
  return isLater(at, identity.lastInteractionAt) ? { ...identity, lastInteractionAt: at } : identity;
}
