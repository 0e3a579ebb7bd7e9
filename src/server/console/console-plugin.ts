import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundBody } from '../http/error-response';
import { acceptedEncoding } from './accepted-encoding';
import { defaultConsoleDir, loadConsoleAssets, type ConsoleAsset } from './console-assets';

/** The console page's URL; its files live below `/console/`. */
export const CONSOLE_PATH = '/console';

/**
 * Headers of every console answer. The page talks to the same origin only; images may come from
 * anywhere (contacts' profile pictures), everything else from the hub itself.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: ConsoleAsset): FastifyReply {
  reply.headers(SECURITY_HEADERS);
  reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  reply.header('etag', asset.etag);
  reply.header('vary', 'accept-encoding');
  reply.type(asset.contentType);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const header = request.headers['accept-encoding'];
  const encoding = acceptedEncoding(typeof header === 'string' ? header : undefined, {
    br: asset.brotli !== null,
    gzip: asset.gzip !== null,
  });
  if (encoding === 'br' && asset.brotli) return reply.header('content-encoding', 'br').send(asset.brotli);
  if (encoding === 'gzip' && asset.gzip) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * Serves the hub console (SPEC §7): `GET /console` is the page, `GET /console/assets/…` its
 * hashed, precompressed scripts and styles. Nothing here needs an API key: the page asks for one
 * and then calls API v1 like any other client. The files are read once, at start.
 */
export function registerConsole(app: FastifyInstance, dir: string | null = defaultConsoleDir()): void {
  const assets = dir ? loadConsoleAssets(dir) : new Map<string, ConsoleAsset>();
  const page = assets.get('index.html');

  const servePage = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (!page) {
      return reply.code(503).send({
        error: {
          code: 'console_not_built',
          message: 'The console is not built in this installation: run "npm run build", which writes dist/console',
          details: [],
        },
      });
    }
    return sendAsset(request, reply, page);
  };

  app.get(CONSOLE_PATH, servePage);
  app.get(`${CONSOLE_PATH}/`, servePage);
  app.get(`${CONSOLE_PATH}/*`, async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const asset = assets.get(request.params['*']);
    if (!asset || asset === page) return reply.code(404).send(notFoundBody(request.method, request.url));
    return sendAsset(request, reply, asset);
  });
}
