/**
 * Builds the hub console into dist/console (run by `npm run build`, with Node's own TypeScript
 * support): esbuild bundles the Preact app and its styles into hashed files, the page is written
 * with their names, and every file gets a gzip and a Brotli copy for the server to send as is.
 * Prints the sizes; fails when the compressed assets pass the 200 kB budget.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1000;
const here = dirname(fileURLToPath(import.meta.url));
const consoleSrc = join(here, '..');
const root = join(consoleSrc, '..', '..');
const outDir = join(root, 'dist', 'console');
const assetsDir = join(outDir, 'assets');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(assetsDir, { recursive: true });

const result = await build({
  entryPoints: [join(consoleSrc, 'main.tsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((p) => join(root, p));
const script = outputs.find((p) => p.endsWith('.js'));
const style = outputs.find((p) => p.endsWith('.css'));
if (!script || !style) throw new Error(`esbuild wrote no script or no stylesheet: ${outputs.join(', ')}`);

const page = readFileSync(join(consoleSrc, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `/console/assets/${basename(script)}`)
  .replace('%STYLE%', `/console/assets/${basename(style)}`);
const pagePath = join(outDir, 'index.html');
writeFileSync(pagePath, page);

interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}
const sizes: FileSize[] = [];
for (const file of [pagePath, ...outputs]) {
  const body = readFileSync(file);
  const gz = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  sizes.push({ file: relative(outDir, file), bytes: body.length, gzip: gz.length, brotli: br.length });
}
const total = sizes.reduce((t, s) => ({ bytes: t.bytes + s.bytes, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), {
  bytes: 0,
  gzip: 0,
  brotli: 0,
});
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ files: sizes, total, budgetBytes: BUDGET_BYTES }, null, 2));

const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `console: ${sizes.length} files in dist/console, ${kb(total.bytes)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli ` +
    `(budget ${kb(BUDGET_BYTES)} compressed)`,
);
if (total.gzip > BUDGET_BYTES) {
  console.error(`console: the gzip size ${kb(total.gzip)} is over the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}
