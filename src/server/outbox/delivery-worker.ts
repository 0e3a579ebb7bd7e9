import { performance } from 'node:perf_hooks';
import axios, { type AxiosInstance } from 'axios';
import { retryDelay, shouldGiveUp } from '../../domain/delivery-backoff';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../domain/webhook-signature';
import type { Hub } from '../hub';
import { openSecret } from '../secret-box';
import { webhookSecretContext } from '../services/webhook-service';
import { deleteExpiredEventClaims, deleteExpiredIdempotencyKeys } from './housekeeping';

export const EVENT_TYPE_HEADER = 'x-contact-hub-event-type';
export const DELIVERY_ID_HEADER = 'x-contact-hub-delivery-id';

export interface DeliveryWorkerOptions {
  /** How often to look at the outbox when nothing nudges it (ms, default 1000). */
  pollMs?: number;
  /** Deliveries claimed and sent concurrently per round (default 20). */
  batchSize?: number;
  /** How long a claim keeps other processes away (ms); must exceed timeoutMs (default timeoutMs + 20 s). */
  leaseMs?: number;
  /** Request timeout per attempt (ms, default 10 s). */
  timeoutMs?: number;
  /** Jitter source in [0, 1) (tests pass a fixed one). */
  random?: () => number;
  /** How often housekeeping runs (ms, default 60 s). */
  housekeepingMs?: number;
}

export interface DeliveryWorker {
  /** Looks at the outbox now (debounced: many nudges make one round). */
  nudge(): void;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
}

interface ClaimedDelivery {
  id: string;
  workspace_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  first_attempt_at: Date | null;
  url: string;
  secret_sealed: string;
  body: string;
}

/** A claimed delivery and the lease this worker holds on it. */
interface Claim extends ClaimedDelivery {
  lease: Date;
}

/** Longest error text kept per attempt. */
const MAX_ERROR_LENGTH = 500;
/** Longest response body read from a receiver (it is only quoted in errors). */
const MAX_RESPONSE_BYTES = 64 * 1024;

function clip(s: string, n = MAX_ERROR_LENGTH): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * Claims due deliveries: pending, due by the hub clock, and not leased by a live worker. The
 * inner SELECT … FOR UPDATE SKIP LOCKED lets several processes claim side by side without
 * ever taking the same row; the lease then keeps the row away from them while it is sent.
 * The event body is the stored payload's text, sent and signed byte for byte.
 */
const CLAIM_SQL = `
with claimed as (
  update webhook_deliveries d set lease_until = $2
   where d.id in (
     select id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= $1 and (lease_until is null or lease_until < $1)
      order by next_attempt_at
      limit $3
      for update skip locked)
  returning d.id, d.workspace_id, d.webhook_id, d.event_id, d.attempts, d.first_attempt_at
)
select c.id, c.workspace_id, c.webhook_id, c.event_id, e.type as event_type, c.attempts, c.first_attempt_at,
       w.url, w.secret_sealed, e.payload::text as body
  from claimed c
  join webhooks w on w.id = c.webhook_id
  join events e on e.id = c.event_id`;

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * The webhook delivery worker: polls the outbox (and on nudges), sends each due delivery
 * signed, records every attempt, marks 2xx answers delivered and schedules anything else
 * for a retry with exponential backoff and jitter (src/domain/delivery-backoff.ts) until it
 * gives up after at least 24 h. Safe to run in several processes over one database.
 */
