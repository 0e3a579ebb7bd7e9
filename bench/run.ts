import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/services/api-keys';
import { benchClient } from './bench-http';
import { benchConsoleFirstScreen, consoleBenchAvailable } from './bench-console';
import { benchExport } from './bench-export';
import { benchSegments } from './bench-segments';
import { postgresReachable, postgresUrl, startBenchStore } from './bench-stores';
import { metTarget, type Figure, type StoreKind } from './figures';
import { markdownTable, svgChart } from './report';
import { seedContacts } from './seed-contacts';

/**
 * `npm run bench [-- options]`: what Contact Hub gives a user, as ratios against what they would
 * otherwise use or against the store's own limit, each pair measured in the same run.
 *
 *   --contacts N         contacts seeded on PostgreSQL (default 10,000; the figures: 1,000,000)
 *   --pglite-contacts N  contacts seeded on the embedded store (default: the smaller of N and 100,000)
 *   --stores a,b         pglite, postgres (default both; PostgreSQL when it answers at DATABASE_URL)
 *   --only a,b           sections to run (default all): segments, export, console
 *   --runs N             API runs per query for percentiles (default 30)
 *   --out DIR            where bench.md and bench.svg are written (default bench-results/)
 */
interface Options {
  contacts: number;
  pgliteContacts: number;
  stores: StoreKind[];
  only: Set<string> | null;
  runs: number;
  out: string;
}

function parseOptions(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const number = (name: string, fallback: number): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} takes a positive whole number, not "${v}"`);
    return n;
  };
  const contacts = number('contacts', 10_000);
  const stores = (get('stores') ?? 'pglite,postgres').split(',').map((s) => s.trim());
  for (const s of stores) if (s !== 'pglite' && s !== 'postgres') throw new Error(`--stores: unknown store "${s}" (pglite, postgres)`);
  return {
    contacts,
    pgliteContacts: number('pglite-contacts', Math.min(contacts, 100_000)),
    stores: stores as StoreKind[],
    only: get('only') ? new Set((get('only') as string).split(',').map((s) => s.trim())) : null,
    runs: number('runs', 30),
    out: get('out') ?? 'bench-results',
  };
}

async function benchStoreKind(kind: StoreKind, opts: Options, log: (l: string) => void): Promise<Figure[]> {
  const store = await startBenchStore(kind);
  try {
    const contacts = kind === 'postgres' ? opts.contacts : opts.pgliteContacts;
    const seeded = await seedContacts(store.server.db, {
      workspace: 'bench',
      count: contacts,
      onProgress: (n) => log(`${kind}: seeded ${n.toLocaleString('en')} / ${contacts.toLocaleString('en')}`),
    });
    log(`${kind}: ${contacts.toLocaleString('en')} contacts seeded in ${(seeded.ms / 1000).toFixed(0)} s`);
    const { key } = await createApiKey(store.server.db, { workspace: 'bench', role: 'owner', defaultCountry: 'GB' });
    const auth = { workspaceId: seeded.workspaceId, workspaceName: 'bench', defaultCountry: 'GB', userId: 'bench', userName: 'bench', role: 'owner' as const, keyId: 'bench' };
    const client = benchClient(store.server.url, key, 16);
    const want = (section: string) => opts.only === null || opts.only.has(section);
    const figures: Figure[] = [];
    try {
      if (want('segments')) {
        figures.push(
          ...(await benchSegments({ store: kind, db: store.server.db, client, auth, contacts, runs: opts.runs, unindexedRuns: contacts > 200_000 ? 3 : 5, log })),
        );
      }
      if (want('export')) figures.push(...(await benchExport({ store: kind, db: store.server.db, url: store.server.url, apiKey: key, auth, contacts, log })));
      if (want('console')) {
        const missing = consoleBenchAvailable();
        if (missing) log(`${kind}: console not measured: ${missing}`);
        else figures.push(...consoleFigures(kind, contacts, await benchConsoleFirstScreen(store.server.url, key), log));
      }
    } finally {
      client.close();
    }
    return figures;
  } finally {
    await store.close();
  }
}

/** The console's first screen against its 1 s budget, and its compressed assets against 200 kB. */
function consoleFigures(store: StoreKind, contacts: number, r: Awaited<ReturnType<typeof benchConsoleFirstScreen>>, log: (l: string) => void): Figure[] {
  log(`${store} console: first screen ${r.firstScreenMs.toFixed(0)} ms (with count ${r.withCountMs.toFixed(0)} ms, cached assets ${r.warmMs.toFixed(0)} ms), assets ${(r.assetsGzipBytes / 1000).toFixed(1)} kB gzip`);
  const section = `Console at ${contacts.toLocaleString('en')} contacts`;
  return [
    { section, store, what: 'first screen (table with rows), median', value: r.firstScreenMs, unit: 'ms', against: 'budget', baseline: 1000, kind: 'time', target: 1 },
    { section, store, what: 'assets, gzip', value: r.assetsGzipBytes / 1000, unit: 'kB', against: 'budget', baseline: 200, kind: 'time', target: 1 },
  ];
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  const stores: StoreKind[] = [];
  for (const s of opts.stores) {
    if (s === 'postgres' && !(await postgresReachable())) {
      process.stderr.write(`PostgreSQL at ${postgresUrl().replace(/\/\/[^@]*@/, '//…@')} does not answer: the embedded store only\n`);
      continue;
    }
    stores.push(s);
  }
  process.stderr.write(
    `Contact Hub bench: node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, ` +
      `${opts.contacts.toLocaleString('en')} contacts on PostgreSQL, ${opts.pgliteContacts.toLocaleString('en')} on the embedded store\n`,
  );
  const started = performance.now();
  const figures: Figure[] = [];
  for (const kind of stores) figures.push(...(await benchStoreKind(kind, opts, log)));
  const table = markdownTable(figures);
  process.stdout.write(`\n${table}\n\n`);
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'bench.md'), `${table}\n`);
  writeFileSync(join(opts.out, 'bench.svg'), svgChart(figures, `Contact Hub: ratios against the alternative (${new Date().toISOString().slice(0, 10)})`));
  const missed = figures.filter((f) => metTarget(f) === false).length;
  process.stderr.write(
    `${figures.length} figures, ${missed} below target; table and chart in ${opts.out}/ (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
