import { z } from 'zod/v4';
import { MESSAGE_KINDS, MESSAGE_TYPES, type MessageKind, type MessageType } from './message';
import { parseOrThrow } from './zod-issues';

/** Longest text of an outgoing message (WhatsApp's limit; SMS providers split longer ones). */
export const MAX_OUTGOING_TEXT = 4096;

/**
 * Body of `POST /v1/contacts/{ref}/messages`. `kind` is required: defaulting it would let a
 * broadcast slip past a contact's proactive opt-out. `type` defaults to `text`. A text
 * message needs `text`; any other type needs `payload` (media URL, location, template
 * params) and may carry `text` as a caption.
 */
export const sendMessageSchema = z
  .object({
    channelId: z
      .string()
      .trim()
      .min(1, 'must not be empty; leave it out to use the default channel')
      .max(64, 'must be at most 64 characters')
      .nullish()
      .transform((v) => v ?? null),
    kind: z.enum(MESSAGE_KINDS, {
      error: 'is required: "proactive" (broadcasts, scheduled messages) or "reactive" (automated replies)',
    }),
    type: z.enum(MESSAGE_TYPES).default('text'),
    text: z
      .string()
      .max(MAX_OUTGOING_TEXT, `must be at most ${MAX_OUTGOING_TEXT} characters`)
      .nullish()
      .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v)),
    payload: z
      .record(z.string(), z.unknown())
      .nullish()
      .transform((v) => v ?? null),
  })
  .check((ctx) => {
    const { type, text, payload } = ctx.value;
    if (type === 'text' && text === null) {
      ctx.issues.push({ code: 'custom', path: ['text'], message: 'is required for a text message', input: text });
    }
    if (type !== 'text' && payload === null) {
      ctx.issues.push({
        code: 'custom',
        path: ['payload'],
        message: `is required for a ${type} message (e.g. the media URL or template parameters)`,
        input: payload,
      });
    }
  });

export interface SendMessageInput {
  channelId: string | null;
  kind: MessageKind;
  type: MessageType;
  text: string | null;
  payload: Record<string, unknown> | null;
}

/** Validates a send request; throws a `validation_error` naming each bad field. */
export function parseSendMessage(input: unknown): SendMessageInput {
  return parseOrThrow(sendMessageSchema, input);
}
