import axios from 'axios';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/server/store';
import { createPostgresDatabase, STORES, type StoreKind } from '../support/databases';
import { lastLine, requireBuiltCli, runCli, startHubProcess, stopHubProcess } from '../support/hub-process';

const SECRET_KEY = 'b'.repeat(64);

beforeAll(() => requireBuiltCli());

describe.each(STORES)('contact-hub CLI on %s', (kind: StoreKind) => {
  let storeArgs: string[];
  let cleanup: () => Promise<void>;
  let dataDir: string | null = null;
  let databaseUrl: string | null = null;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await createPostgresDatabase();
      databaseUrl = pg.url;
      storeArgs = ['--database-url', pg.url];
      cleanup = pg.drop;
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'contact-hub-cli-'));
      storeArgs = ['--data-dir', dataDir];
      cleanup = async () => rmSync(dataDir as string, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanup());

  const openTheStore = () => openStore({ databaseUrl, dataDir });

  it('keys create prints the key alone on the last line, and the key works against a served hub', async () => {
    const r = await runCli(['keys', 'create', '--role', 'manager', '--workspace', 'acme', '--default-country', 'de', ...storeArgs], {
      CONTACT_HUB_SECRET_KEY: SECRET_KEY,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const key = lastLine(r.stdout);
    expect(key).toMatch(/^chub_[A-Za-z0-9_-]{48}$/);
    expect(r.stdout.split('\n').filter((l) => l.includes(key))).toEqual([key]);

    const hub = await startHubProcess(storeArgs, { CONTACT_HUB_SECRET_KEY: SECRET_KEY });
    try {
      const res = await axios.get(`${hub.url}/v1/workspace`, { headers: { Authorization: `Bearer ${key}` }, validateStatus: () => true });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ workspace: { name: 'acme', defaultCountry: 'DE' }, role: 'manager' });
      if (kind === 'pglite') {
        // The embedded store belongs to the serving process.
        const busy = await runCli(['keys', 'create', '--role', 'agent', ...storeArgs]);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toMatch(/is in use by process \d+/);
      }
    } finally {
      // Graceful shutdown on SIGTERM: exit code 0.
      expect(await stopHubProcess(hub, 'SIGTERM')).toBe(0);
    }
  }, 180_000);

  it('keys create refuses a missing or unknown role', async () => {
    const none = await runCli(['keys', 'create', ...storeArgs]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/--role/);
    const bad = await runCli(['keys', 'create', '--role', 'admin', ...storeArgs]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/owner, manager, agent/);
  }, 60_000);

  it('seed --contacts 200 fills a workspace with contacts, catalogue, identities and messages', async () => {
    const r = await runCli(['seed', '--contacts', '200', '--workspace', 'demo', '--seed', '42', ...storeArgs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Seeded workspace "demo" .*: 200 contacts/);
    const db = await openTheStore();
    try {
      const ws = (await db.query<{ id: string }>("select id from workspaces where name = 'demo'")).rows[0].id;
      const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql, [ws])).rows[0].n;
      expect(await count('select count(*)::int as n from contacts where workspace_id = $1')).toBe(200);
      expect(await count("select count(distinct country)::int as n from contacts where workspace_id = $1")).toBeGreaterThanOrEqual(10);
      expect(await count("select count(*)::int as n from contacts where workspace_id = $1 and phone like '+%'")).toBeGreaterThan(150);
      expect(await count('select count(*)::int as n from contacts where workspace_id = $1 and email is not null')).toBeGreaterThan(100);
      expect(await count('select count(*)::int as n from contacts where workspace_id = $1 and blocked')).toBeGreaterThan(0);
      expect(await count('select count(*)::int as n from contacts where workspace_id = $1 and not proactive')).toBeGreaterThan(0);
      expect(await count("select count(*)::int as n from contacts where workspace_id = $1 and custom_fields <> '{}'::jsonb")).toBeGreaterThan(100);
      expect(await count('select count(*)::int as n from tags where workspace_id = $1')).toBe(8);
      expect(await count('select count(*)::int as n from contact_tags where workspace_id = $1')).toBeGreaterThan(100);
      expect(await count('select count(*)::int as n from custom_fields where workspace_id = $1')).toBe(6);
      expect(await count('select count(distinct type)::int as n from channels where workspace_id = $1')).toBe(4);
      // The ids the example workflows name: the channels and the VIP segment of examples/01.
      const channelIds = (await db.query<{ id: string }>('select id from channels where workspace_id = $1 order by id', [ws])).rows.map((r) => r.id);
      expect(channelIds).toEqual(['email', 'sms', 'telegram', 'whatsapp']);
      expect((await db.query<{ name: string }>("select name from segments where workspace_id = $1 and id = 'seg_demo_vip'", [ws])).rows).toEqual([
        { name: 'VIP customers' },
      ]);
      expect(await count("select count(*)::int as n from custom_fields where workspace_id = $1 and key = 'loyaltyTier'")).toBe(1);
      expect(await count('select count(*)::int as n from channel_identities where workspace_id = $1')).toBeGreaterThan(200);
      expect(await count('select count(*)::int as n from messages where workspace_id = $1')).toBeGreaterThan(200);
      expect(await count('select count(*)::int as n from events where workspace_id = $1')).toBe(0);
      // Phones are valid E.164 of several countries: the domain accepts every one unchanged.
      const { normalizePhone } = await import('../../src/domain/phone');
      const phones = (await db.query<{ phone: string }>('select phone from contacts where workspace_id = $1 and phone is not null', [ws])).rows;
      for (const p of phones) expect(normalizePhone(p.phone).e164).toBe(p.phone);
    } finally {
      await db.close();
    }
    // A second run adds more contacts to the same workspace without clashing.
    const again = await runCli(['seed', '--contacts', '50', '--workspace', 'demo', ...storeArgs]);
    expect(again.code).toBe(0);
    const db2 = await openTheStore();
    try {
      const n = (await db2.query<{ n: number }>("select count(*)::int as n from contacts c join workspaces w on w.id = c.workspace_id where w.name = 'demo'")).rows[0].n;
      expect(n).toBeGreaterThanOrEqual(245);
    } finally {
      await db2.close();
    }
  }, 180_000);
});
