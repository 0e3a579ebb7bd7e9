import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors';
import type { Database } from '../db/database';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const MAX_KEY_LENGTH = 255;

/** The fingerprint of a request: a key reused with another request is refused. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new DomainError('validation_error', `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, [
      { path: 'headers.idempotency-key', message: `must be 1 to ${MAX_KEY_LENGTH} characters` },
    ]);
  }
}

/**
 * Claims `key` for this request. Returns the stored answer when the same request already
 * completed (a replay), null when this request now owns the key. The claim is a row whose
 * primary key makes concurrent claims of one key meet in the database, across processes.
 */
export async function claimIdempotencyKey(
  db: Database,
  workspaceId: string,
  key: string,
  hash: string,
): Promise<StoredResponse | null> {
  const inserted = await db.query(
    `insert into idempotency_keys (workspace_id, key, request_hash, state) values ($1, $2, $3, 'in_progress')
     on conflict (workspace_id, key) do nothing`,
    [workspaceId, key, hash],
  );
  if (inserted.rowCount === 1) return null;
  const { rows } = await db.query<{ request_hash: string; state: string; status_code: number | null; response: unknown }>(
    'select request_hash, state, status_code, response from idempotency_keys where workspace_id = $1 and key = $2',
    [workspaceId, key],
  );
  const row = rows[0];
  if (!row) return claimIdempotencyKey(db, workspaceId, key, hash);
  if (row.request_hash !== hash) {
    throw new DomainError(
      'conflict',
      'This Idempotency-Key was already used with a different request; use a new key for a new request',
      [{ path: 'headers.idempotency-key', message: 'already used with a different request' }],
    );
  }
  if (row.state !== 'done') {
    throw new DomainError('conflict', 'A request with this Idempotency-Key is still in progress; retry shortly', [
      { path: 'headers.idempotency-key', message: 'request still in progress' },
    ]);
  }
  return { status: row.status_code ?? 200, body: row.response };
}

/** Stores the answer under the key, so a retry gets it again instead of repeating the change. */
export async function completeIdempotencyKey(
  db: Database,
  workspaceId: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await db.query(
    `update idempotency_keys set state = 'done', status_code = $3, response = $4 where workspace_id = $1 and key = $2`,
    [workspaceId, key, response.status, JSON.stringify(response.body ?? null)],
  );
}

/** Frees the key after a server fault so the client may retry with it. */
export async function releaseIdempotencyKey(db: Database, workspaceId: string, key: string): Promise<void> {
  await db.query(`delete from idempotency_keys where workspace_id = $1 and key = $2 and state = 'in_progress'`, [
    workspaceId,
    key,
  ]);
}
