import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | null = null;

/** The version in package.json (found from src/ and from dist/src/ alike). */
export function packageVersion(): string {
  if (cached) return cached;
  for (const up of ['../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'n8n-nodes-contact-hub' && pkg.version) return (cached = pkg.version);
    } catch {
      // not at this level; try the next one up
    }
  }
  return (cached = '0.0.0');
}
