import { z } from 'zod/v4';
import { incomingMessageSchema, incomingSenderSchema } from '../../domain/incoming-message';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { recordIncoming } from '../services/incoming-service';
import { ContactAnswer, MessageAnswer, channelIdParam } from './messaging-schemas';

const sender = incomingSenderSchema.shape;
const shape = incomingMessageSchema.shape;

/** The sender as the channel describes it (the domain's schema, with descriptions). */
const SenderBody = z
  .object({
    address: sender.address.describe(
      "The sender's address on the channel: phone number (WhatsApp, SMS), e-mail address, page-scoped id, chat id.",
    ),
    name: sender.name.describe('Full name the channel gives; split into first and last name when those are absent.'),
    firstName: sender.firstName.describe('First name.'),
    lastName: sender.lastName.describe('Last name.'),
    phone: sender.phone.describe('Phone number the channel gives (national numbers use the workspace default country).'),
    email: sender.email.describe('E-mail address the channel gives.'),
    language: sender.language.describe('Language (BCP 47).'),
    profilePic: sender.profilePic.describe('Profile picture URL.'),
  })
  .describe('The sender; profile fields are used only when the hub creates the contact, and a bad one is left out.');

/**
 * Body of an incoming message: the domain's field schemas with descriptions for the API
 * document; the service applies the whole domain schema (parseIncomingMessage).
 */
const IncomingBody = z
  .object({
    providerMessageId: shape.providerMessageId.describe("The provider's message id: the same id on one channel is stored once."),
    from: SenderBody,
    type: shape.type.describe('Message type (default text).'),
    text: shape.text.describe('Text or caption; text or payload is required.'),
    payload: shape.payload.describe('Provider payload: media URL, location, buttons.'),
    receivedAt: shape.receivedAt.describe('When the provider received it (ISO 8601 with offset); default: now.'),
  })
  .describe('A message the channel received from a contact.');

export function incomingRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/channels/:channelId/incoming',
      operationId: 'recordIncomingMessage',
      summary: 'Record a message a channel received: finds or creates the contact, connects the channel',
      description:
        "The contact is found by its identity on the channel, else by phone, else by e-mail, else created from the channel's profile. A blocked contact's message is stored hidden and emits nothing. A repeated providerMessageId answers 200 with the stored message and duplicate: true.",
      tag: 'Messages',
      params: z.object({ channelId: channelIdParam }),
      body: IncomingBody,
      success: {
        status: 201,
        description: 'The message stored (200 with duplicate: true when it was already stored)',
        schema: z.object({
          message: MessageAnswer,
          contact: ContactAnswer,
          created: z.boolean().describe('True when the sender was unknown and its contact was created.'),
          duplicate: z.boolean().describe('True when this provider message id was already stored; nothing changed.'),
        }),
      },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'messages.recordIncoming');
        const result = await recordIncoming(hub, auth, params.channelId, body);
        return { status: result.duplicate ? 200 : 201, body: result };
      },
    }),
  ];
}
