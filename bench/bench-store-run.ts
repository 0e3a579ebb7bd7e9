import { validateWorkspaceFilter } from '../src/server/services/contact-query-service';
import { createApiKey } from '../src/server/services/api-keys';
import { seedWorkspace } from '../src/server/seed/seed-writer';
import { benchClient, expectStatus, percentile, runLoad, type LoadOptions, type LoadResult } from './bench-http';
import { benchConsoleFirstScreen, consoleBenchAvailable } from './bench-console';
import { filterCosts, phoneCost, phoneInputs } from './bench-domain';
import { startBenchStore, type BenchStoreKind } from './bench-stores';

/** One line of the result table. */
export interface BenchRow {
  store: BenchStoreKind;
  operation: string;
  unit: string;
  /** Units per second. */
  rate: number;
  /** Median time of one call (request, query or function call), ms; NaN when not measured per call. */
  p50Ms: number;
  /** Time per unit divided by the time per baseline request (same store, same run). */
  costVsBaseline: number;
  note: string;
}

export interface BenchSettings {
  contacts: number;
  /** Seconds each HTTP measurement runs. */
  seconds: number;
  concurrency: number;
}

/** The filter of the search, count and domain rows: tags, a country list and a custom number field. */
export const BENCH_FILTER = {
  and: [
    { field: 'tags', operator: 'hasAny', value: ['VIP', 'Customer'] },
    { field: 'country', operator: 'in', value: ['GB', 'BR', 'DE', 'US'] },
    { field: 'customFields.lifetimeValue', operator: 'gt', value: 100 },
  ],
};

const pad6 = (n: number) => String(n % 1_000_000).padStart(6, '0');

