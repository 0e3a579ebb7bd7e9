import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Database } from './db/database';
import { buildApp } from './http/build-app';
import type { Hub } from './hub';
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './outbox/delivery-worker';
import { allRoutes } from './routes/all-routes';
import { loadServerKey } from './secrets';
import { openStore } from './store';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string | null;
  /** For an in-memory embedded store (dataDir null): start from this migrated data dir dump. */
  pgliteTemplate?: Blob;
  databaseUrl?: string | null;
  /** Hex or base64 server key; else CONTACT_HUB_SECRET_KEY; else `<dataDir>/secret.key`. */
  secretKey?: string;
  logLevel?: string;
  now?: () => Date;
  /** Runs the webhook delivery worker in this process (default true); an object tunes it. */
  deliveries?: boolean | DeliveryWorkerOptions;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  hub: Hub;
  db: Database;
  /** The delivery worker of this process, when it runs one. */
  worker: DeliveryWorker | null;
  /** Stops taking requests, lets in-flight ones finish, stops the worker, closes the store. */
  close: () => Promise<void>;
}

export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    // Keys and secrets never reach the log.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.secret', '*.key'], censor: '[redacted]' },
  });
}

/** Opens the store, builds the app and listens. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const log = createLogger(opts.logLevel ?? process.env.LOG_LEVEL ?? 'info');
  const databaseUrl = opts.databaseUrl ?? null;
  const dataDir = opts.dataDir === undefined ? './.contact-hub' : opts.dataDir;
  const serverKey = loadServerKey(opts.secretKey ?? process.env.CONTACT_HUB_SECRET_KEY, dataDir ?? './.contact-hub');
  const db = await openStore({ databaseUrl, dataDir, pgliteTemplate: opts.pgliteTemplate });
  let worker: DeliveryWorker | null = null;
  const hub: Hub = { db, now: opts.now ?? (() => new Date()), serverKey, log, nudgeOutbox: () => worker?.nudge() };
  const app = buildApp(hub, allRoutes(hub), log);
  try {
    await app.listen({ port: opts.port ?? 8787, host: opts.host ?? '127.0.0.1' });
  } catch (e) {
    await db.close();
    throw e;
  }
  const deliveries = opts.deliveries ?? true;
  if (deliveries !== false) worker = startDeliveryWorker(hub, deliveries === true ? {} : deliveries);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 8787);
  const host = opts.host ?? '127.0.0.1';
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    app,
    hub,
    db,
    worker,
    close: () =>
      (closed ??= (async () => {
        // In-flight requests finish (new ones get 503), then the worker's in-flight deliveries.
        await app.close();
        await worker?.stop();
        await db.close();
      })()),
  };
}
