import type { EventSelector } from '../../domain/events';
import type { Queryable } from '../db/database';
import { iso, isoOrNull, jsonParam } from './sql-values';

/** A webhook subscription as the API shows it (never with its secret). */
export interface WebhookView {
  id: string;
  url: string;
  events: EventSelector[];
  description: string | null;
  createdAt: string;
}

export interface WebhookRow {
  id: string;
  url: string;
  events: EventSelector[];
  description: string | null;
  created_at: Date;
}

const WEBHOOK_COLUMNS = 'id, url, events, description, created_at';

export function rowToWebhook(r: WebhookRow): WebhookView {
  return { id: r.id, url: r.url, events: r.events, description: r.description, createdAt: iso(r.created_at) };
}

export interface NewWebhook {
  id: string;
  url: string;
  events: EventSelector[];
  description: string | null;
  secretSealed: string;
  createdAt: Date;
}

export async function insertWebhook(db: Queryable, workspaceId: string, w: NewWebhook): Promise<WebhookView> {
  const { rows } = await db.query<WebhookRow>(
    `insert into webhooks (workspace_id, id, url, events, description, secret_sealed, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${WEBHOOK_COLUMNS}`,
    [workspaceId, w.id, w.url, jsonParam(w.events), w.description, w.secretSealed, w.createdAt],
  );
  return rowToWebhook(rows[0]);
}

export async function countWebhooks(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from webhooks where workspace_id = $1', [
    workspaceId,
  ]);
  return rows[0].n;
}

/** One page of the workspace's webhooks in creation order, after the keyset position `after`. */
export async function listWebhooks(
  db: Queryable,
  workspaceId: string,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<WebhookView[]> {
  const { rows } = after
    ? await db.query<WebhookRow>(
        `select ${WEBHOOK_COLUMNS} from webhooks where workspace_id = $1 and (created_at, id) > ($2::timestamptz, $3)
         order by created_at, id limit $4`,
        [workspaceId, after.createdAt, after.id, limit],
      )
    : await db.query<WebhookRow>(
        `select ${WEBHOOK_COLUMNS} from webhooks where workspace_id = $1 order by created_at, id limit $2`,
        [workspaceId, limit],
      );
  return rows.map(rowToWebhook);
}

export async function findWebhook(db: Queryable, workspaceId: string, id: string): Promise<WebhookView | null> {
  const { rows } = await db.query<WebhookRow>(`select ${WEBHOOK_COLUMNS} from webhooks where workspace_id = $1 and id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0] ? rowToWebhook(rows[0]) : null;
}

/** Deletes a webhook; its deliveries and their attempts go with it (foreign keys cascade). */
export async function deleteWebhook(db: Queryable, workspaceId: string, id: string): Promise<{ deleted: boolean; pending: number }> {
  const pending = await db.query<{ n: number }>(
    `select count(*)::int as n from webhook_deliveries where workspace_id = $1 and webhook_id = $2 and status = 'pending'`,
    [workspaceId, id],
  );
  const r = await db.query('delete from webhooks where workspace_id = $1 and id = $2', [workspaceId, id]);
  return { deleted: r.rowCount > 0, pending: pending.rows[0].n };
}

export interface DeliveryStats {
  pending: number;
  delivered: number;
  failed: number;
}

export async function deliveryStats(db: Queryable, workspaceId: string, webhookId: string): Promise<DeliveryStats> {
  const { rows } = await db.query<{ status: keyof DeliveryStats; n: number }>(
    `select status, count(*)::int as n from webhook_deliveries where workspace_id = $1 and webhook_id = $2 group by status`,
    [workspaceId, webhookId],
  );
  const stats: DeliveryStats = { pending: 0, delivered: 0, failed: 0 };
  for (const r of rows) stats[r.status] = r.n;
  return stats;
}

export interface DeliveryAttemptView {
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  firstAttemptAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
  createdAt: string;
  /** The latest attempts, newest first. */
  attemptLog: DeliveryAttemptView[];
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: DeliveryView['status'];
  attempts: number;
  next_attempt_at: Date;
  first_attempt_at: Date | null;
  delivered_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** The webhook's most recent deliveries, newest first, each with its latest `attemptsEach` attempts. */
export async function recentDeliveries(
  db: Queryable,
  workspaceId: string,
  webhookId: string,
  limit: number,
  attemptsEach: number,
): Promise<DeliveryView[]> {
  if (limit === 0) return [];
  const { rows } = await db.query<DeliveryRow>(
    `select d.id, d.event_id, e.type as event_type, d.status, d.attempts, d.next_attempt_at, d.first_attempt_at,
            d.delivered_at, d.last_error, d.created_at
       from webhook_deliveries d join events e on e.id = d.event_id
      where d.workspace_id = $1 and d.webhook_id = $2
      order by d.created_at desc, d.id desc limit $3`,
    [workspaceId, webhookId, limit],
  );
  if (rows.length === 0) return [];
  const attempts = await db.query<AttemptRow>(
    `select a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.error, a.duration_ms
       from unnest($1::text[]) as d(id)
       cross join lateral (
         select * from webhook_delivery_attempts x where x.delivery_id = d.id order by x.attempt desc limit $2
       ) a`,
    [rows.map((r) => r.id), attemptsEach],
  );
  const byDelivery = new Map<string, DeliveryAttemptView[]>();
  for (const a of attempts.rows) {
    const list = byDelivery.get(a.delivery_id) ?? [];
    list.push({
      attempt: a.attempt,
      attemptedAt: iso(a.attempted_at),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    });
    byDelivery.set(a.delivery_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    firstAttemptAt: isoOrNull(r.first_attempt_at),
    deliveredAt: isoOrNull(r.delivered_at),
    lastError: r.last_error,
    createdAt: iso(r.created_at),
    attemptLog: (byDelivery.get(r.id) ?? []).sort((x, y) => y.attempt - x.attempt),
  }));
}
