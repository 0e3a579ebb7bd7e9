import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './processes';

/**
 * Installs a packed community package into n8n's nodes folder (`<N8N_USER_FOLDER>/.n8n/nodes`)
 * the way a self-hosting user does: `npm install <tarball>` in that folder, with the flags n8n's
 * own community-package installer uses (no scripts, shallow, no peer copy of n8n-workflow: the
 * nodes use n8n's own). Returns the installed package's folder.
 */
export async function installCommunityPackage(userFolder: string, tarball: string, packageName: string): Promise<string> {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  mkdirSync(nodesDir, { recursive: true });
  const manifest = join(nodesDir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
  await runCommand(
    'npm',
    [
      'install',
      tarball,
      '--omit=dev',
      '--omit=peer',
      '--install-strategy=shallow',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      // Metadata from npm's cache when it has it: the dependencies rarely change between runs.
      '--prefer-offline',
      '--fetch-timeout=60000',
      '--fetch-retries=5',
    ],
    { cwd: nodesDir, timeoutMs: 15 * 60_000 },
  );
  const dir = join(nodesDir, 'node_modules', packageName);
  const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
  if (installed.name !== packageName) throw new Error(`${dir} holds ${String(installed.name)}, not ${packageName}`);
  return dir;
}