/** Starts a hub on the store, seeds it and measures every operation; ratios are against GET /v1/workspace of this store. */
export async function benchStore(kind: BenchStoreKind, s: BenchSettings, log: (line: string) => void): Promise<BenchRow[]> {
  const store = await startBenchStore(kind);
  const { server } = store;
  const rows: BenchRow[] = [];
  try {
    const t0 = performance.now();
    const seeded = await seedWorkspace(server.db, { workspace: 'bench', contacts: s.contacts, seed: 42 });
    const seedMs = performance.now() - t0;
    const { key, workspaceId } = await createApiKey(server.db, { workspace: 'bench', role: 'owner', defaultCountry: 'GB' });
    log(`${kind}: seeded ${seeded.contacts} contacts in ${(seedMs / 1000).toFixed(1)} s`);
    const client = benchClient(server.url, key, s.concurrency);
    const http = (concurrency = s.concurrency, minOps = 20): LoadOptions => ({
      concurrency,
      durationMs: s.seconds * 1000,
      minOps,
      maxOps: 1_000_000,
      warmup: 3,
    });

    const baseline = await runLoad(http(), async () => {
      expectStatus(await client.request('GET', '/v1/workspace'), 200, 'GET /v1/workspace');
      return 1;
    });
    const baseRate = baseline.ops / (baseline.elapsedMs / 1000);
    const row = (operation: string, unit: string, r: LoadResult, note = ''): BenchRow => {
      const rate = r.items / (r.elapsedMs / 1000);
      return { store: kind, operation, unit, rate, p50Ms: percentile(r.latenciesMs, 50), costVsBaseline: baseRate / rate, note };
    };
    rows.push(row('GET /v1/workspace (baseline)', 'request', baseline));
    log(`${kind}: baseline ${baseRate.toFixed(0)} requests/s`);

    // Reads first, while the workspace holds exactly the seeded contacts.
    const search = await runLoad(http(), async () => {
      expectStatus(await client.request('POST', '/v1/contacts/search', { filter: BENCH_FILTER, limit: 50 }), 200, 'search');
      return 1;
    });
    rows.push(row(`POST /v1/contacts/search (filter, 50 per page)`, 'request', search, `over ${seeded.contacts} contacts`));
    let counted = 0;
    const count = await runLoad(http(), async () => {
      const res = await client.request('POST', '/v1/contacts/count', { filter: BENCH_FILTER });
      expectStatus(res, 200, 'count');
      counted = (JSON.parse(res.text) as { count: number }).count;
      return 1;
    });
    rows.push(row(`POST /v1/contacts/count (same filter)`, 'request', count, `${counted} match`));
    const exportRun = await runLoad({ concurrency: 1, durationMs: s.seconds * 1000, minOps: 2, maxOps: 1_000, warmup: 1 }, async () => {
      const res = await client.request('POST', '/v1/contacts/export', { includeBlocked: true });
      expectStatus(res, 200, 'export');
      return res.text.split('\n').filter((l) => l !== '').length - 1;
    });
    rows.push(row(`POST /v1/contacts/export (every contact, CSV stream)`, 'row', exportRun, `${(exportRun.items / exportRun.ops).toFixed(0)} rows per export`));

    // The console's first screen in headless Chromium, over the same seeded workspace.
    const noConsole = consoleBenchAvailable();
    if (noConsole) log(`${kind}: console first screen not measured: ${noConsole}`);
    else {
      const c = await benchConsoleFirstScreen(server.url, key);
      const baseMs = 1000 / baseRate;
      rows.push({
        store: kind,
        operation: 'console first screen (Chromium, signed in)',
        unit: 'page',
        rate: 1000 / c.firstScreenMs,
        p50Ms: c.firstScreenMs,
        costVsBaseline: c.firstScreenMs / baseMs,
        note: `over ${seeded.contacts} contacts; with count ${c.withCountMs.toFixed(0)} ms; cached ${c.warmMs.toFixed(0)} ms; ${(c.assetsGzipBytes / 1000).toFixed(1)} kB gzip`,
      });
      log(`${kind}: console first screen ${c.firstScreenMs.toFixed(0)} ms (median of ${c.loads} cold loads), with the count ${c.withCountMs.toFixed(0)} ms, cached ${c.warmMs.toFixed(0)} ms`);
    }

    // Writes.
    const single = await runLoad(http(), async (i) => {
      const res = await client.request('POST', '/v1/contacts', {
        firstName: 'Bench',
        lastName: `Single${i}`,
        phone: `+447500${pad6(i)}`,
        email: `single${i}@bench.example.com`,
        tags: ['bench'],
      });
      expectStatus(res, 201, 'create');
      return 1;
    });
    const singleRate = single.items / (single.elapsedMs / 1000);
    rows.push(row('POST /v1/contacts (single create)', 'contact', single));
    let next = 0;
    const bulk = await runLoad(http(s.concurrency, 5), async () => {
      const contacts = Array.from({ length: 100 }, () => {
        const i = next++;
        return { firstName: 'Bench', lastName: `Bulk${i}`, phone: `+447800${pad6(i)}`, email: `bulk${i}@bench.example.com`, tags: ['bench'] };
      });
      const res = await client.request('POST', '/v1/contacts/bulk/upsert', { contacts });
      expectStatus(res, 200, 'bulk upsert');
      return contacts.length;
    });
    const bulkRate = bulk.items / (bulk.elapsedMs / 1000);
    rows.push(row('POST /v1/contacts/bulk/upsert (100 per request)', 'contact', bulk, `${(bulkRate / singleRate).toFixed(1)}× single-create contacts/s`));
    rows.push({
      store: kind,
      operation: 'seed module (direct multi-row SQL, no API)',
      unit: 'contact',
      rate: seeded.contacts / (seedMs / 1000),
      p50Ms: Number.NaN,
      costVsBaseline: baseRate / (seeded.contacts / (seedMs / 1000)),
      note: `${(seeded.contacts / (seedMs / 1000) / singleRate).toFixed(0)}× single-create contacts/s`,
    });
    const incoming = await runLoad(http(), async (i) => {
      const res = await client.request('POST', '/v1/channels/demo-whatsapp/incoming', {
        providerMessageId: `bench-${i}`,
        from: { address: `+447300${pad6(i % 2_000)}`, name: `Sender ${i % 2_000}` },
        text: `hello ${i}`,
      });
      if (res.status !== 201 && res.status !== 200) expectStatus(res, 201, 'incoming');
      return 1;
    });
    rows.push(row('POST /v1/channels/{id}/incoming (2,000 senders)', 'message', incoming));
    client.close();

    // The domain, in process: the same filter in memory and in SQL; phone normalisation.
    const filter = await validateWorkspaceFilter(server.db, workspaceId, BENCH_FILTER);
    const costs = await filterCosts(server.db, workspaceId, filter, new Date(), Math.min(1_000, s.seconds * 400));
    const perContact = (ns: number) => 1e9 / ns;
    rows.push({
      store: kind,
      operation: 'filter evaluator, in memory',
      unit: 'contact',
      rate: perContact(costs.evaluatorNsPerContact),
      p50Ms: Number.NaN,
      costVsBaseline: baseRate / perContact(costs.evaluatorNsPerContact),
      note: `${costs.matches} of ${costs.contacts} match`,
    });
    rows.push({
      store: kind,
      operation: 'same filter compiled to SQL (count query)',
      unit: 'contact',
      rate: perContact(costs.sqlNsPerContact),
      p50Ms: Number.NaN,
      costVsBaseline: baseRate / perContact(costs.sqlNsPerContact),
      note: `${(costs.sqlNsPerContact / costs.evaluatorNsPerContact).toFixed(2)}× evaluator time per contact${costs.sqlMatches === costs.matches ? '' : `; MISMATCH ${costs.sqlMatches} vs ${costs.matches}`}`,
    });
    const phones = (await server.db.query<{ phone: string }>('select phone from contacts where workspace_id = $1 and phone is not null limit 5000', [workspaceId])).rows.map((r) => r.phone);
    const phone = phoneCost(phoneInputs(phones), Math.min(1_000, s.seconds * 400));
    rows.push({
      store: kind,
      operation: 'normalizePhone (international, spaced, 00, national)',
      unit: 'call',
      rate: 1e6 / phone.usPerCall,
      p50Ms: Number.NaN,
      costVsBaseline: baseRate / (1e6 / phone.usPerCall),
      note: `${phone.usPerCall.toFixed(1)} µs per call`,
    });
    return rows;
  } finally {
    await store.close();
  }
}
