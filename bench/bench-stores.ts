import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startServer, type RunningServer } from '../src/server/server';

export type BenchStoreKind = 'pglite' | 'postgres';

export interface BenchStore {
  kind: BenchStoreKind;
  server: RunningServer;
  close: () => Promise<void>;
}

/** The PostgreSQL to benchmark: DATABASE_URL, else the local server. */
export function postgresUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Whether the PostgreSQL answers; the benchmark then runs on it too. */
export async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const SECRET_KEY = randomBytes(32).toString('hex');

/**
 * A hub on loopback over a fresh store: in-memory PGlite, or a new database on the PostgreSQL
 * that `close()` drops again. The delivery worker runs, as in production.
 */
export async function startBenchStore(kind: BenchStoreKind): Promise<BenchStore> {
  let databaseUrl: string | null = null;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const name = `contact_hub_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: postgresUrl() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = withDatabase(postgresUrl(), name);
    drop = async () => {
      const c = new Client({ connectionString: postgresUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, databaseUrl, secretKey: SECRET_KEY, logLevel: 'silent' });
  return {
    kind,
    server,
    close: async () => {
      await server.close();
      await drop();
    },
  };
}
