import { join } from 'node:path';
import { runCommand } from './processes';

/**
 * The one place that decides which package the stage installs into n8n: `npm pack` of the
 * repository's nodes package, as a user gets it from the registry. Returns the tarball's path.
 * (When the repository is split into a nodes package and a hub package, only this changes.)
 */
export async function packNodesPackage(repoRoot: string, outDir: string): Promise<string> {
  const { stdout } = await runCommand('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: repoRoot });
  const file = stdout.trim().split('\n').pop()?.trim();
  if (!file || !file.endsWith('.tgz')) throw new Error(`npm pack printed no tarball name: ${stdout}`);
  return join(outDir, file);
}
