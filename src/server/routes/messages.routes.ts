import { z } from 'zod/v4';
import { MESSAGE_DIRECTIONS } from '../../domain/message';
import { parseSendMessage, sendMessageSchema } from '../../domain/message-input';
import { requireRole } from '../../domain/roles';
import { listAnswer } from '../http/contact-schemas';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { listMessages, sendMessage } from '../services/message-service';
import { cursorParam, encodeCursor, limitParam } from '../http/keyset-cursor';
import { ChannelAnswer, ContactAnswer, MessageAnswer, refParam } from './messaging-schemas';

const shape = sendMessageSchema.shape;

/**
 * Body of a send: the domain's field schemas with descriptions for the API document; the
 * handler then applies the domain's whole schema (its cross-field checks) with parseSendMessage.
 */
const SendMessageBody = z
  .object({
    channelId: shape.channelId.describe(
      'Channel to send on; default: the last interacted active channel, else the most recent active one, else the first inactive WhatsApp, SMS or e-mail channel (which the send connects).',
    ),
    kind: shape.kind.describe(
      'proactive (broadcasts, scheduled messages) or reactive (automated replies); refused when the contact has that permission off.',
    ),
    type: shape.type.describe('Message type (default text).'),
    text: shape.text.describe('Text (required for text messages; a caption otherwise), at most 4096 characters.'),
    payload: shape.payload.describe('Provider payload: media URL, location, template parameters (required for non-text types).'),
  })
  .describe('A message to send to the contact.');

const ListMessagesQuery = z.object({
  limit: limitParam(50, 200),
  cursor: cursorParam,
  channelId: z.string().trim().min(1).max(64).optional().describe('Only messages on this channel.'),
  direction: z
    .enum(MESSAGE_DIRECTIONS, { error: `must be one of ${MESSAGE_DIRECTIONS.join(', ')}` })
    .optional()
    .describe('Only incoming or only outgoing messages.'),
  includeHidden: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list messages hidden because the contact was blocked (default false).'),
});

export function messageRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/contacts/:ref/messages',
      operationId: 'sendMessage',
      summary: 'Send a message to a contact (connects an inactive channel); refused with a reason when the rules say no',
      description:
        'Records the outgoing message and emits message.sent for a workflow to hand to the provider. 422 with error.reason blocked, proactive_off, reactive_off, no_usable_channel or unknown_channel when the send is refused.',
      tag: 'Messages',
      params: z.object({ ref: refParam }),
      body: SendMessageBody,
      success: {
        status: 201,
        description: 'The message recorded, the contact after it, the channel used and whether the send connected it',
        schema: z.object({
          message: MessageAnswer,
          contact: ContactAnswer,
          channel: ChannelAnswer,
          connected: z.boolean().describe('True when the channel was inactive and this send connected it.'),
        }),
      },
      handler: async ({ auth, params, body }) => {
        requireRole(auth.role, 'messages.send');
        return { status: 201, body: await sendMessage(hub, auth, params.ref, parseSendMessage(body)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/contacts/:ref/messages',
      operationId: 'listMessages',
      summary: "The contact's messages, newest first",
      tag: 'Messages',
      params: z.object({ ref: refParam }),
      query: ListMessagesQuery,
      success: {
        status: 200,
        description: 'A page of messages; nextCursor is null on the last page',
        schema: listAnswer(MessageAnswer, 'A page of messages, newest first.'),
      },
      handler: async ({ auth, params, query }) => {
        requireRole(auth.role, 'messages.read');
        const page = await listMessages(hub, auth, params.ref, {
          limit: query.limit,
          before: query.cursor,
          channelId: query.channelId ?? null,
          direction: query.direction ?? null,
          includeHidden: query.includeHidden,
        });
        const last = page.data[page.data.length - 1];
        return { body: { data: page.data, nextCursor: page.hasMore && last ? encodeCursor(last) : null } };
      },
    }),
  ];
}
