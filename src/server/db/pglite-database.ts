import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, QueryResult, Queryable, SqlValue } from './database';

/**
 * Embedded PostgreSQL (PGlite) in a data directory, or in memory when `dataDir` is null.
 * One process owns it; PGlite runs one statement at a time and serialises transactions.
 */
export async function openPgliteDatabase(dataDir: string | null, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  // pg_trgm: the trigram index of the contacts' search document (migration 3).
  const options = { extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) };
  const pg = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<Row>> {
      const r = await q.query<Row>(sql, params as unknown[]);
      // PGlite reports affectedRows 0 for SELECT; rows tell then.
      return { rows: r.rows, rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0) };
    },
  });
  const self = wrap(pg);
  return {
    kind: 'pglite',
    query: self.query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(wrap(tx))),
    async *copyOut(select: string): AsyncIterable<Uint8Array> {
      const r = await pg.query(`copy (${select}) to '/dev/blob' with (format csv)`);
      if (r.blob) yield new Uint8Array(await r.blob.arrayBuffer());
    },
    exec: async (sql: string) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
    dumpDataDir: () => pg.dumpDataDir('none'),
  };
}
