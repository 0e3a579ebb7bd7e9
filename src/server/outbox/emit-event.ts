import type { ContactHubEvent } from '../../domain/events';
import type { Queryable } from '../db/database';
import { newId } from '../ids';
import { jsonParam } from '../repos/sql-values';

/**
 * Writes an event to the outbox inside the caller's transaction, with one pending delivery
 * per webhook of the workspace that subscribes to its type. The change and its event commit
 * together or not at all; the delivery worker picks the deliveries up.
 */
export async function emitEvent(tx: Queryable, event: ContactHubEvent): Promise<void> {
  await tx.query('insert into events (id, workspace_id, type, payload, created_at) values ($1, $2, $3, $4, $5)', [
    event.id,
    event.workspaceId,
    event.type,
    jsonParam(event),
    event.occurredAt,
  ]);
  const { rows } = await tx.query<{ id: string }>(
    `select id from webhooks where workspace_id = $1 and (events ? $2 or events ? '*')`,
    [event.workspaceId, event.type],
  );
  for (const w of rows) {
    await tx.query(
      `insert into webhook_deliveries (id, workspace_id, webhook_id, event_id, next_attempt_at) values ($1, $2, $3, $4, $5)`,
      [newId('dlv'), event.workspaceId, w.id, event.id, event.occurredAt],
    );
  }
}

/** A fresh event id. */
export function newEventId(): string {
  return newId('evt');
}
