import { z } from 'zod/v4';
import type { Contact } from './contact';
import { fieldError } from './errors';
import type { Message } from './message';
import { parseOrThrow } from './zod-issues';

/** Every event the hub emits (SPEC §3 Events). */
export const EVENT_TYPES = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact.tagged',
  'contact.untagged',
  'contact.merged',
  'contact.unmerged',
  'contact.blocked',
  'contact.unblocked',
  'message.received',
  'message.sent',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Subscribing to `*` means every event type, including ones added later. */
export const ALL_EVENTS = '*';
export type EventSelector = EventType | typeof ALL_EVENTS;

/** Event types that must carry a message. */
export const MESSAGE_EVENT_TYPES: readonly EventType[] = ['message.received', 'message.sent'];
/** Event types that must carry merge details. */
export const MERGE_EVENT_TYPES: readonly EventType[] = ['contact.merged', 'contact.unmerged'];
/** Event types that must carry the tags added or removed. */
export const TAG_EVENT_TYPES: readonly EventType[] = ['contact.tagged', 'contact.untagged'];

export interface MergeEventDetails {
  mergeId: string;
  /** The surviving contact. */
  primaryId: string;
  /** The contact absorbed by the merge (restored by an unmerge). */
  absorbedId: string;
}

export interface ContactHubEvent {
  id: string;
  type: EventType;
  /** ISO 8601, UTC. */
  occurredAt: string;
  workspaceId: string;
  /**
   * The contact as it stands after the change; for `contact.deleted` the contact as it was
   * just before deletion; null only when the hub no longer has it (e.g. a bulk delete by filter).
   * For `contact.merged` it is the primary; for `contact.unmerged` the restored contact.
   */
  contact: Contact | null;
  /** For `message.*` events. */
  message?: Message;
  /** For `contact.merged` / `contact.unmerged`. */
  merge?: MergeEventDetails;
  /** For `contact.tagged` / `contact.untagged`: the tag names added or removed. */
  tags?: string[];
  /** For `contact.updated`: names of the fields that changed (`firstName`, `customFields.birthday`). */
  changes?: string[];
}

export interface BuildEventInput {
  id: string;
  now: string;
  workspaceId: string;
  contact: Contact | null;
  message?: Message;
  merge?: MergeEventDetails;
  tags?: string[];
  changes?: string[];
}

/**
 * Builds an event; id and time are passed in. Throws when a detail the type needs is
 * missing (a message for `message.*`, merge details for merges, tags for tag events).
 */
export function buildEvent(type: EventType, input: BuildEventInput): ContactHubEvent {
  if (MESSAGE_EVENT_TYPES.includes(type) && input.message === undefined) {
    throw fieldError('message', `is required for a ${type} event`);
  }
  if (MERGE_EVENT_TYPES.includes(type) && input.merge === undefined) {
    throw fieldError('merge', `is required for a ${type} event`);
  }
  if (TAG_EVENT_TYPES.includes(type) && input.tags === undefined) {
    throw fieldError('tags', `is required for a ${type} event`);
  }
  const event: ContactHubEvent = {
    id: input.id,
    type,
    occurredAt: input.now,
    workspaceId: input.workspaceId,
    contact: input.contact,
  };
  if (input.message !== undefined) event.message = input.message;
  if (input.merge !== undefined) event.merge = input.merge;
  if (input.tags !== undefined) event.tags = input.tags;
  if (input.changes !== undefined) event.changes = input.changes;
  return event;
}

/** Whether a subscription to `selectors` receives events of `type`. */
export function subscriptionMatches(selectors: readonly EventSelector[], type: EventType): boolean {
  return selectors.includes(ALL_EVENTS) || selectors.includes(type);
}

/**
 * Body of `POST /v1/webhooks`: an http(s) URL, a non-empty list of event types (or `["*"]`
 * for all; duplicates are removed; `*` with others collapses to `["*"]`), an optional
 * description, and an optional secret of 16–256 characters (the hub generates one when
 * absent and returns it once on creation).
 */
export const webhookSubscriptionSchema = z.object({
  url: z
    .string({ error: 'is required' })
    .trim()
    .max(2048, 'must be at most 2048 characters')
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an http:// or https:// URL'),
  events: z
    .array(z.enum([ALL_EVENTS, ...EVENT_TYPES], { error: `must be "*" or one of ${EVENT_TYPES.join(', ')}` }), {
      error: 'is required: a list of event types',
    })
    .min(1, 'must list at least one event type (or "*" for all)')
    .transform((list): EventSelector[] =>
      list.includes(ALL_EVENTS) ? [ALL_EVENTS] : EVENT_TYPES.filter((t) => list.includes(t)),
    ),
  description: z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .nullish()
    .transform((v) => (v ? v : null)),
  secret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(256, 'must be at most 256 characters')
    .nullish()
    .transform((v) => v ?? null),
});

export interface WebhookSubscriptionInput {
  url: string;
  events: EventSelector[];
  description: string | null;
  secret: string | null;
}

/** Validates a webhook subscription; throws a `validation_error` naming each bad field. */
export function parseWebhookSubscription(input: unknown): WebhookSubscriptionInput {
  return parseOrThrow(webhookSubscriptionSchema, input);
}
