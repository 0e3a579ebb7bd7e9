import type { Contact } from '../../src/domain/contact';
import { buildEvent, type ContactHubEvent, type EventType } from '../../src/domain/events';
import { verifySignatureHeader } from '../../src/domain/webhook-signature';
import type { Database } from '../../src/server/db/database';
import { newId } from '../../src/server/ids';
import { emitEvent, newEventId } from '../../src/server/outbox/emit-event';
import { insertContact } from '../../src/server/repos/contact-repo';
import { createApiKey } from '../../src/server/services/api-keys';
import { STORES } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestHub, type TestHub } from '../support/test-hub';
import axios, { type AxiosInstance } from 'axios';

/** The hub clock of these tests: real time plus an offset the tests move forward. */
let offsetMs = 0;
const clock = (): Date => new Date(Date.now() + offsetMs);

/** Creates a contact with SQL and emits its event in one transaction, as a service does. */
async function createContactWithEvent(db: Database, workspaceId: string, type: EventType = 'contact.created'): Promise<ContactHubEvent> {
  const now = clock().toISOString();
  const id = newId('ct');
  const contact: Contact = {
    id,
    externalCode: null,
    firstName: 'Ada',
    lastName: `Lovelace ${id.slice(-6)}`,
    displayName: `Ada Lovelace ${id.slice(-6)}`,
    email: `${id}@example.com`,
    phone: null,
    country: 'GB',
    language: 'en',
    profilePic: null,
    assignee: null,
    proactive: true,
    reactive: true,
    customFields: {},
    tags: [],
    conversationStatus: 'open',
    conversationOpenedAt: null,
    blocked: false,
    blockedAt: null,
    createdAt: now,
    updatedAt: now,
    lastInteractionAt: null,
    lastIncomingAt: null,
    lastInteractedChannelId: null,
  };
  const event = buildEvent(type, { id: newEventId(), now, workspaceId, contact, ...(type === 'contact.tagged' ? { tags: ['vip'] } : {}) });
  await db.transaction(async (tx) => {
    await insertContact(tx, workspaceId, contact);
    await emitEvent(tx, event);
  });
  return event;
}