export function startDeliveryWorker(hub: Hub, opts: DeliveryWorkerOptions = {}): DeliveryWorker {
  const pollMs = opts.pollMs ?? 1000;
  const batchSize = opts.batchSize ?? 20;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const leaseMs = Math.max(opts.leaseMs ?? timeoutMs + 20_000, timeoutMs + 1000);
  const random = opts.random ?? Math.random;
  const housekeepingMs = opts.housekeepingMs ?? 60_000;
  const http: AxiosInstance = axios.create({
    timeout: timeoutMs,
    maxRedirects: 0,
    maxContentLength: MAX_RESPONSE_BYTES,
    responseType: 'text',
    // The body is sent exactly as signed: no JSON re-serialisation.
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastHousekeeping = 0;

  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void tick();
    }, ms);
    timer.unref?.();
  };

  async function tick(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        let full = true;
        while (full && !stopped) {
          again = false;
          const claimed = await claim();
          await Promise.all(claimed.map((d) => deliver(d)));
          full = claimed.length === batchSize || again;
        }
        if (Date.now() - lastHousekeeping >= housekeepingMs) {
          lastHousekeeping = Date.now();
          const removed = await deleteExpiredIdempotencyKeys(hub.db, hub.now());
          if (removed > 0) hub.log.debug({ removed }, 'expired idempotency keys removed');
          const claims = await deleteExpiredEventClaims(hub.db, hub.now());
          if (claims > 0) hub.log.debug({ removed: claims }, 'expired webhook event claims removed');
        }
      } catch (e) {
        if (!stopped) hub.log.warn({ err: e }, 'webhook delivery round failed; retrying at the next poll');
      }
    })();
    await running;
    running = null;
    if (again && !stopped) {
      again = false;
      schedule(0);
    } else {
      schedule(pollMs);
    }
  }

  async function claim(): Promise<Claim[]> {
    const now = hub.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const { rows } = await hub.db.query<ClaimedDelivery>(CLAIM_SQL, [now, leaseUntil, batchSize]);
    return rows.map((r) => ({ ...r, lease: leaseUntil }));
  }

  async function send(d: ClaimedDelivery, at: Date): Promise<AttemptOutcome> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    let secret: string;
    try {
      secret = openSecret(hub.serverKey, d.secret_sealed, webhookSecretContext(d.webhook_id));
    } catch (e) {
      return { statusCode: null, error: clip((e as Error).message), durationMs: elapsed() };
    }
    const timestamp = Math.floor(at.getTime() / 1000);
    try {
      const res = await http.post(d.url, d.body, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'contact-hub-webhooks/1',
          [EVENT_ID_HEADER]: d.event_id,
          [EVENT_TYPE_HEADER]: d.event_type,
          [DELIVERY_ID_HEADER]: d.id,
          [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, d.body),
        },
      });
      if (res.status >= 200 && res.status < 300) return { statusCode: res.status, error: null, durationMs: elapsed() };
      const text = typeof res.data === 'string' ? res.data.trim() : '';
      return {
        statusCode: res.status,
        error: clip(`HTTP ${res.status}${text ? `: ${text.replace(/\s+/g, ' ')}` : ''}`),
        durationMs: elapsed(),
      };
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const why = err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs} ms` : (err.message ?? String(e));
      return { statusCode: null, error: clip(`${err.code ? `${err.code}: ` : ''}${why}`), durationMs: elapsed() };
    }
  }

  async function deliver(d: Claim): Promise<void> {
    const at = hub.now();
    const outcome = await send(d, at);
    const attempt = d.attempts + 1;
    const done = hub.now();
    const firstAt = d.first_attempt_at ?? at;
    const ok = outcome.error === null;
    const giveUp = !ok && shouldGiveUp(firstAt.getTime(), done.getTime(), attempt);
    const status = ok ? 'delivered' : giveUp ? 'failed' : 'pending';
    const next = ok || giveUp ? done : new Date(done.getTime() + retryDelay(attempt, random));
    try {
      await hub.db.transaction(async (tx) => {
        // Fenced by the lease: if it ran out and another worker took the delivery over, this
        // outcome is dropped (the row moved on without us).
        const updated = await tx.query(
          `update webhook_deliveries
              set attempts = $2, status = $3, next_attempt_at = $4, first_attempt_at = coalesce(first_attempt_at, $5),
                  delivered_at = $6, last_error = $7, lease_until = null
            where id = $1 and status = 'pending' and attempts = $8 and lease_until = $9`,
          [d.id, attempt, status, next, firstAt, ok ? done : null, outcome.error, d.attempts, d.lease],
        );
        if (updated.rowCount === 0) return;
        await tx.query(
          `insert into webhook_delivery_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
           values ($1, $2, $3, $4, $5, $6)`,
          [d.id, attempt, at, outcome.statusCode, outcome.error, outcome.durationMs],
        );
      });
    } catch (e) {
      hub.log.warn({ err: e, deliveryId: d.id }, 'could not record a webhook delivery attempt');
      return;
    }
    if (!ok) {
      hub.log.info(
        { deliveryId: d.id, webhookId: d.webhook_id, eventId: d.event_id, attempt, status, error: outcome.error },
        giveUp ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
      );
    }
  }

  let nudgeTimer: NodeJS.Timeout | null = null;
  schedule(0);
  return {
    nudge(): void {
      if (stopped || nudgeTimer) return;
      // Debounced: the changes of one burst go out in one round.
      nudgeTimer = setTimeout(() => {
        nudgeTimer = null;
        if (running) again = true;
        else schedule(0);
      }, 10);
      nudgeTimer.unref?.();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (nudgeTimer) clearTimeout(nudgeTimer);
      timer = null;
      nudgeTimer = null;
      if (running) await running;
    },
  };
}
