import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export interface ConsoleBench {
  /** Median ms from navigation start to the first screen: the contacts table with its first page of rows. */
  firstScreenMs: number;
  /** Median ms until the count of the contacts is shown too. */
  withCountMs: number;
  /** Same as firstScreenMs, with the assets already in the browser cache. */
  warmMs: number;
  loads: number;
  /** The built assets, compressed as the server sends them. */
  assetsGzipBytes: number;
  assetsBrotliBytes: number;
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Whether the console can be measured here: Chromium installed and the console built. */
export function consoleBenchAvailable(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH}`;
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'console', 'manifest.json')) && !existsSync(join(__dirname, '..', 'dist', 'console', 'manifest.json'))) {
    return 'the console is not built (npm run build)';
  }
  return null;
}

function manifest(): { total: { gzip: number; brotli: number } } {
  for (const dir of [join(__dirname, '..', '..', 'dist', 'console'), join(__dirname, '..', 'dist', 'console')]) {
    const file = join(dir, 'manifest.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { total: { gzip: number; brotli: number } };
  }
  throw new Error('no dist/console/manifest.json');
}

/**
 * Loads /console in headless Chromium, signed in (the key put in sessionStorage first, as after
 * the sign-in screen), and times the first screen: from navigation start until the contacts table
 * shows its first page (the console's own performance mark), and until the count follows. Each cold load uses a new browser context (empty cache);
 * the warm loads reload in the same context.
 */
export async function benchConsoleFirstScreen(baseUrl: string, apiKey: string, loads = 5): Promise<ConsoleBench> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const cold: number[] = [];
  const coldCount: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      await context.addInitScript((key: string) => {
        (globalThis as unknown as { sessionStorage: { setItem: (k: string, v: string) => void } }).sessionStorage.setItem('contact-hub.console.apiKey', key);
      }, apiKey);
      const page = await context.newPage();
      // The console marks the moment its first page of contacts is on screen, and when the count follows.
      const marks = async (): Promise<{ rows: number; count: number }> => {
        await page.waitForFunction(() => performance.getEntriesByName('contact-hub:first-count').length > 0, undefined, { timeout: 60_000 });
        return (await page.evaluate(
          "({ rows: performance.getEntriesByName('contact-hub:first-screen')[0].startTime, count: performance.getEntriesByName('contact-hub:first-count')[0].startTime })",
        )) as { rows: number; count: number };
      };
      await page.goto(`${baseUrl}/console`);
      const c = await marks();
      cold.push(c.rows);
      coldCount.push(c.count);
      await page.reload();
      warm.push((await marks()).rows);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const m = manifest();
  return { firstScreenMs: median(cold), withCountMs: median(coldCount), warmMs: median(warm), loads, assetsGzipBytes: m.total.gzip, assetsBrotliBytes: m.total.brotli };
}
