import type { ChannelIdentity } from '../../domain/channel';
import { connectIdentity, identityOn } from '../../domain/channel-state';
import type { Contact } from '../../domain/contact';
import { normalizeContactCreate, profileFromInput, type NormalizedContactInput } from '../../domain/contact-input';
import { displayName } from '../../domain/display-name';
import { normalizeEmail } from '../../domain/email';
import { fieldError, isDomainError } from '../../domain/errors';
import { buildEvent } from '../../domain/events';
import {
  applyIncoming,
  applyIncomingToIdentity,
  matchOrder,
  parseIncomingMessage,
  profileFromChannel,
  type ChannelProfile,
  type IncomingMessage,
  type MatchStep,
} from '../../domain/incoming-message';
import type { Message } from '../../domain/message';
import { normalizePhone } from '../../domain/phone';
import { PG_DEADLOCK, PG_SERIALIZATION_FAILURE, PG_UNIQUE_VIOLATION, pgErrorCode, type Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { emitEvent, newEventId } from '../outbox/emit-event';
import { requireChannel, type StoredChannel } from '../repos/channel-repo';
import { findContactId, insertContact, loadContact, requireContact, updateContact } from '../repos/contact-repo';
import { findIdentityByAddress, insertIdentity, listContactIdentities, updateIdentityInteraction } from '../repos/identity-repo';
import { findMessageByProviderId, insertMessage } from '../repos/message-repo';

export interface IncomingResult {
  message: Message;
  contact: Contact;
  /** True when the sender was unknown and the hub created its contact. */
  created: boolean;
  /** True when this provider message id was already stored: nothing was written or emitted. */
  duplicate: boolean;
}

/**
 * How often one incoming message is retried when its transaction meets a concurrent one on a
 * unique constraint (a new sender's contact or identity, a repeated provider message id): the
 * retry then finds what the other transaction wrote.
 */
const MAX_ATTEMPTS = 6;
const RETRYABLE = new Set([PG_UNIQUE_VIOLATION, PG_SERIALIZATION_FAILURE, PG_DEADLOCK]);

/**
 * Records a message a channel received (SPEC §3 Messages): finds the sender's contact by
 * its identity on the channel, else by phone, else by e-mail, else creates it from the
 * channel's profile; connects the channel when missing; stores the message (hidden for a
 * blocked contact); moves the contact's interaction fields and reopens a closed conversation;
 * emits `contact.created` and `message.received` as they apply. A provider message id already
 * stored on the channel answers the stored message with `duplicate: true`.
 */
export async function recordIncoming(hub: Hub, auth: AuthContext, channelId: string, body: unknown): Promise<IncomingResult> {
  const now = hub.now().toISOString();
  const incoming = parseIncomingMessage(body, now);
  assertStorableTime(incoming.receivedAt);
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, emitted } = await hub.db.transaction((tx) => recordOnce(tx, hub, auth, channelId, incoming, now));
      if (emitted) hub.nudgeOutbox();
      return result;
    } catch (e) {
      const code = pgErrorCode(e);
      if (attempt >= MAX_ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw e;
      hub.log.debug({ code, attempt, channelId }, 'incoming message met a concurrent write; retrying');
    }
  }
}

/** Timestamps both stores can hold as they are written (ISO years 1970–9999). */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The domain accepts any ISO 8601 time for `receivedAt`; a year outside 1970–9999 (e.g.
 * `0001-01-01T00:00:00+01:00`, which is in year 0 in UTC) cannot be stored, so it is refused
 * as bad input rather than failing in the database.
 */
function assertStorableTime(receivedAt: string): void {
  const t = Date.parse(receivedAt);
  if (Number.isNaN(t) || t < EARLIEST || t > LATEST) {
    throw fieldError('receivedAt', `must be between 1970-01-01 and 9999-12-31 (got ${receivedAt})`);
  }
}

async function recordOnce(
  tx: Queryable,
  hub: Hub,
  auth: AuthContext,
  channelId: string,
  incoming: IncomingMessage,
  now: string,
): Promise<{ result: IncomingResult; emitted: boolean }> {
  const ws = auth.workspaceId;
  const channel = await requireChannel(tx, ws, channelId);

  if (incoming.providerMessageId !== null) {
    const stored = await findMessageByProviderId(tx, ws, channel.id, incoming.providerMessageId);
    const owner = stored === null ? null : await loadContact(tx, ws, stored.contactId);
    if (stored !== null && owner !== null) {
      return { result: { message: stored, contact: owner, created: false, duplicate: true }, emitted: false };
    }
  }

  let contactId: string | null = null;
  for (const step of matchOrder(incoming.from, channel)) {
    contactId = await findByStep(tx, ws, step, auth.defaultCountry);
    if (contactId !== null) break;
  }

  const created = contactId === null;
  const contact =
    contactId !== null
      ? await requireContact(tx, ws, `id:${contactId}`, { defaultCountry: auth.defaultCountry, forUpdate: true })
      : newContactFromChannel(hub, profileFromChannel(incoming.from, channel), auth.defaultCountry, now);

  const effect = applyIncoming(contact, { channelId: channel.id, receivedAt: incoming.receivedAt, now });
  if (created) await insertContact(tx, ws, effect.contact);
  else if (effect.contact !== contact) await updateContact(tx, ws, effect.contact);

  const identity = await connectOrTouch(tx, ws, channel, contact, incoming);

  const message: Message = {
    id: newId('msg'),
    contactId: contact.id,
    channelId: channel.id,
    identityId: identity.id,
    direction: 'incoming',
    kind: null,
    type: incoming.type,
    text: incoming.text,
    payload: incoming.payload,
    hidden: effect.hidden,
    providerMessageId: incoming.providerMessageId,
    createdAt: incoming.receivedAt,
  };
  await insertMessage(tx, ws, message);

  if (created) {
    await emitEvent(tx, buildEvent('contact.created', { id: newEventId(), now, workspaceId: ws, contact: effect.contact }));
  }
  if (effect.emitEvent) {
    await emitEvent(
      tx,
      buildEvent('message.received', { id: newEventId(), now, workspaceId: ws, contact: effect.contact, message }),
    );
  }
  return {
    result: { message, contact: effect.contact, created, duplicate: false },
    emitted: created || effect.emitEvent,
  };
}

