import { z } from 'zod/v4';
import type { Channel, ChannelIdentity, ChannelType } from './channel';
import { isLater, touchIdentity } from './channel-state';
import type { Contact } from './contact';
import { incomingTreatment } from './blocking';
import { MESSAGE_TYPES } from './message';
import { parseOrThrow } from './zod-issues';

/** Longest incoming text accepted (e-mail bodies can be long). */
export const MAX_INCOMING_TEXT = 65_536;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** The sender as the channel describes it. Only `address` is required. */
export const incomingSenderSchema = z.object({
  /** The sender's address on the channel: phone, e-mail, page-scoped id, chat id. */
  address: z
    .string({ error: 'is required: the sender address on the channel' })
    .trim()
    .min(1, 'is required: the sender address on the channel')
    .max(512, 'must be at most 512 characters'),
  name: optionalText(200),
  firstName: optionalText(100),
  lastName: optionalText(100),
  phone: optionalText(64),
  email: optionalText(320),
  language: optionalText(35),
  profilePic: optionalText(2048),
});
export type IncomingSender = z.output<typeof incomingSenderSchema>;

/** Body of `POST /v1/channels/{channelId}/incoming`. */
export const incomingMessageSchema = z
  .object({
    /** The provider's id; the same id delivered twice is stored once. */
    providerMessageId: optionalText(256),
    from: incomingSenderSchema,
    type: z.enum(MESSAGE_TYPES).default('text'),
    text: z.string().max(MAX_INCOMING_TEXT, `must be at most ${MAX_INCOMING_TEXT} characters`).nullish(),
    payload: z.record(z.string(), z.unknown()).nullish(),
    /** ISO 8601 with offset; defaults to the time the hub received it. */
    receivedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2024-05-01T10:00:00Z' }).nullish(),
  })
  .check((ctx) => {
    const { text, payload } = ctx.value;
    if ((text === undefined || text === null || text.trim() === '') && (payload === undefined || payload === null)) {
      ctx.issues.push({ code: 'custom', path: ['text'], message: 'text or payload is required', input: text });
    }
  });

/** A parsed incoming message with its defaults applied. */
export interface IncomingMessage {
  providerMessageId: string | null;
  from: IncomingSender;
  type: (typeof MESSAGE_TYPES)[number];
  text: string | null;
  payload: Record<string, unknown> | null;
  /** ISO 8601, UTC. */
  receivedAt: string;
}

/**
 * Validates the body of an incoming message and applies defaults (`type` text, `receivedAt`
 * now, normalised to UTC). Throws a `validation_error` naming each bad field.
 */
export function parseIncomingMessage(input: unknown, now: string): IncomingMessage {
  const body = parseOrThrow(incomingMessageSchema, input);
  return {
    providerMessageId: body.providerMessageId,
    from: body.from,
    type: body.type,
    text: body.text ?? null,
    payload: body.payload ?? null,
    receivedAt: new Date(body.receivedAt ?? now).toISOString(),
  };
}

/** One step of the lookup for the sender's contact. */
export type MatchStep =
  | { by: 'identity'; channelId: string; address: string }
  | { by: 'phone'; value: string }
  | { by: 'email'; value: string };

/**
 * The phone number a channel address stands for: WhatsApp and SMS addresses are phone
 * numbers (a WhatsApp id of bare digits gets its `+`); a Viber address counts only when it
 * is written in international form (`+…`), since Viber ids are usually opaque.
 */
export function phoneFromAddress(type: ChannelType, address: string): string | null {
  const a = address.trim();
  if (type === 'whatsapp') {
    const digits = a.replace(/[\s\-().]/g, '');
    return /^\d{6,15}$/.test(digits) ? `+${digits}` : a;
  }
  if (type === 'sms') return a;
  if (type === 'viber') return /^\+[\d\s\-().]{6,20}$/.test(a) ? a : null;
  return null;
}

/** The e-mail an e-mail channel address stands for (`Name <a@b.c>` gives `a@b.c`), lower-case. */
export function emailFromAddress(type: ChannelType, address: string): string | null {
  if (type !== 'email') return null;
  const angle = /<([^<>]+)>\s*$/.exec(address);
  return (angle ? angle[1] : address).trim().toLowerCase();
}

