import axios from 'axios';
import { buildEvent, type ContactHubEvent } from '../../src/domain/events';
import { emitEvent, newEventId } from '../../src/server/outbox/emit-event';
import { createApiKey } from '../../src/server/services/api-keys';
import { openStore } from '../../src/server/store';
import type { Database } from '../../src/server/db/database';
import { createPostgresDatabase } from '../support/databases';
import { requireBuiltCli, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { startReceiver, type Receiver } from '../support/receiver';

const SECRET_KEY = 'c'.repeat(64);
const EVENTS = 1000;

/**
 * SPEC §2 and issue 3: several server processes on one PostgreSQL claim outbox work through
 * the database (FOR UPDATE SKIP LOCKED + lease), so each event is delivered exactly once.
 */
describe('two server processes on one PostgreSQL', () => {
  let pg: { url: string; drop: () => Promise<void> };
  let db: Database;
  let receiver: Receiver;
  let hubs: HubProcess[] = [];

  beforeAll(async () => {
    requireBuiltCli();
    pg = await createPostgresDatabase();
    db = await openStore({ databaseUrl: pg.url });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => stopHubProcess(h, 'SIGKILL')));
    await receiver?.close();
    await db?.close();
    await pg?.drop();
  });

  it(`deliver ${EVENTS} events exactly once each to a local receiver`, async () => {
    const key = await createApiKey(db, { workspace: 'main', role: 'owner' });
    hubs = await Promise.all([1, 2].map(() => startHubProcess(['--database-url', pg.url], { CONTACT_HUB_SECRET_KEY: SECRET_KEY })));
    const created = await axios.post(
      `${hubs[0].url}/v1/webhooks`,
      { url: receiver.url, events: ['*'] },
      { headers: { Authorization: `Bearer ${key.key}` } },
    );
    expect(created.status).toBe(201);

    // The outbox fills while both workers poll it.
    const events: ContactHubEvent[] = [];
    for (let batch = 0; batch < EVENTS / 100; batch++) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < 100; i++) {
          const event = buildEvent('contact.deleted', { id: newEventId(), now: new Date().toISOString(), workspaceId: key.workspaceId, contact: null });
          await emitEvent(tx, event);
          events.push(event);
        }
      });
    }

    await receiver.waitFor((r) => r.countsByEventId().size === EVENTS, 60_000, `all ${EVENTS} events`);
    // Let every outcome be recorded, then look for any second delivery.
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where status = 'delivered'`);
      if (rows[0].n === EVENTS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1500));

    const counts = receiver.countsByEventId();
    expect(counts.size).toBe(EVENTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(receiver.requests).toHaveLength(EVENTS);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(counts.keys()));
    const { rows } = await db.query<{ status: string; attempts: number; n: number }>(
      'select status, attempts, count(*)::int as n from webhook_deliveries group by status, attempts',
    );
    expect(rows).toEqual([{ status: 'delivered', attempts: 1, n: EVENTS }]);
    const attempts = await db.query<{ n: number }>('select count(*)::int as n from webhook_delivery_attempts where status_code = 200');
    expect(attempts.rows[0].n).toBe(EVENTS);
  }, 180_000);
});
