import os from 'node:os';
import { benchStore, type BenchRow, type BenchSettings } from './bench-store-run';
import { postgresReachable, postgresUrl, type BenchStoreKind } from './bench-stores';

/**
 * `npm run bench`: Contact Hub on the embedded store (and on PostgreSQL when DATABASE_URL is
 * set or the local one answers), seeded with demo contacts, measured over HTTP and in process.
 * Figures are ratios against GET /v1/workspace measured in the same run on the same store, so
 * they compare across machines; absolute rates are printed for context only.
 *
 * BENCH_CONTACTS (default 10000), BENCH_SECONDS per measurement (default 2),
 * BENCH_CONCURRENCY (default 8), BENCH_STORES (e.g. "pglite").
 */
function fmtRate(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)} k`;
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '-';
  if (r >= 100) return `${r.toFixed(0)}×`;
  if (r >= 0.1) return `${r.toFixed(2)}×`;
  return `${r.toExponential(1)}×`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['store', 'operation', 'unit', 'units/s', 'p50 ms', 'cost/unit vs baseline', 'note'];
  const body = rows.map((r) => [
    r.store,
    r.operation,
    r.unit,
    fmtRate(r.rate),
    Number.isFinite(r.p50Ms) ? r.p50Ms.toFixed(1) : '-',
    fmtRatio(r.costVsBaseline),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i >= 3 && i <= 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const settings: BenchSettings = {
    contacts: Number(process.env.BENCH_CONTACTS ?? 10_000),
    seconds: Number(process.env.BENCH_SECONDS ?? 2),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  };
  const wanted = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',').map((x) => x.trim());
  const stores: BenchStoreKind[] = [];
  if (wanted.includes('pglite')) stores.push('pglite');
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) stores.push('postgres');
    else process.stderr.write(`PostgreSQL at ${postgresUrl().replace(/\/\/[^@]*@/, '//…@')} does not answer: benchmarking the embedded store only\n`);
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stderr.write(`Contact Hub bench: node ${process.version}, ${cpu} × ${os.cpus().length}, ${settings.contacts} contacts, ${settings.seconds} s per measurement, concurrency ${settings.concurrency}\n`);
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const kind of stores) rows.push(...(await benchStore(kind, settings, (l) => process.stderr.write(`  ${l}\n`))));
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  process.stdout.write(
    'cost/unit vs baseline: time per unit of work ÷ time per GET /v1/workspace request, same store, same run,\n' +
      `both at concurrency ${settings.concurrency} over HTTP (in-process rows: one thread). Lower is cheaper; 1.00× is the baseline.\n`,
  );
  process.stderr.write(`total ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
