import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

/** One file of the built console, with the compressed copies the build wrote beside it. */
export interface ConsoleAsset {
  /** URL path below `/console/`, e.g. `assets/main-3FJ2KQ.js`; `index.html` for the page. */
  path: string;
  contentType: string;
  body: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  etag: string;
  /** Hashed file names never change content: cached for a year. The page itself is revalidated. */
  immutable: boolean;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const PACKAGE_NAME = 'n8n-nodes-contact-hub';

function isPackageRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * Where `npm run build` writes the console: `dist/console` of the package, found by walking up
 * from this file to the package root (from the compiled `dist/src/server/console`, the TypeScript
 * source under ts-jest, or the benchmark's `.bench/` build alike).
 */
export function defaultConsoleDir(): string | null {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (isPackageRoot(dir)) {
      const built = join(dir, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : null;
    }
    dir = dirname(dir);
  }
  return null;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

function readIfExists(file: string): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
}

/** Reads the built console into memory once (it is small): each file with its `.gz` and `.br` copies. */
export function loadConsoleAssets(dir: string): Map<string, ConsoleAsset> {
  const assets = new Map<string, ConsoleAsset>();
  for (const file of filesUnder(dir)) {
    const ext = extname(file);
    if (ext === '.gz' || ext === '.br' || file.endsWith('manifest.json')) continue;
    const contentType = CONTENT_TYPES[ext];
    if (!contentType) continue;
    const path = relative(dir, file).split(sep).join('/');
    const body = readFileSync(file);
    assets.set(path, {
      path,
      contentType,
      body,
      gzip: readIfExists(`${file}.gz`),
      brotli: readIfExists(`${file}.br`),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: path.startsWith('assets/'),
    });
  }
  return assets;
}
