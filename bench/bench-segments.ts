/**
 * Segments and search at scale: the first page (limit 50) and the count of three filters — an
 * `and` of four conditions, an `or` tree, and free text — through the API (p95 over many runs),
 * and the same queries run by the hub's own query code against the same data with the hub's
 * secondary indexes dropped (in a transaction that is rolled back), as the comparison.
 */
import type { Database, Queryable } from '../src/server/db/database';
import type { AuthContext } from '../src/server/http/auth-context';
import { countContacts, searchContacts, type SearchInput } from '../src/server/services/contact-query-service';
import type { BenchClient } from './bench-http';
import { expectStatus } from './bench-http';
import { percentile, timeRuns, type Figure, type StoreKind } from './figures';

/** The three filters of the issue, over the data `seedContacts` writes. */
export const SEGMENT_QUERIES: readonly { name: string; input: Omit<SearchInput, 'limit'> }[] = [
  {
    name: 'and-filter (country in, tags hasAny, lastInteractionAt withinLast 30d, custom number gt)',
    input: {
      filter: {
        and: [
          { field: 'country', operator: 'in', value: ['GB', 'DE', 'ES'] },
          { field: 'tags', operator: 'hasAny', value: ['VIP', 'Customer'] },
          { field: 'lastInteractionAt', operator: 'withinLast', value: '30d' },
          { field: 'customFields.lifetimeValue', operator: 'gt', value: 500 },
        ],
      },
    },
  },
  {
    name: 'or-tree (tags, list custom field, createdAt, channel type)',
    input: {
      filter: {
        or: [
          { field: 'tags', operator: 'hasAny', value: ['Wholesale'] },
          { field: 'customFields.loyaltyTier', operator: 'in', value: ['Platinum'] },
          { field: 'createdAt', operator: 'withinLast', value: '7d' },
          { field: 'channels', operator: 'hasAny', value: ['telegram'] },
        ],
      },
    },
  },
  { name: 'free text ("maria silva")', input: { text: 'maria silva' } },
];

/** Every index of `contacts` that is neither its primary key nor a unique constraint. */
async function secondaryIndexes(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = 'contacts' and not x.indisprimary and not x.indisunique`,
  );
  return rows.map((r) => r.name);
}

/** Runs `fn` in a transaction that is always rolled back. */
async function rolledBack(db: Database, fn: (tx: Queryable) => Promise<void>): Promise<void> {
  const rollback = new Error('rollback');
  await db.transaction(async (tx) => {
    await fn(tx);
    throw rollback;
  }).catch((e: unknown) => {
    if (e !== rollback) throw e;
  });
}

export interface SegmentBenchContext {
  store: StoreKind;
  db: Database;
  client: BenchClient;
  auth: AuthContext;
  contacts: number;
  /** API runs per query (p95 over them). */
  runs: number;
  /** Runs per query without indexes (each can take seconds at a million contacts). */
  unindexedRuns: number;
  log: (line: string) => void;
}

/** p95 first page and count of each query through the API, each against the same query without the hub's secondary indexes. */
export async function benchSegments(ctx: SegmentBenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  const now = new Date();
  const scale = `${ctx.contacts.toLocaleString('en')} contacts`;
  const pageTarget = ctx.store === 'postgres' ? 50 : 100;
  for (const q of SEGMENT_QUERIES) {
    const page = { ...q.input, limit: 50 };
    let matched = 0;
    const apiPage = await timeRuns(ctx.runs, async () => {
      const res = await ctx.client.request('POST', '/v1/contacts/search', page);
      expectStatus(res, 200, q.name);
    });
    const apiCount = await timeRuns(ctx.runs, async () => {
      const res = await ctx.client.request('POST', '/v1/contacts/count', q.input);
      expectStatus(res, 200, q.name);
      matched = (JSON.parse(res.text) as { count: number }).count;
    });
    // The same query code, same data, indexed and not: both in process, so HTTP cancels out.
    const indexed = { page: [] as number[], count: [] as number[] };
    const unindexed = { page: [] as number[], count: [] as number[] };
    await rolledBack(ctx.db, async (tx) => {
      indexed.page = await timeRuns(ctx.unindexedRuns, () => searchContacts(tx, ctx.auth, page, now), 1);
      indexed.count = await timeRuns(ctx.unindexedRuns, () => countContacts(tx, ctx.auth, q.input, now), 1);
    });
    await rolledBack(ctx.db, async (tx) => {
      for (const name of await secondaryIndexes(tx)) await tx.query(`drop index ${name}`);
      unindexed.page = await timeRuns(ctx.unindexedRuns, () => searchContacts(tx, ctx.auth, page, now), 1);
      unindexed.count = await timeRuns(ctx.unindexedRuns, () => countContacts(tx, ctx.auth, q.input, now), 1);
    });
    const p95 = (xs: number[]) => percentile(xs, 95);
    const median = (xs: number[]) => percentile(xs, 50);
    ctx.log(
      `${ctx.store} ${q.name}: ${matched} match; API page p95 ${p95(apiPage).toFixed(1)} ms, count p95 ${p95(apiCount).toFixed(1)} ms; ` +
        `in process page ${median(indexed.page).toFixed(1)} / ${median(unindexed.page).toFixed(1)} ms unindexed, ` +
        `count ${median(indexed.count).toFixed(1)} / ${median(unindexed.count).toFixed(1)} ms unindexed`,
    );
    const section = `Segments at ${scale}`;
    const label = q.name.replace(/ \(.*$/, '');
    figures.push(
      { section, store: ctx.store, what: `${label}: first page p95 (API)`, value: p95(apiPage), unit: 'ms', against: 'target', baseline: pageTarget, kind: 'time', target: 1, note: `${matched} contacts match` },
      { section, store: ctx.store, what: `${label}: first page`, value: median(indexed.page), unit: 'ms', against: 'same query, no secondary indexes', baseline: median(unindexed.page), kind: 'time', target: 10 },
    );
    if (ctx.store === 'postgres') {
      figures.push(
        { section, store: ctx.store, what: `${label}: count p95 (API)`, value: p95(apiCount), unit: 'ms', against: 'target', baseline: 250, kind: 'time', target: 1 },
        { section, store: ctx.store, what: `${label}: count`, value: median(indexed.count), unit: 'ms', against: 'same query, no secondary indexes', baseline: median(unindexed.count), kind: 'time', target: 10 },
      );
    }
  }
  return figures;
}