/**
 * How the hub looks for the sender's contact, in order: its identity on this channel by
 * address; else its phone (the channel address for phone channels, else the phone the
 * channel gave); else its e-mail. Phone and e-mail values are raw: the caller normalises
 * them (phone/e-mail rules) and skips a step whose value does not normalise.
 */
export function matchOrder(from: Pick<IncomingSender, 'address' | 'phone' | 'email'>, channel: Channel): MatchStep[] {
  const steps: MatchStep[] = [{ by: 'identity', channelId: channel.id, address: from.address.trim() }];
  const phone = phoneFromAddress(channel.type, from.address) ?? from.phone;
  if (phone) steps.push({ by: 'phone', value: phone });
  const email = emailFromAddress(channel.type, from.address) ?? from.email;
  if (email) steps.push({ by: 'email', value: email });
  return steps;
}

/** The profile a contact created from an incoming message starts with (raw values). */
export interface ChannelProfile {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
  profilePic: string | null;
}

/**
 * The fields a NEW contact gets from the channel. `firstName`/`lastName` win over `name`;
 * a lone `name` is split at its first space (first word → firstName, rest → lastName).
 * For WhatsApp/SMS (and Viber in `+` form) the address is the phone; for e-mail channels it
 * is the e-mail. Values are not normalised: the caller runs them through the contact-input
 * rules and should drop a field that fails rather than refuse the message.
 */
export function profileFromChannel(from: IncomingSender, channel: Channel): ChannelProfile {
  let firstName = from.firstName;
  let lastName = from.lastName;
  if (firstName === null && lastName === null && from.name !== null) {
    const [first, ...rest] = from.name.split(/\s+/);
    firstName = first;
    lastName = rest.length > 0 ? rest.join(' ') : null;
  }
  return {
    firstName,
    lastName,
    phone: phoneFromAddress(channel.type, from.address) ?? from.phone,
    email: emailFromAddress(channel.type, from.address) ?? from.email,
    language: from.language,
    profilePic: from.profilePic,
  };
}

/** What an incoming message does to its contact. */
export interface IncomingEffect {
  contact: Contact;
  /** Store the message hidden. */
  hidden: boolean;
  /** Emit `message.received`. */
  emitEvent: boolean;
}

/**
 * Applies an incoming message to its (already matched or created) contact. For a contact
 * that is not blocked: `lastInteractionAt`, `lastIncomingAt` and `lastInteractedChannelId`
 * move to this message (never backwards: an older message delivered late leaves them), a
 * closed conversation reopens (`conversationOpenedAt` = receivedAt) and `updatedAt` = now
 * when anything changed. For a blocked contact nothing changes: the message is hidden and
 * no event is emitted.
 */
export function applyIncoming(
  contact: Contact,
  input: { channelId: string; receivedAt: string; now?: string },
): IncomingEffect {
  const treatment = incomingTreatment(contact);
  if (!treatment.countsAsInteraction) return { contact, hidden: treatment.hidden, emitEvent: treatment.emitEvent };
  let next: Contact = contact;
  if (isLater(input.receivedAt, contact.lastInteractionAt)) {
    next = { ...next, lastInteractionAt: input.receivedAt, lastInteractedChannelId: input.channelId };
  }
  if (isLater(input.receivedAt, contact.lastIncomingAt)) next = { ...next, lastIncomingAt: input.receivedAt };
  if (treatment.reopensConversation) {
    next = { ...next, conversationStatus: 'open', conversationOpenedAt: input.receivedAt };
  }
  if (next !== contact) next = { ...next, updatedAt: input.now ?? input.receivedAt };
  return { contact: next, hidden: treatment.hidden, emitEvent: treatment.emitEvent };
}

/**
 * The sender's identity after the message: its `lastInteractionAt` moves forward, unless the
 * contact is blocked (a blocked contact's messages are not interactions).
 */
export function applyIncomingToIdentity(
  identity: ChannelIdentity,
  contact: Pick<Contact, 'blocked'>,
  receivedAt: string,
): ChannelIdentity {
  return contact.blocked ? identity : touchIdentity(identity, receivedAt);
}
