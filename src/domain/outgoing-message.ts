import type { ChannelIdentity } from './channel';
import { connectIdentity, isLater, touchIdentity } from './channel-state';
import type { Contact } from './contact';
import type { Message, MessageKind, MessageType } from './message';
import type { SendDecision } from './messaging-policy';

/** Everything a permitted send writes. */
export interface OutgoingPlan {
  message: Message;
  /** The identity the message travels on: the existing one touched, or a new one. */
  identity: ChannelIdentity;
  /** True when the send connected the channel (insert `identity`; otherwise update it). */
  identityCreated: boolean;
  contact: Contact;
}

/**
 * What a permitted send writes. A send on an inactive channel connects it (a new identity
 * with the decision's address). A sent message counts as an interaction: the identity's and
 * the contact's `lastInteractionAt` and the contact's `lastInteractedChannelId` move to it
 * (never backwards). It does not touch `lastIncomingAt` nor the conversation status.
 * Ids and time are passed in.
 */
export function planOutgoing(input: {
  decision: Extract<SendDecision, { allowed: true }>;
  contact: Contact;
  messageId: string;
  /** Id for the identity created when the send connects the channel. */
  newIdentityId: string;
  kind: MessageKind;
  type: MessageType;
  text: string | null;
  payload: Record<string, unknown> | null;
  now: string;
}): OutgoingPlan {
  const { decision, contact, now } = input;
  const identity =
    decision.identity !== null
      ? touchIdentity(decision.identity, now)
      : connectIdentity({
          id: input.newIdentityId,
          contactId: contact.id,
          channelId: decision.channel.id,
          address: decision.address,
          at: now,
        });
  const nextContact = isLater(now, contact.lastInteractionAt)
    ? { ...contact, lastInteractionAt: now, lastInteractedChannelId: decision.channel.id, updatedAt: now }
    : contact;
  const message: Message = {
    id: input.messageId,
    contactId: contact.id,
    channelId: decision.channel.id,
    identityId: identity.id,
    direction: 'outgoing',
    kind: input.kind,
    type: input.type,
    text: input.text,
    payload: input.payload,
    hidden: false,
    providerMessageId: null,
    createdAt: now,
  };
  return { message, identity, identityCreated: decision.identity === null, contact: nextContact };
}