/** Polls `check` until it returns true (bounded), then returns; fails naming `what`. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(STORES)('webhook delivery on %s', (kind) => {
  let hub: TestHub;
  let receivers: Receiver[] = [];
  let n = 0;

  /** A fresh workspace (so webhooks of other tests stay out of the way) with an owner client. */
  async function workspace(): Promise<{ workspaceId: string; api: AxiosInstance }> {
    n += 1;
    const key = await createApiKey(hub.server.db, { workspace: `delivery-${n}`, role: 'owner' });
    const api = axios.create({ baseURL: hub.url, validateStatus: () => true, headers: { Authorization: `Bearer ${key.key}` } });
    return { workspaceId: key.workspaceId, api };
  }

  async function receiver(opts: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
    const r = await startReceiver(opts);
    receivers.push(r);
    return r;
  }

  beforeAll(async () => {
    hub = await startTestHub(kind, { now: clock, deliveries: { pollMs: 100, random: () => 0.5, housekeepingMs: 100, timeoutMs: 1500 } });
  });
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });
  afterAll(() => hub.close());

  it('delivers an emitted event, signed, with the event id, type and delivery id headers', async () => {
    const { workspaceId, api } = await workspace();
    const rx = await receiver();
    const wh = await api.post('/v1/webhooks', { url: rx.url, events: ['contact.created'] });
    expect(wh.status).toBe(201);
    const event = await createContactWithEvent(hub.server.db, workspaceId);
    hub.server.hub.nudgeOutbox();
    await rx.waitFor((r) => r.accepted().length === 1, 20_000, 'one delivery');
    const req = rx.requests[0];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/hooks');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-contact-hub-event-id']).toBe(event.id);
    expect(req.headers['x-contact-hub-event-type']).toBe('contact.created');
    expect(req.headers['x-contact-hub-delivery-id']).toMatch(/^dlv_/);
    const verdict = verifySignatureHeader(String(req.headers['x-contact-hub-signature']), req.body, wh.data.secret, {
      now: Math.floor(clock().getTime() / 1000),
    });
    expect(verdict.ok).toBe(true);
    expect(verifySignatureHeader(String(req.headers['x-contact-hub-signature']), req.body, 'whsec_wrong-secret-000000', {
      now: Math.floor(clock().getTime() / 1000),
    }).ok).toBe(false);
    expect(JSON.parse(req.body)).toEqual(event);

    // The receiver answered; the worker records the outcome right after.
    await eventually(async () => (await api.get(`/v1/webhooks/${wh.data.id}`)).data.deliveryStats.delivered === 1, 'delivered');
    const detail = await api.get(`/v1/webhooks/${wh.data.id}`);
    expect(detail.data.deliveryStats).toEqual({ pending: 0, delivered: 1, failed: 0 });
    expect(detail.data.deliveries[0]).toMatchObject({
      id: req.headers['x-contact-hub-delivery-id'],
      eventId: event.id,
      eventType: 'contact.created',
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
    });
    expect(detail.data.deliveries[0].attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, error: null }),
    ]);
  });

  it('marks a delivery delivered once: later rounds never send it again', async () => {
    const { workspaceId, api } = await workspace();
    const rx = await receiver();
    await api.post('/v1/webhooks', { url: rx.url, events: ['*'] });
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await createContactWithEvent(hub.server.db, workspaceId));
    hub.server.hub.nudgeOutbox();
    await rx.waitFor((r) => r.accepted().length === 5, 20_000, 'five deliveries');
    await eventually(
      async () =>
        (await hub.server.db.query(`select 1 from webhook_deliveries where workspace_id = $1 and status = 'delivered'`, [workspaceId]))
          .rowCount === 5,
      'five deliveries recorded',
    );
    for (let i = 0; i < 5; i++) {
      hub.server.hub.nudgeOutbox();
      await new Promise((r) => setTimeout(r, 60));
    }
    offsetMs += 3_600_000; // even much later nothing is due again
    await new Promise((r) => setTimeout(r, 400));
    expect(rx.requests).toHaveLength(5);
    expect([...rx.countsByEventId().entries()].sort()).toEqual(events.map((e) => [e.id, 1] as [string, number]).sort());
    const { rows } = await hub.server.db.query<{ status: string; attempts: number; delivered_at: Date | null }>(
      `select status, attempts, delivered_at from webhook_deliveries where workspace_id = $1`,
      [workspaceId],
    );
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toMatchObject({ status: 'delivered', attempts: 1, delivered_at: expect.any(Date) });
  });

  it('retries a failing receiver with backoff and records every attempt', async () => {
    const { workspaceId, api } = await workspace();
    const rx = await receiver({ failFirst: 2, failStatus: 503 });
    const wh = await api.post('/v1/webhooks', { url: rx.url, events: ['contact.created'] });
    const event = await createContactWithEvent(hub.server.db, workspaceId);
    hub.server.hub.nudgeOutbox();
    await rx.waitFor((r) => r.requests.length === 1, 20_000, 'the first attempt');

    const recorded = async (attempts: number): Promise<boolean> =>
      (await api.get(`/v1/webhooks/${wh.data.id}`)).data.deliveries[0]?.attempts === attempts;
    await eventually(() => recorded(1), 'the first attempt recorded');
    // Not due yet: the retry waits for its backoff (random 0.5 of a 10 s ceiling = 5 s).
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.requests).toHaveLength(1);
    const pending = await api.get(`/v1/webhooks/${wh.data.id}`);
    const d = pending.data.deliveries[0];
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503: receiver says no' });
    const firstWait = Date.parse(d.nextAttemptAt) - Date.parse(d.attemptLog[0].attemptedAt);
    expect(firstWait).toBeGreaterThanOrEqual(4_000);
    expect(firstWait).toBeLessThanOrEqual(6_000);

    offsetMs += 6_000;
    hub.server.hub.nudgeOutbox();
    await rx.waitFor((r) => r.requests.length === 2, 20_000, 'the second attempt');
    await eventually(() => recorded(2), 'the second attempt recorded');
    const second = (await api.get(`/v1/webhooks/${wh.data.id}`)).data.deliveries[0];
    const secondWait = Date.parse(second.nextAttemptAt) - Date.parse(second.attemptLog[0].attemptedAt);
    expect(secondWait).toBeGreaterThanOrEqual(9_000); // ceiling 20 s, jitter 0.5
    expect(secondWait).toBeLessThanOrEqual(11_000);

    offsetMs += 11_000;
    hub.server.hub.nudgeOutbox();
    await rx.waitFor((r) => r.accepted().length === 1, 20_000, 'the successful attempt');
    await eventually(() => recorded(3), 'the third attempt recorded');
    expect(rx.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(rx.requests.map((r) => r.headers['x-contact-hub-event-id']))).toEqual(new Set([event.id]));
    expect(new Set(rx.requests.map((r) => r.headers['x-contact-hub-delivery-id'])).size).toBe(1);

    const done = (await api.get(`/v1/webhooks/${wh.data.id}`)).data.deliveries[0];
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, nextAttemptAt: null, lastError: null });
    expect(done.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
      [3, 200],
      [2, 503],
      [1, 503],
    ]);
    expect(done.attemptLog[1].error).toBe('HTTP 503: receiver says no');
    for (const a of done.attemptLog) expect(a.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('records connection errors, and gives up only after 24 h and at least 5 attempts', async () => {
    const { workspaceId, api } = await workspace();
    const rx = await receiver();
    const url = rx.url;
    await rx.close(); // nothing listens there any more
    const wh = await api.post('/v1/webhooks', { url, events: ['contact.created'] });
    await createContactWithEvent(hub.server.db, workspaceId);
    const attempts = async (): Promise<{ status: string; attempts: number; lastError: string | null }> =>
      (await api.get(`/v1/webhooks/${wh.data.id}`)).data.deliveries[0];
    for (let i = 1; i <= 5; i++) {
      hub.server.hub.nudgeOutbox();
      const until = Date.now() + 20_000;
      while ((await attempts()).attempts < i && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const d = await attempts();
      expect(d.attempts).toBe(i);
      expect(d.lastError).toMatch(/ECONNREFUSED/);
      expect(d.status).toBe(i < 5 ? 'pending' : 'failed');
      offsetMs += 6 * 3_600_000; // 0 h, 6 h, 12 h, 18 h, 24 h: the fifth attempt is 24 h after the first
    }
    const detail = (await api.get(`/v1/webhooks/${wh.data.id}`)).data;
    expect(detail.deliveryStats).toEqual({ pending: 0, delivered: 0, failed: 1 });
    expect(detail.deliveries[0].attemptLog).toHaveLength(5);
    for (const a of detail.deliveries[0].attemptLog) expect(a).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('sends only subscribed event types, and DELETE drops pending deliveries', async () => {
    const { workspaceId, api } = await workspace();
    const tagged = await receiver();
    const failing = await receiver();
    failing.setFailing(500);
    await api.post('/v1/webhooks', { url: tagged.url, events: ['contact.tagged'] });
    const doomed = await api.post('/v1/webhooks', { url: failing.url, events: ['contact.created'] });
    await createContactWithEvent(hub.server.db, workspaceId, 'contact.created');
    const tagEvent = await createContactWithEvent(hub.server.db, workspaceId, 'contact.tagged');
    hub.server.hub.nudgeOutbox();
    await tagged.waitFor((r) => r.accepted().length === 1, 20_000, 'the tagged event');
    await failing.waitFor((r) => r.requests.length >= 1, 20_000, 'a failed attempt');
    expect(tagged.requests[0].headers['x-contact-hub-event-id']).toBe(tagEvent.id);
    await eventually(
      async () =>
        (await hub.server.db.query('select 1 from webhook_deliveries where webhook_id = $1 and attempts = 1', [doomed.data.id])).rowCount === 1,
      'the failed attempt recorded',
    );
    const del = await api.delete(`/v1/webhooks/${doomed.data.id}`);
    expect(del.status).toBe(200);
    expect(del.data.droppedPendingDeliveries).toBe(1);
    const left = await hub.server.db.query<{ n: number }>('select count(*)::int as n from webhook_deliveries where webhook_id = $1', [
      doomed.data.id,
    ]);
    expect(left.rows[0].n).toBe(0);
  });

  it('housekeeping deletes idempotency keys older than 24 h', async () => {
    const { workspaceId } = await workspace();
    const old = new Date(clock().getTime() - 25 * 3_600_000);
    const fresh = new Date(clock().getTime() - 3_600_000);
    await hub.server.db.query(
      `insert into idempotency_keys (workspace_id, key, request_hash, state, created_at) values ($1, 'old', 'h', 'done', $2), ($1, 'fresh', 'h', 'done', $3)`,
      [workspaceId, old, fresh],
    );
    const until = Date.now() + 20_000;
    let keys: string[] = [];
    do {
      await new Promise((r) => setTimeout(r, 100));
      hub.server.hub.nudgeOutbox();
      keys = (await hub.server.db.query<{ key: string }>('select key from idempotency_keys where workspace_id = $1', [workspaceId])).rows.map(
        (r) => r.key,
      );
    } while (keys.includes('old') && Date.now() < until);
    expect(keys).toEqual(['fresh']);
  });
});
