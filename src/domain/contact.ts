/**
 * The contact as the domain sees it. Dates are ISO 8601 strings (UTC), ids are strings.
 * Optional values are `null`, never `undefined`, so a contact round-trips through JSON and SQL.
 */
export const CONVERSATION_STATUSES = ['open', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** A custom field value as stored: text/email/phone/url/list/date/datetime are strings. */
export type CustomFieldValue = string | number | boolean | null;

/**
 * The standard fields a merge chooses between, in a fixed order.
 * (`displayName` is derived; timestamps and conversation state are not chosen.)
 */
export const PROFILE_FIELDS = [
  'externalCode',
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'language',
  'profilePic',
  'assignee',
  'proactive',
  'reactive',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ContactProfile {
  externalCode: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Lower-case. */
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** ISO 3166-1 alpha-2, upper-case. */
  country: string | null;
  /** BCP 47, canonical case (`pt-BR`). */
  language: string | null;
  profilePic: string | null;
  /** Id of a user of the workspace, or null. */
  assignee: string | null;
  /** May receive outbound broadcasts and scheduled messages. */
  proactive: boolean;
  /** May receive automated replies to their own messages. */
  reactive: boolean;
  customFields: Record<string, CustomFieldValue>;
}

export interface Contact extends ContactProfile {
  id: string;
  displayName: string;
  /** Tag names as they stand in the catalogue, sorted case-insensitively. */
  tags: string[];
  conversationStatus: ConversationStatus;
  conversationOpenedAt: string | null;
  blocked: boolean;
  blockedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastInteractionAt: string | null;
  lastIncomingAt: string | null;
  lastInteractedChannelId: string | null;
}
