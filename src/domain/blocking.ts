import type { Contact } from './contact';

/** Result of a block/unblock: the contact after it, and whether anything changed. */
export interface BlockResult {
  contact: Contact;
  /** False when the contact already was in that state (no event should be emitted). */
  changed: boolean;
}

/** How an incoming message from a contact is treated. */
export interface IncomingTreatment {
  /** Stored hidden (never shown in the message list unless hidden ones are asked for). */
  hidden: boolean;
  /** Emitted as `message.received` to triggers and webhooks. */
  emitEvent: boolean;
  /** Updates lastInteractionAt / lastIncomingAt / lastInteractedChannelId. */
  countsAsInteraction: boolean;
  /** Reopens a closed conversation. */
  reopensConversation: boolean;
}

/**
 * Blocks a contact: `blocked` true, `blockedAt` now, conversation closed. The conversation's
 * `conversationOpenedAt` is kept as a record of when the last conversation opened.
 * Idempotent: blocking a blocked contact returns it unchanged with `changed: false`.
 */
export function applyBlock(contact: Contact, now: string): BlockResult {
  if (contact.blocked) return { contact, changed: false };
  return {
    contact: { ...contact, blocked: true, blockedAt: now, conversationStatus: 'closed', updatedAt: now },
    changed: true,
  };
}

/**
 * Unblocks a contact: `blocked` false, `blockedAt` null. The conversation stays closed until
 * the contact writes again; messages hidden while blocked stay hidden.
 * Idempotent: unblocking a contact that is not blocked returns `changed: false`.
 */
export function applyUnblock(contact: Contact, now: string): BlockResult {
  if (!contact.blocked) return { contact, changed: false };
  return { contact: { ...contact, blocked: false, blockedAt: null, updatedAt: now }, changed: true };
}

/**
 * Treatment of an incoming message: a blocked contact's messages are hidden, not emitted,
 * not counted as interactions and do not reopen the conversation; otherwise they are shown,
 * emitted, counted, and reopen a closed conversation.
 */
export function incomingTreatment(contact: Pick<Contact, 'blocked' | 'conversationStatus'>): IncomingTreatment {
  if (contact.blocked) {
    return { hidden: true, emitEvent: false, countsAsInteraction: false, reopensConversation: false };
  }
  return {
    hidden: false,
    emitEvent: true,
    countsAsInteraction: true,
    reopensConversation: contact.conversationStatus === 'closed',
  };
}
