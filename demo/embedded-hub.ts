import { randomBytes } from 'node:crypto';
import { ContactHubClient } from '../src/client/contact-hub-client';
import { createAxiosTransport } from '../src/client/axios-transport';
import { createApiKey } from '../src/server/services/api-keys';
import { startServer, type RunningServer } from '../src/server/server';

/** The demo's Contact Hub: a real server on loopback over an in-memory PGlite store. */
export interface EmbeddedHub {
  url: string;
  /** The owner's API key of the demo workspace (owners may merge, manage webhooks, …). */
  apiKey: string;
  workspace: string;
  /** A typed client acting with that key, for seeding and for causing events. */
  client: ContactHubClient;
  server: RunningServer;
  close: () => Promise<void>;
}

export const DEMO_WORKSPACE = 'demo';

/**
 * Starts Contact Hub on 127.0.0.1 (a free port) with PGlite in memory, so the demo leaves
 * nothing behind, and creates the demo workspace (default country GB) with an owner key.
 */
export async function startEmbeddedHub(): Promise<EmbeddedHub> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    databaseUrl: null,
    // A throwaway server key: it only encrypts the webhook secrets of this in-memory store.
    secretKey: randomBytes(32).toString('hex'),
    logLevel: 'silent',
    deliveries: { pollMs: 200 },
  });
  try {
    const { key } = await createApiKey(server.db, { workspace: DEMO_WORKSPACE, role: 'owner', userName: 'Demo Owner', defaultCountry: 'GB' });
    return {
      url: server.url,
      apiKey: key,
      workspace: DEMO_WORKSPACE,
      client: new ContactHubClient(createAxiosTransport(server.url, key)),
      server,
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
