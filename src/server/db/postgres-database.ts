import { Pool, types, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database, QueryResult, Queryable, SqlValue } from './database';

// int8 (counts) as numbers, like PGlite does for values in the safe integer range.
types.setTypeParser(types.builtins.INT8, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

/** PostgreSQL through a connection pool; several server processes may share one database. */
export async function openPostgresDatabase(url: string, poolSize = 10): Promise<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  // Idle clients can error when the server goes away; the next query reports it instead.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const wrap = (c: Pool | PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<Row>> {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  return {
    kind: 'postgres',
    query: wrap(pool).query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(wrap(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async *copyOut(select: string): AsyncIterable<Uint8Array> {
      const client = await pool.connect();
      let finished = false;
      try {
        yield* client.query(copyTo(`copy (${select}) to stdout with (format csv)`));
        finished = true;
      } finally {
        // A copy abandoned half way leaves the connection mid-protocol: discard it.
        client.release(finished ? undefined : true);
      }
    },
    exec: async (sql: string) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
