import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered. */
  status: number;
  at: number;
}

export interface ReceiverOptions {
  /** Answer the first N requests with `failStatus` (default 0). */
  failFirst?: number;
  /** Status of a failed answer (default 500). */
  failStatus?: number;
  /** Fixed port (to come back up where a webhook points); default a free one. */
  port?: number;
}

/** A local HTTP receiver for webhook deliveries: records every request; can fail the first N. */
export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Requests answered 2xx. */
  accepted(): ReceivedRequest[];
  /** How many 2xx requests carried each event id. */
  countsByEventId(): Map<string, number>;
  /** Answer every request with `status` from now on (null: back to normal). */
  setFailing(status: number | null): void;
  /** Resolves when `predicate` holds, or rejects after `timeoutMs` with what was seen. */
  waitFor(predicate: (r: Receiver) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(opts: ReceiverOptions = {}): Promise<Receiver> {
  let failLeft = opts.failFirst ?? 0;
  let failingAll: number | null = null;
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let status = 200;
      if (failingAll !== null) status = failingAll;
      else if (failLeft > 0) {
        failLeft -= 1;
        status = opts.failStatus ?? 500;
      }
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
        at: Date.now(),
      });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const self: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    requests,
    accepted: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    countsByEventId() {
      const m = new Map<string, number>();
      for (const r of self.accepted()) {
        const id = String(r.headers['x-contact-hub-event-id']);
        m.set(id, (m.get(id) ?? 0) + 1);
      }
      return m;
    },
    setFailing(status) {
      failingAll = status;
    },
    async waitFor(predicate, timeoutMs = 30_000, what = 'the receiver condition') {
      const until = Date.now() + timeoutMs;
      while (!predicate(self)) {
        if (Date.now() > until) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received ${requests.length} requests`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}
