import http from 'node:http';

/** A minimal keep-alive JSON client: the same for every measurement, so its cost cancels out in ratios. */
export interface BenchClient {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
  close(): void;
}

export function benchClient(baseUrl: string, apiKey: string, sockets: number): BenchClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    request: (method, path, body) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? null : Buffer.from(JSON.stringify(body), 'utf8');
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers: {
              Authorization: `Bearer ${apiKey}`,
              ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}

export interface LoadResult {
  /** Operations completed. */
  ops: number;
  /** Work items completed (contacts, rows, messages); equals ops for one-item operations. */
  items: number;
  elapsedMs: number;
  /** Per-operation latencies, sorted. */
  latenciesMs: number[];
}

export interface LoadOptions {
  concurrency: number;
  /** Stop starting operations after this long… */
  durationMs: number;
  /** …but run at least this many… */
  minOps: number;
  /** …and at most this many. */
  maxOps: number;
  /** Operations run first and not measured. */
  warmup: number;
}

/**
 * Runs `op` with bounded concurrency for a time box and measures it. `op(i)` returns how many
 * work items it completed and throws on a wrong answer, so a failing route never looks fast.
 */
export async function runLoad(opts: LoadOptions, op: (i: number) => Promise<number>): Promise<LoadResult> {
  let index = 0;
  for (let w = 0; w < opts.warmup; w++) await op(index++);
  const latencies: number[] = [];
  let items = 0;
  let ops = 0;
  const started = performance.now();
  const worker = async () => {
    while (ops < opts.maxOps) {
      const elapsed = performance.now() - started;
      if (elapsed >= opts.durationMs && latencies.length >= opts.minOps) return;
      ops++;
      const t0 = performance.now();
      const done = await op(index++);
      latencies.push(performance.now() - t0);
      items += done;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { ops: latencies.length, items, elapsedMs, latenciesMs: latencies };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Fails the benchmark on an unexpected status, with the answer to read. */
export function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
}
