import { resolve } from 'node:path';
import type { Database } from './db/database';
import { migrate } from './db/migrations';
import { openPgliteDatabase } from './db/pglite-database';
import { openPostgresDatabase } from './db/postgres-database';

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; otherwise the embedded store in `dataDir`. */
  databaseUrl?: string | null;
  /** Embedded store directory; null keeps it in memory (tests). */
  dataDir?: string | null;
  poolSize?: number;
  /**
   * An embedded in-memory store starts from this data directory dump (already migrated, e.g.
   * taken with `dumpDataDir()`) instead of running initdb: tests boot hubs several times faster.
   */
  pgliteTemplate?: Blob;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Database> {
  const db = opts.databaseUrl
    ? await openPostgresDatabase(opts.databaseUrl, opts.poolSize ?? 10)
    : await openPgliteDatabase(opts.dataDir === null ? null : resolve(opts.dataDir ?? './.contact-hub', 'pgdata'), {
        loadDataDir: opts.dataDir === null ? opts.pgliteTemplate : undefined,
      });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
