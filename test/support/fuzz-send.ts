import http from 'node:http';
import type { FuzzRequest } from './fuzz-requests';

export interface FuzzAnswer {
  status: number;
  contentType: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  text: string;
  /** Set when no HTTP answer came back (connection reset, timeout). */
  transportError?: string;
}

/**
 * Sends a request exactly as built (raw body bytes, raw request target), so that invalid
 * JSON, wrong content types and odd paths reach the server unchanged.
 */
export function sendRaw(baseUrl: string, req: FuzzRequest, agent: http.Agent, timeoutMs = 30_000): Promise<FuzzAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: FuzzAnswer) => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    let r: http.ClientRequest;
    try {
      r = http.request({
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(req.body ? { 'Content-Length': String(req.body.length) } : {}) },
        agent,
        timeout: timeoutMs,
      });
    } catch (e) {
      done({ status: 0, contentType: '', json: undefined, text: '', transportError: `client refused to send: ${(e as Error).message}` });
      return;
    }
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = String(res.headers['content-type'] ?? '');
        let json: unknown = undefined;
        if (contentType.includes('json')) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        done({ status: res.statusCode ?? 0, contentType, json, text });
      });
      res.on('error', (e) => done({ status: 0, contentType: '', json: undefined, text: '', transportError: e.message }));
    });
    r.on('timeout', () => {
      r.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    r.on('error', (e) => done({ status: 0, contentType: '', json: undefined, text: '', transportError: e.message }));
    if (req.body) r.write(req.body);
    r.end();
  });
}

/** Runs `count` tasks with at most `concurrency` in flight; tasks are produced lazily in order. */
export async function runBounded(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** A command line that sends the request again (for a bug report). */
export function curlOf(baseUrl: string, req: FuzzRequest, keyNames: Record<string, string> = {}, maxBody = 400): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const hideKeys = (v: string) => Object.entries(keyNames).reduce((acc, [name, key]) => acc.split(key).join(`$${name}`), v);
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `-H ${q(`${k}: ${hideKeys(v.length > 300 ? `${v.slice(0, 40)}…(${v.length} chars)` : v)}`)}`)
    .join(' ');
  const body = req.body
    ? req.body.length > maxBody
      ? ` --data-binary <${req.body.length} bytes starting ${q(req.body.subarray(0, maxBody).toString('utf8'))}>`
      : ` --data-binary ${q(req.body.toString('utf8'))}`
    : '';
  const target = req.path.length > 300 ? `${req.path.slice(0, 60)}…(${req.path.length} chars)` : req.path;
  return `curl -X ${req.method} ${headers}${body} ${q(baseUrl + target)}`;
}
