/**
 * Shapes of the Contact Hub API as the client sees them. Those the server already answers
 * are exact (workspace, users, contact); the others are kept loose until their routes settle.
 */

export type Role = 'owner' | 'manager' | 'agent';

/** A JSON object whose shape the server's OpenAPI document describes. */
export type JsonObject = Record<string, unknown>;

/** `GET /v1/workspace`. */
export interface WorkspaceInfo {
  workspace: { id: string; name: string; defaultCountry: string | null };
  user: { id: string; name: string; role: Role };
  role: Role;
}

/** A user of the workspace (an assignee). */
export interface User {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  createdAt: string;
}

/** `{ data: [...] }` answers; paginated ones carry `nextCursor` (null on the last page). */
export interface ListAnswer<T> {
  data: T[];
  nextCursor?: string | null;
}

export type CustomFieldValue = string | number | boolean | null;

/** A contact as the hub answers it. */
export interface Contact {
  id: string;
  externalCode: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  language: string | null;
  profilePic: string | null;
  assignee: string | null;
  proactive: boolean;
  reactive: boolean;
  customFields: Record<string, CustomFieldValue>;
  tags: string[];
  conversationStatus: 'open' | 'closed';
  conversationOpenedAt: string | null;
  blocked: boolean;
  blockedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastInteractionAt: string | null;
  lastIncomingAt: string | null;
  lastInteractedChannelId: string | null;
}

/** Options every mutating call accepts. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`: a retried call with the same key is applied once. */
  idempotencyKey?: string;
}
