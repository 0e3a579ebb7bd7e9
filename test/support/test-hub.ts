import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Role } from '../../src/domain/roles';
import { createApiKey } from '../../src/server/services/api-keys';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server';
import { createPostgresDatabase, type StoreKind } from './databases';
import { pgliteTemplate } from './pglite-template';

export interface TestHub {
  kind: StoreKind;
  url: string;
  server: RunningServer;
  /** Keys of the main workspace by role. */
  keys: Record<Role, string>;
  /** An owner key of another workspace: it must never see the main workspace's data. */
  otherKey: string;
  /** An HTTP client for the hub that never throws on a status. */
  as: (role: Role | 'other' | 'none') => AxiosInstance;
  databaseUrl: string | null;
  close: () => Promise<void>;
}

export const TEST_SECRET_KEY = 'a'.repeat(64);

/** A real Contact Hub on loopback over a fresh store of the given kind, with keys for each role. */
export async function startTestHub(kind: StoreKind, opts: Partial<ServerOptions> = {}): Promise<TestHub> {
  const pg = kind === 'postgres' ? await createPostgresDatabase() : null;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    databaseUrl: pg?.url ?? null,
    pgliteTemplate: kind === 'pglite' ? await pgliteTemplate() : undefined,
    secretKey: TEST_SECRET_KEY,
    logLevel: 'silent',
    ...opts,
  });
  const keys = {} as Record<Role, string>;
  for (const role of ['owner', 'manager', 'agent'] as const) {
    keys[role] = (await createApiKey(server.db, { workspace: 'main', role, defaultCountry: 'GB' })).key;
  }
  const otherKey = (await createApiKey(server.db, { workspace: 'other', role: 'owner' })).key;
  const clients = new Map<string, AxiosInstance>();
  const as = (who: Role | 'other' | 'none'): AxiosInstance => {
    let c = clients.get(who);
    if (!c) {
      const key = who === 'none' ? null : who === 'other' ? otherKey : keys[who];
      c = axios.create({
        baseURL: server.url,
        validateStatus: () => true,
        headers: key ? { Authorization: `Bearer ${key}` } : {},
      });
      clients.set(who, c);
    }
    return c;
  };
  return {
    kind,
    url: server.url,
    server,
    keys,
    otherKey,
    as,
    databaseUrl: pg?.url ?? null,
    close: async () => {
      await server.close();
      await pg?.drop();
    },
  };
}

/** Asserts the error shape of every failure answer and returns its code. */
export function errorCode(res: AxiosResponse): string {
  const body = res.data as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (!body?.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string' || !Array.isArray(body.error.details)) {
    throw new Error(`not an error body (status ${res.status}): ${JSON.stringify(res.data)}`);
  }
  return body.error.code;
}
