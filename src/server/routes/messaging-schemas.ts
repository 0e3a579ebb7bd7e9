import { z } from 'zod/v4';
import { CHANNEL_STATES, CHANNEL_TYPES } from '../../domain/channel';
import { MESSAGE_DIRECTIONS, MESSAGE_KINDS, MESSAGE_TYPES } from '../../domain/message';
import { ContactRefParams, ContactSchema } from '../http/contact-schemas';

/** Answer schemas of the channel, message and blocking routes (OpenAPI). */

/** The contact as every route answers it (the contacts area's shared schema). */
export const ContactAnswer = ContactSchema;

const isoTime = (what: string) => z.string().describe(`${what} (ISO 8601, UTC).`);

export const ChannelAnswer = z
  .object({
    id: z.string().describe('Channel id.'),
    type: z.enum(CHANNEL_TYPES).describe('Channel type.'),
    name: z.string().describe('Channel name shown to people.'),
    createdAt: isoTime('When the channel was added'),
  })
  .describe('A workspace channel.');

export const IdentityAnswer = z
  .object({
    id: z.string().describe('Identity id.'),
    address: z.string().describe("The contact's address on the channel: phone, e-mail, page-scoped id, chat id."),
    connectedAt: isoTime('When the channel was connected'),
    lastInteractionAt: isoTime('Last message on this channel').nullable(),
  })
  .describe("The contact's identity on a channel.");

export const ContactChannelAnswer = z
  .object({
    channel: ChannelAnswer,
    state: z
      .enum(CHANNEL_STATES)
      .describe(
        'active: the contact has an identity on it; inactive: none yet, but the hub can connect it (WhatsApp/SMS with a phone, e-mail with an address) by sending; unavailable: only the contact can open it by writing first.',
      ),
    identity: IdentityAnswer.nullable().describe('The identity, when the channel is active.'),
  })
  .describe('A workspace channel as seen from one contact.');

export const MessageAnswer = z
  .object({
    id: z.string().describe('Message id.'),
    contactId: z.string().describe('The contact the message belongs to.'),
    channelId: z.string().describe('The channel it travelled on.'),
    identityId: z.string().nullable().describe('The channel identity it travelled on; null once that identity was removed.'),
    direction: z.enum(MESSAGE_DIRECTIONS).describe('incoming (from the contact) or outgoing (to it).'),
    kind: z.enum(MESSAGE_KINDS).nullable().describe('For outgoing messages: proactive or reactive.'),
    type: z.enum(MESSAGE_TYPES).describe('Message type.'),
    text: z.string().nullable().describe('Text or caption.'),
    payload: z.record(z.string(), z.unknown()).nullable().describe('Provider payload: media URL, template parameters.'),
    hidden: z.boolean().describe('Stored hidden: it came from a blocked contact.'),
    providerMessageId: z.string().nullable().describe("The provider's message id (incoming)."),
    createdAt: isoTime('When it was sent or received'),
  })
  .describe('A message exchanged with a contact.');

/** Path parameter `ref`: the contacts area's shared schema. */
export const refParam = ContactRefParams.shape.ref;

/** Path parameter `channelId`. */
export const channelIdParam = z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters').describe('Channel id.');
