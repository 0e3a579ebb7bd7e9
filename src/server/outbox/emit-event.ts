import type { ContactHubEvent } from '../../domain/events';
import type { Queryable } from '../db/database';
import { newId } from '../ids';
import { jsonParam } from '../repos/sql-values';

/**
 * Writes events to the outbox inside the caller's transaction, each with one pending delivery
 * per webhook of its workspace that subscribes to its type, in one statement whatever the number
 * of events. The change and its events commit together or not at all; the delivery worker picks
 * the deliveries up. A delivery's id is derived from its event and webhook (the pair is unique).
 */
export async function emitEvents(tx: Queryable, events: readonly ContactHubEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `with ev as (
       insert into events (id, workspace_id, type, payload, created_at)
       select e.id, e.workspace_id, e.type, e.payload::jsonb, e.created_at
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) as e(id, workspace_id, type, payload, created_at)
       returning id, workspace_id, type, created_at
     )
     insert into webhook_deliveries (id, workspace_id, webhook_id, event_id, next_attempt_at)
     select 'dlv_' || substr(md5(ev.id || '/' || w.id), 1, 20), ev.workspace_id, w.id, ev.id, ev.created_at
       from ev join webhooks w on w.workspace_id = ev.workspace_id and (w.events ? ev.type or w.events ? '*')`,
    [
      events.map((e) => e.id),
      events.map((e) => e.workspaceId),
      events.map((e) => e.type),
      events.map((e) => jsonParam(e)),
      events.map((e) => e.occurredAt),
    ],
  );
}

/** Writes one event to the outbox (see {@link emitEvents}). */
export async function emitEvent(tx: Queryable, event: ContactHubEvent): Promise<void> {
  await emitEvents(tx, [event]);
}

/** A fresh event id. */
export function newEventId(): string {
  return newId('evt');
}
