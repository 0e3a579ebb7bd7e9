import axios, { type AxiosInstance } from 'axios';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, STORES, type StoreKind } from '../support/databases';
import { lastLine, requireBuiltCli, runCli, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { startReceiver, type Receiver } from '../support/receiver';

const SECRET_KEY = 'd'.repeat(64);

function client(url: string, key: string): AxiosInstance {
  return axios.create({ baseURL: url, headers: { Authorization: `Bearer ${key}` }, validateStatus: () => true, timeout: 20_000 });
}

/**
 * Issue 3, durability: a server killed with SIGKILL while deliveries are pending loses no
 * event and no acknowledged write; after a restart every event is delivered.
 */
describe.each(STORES)('SIGKILL and restart on %s', (kind: StoreKind) => {
  let storeArgs: string[];
  let cleanup: () => Promise<void>;
  let receiver: Receiver;
  const hubs: HubProcess[] = [];

  beforeAll(async () => {
    requireBuiltCli();
    if (kind === 'postgres') {
      const pg = await createPostgresDatabase();
      storeArgs = ['--database-url', pg.url];
      cleanup = pg.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'contact-hub-durability-'));
      storeArgs = ['--data-dir', dir];
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => stopHubProcess(h, 'SIGKILL')));
    await receiver.close();
    await cleanup();
  });

  it('delivers every pending event after the restart and keeps every acknowledged write', async () => {
    const env = { CONTACT_HUB_SECRET_KEY: SECRET_KEY };
    const keys = await runCli(['keys', 'create', '--role', 'owner', '--default-country', 'GB', ...storeArgs], env);
    expect(keys.code).toBe(0);
    const key = lastLine(keys.stdout);

    // The receiver is failing: deliveries stay pending, with failed attempts recorded.
    receiver.setFailing(503);
    const first = await startHubProcess(storeArgs, env);
    hubs.push(first);
    const api = client(first.url, key);
    const webhook = await api.post('/v1/webhooks', { url: receiver.url, events: ['contact.created'] });
    expect(webhook.status).toBe(201);

    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await api.post('/v1/contacts', { firstName: 'Before', lastName: `Kill ${i}`, email: `before-${i}@example.com` });
      expect(res.status).toBe(201);
      acknowledged.push(res.data.id);
    }
    await receiver.waitFor((r) => r.requests.length >= 1, 30_000, 'a failed delivery attempt');

    // More writes in flight while the process is killed: every 201 among them must survive.
    let stop = false;
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await api.post('/v1/contacts', { firstName: 'During', lastName: `Kill ${w}-${i}`, email: `during-${w}-${i}@example.com` });
          if (res.status === 201) acknowledged.push(res.data.id);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const failedBeforeKill = receiver.requests.length;
    expect(receiver.accepted()).toHaveLength(0);
    expect(failedBeforeKill).toBeGreaterThan(0);

    // Back up, receiver healthy: everything pending goes out.
    receiver.setFailing(null);
    const second = await startHubProcess(storeArgs, env);
    hubs.push(second);
    const api2 = client(second.url, key);
    for (const id of acknowledged) {
      const res = await api2.get(`/v1/contacts/id:${id}`);
      expect(res.status).toBe(200);
    }
    const deliveredContacts = (): Set<string> =>
      new Set(receiver.accepted().map((r) => (JSON.parse(r.body) as { contact: { id: string } }).contact.id));
    await receiver.waitFor(
      () => acknowledged.every((id) => deliveredContacts().has(id)),
      120_000,
      `deliveries of all ${acknowledged.length} acknowledged contacts`,
    );
    // Nothing stays pending: also the events of writes committed but not acknowledged before the kill.
    const until = Date.now() + 120_000;
    let stats = { pending: -1, delivered: 0, failed: 0 };
    while (Date.now() < until) {
      stats = (await api2.get(`/v1/webhooks/${webhook.data.id}`, { params: { deliveries: 0 } })).data.deliveryStats;
      if (stats.pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(stats.pending).toBe(0);
    expect(stats.failed).toBe(0);
    expect(stats.delivered).toBeGreaterThanOrEqual(acknowledged.length);
    expect(new Set(receiver.accepted().map((r) => r.headers['x-contact-hub-event-id'])).size).toBe(stats.delivered);

    // Graceful shutdown: SIGTERM ends the process with 0.
    expect(await stopHubProcess(second, 'SIGTERM')).toBe(0);
  }, 300_000);
});
