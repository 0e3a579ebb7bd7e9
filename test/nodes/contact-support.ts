import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, type TestNode } from '../support/n8n-harness';

/** A Contact Hub node of the contact resource with the given operation and parameters. */
export function contactNode(operation: string, parameters: Record<string, unknown> = {}, extra: Partial<TestNode> = {}): TestNode {
  return { name: 'Contact Hub', type: CONTACT_HUB_TYPE, parameters: { resource: 'contact', operation, ...parameters }, ...extra };
}

/** A start node emitting the given JSON items. */
export function emit(items: unknown[]): TestNode {
  return { name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: JSON.stringify(items) } };
}

/** A resource locator value as n8n stores it. */
export function locator(mode: 'id' | 'phone' | 'email' | 'externalCode' | 'list', value: string): Record<string, unknown> {
  return { __rl: true, mode, value };
}

/** A loopback HTTP proxy in front of the hub that counts the requests it forwards, by method and path. */
export interface CountingProxy {
  url: string;
  requests: Array<{ method: string; path: string }>;
  close: () => Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const requests: Array<{ method: string; path: string }> = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] });
    const { connection: _connection, 'keep-alive': _keepAlive, ...headers } = req.headers;
    const upstream = httpRequest(
      { hostname: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...headers, host: to.host }, agent: false },
      (answer) => {
        const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...answerHeaders } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${String(e)}`);
    });
    req.pipe(upstream);
  });
  // Clients keep connections alive between batches: never close an idle one under them.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
