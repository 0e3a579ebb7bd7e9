#!/usr/bin/env node
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isCountryCode } from '../domain/country';
import { ROLES, type Role } from '../domain/roles';
import type { Database } from './db/database';
import { packageVersion } from './package-version';
import { seedWorkspace } from './seed/seed-writer';
import { startServer, type RunningServer } from './server';
import { createApiKey } from './services/api-keys';
import { openStore } from './store';

/**
 * `contact-hub`: serve the hub, create API keys, seed demo data. The embedded store belongs
 * to one process at a time: `keys create` and `seed` on a data directory run while the
 * server is stopped (a lock file in the directory says who holds it).
 */

const DEFAULT_DATA_DIR = './.contact-hub';
const LOCK_FILE = 'contact-hub.lock';

interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65_535) throw new InvalidArgumentError('must be a port number 0–65535');
  return n;
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('must be a whole number 1–10000000');
  return n;
}

function parseCountry(v: string): string {
  if (!isCountryCode(v)) throw new InvalidArgumentError('must be an ISO 3166-1 alpha-2 country code, e.g. GB');
  return v.trim().toUpperCase();
}

function storeOptions(cmd: Command): Command {
  return (
    cmd
      .addOption(new Option('--data-dir <dir>', `embedded store directory (default ${DEFAULT_DATA_DIR})`).env('CONTACT_HUB_DATA_DIR'))
      .addOption(new Option('--database-url <url>', 'PostgreSQL URL (postgres://…): use PostgreSQL instead of the embedded store').env('DATABASE_URL'))
      // A --data-dir given on the command line beats a DATABASE_URL that only comes from the environment.
      .hook('preAction', (self) => {
        if (self.getOptionValueSource('dataDir') === 'cli' && self.getOptionValueSource('databaseUrl') === 'env') {
          self.setOptionValueWithSource('databaseUrl', undefined, 'default');
        }
      })
  );
}

function whichStore(flags: StoreFlags): { databaseUrl: string | null; dataDir: string } {
  const databaseUrl = flags.databaseUrl?.trim() ? flags.databaseUrl.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('--database-url must be a postgres:// or postgresql:// URL');
  }
  return { databaseUrl, dataDir: flags.dataDir ?? DEFAULT_DATA_DIR };
}

function describeStore(s: { databaseUrl: string | null; dataDir: string }): string {
  if (s.databaseUrl) {
    const u = new URL(s.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `embedded store ${resolve(s.dataDir)}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded store's directory for this process. A lock left by a process that no
 * longer runs (killed) is taken over. Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(
          `the embedded store ${resolve(dataDir)} is in use by process ${holder} (a running contact-hub serve?). ` +
            'Stop it first, or use PostgreSQL (--database-url) to run several processes.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${file}`);
}

/** Opens the chosen store for a one-off command, runs `fn`, closes it. */
async function withStore<T>(flags: StoreFlags, fn: (db: Database) => Promise<T>): Promise<T> {
  const store = whichStore(flags);
  const release = store.databaseUrl ? () => undefined : lockDataDir(store.dataDir);
  try {
    const db = await openStore({ databaseUrl: store.databaseUrl, dataDir: store.dataDir });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

async function serve(flags: StoreFlags & { port: number; host: string; logLevel?: string }): Promise<void> {
  const store = whichStore(flags);
  const release = store.databaseUrl ? () => undefined : lockDataDir(store.dataDir);
  let server: RunningServer;
  try {
    server = await startServer({
      port: flags.port,
      host: flags.host,
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
      logLevel: flags.logLevel,
    });
  } catch (e) {
    release();
    throw e;
  }
  process.stdout.write(`Contact Hub ${packageVersion()} listening on ${server.url} (${describeStore(store)})\n`);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    server.hub.log.info({ signal }, 'shutting down: finishing in-flight requests and deliveries');
    server
      .close()
      .then(() => {
        release();
        process.exit(0);
      })
      .catch((e: unknown) => {
        process.stderr.write(`error while shutting down: ${(e as Error).message}\n`);
        release();
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

export function buildCli(): Command {
  const program = new Command('contact-hub')
    .description('Contact Hub: the contacts server behind the n8n Contact Hub nodes')
    .version(packageVersion())
    .showHelpAfterError();

  storeOptions(
    program
      .command('serve')
      .description('Run the HTTP API (and the webhook delivery worker)')
      .addOption(new Option('--port <port>', 'port to listen on (0: any free port)').default(8787).env('PORT').argParser(parsePort))
      .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1').env('HOST'))
      .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent').env('LOG_LEVEL')),
  ).action(serve);

  const keys = program.command('keys').description('API keys');
  storeOptions(
    keys
      .command('create')
      .description('Create an API key (and the workspace and user when missing); prints the key alone on the last line')
      .addOption(new Option('--role <role>', 'the role the key acts with').choices([...ROLES]).makeOptionMandatory())
      .option('--workspace <name>', 'workspace name', 'default')
      .option('--user <name>', 'user the key acts as (default: the role name)')
      .addOption(new Option('--default-country <XX>', "workspace default country for national phone numbers").argParser(parseCountry)),
  ).action(async (flags: StoreFlags & { role: Role; workspace: string; user?: string; defaultCountry?: string }) => {
    const created = await withStore(flags, (db) =>
      createApiKey(db, {
        workspace: flags.workspace,
        role: flags.role,
        ...(flags.user ? { userName: flags.user } : {}),
        ...(flags.defaultCountry ? { defaultCountry: flags.defaultCountry } : {}),
      }),
    );
    process.stdout.write(
      `Created a ${created.role} key for workspace "${flags.workspace}" (workspace ${created.workspaceId}, user ${created.userId}, key ${created.keyId}).\n` +
        'Store it now: it is shown only once.\n' +
        `${created.key}\n`,
    );
  });

  storeOptions(
    program
      .command('seed')
      .description('Fill a workspace with realistic demo contacts (no events are emitted)')
      .requiredOption('--contacts <n>', 'how many contacts', parseCount)
      .option('--workspace <name>', 'workspace name', 'default')
      .addOption(new Option('--seed <n>', 'random seed, for the same data again').argParser(parseCount)),
  ).action(async (flags: StoreFlags & { contacts: number; workspace: string; seed?: number }) => {
    const started = Date.now();
    const r = await withStore(flags, (db) =>
      seedWorkspace(db, {
        workspace: flags.workspace,
        contacts: flags.contacts,
        ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        onProgress: (done, total) => {
          if (total >= 5000) process.stderr.write(`  ${done}/${total} contacts\n`);
        },
      }),
    );
    process.stdout.write(
      `Seeded workspace "${flags.workspace}" in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.contacts} contacts` +
        `${r.skipped ? ` (${r.skipped} skipped: identity already taken)` : ''}, ${r.tags} tag links, ${r.identities} channel identities, ${r.messages} messages.\n`,
    );
  });
  return program;
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    });
}
