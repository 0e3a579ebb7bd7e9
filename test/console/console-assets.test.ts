import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const DIST = join(__dirname, '..', '..', 'dist', 'console');

describe.each(STORES)('console static files (%s)', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(async () => hub.close());

  it('serves the page at /console without an API key, with its security and caching headers', async () => {
    for (const path of ['/console', '/console/']) {
      const res = await hub.as('none').get(path, { headers: { 'accept-encoding': 'identity' } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.data).toContain('<div id="app">');
      expect(res.data).toMatch(/src="\/console\/assets\/main-[A-Z0-9]+\.js"/);
    }
  });

  it('serves hashed assets precompressed (Brotli, then gzip, else as is), cached as immutable, revalidated by ETag', async () => {
    const page = (await hub.as('none').get('/console')).data as string;
    const script = /src="(\/console\/assets\/main-[A-Z0-9]+\.js)"/.exec(page)?.[1] as string;
    const style = /href="(\/console\/assets\/main-[A-Z0-9]+\.css)"/.exec(page)?.[1] as string;
    const raw = readFileSync(join(DIST, script.replace('/console/', '')));

    const br = await hub.as('none').get(script, { headers: { 'accept-encoding': 'gzip, deflate, br' }, responseType: 'arraybuffer', decompress: false });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(Buffer.from(br.data as ArrayBuffer)).equals(raw)).toBe(true);

    const gz = await hub.as('none').get(script, { headers: { 'accept-encoding': 'gzip;q=1, br;q=0' }, responseType: 'arraybuffer', decompress: false });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(gz.data as ArrayBuffer)).equals(raw)).toBe(true);

    const plain = await hub.as('none').get(script, { headers: { 'accept-encoding': 'identity' }, responseType: 'arraybuffer', decompress: false });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Buffer.from(plain.data as ArrayBuffer).equals(raw)).toBe(true);

    const css = await hub.as('none').get(style);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

    const again = await hub.as('none').get(script, { headers: { 'if-none-match': br.headers.etag as string } });
    expect(again.status).toBe(304);

    const head = await hub.as('none').head(script, { headers: { 'accept-encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(raw.length);
  });

  it('answers unknown console files with a 404 in the error shape', async () => {
    for (const path of ['/console/assets/nope.js', '/console/../package.json', '/console/index.html.gz', '/console/manifest.json']) {
      const res = await hub.as('none').get(path);
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
  });

  it('keeps the assets within 200 kB compressed', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { total: { gzip: number; brotli: number } };
    expect(manifest.total.gzip).toBeLessThanOrEqual(200_000);
    expect(manifest.total.brotli).toBeLessThanOrEqual(manifest.total.gzip);
  });
});
