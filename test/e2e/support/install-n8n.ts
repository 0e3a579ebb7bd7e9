import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './processes';

/** The n8n release the stage proves the nodes in. */
export const N8N_VERSION = '2.41.0';

/**
 * Packages whose newest versions n8n's ranges pick are missing from the registry this project
 * installs from; these releases exist and satisfy n8n.
 */
const OVERRIDES = { xlsx: '0.18.5', linkedom: '0.18.12' };

const MARKER = '.contact-hub-e2e-installed';

export interface N8nInstall {
  dir: string;
  /** The n8n CLI (`n8n start`, `n8n worker`, `import:workflow`, …). */
  bin: string;
  /** Whether this run installed it (false: reused from the cache). */
  installed: boolean;
  ms: number;
}

/** The cache folder, outside the checkout: `$CONTACT_HUB_E2E_CACHE` or `~/.cache/contact-hub-e2e`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTACT_HUB_E2E_CACHE?.trim() || join(homedir(), '.cache', 'contact-hub-e2e');
}

/**
 * n8n@2.41.0 installed with npm into the cache, reused when a previous install completed (its
 * marker names the version). A fresh install goes to a temporary folder that is renamed into
 * place only once npm succeeded, so a broken download is never mistaken for an install. Throws
 * when npm fails: the stage then fails, it never skips.
 */
export async function ensureN8n(log: (line: string) => void): Promise<N8nInstall> {
  const started = Date.now();
  const root = cacheRoot();
  const dir = join(root, `n8n-${N8N_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'n8n');
  const marker = join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === N8N_VERSION && existsSync(bin)) {
    return { dir, bin, installed: false, ms: Date.now() - started };
  }
  log(`n8n ${N8N_VERSION} is not in the cache (${dir}): installing it with npm (about 2.8 GB, a few minutes)`);
  mkdirSync(root, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(
    join(partial, 'package.json'),
    `${JSON.stringify({ name: 'contact-hub-e2e-n8n', private: true, dependencies: { n8n: N8N_VERSION }, overrides: OVERRIDES }, null, 2)}\n`,
  );
  try {
    await runCommand(
      'npm',
      ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000', '--fetch-retries=5'],
      { cwd: partial, timeoutMs: 40 * 60_000 },
    );
    if (!existsSync(join(partial, 'node_modules', '.bin', 'n8n'))) throw new Error('npm finished but installed no n8n binary');
    writeFileSync(join(partial, MARKER), `${N8N_VERSION}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`Could not install n8n ${N8N_VERSION} into ${root}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { dir, bin, installed: true, ms: Date.now() - started };
}