/** The contact one step of the match order finds; a phone or e-mail that does not normalise skips the step. */
async function findByStep(tx: Queryable, ws: string, step: MatchStep, defaultCountry: string | null): Promise<string | null> {
  if (step.by === 'identity') {
    return (await findIdentityByAddress(tx, ws, step.channelId, step.address))?.contactId ?? null;
  }
  const value = normalizedOrNull(() =>
    step.by === 'phone' ? normalizePhone(step.value, defaultCountry).e164 : normalizeEmail(step.value),
  );
  return value === null ? null : findContactId(tx, ws, { kind: step.by, value });
}

function normalizedOrNull(fn: () => string): string | null {
  try {
    return fn();
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}

/**
 * The sender's identity on the channel: the existing one (its last interaction moves unless
 * the contact is blocked), else a new one with the sender's address. A contact keeps one
 * identity per channel: one found by phone or e-mail that already has an identity on the
 * channel under another address keeps it.
 */
async function connectOrTouch(
  tx: Queryable,
  ws: string,
  channel: StoredChannel,
  contact: Contact,
  incoming: IncomingMessage,
): Promise<ChannelIdentity> {
  // The identity with the sender's own address first: after a merge a contact may hold two
  // identities on one channel, and a message must follow the identity it came from.
  const byAddress = await findIdentityByAddress(tx, ws, channel.id, incoming.from.address);
  const existing =
    byAddress !== null && byAddress.contactId === contact.id
      ? byAddress
      : identityOn(channel, await listContactIdentities(tx, ws, contact.id));
  if (existing !== null) {
    const touched = applyIncomingToIdentity(existing, contact, incoming.receivedAt);
    if (touched !== existing) await updateIdentityInteraction(tx, ws, touched);
    return touched;
  }
  const identity = connectIdentity({
    id: newId('ci'),
    contactId: contact.id,
    channelId: channel.id,
    address: incoming.from.address,
    at: incoming.receivedAt,
    interacted: !contact.blocked,
  });
  await insertIdentity(tx, ws, identity);
  return identity;
}

/**
 * The channel profile through the contact-input rules (phone to E.164 with the workspace's
 * default country for national numbers, country derived from it, e-mail lower-cased,
 * language canonical, picture an http(s) URL). A field that fails is dropped: a bad profile
 * value never refuses the message.
 */
function normalizeChannelProfile(profile: ChannelProfile, defaultCountry: string | null): NormalizedContactInput {
  let raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(profile)) if (value !== null) raw[key] = value;
  for (;;) {
    try {
      return normalizeContactCreate(raw, { defaultCountry, customFields: [] });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const bad = new Set(e.details.map((d) => d.path.split(/[.[]/)[0]));
      const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
      if (Object.keys(kept).length === Object.keys(raw).length) throw e;
      raw = kept;
    }
  }
}

/**
 * A new contact for an unknown sender. It starts with a closed conversation so that the
 * incoming message opens it through the domain's `applyIncoming` (conversationOpenedAt =
 * the message's time).
 */
function newContactFromChannel(hub: Hub, profile: ChannelProfile, defaultCountry: string | null, now: string): Contact {
  const input = normalizeChannelProfile(profile, defaultCountry);
  const dropped = Object.entries(profile)
    .filter(([key, value]) => value !== null && input[key as keyof NormalizedContactInput] === undefined)
    .map(([key]) => key);
  if (dropped.length > 0) hub.log.info({ dropped }, 'incoming message: profile fields that failed validation were left out');
  const fields = profileFromInput(input);
  return {
    id: newId('ct'),
    ...fields,
    displayName: displayName(fields),
    tags: [],
    conversationStatus: 'closed',
    conversationOpenedAt: null,
    blocked: false,
    blockedAt: null,
    createdAt: now,
    updatedAt: now,
    lastInteractionAt: null,
    lastIncomingAt: null,
    lastInteractedChannelId: null,
  };
}
