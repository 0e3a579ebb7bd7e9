/**
 * Shapes of the Contact Hub API as the client sees them. Those the server already answers
 * are exact (workspace, users, contact); the others are kept loose until their routes settle.
 */

import type { Role } from '../domain/roles';

export type { Contact, CustomFieldValue } from '../domain/contact';
export type { Role } from '../domain/roles';

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



/** Options every mutating call accepts. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`: a retried call with the same key is applied once. */
  idempotencyKey?: string;
}
