import type { Channel, ChannelIdentity, ChannelType } from './channel';
import { addressForConnect, identityOn } from './channel-state';
import type { Contact } from './contact';
import { DomainError } from './errors';
import type { MessageKind } from './message';

export const SEND_REFUSAL_REASONS = [
  'blocked',
  'proactive_off',
  'reactive_off',
  'no_usable_channel',
  'unknown_channel',
] as const;
export type SendRefusalReason = (typeof SEND_REFUSAL_REASONS)[number];

export type SendDecision =
  | {
      allowed: true;
      channel: Channel;
      /** The identity the message travels on; null when this send connects the channel. */
      identity: ChannelIdentity | null;
      /** True when the channel was inactive: sending creates the identity. */
      connects: boolean;
      /** The address the provider sends to. */
      address: string;
    }
  | { allowed: false; reason: SendRefusalReason; message: string };

export interface SendInput {
  contact: Pick<Contact, 'blocked' | 'proactive' | 'reactive' | 'phone' | 'email' | 'lastInteractedChannelId'>;
  kind: MessageKind;
  /** The workspace's channels. */
  channels: readonly Channel[];
  /** The contact's identities. */
  identities: readonly ChannelIdentity[];
  /** The channel the caller asked for; when absent the default channel is chosen. */
  channelId?: string | null;
}

/** Order in which inactive channels are tried when the contact has no active one. */
export const CONNECT_PREFERENCE: readonly ChannelType[] = ['whatsapp', 'sms', 'email'];

function refuse(reason: SendRefusalReason, message: string): SendDecision {
  return { allowed: false, reason, message };
}

function timeOf(iso: string | null): number {
  if (iso === null) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function sendOn(channel: Channel, input: SendInput): SendDecision | null {
  const identity = identityOn(channel, input.identities);
  if (identity !== null) return { allowed: true, channel, identity, connects: false, address: identity.address };
  const address = addressForConnect(channel, input.contact);
  if (address !== null) return { allowed: true, channel, identity: null, connects: true, address };
  return null;
}

/**
 * The default channel when the caller names none:
 * 1. the last interacted channel, when it is still active;
 * 2. else the active channel whose identity interacted most recently (then most recently
 *    connected; ties keep the workspace channel order);
 * 3. else the first inactive channel in the order WhatsApp, SMS, e-mail (workspace order
 *    within a type), which the send connects.
 */
function defaultSend(input: SendInput): SendDecision | null {
  const last = input.channels.find((c) => c.id === input.contact.lastInteractedChannelId);
  if (last !== undefined && identityOn(last, input.identities) !== null) return sendOn(last, input);

  const active = input.channels
    .map((channel, index) => ({ channel, index, identity: identityOn(channel, input.identities) }))
    .filter((a): a is { channel: Channel; index: number; identity: ChannelIdentity } => a.identity !== null)
    .sort(
      (a, b) =>
        timeOf(b.identity.lastInteractionAt) - timeOf(a.identity.lastInteractionAt) ||
        timeOf(b.identity.connectedAt) - timeOf(a.identity.connectedAt) ||
        a.index - b.index,
    );
  if (active.length > 0) return sendOn(active[0].channel, input);

  for (const type of CONNECT_PREFERENCE) {
    for (const channel of input.channels.filter((c) => c.type === type)) {
      const decision = sendOn(channel, input);
      if (decision !== null) return decision;
    }
  }
  return null;
}

/**
 * Decides whether a message may be sent and on which channel. Checks, in order: the contact
 * is not blocked; its permission for the message kind (proactive/reactive) is on; the
 * channel (asked for, or the default) is active or can be connected.
 */
export function decideSend(input: SendInput): SendDecision {
  const { contact, kind } = input;
  if (contact.blocked) return refuse('blocked', 'Contact is blocked; unblock it before sending messages to it.');
  if (kind === 'proactive' && !contact.proactive) {
    return refuse(
      'proactive_off',
      'Contact does not accept proactive messages (proactive is off); send a reactive reply or turn proactive on.',
    );
  }
  if (kind === 'reactive' && !contact.reactive) {
    return refuse(
      'reactive_off',
      'Contact does not accept automated replies (reactive is off); turn reactive on before replying.',
    );
  }

  const channelId = input.channelId ?? null;
  if (channelId !== null) {
    const channel = input.channels.find((c) => c.id === channelId);
    if (channel === undefined) {
      return refuse('unknown_channel', `Channel "${channelId}" does not exist in this workspace; list channels to pick one.`);
    }
    const decision = sendOn(channel, input);
    if (decision !== null) return decision;
    const need = channel.type === 'email' ? 'an e-mail address' : 'a phone number';
    const hint =
      channel.type === 'whatsapp' || channel.type === 'sms' || channel.type === 'email'
        ? `add ${need} to the contact or wait for it to write first`
        : 'only the contact can open it by writing first';
    return refuse('no_usable_channel', `Channel "${channel.name}" is unavailable for this contact; ${hint}.`);
  }

  return (
    defaultSend(input) ??
    refuse(
      'no_usable_channel',
      'Contact has no active channel and none can be connected; add a phone number or e-mail address, or wait for it to write first.',
    )
  );
}

/**
 * The error for a refused send: code `rule_refused`, the reason in `reason`, and the
 * decision's message. For `unknown_channel` the detail names the `channelId` field.
 */
export function refusalError(decision: Extract<SendDecision, { allowed: false }>): DomainError {
  const details = decision.reason === 'unknown_channel' ? [{ path: 'channelId', message: decision.message }] : [];
  return new DomainError('rule_refused', decision.message, details, decision.reason);
}

/** Returns the allowed decision, or throws its refusal error. */
export function assertSendAllowed(decision: SendDecision): Extract<SendDecision, { allowed: true }> {
  if (!decision.allowed) throw refusalError(decision);
  return decision;
}
