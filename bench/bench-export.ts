/**
 * Export at scale: every contact of the workspace as CSV through `POST /v1/contacts/export`,
 * against `COPY (the same select) TO STDOUT` read by a client of the same store, and the hub's
 * memory while it streams (sampled; the hub runs in this process, so the figure is the growth of
 * this process's resident set).
 */
import http from 'node:http';
import type { Database } from '../src/server/db/database';
import type { AuthContext } from '../src/server/http/auth-context';
import { resolveSelection } from '../src/server/services/contact-query-service';
import { chooseColumns, DEFAULT_EXPORT_SORT, exportableColumns, exportSelects } from '../src/server/services/export-service';
import type { Figure, StoreKind } from './figures';

export interface ExportBenchContext {
  store: StoreKind;
  db: Database;
  url: string;
  apiKey: string;
  auth: AuthContext;
  contacts: number;
  log: (line: string) => void;
}

/** Streams the export over HTTP, counting lines; returns rows and elapsed ms. */
function exportOverHttp(url: string, apiKey: string): Promise<{ rows: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const body = Buffer.from('{}');
    const req = http.request(
      `${url}/v1/contacts/export`,
      { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', 'Content-Length': body.length } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve({ rows: lines - 1, ms: performance.now() - t0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function benchExport(ctx: ExportBenchContext): Promise<Figure[]> {
  const section = `Export at ${ctx.contacts.toLocaleString('en')} contacts`;
  const now = new Date();
  // The comparison: COPY of the very selects the export runs, drained by a client of the store.
  const selection = await resolveSelection(ctx.db, ctx.auth, {}, { now });
  const columns = chooseColumns(undefined, await exportableColumns(ctx.db, ctx.auth.workspaceId));
  const selects = exportSelects(selection, DEFAULT_EXPORT_SORT, columns);
  const t0 = performance.now();
  let bytes = 0;
  let copied = 0;
  for (const select of selects) {
    for await (const chunk of ctx.db.copyOut(select)) {
      bytes += chunk.length;
      // Rows end with a line feed; a line feed inside a quoted cell is rare in generated data and counted alike on both sides.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) copied++;
    }
  }
  const copyMs = performance.now() - t0;

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const exported = await exportOverHttp(ctx.url, ctx.apiKey).finally(() => clearInterval(sampler));
  const growthMb = (rssPeak - rssBefore) / 1e6;
  ctx.log(
    `${ctx.store} export: ${exported.rows} rows in ${(exported.ms / 1000).toFixed(1)} s; COPY of the same selects ${(copyMs / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(0)} MB); RSS +${growthMb.toFixed(0)} MB`,
  );
  return [
    {
      section,
      store: ctx.store,
      what: 'CSV export of every contact',
      value: (exported.rows / exported.ms) * 1000,
      unit: 'rows/s',
      against: 'COPY (same select) TO STDOUT',
      baseline: (copied / copyMs) * 1000,
      kind: 'rate',
      target: ctx.store === 'postgres' ? 0.6 : undefined,
      note: `hub RSS grew ${growthMb.toFixed(0)} MB while streaming`,
    },
    {
      section,
      store: ctx.store,
      what: 'hub memory growth while exporting',
      value: Math.max(1, growthMb),
      unit: 'MB',
      against: 'limit',
      baseline: 100,
      kind: 'time',
      target: 1,
    },
  ];
}
