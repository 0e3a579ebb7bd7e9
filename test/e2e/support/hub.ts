import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports';
import { createDatabase, type StageDatabase } from './postgres';
import { runCommand, startProcess, waitFor, type Started } from './processes';

export interface StageHub {
  url: string;
  /** An owner key of the demo workspace (webhooks and merges need owner or manager). */
  ownerKey: string;
  db: StageDatabase;
  process: Started;
  /** Calls the hub's API with the owner key; returns status and JSON body. */
  api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  stop: () => Promise<void>;
}

export const DEMO_WORKSPACE = 'demo';

/**
 * A Contact Hub as an operator runs one: the built CLI (`dist/src/server/cli.js`) on its own
 * PostgreSQL database, an owner key from `keys create`, demo data from `seed` (the data the
 * example workflows name), then `serve` on a free loopback port with private webhook targets
 * allowed (n8n listens on loopback).
 */
export async function startHub(repoRoot: string, workDir: string, contacts: number): Promise<StageHub> {
  const db = await createDatabase('che2e_hub');
  try {
    return await startOn(db, repoRoot, workDir, contacts);
  } catch (error) {
    await db.drop().catch(() => undefined);
    throw error;
  }
}

async function startOn(db: StageDatabase, repoRoot: string, workDir: string, contacts: number): Promise<StageHub> {
  const cli = join(repoRoot, 'dist', 'src', 'server', 'cli.js');
  const dataDir = join(workDir, 'hub-data');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    CONTACT_HUB_DATA_DIR: dataDir,
    CONTACT_HUB_SECRET_KEY: 'e2e0'.repeat(16),
    CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS: 'true',
    LOG_LEVEL: 'warn',
  };
  const created = await runCommand('node', [cli, 'keys', 'create', '--role', 'owner', '--workspace', DEMO_WORKSPACE, '--default-country', 'GB'], {
    cwd: workDir,
    env,
  });
  const ownerKey = created.stdout.trim().split('\n').pop()?.trim() ?? '';
  if (!ownerKey) throw new Error(`keys create printed no key: ${created.stdout}`);
  await runCommand('node', [cli, 'seed', '--contacts', String(contacts), '--workspace', DEMO_WORKSPACE, '--seed', '42'], { cwd: workDir, env });
  const port = await freePort();
  const proc = startProcess('hub', 'node', [cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env,
    cwd: workDir,
    logFile: join(workDir, 'hub.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  const api = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ownerKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  await waitFor('the hub to answer', async () => (await api('GET', '/v1/workspace')).status === 200, 60_000);
  return {
    url,
    ownerKey,
    db,
    process: proc,
    api,
    stop: async () => {
      await proc.stop();
      await db.drop();
    },
  };
}
