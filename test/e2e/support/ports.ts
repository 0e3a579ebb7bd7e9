import { createServer } from 'node:net';

/** The ports n8n keeps for itself: its task broker's default, and the usual editor port. */
const AVOID = new Set([5678, 5679]);

/** A TCP port free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const p = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(p));
      });
    });
    if (!AVOID.has(port)) return port;
  }
}
