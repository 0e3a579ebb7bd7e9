import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Database } from '../../src/server/db/database';
import { openPgliteDatabase } from '../../src/server/db/pglite-database';
import { openPostgresDatabase } from '../../src/server/db/postgres-database';

export type StoreKind = 'pglite' | 'postgres';
export const STORES: StoreKind[] = ['pglite', 'postgres'];

/** The PostgreSQL the tests use: DATABASE_URL, else the local server. */
export function postgresAdminUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, empty PostgreSQL database for one test file; dropped by `drop()`.
 * Unreachable PostgreSQL fails the test (never skips it), in CI and locally alike.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new Client({ connectionString: postgresAdminUrl() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is unreachable at ${postgresAdminUrl()} (${(e as Error).message}). ` +
        'Start it or set DATABASE_URL; these tests do not skip.',
    );
  }
  const name = `contact_hub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(postgresAdminUrl(), name),
    drop: async () => {
      const c = new Client({ connectionString: postgresAdminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens an empty database of the given kind; `close()` also drops a PostgreSQL one. */
export async function openTestDatabase(kind: StoreKind): Promise<{ db: Database; url: string | null; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase(null);
    return { db, url: null, close: () => db.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const db = await openPostgresDatabase(url, 5);
  return {
    db,
    url,
    close: async () => {
      await db.close();
      await drop();
    },
  };
}
