import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { parseOrThrow } from '../../domain/zod-issues';
import { requestHash, checkIdempotencyKey, claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from './idempotency';
import type { Hub } from '../hub';
import { authenticate } from './authenticate';
import { registerBodyParsers } from './body-parsers';
import { registerConsole } from '../console/console-plugin';
import type { AuthContext } from './auth-context';
import { notFoundBody, toErrorResponse } from './error-response';
import type { AnyRoute, RouteResult } from './route';

export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const NO_AUTH: AuthContext = {
  workspaceId: '',
  workspaceName: '',
  defaultCountry: null,
  userId: '',
  userName: '',
  role: 'agent',
  keyId: '',
};

function send(reply: FastifyReply, result: RouteResult, fallbackStatus: number): void {
  if (result === null) return;
  if (result.headers) reply.headers(result.headers);
  reply.code(result.status ?? fallbackStatus);
  if (result.body === undefined) reply.send();
  else reply.send(result.body);
}

/**
 * The Fastify application over the given routes. Every answer that is not a success has the
 * error shape; content can never make it a 500.
 */
export function buildApp(hub: Hub, routes: readonly AnyRoute[], logger: Logger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 500 },
    // Requests the router refuses before any route (bad percent-encoding, an over-long path
    // parameter) get the error shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const badUrl = error.code === 'FST_ERR_BAD_URL';
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      if (!badUrl && !tooLong) {
        const r = toErrorResponse(error);
        void reply.code(r.status).send(r.body);
        return;
      }
      const message = badUrl
        ? 'The URL path is not valid percent-encoded UTF-8'
        : 'A path parameter is longer than 500 characters';
      void reply.code(badUrl ? 400 : 414).send({
        error: { code: 'validation_error', message, details: [{ path: 'path', message: badUrl ? 'is not valid percent-encoding' : 'is longer than 500 characters' }] },
      });
    },
  });

  registerBodyParsers(app);

  app.setErrorHandler((error, request, reply) => {
    const r = toErrorResponse(error);
    if (r.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(r.status).send(r.body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(notFoundBody(request.method, request.url));
  });

  // The console for people (SPEC §7): static files at /console, no API key needed to load them.
  registerConsole(app);

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const auth = route.authenticated === false ? NO_AUTH : await authenticate(hub.db, request);
        const params = route.params ? parseOrThrow(route.params, request.params, 'params') : request.params;
        const query = route.query ? parseOrThrow(route.query, request.query ?? {}, 'query') : request.query;
        const body = route.csvBody
          ? request.body
          : route.body
            ? parseOrThrow(route.body, request.body ?? {}, '')
            : request.body;
        const ctx = { auth, body, query, params, request, reply };

        const rawKey = request.headers['idempotency-key'];
        const key = typeof rawKey === 'string' ? rawKey : undefined;
        if (key === undefined || route.method !== 'POST' || route.idempotent === false || route.authenticated === false) {
          send(reply, await route.handler(ctx), route.success.status);
          return reply;
        }
        checkIdempotencyKey(key);
        const hash = requestHash(route.method, request.url, request.body);
        const replay = await claimIdempotencyKey(hub.db, auth.workspaceId, key, hash);
        if (replay) {
          reply.header('idempotent-replayed', 'true');
          send(reply, { status: replay.status, body: replay.body }, replay.status);
          return reply;
        }
        try {
          const result = await route.handler(ctx);
          const status = result?.status ?? route.success.status;
          await completeIdempotencyKey(hub.db, auth.workspaceId, key, { status, body: result?.body ?? null });
          send(reply, result, route.success.status);
        } catch (e) {
          const r = toErrorResponse(e);
          if (r.status >= 500) await releaseIdempotencyKey(hub.db, auth.workspaceId, key);
          else await completeIdempotencyKey(hub.db, auth.workspaceId, key, r);
          throw e;
        }
        return reply;
      },
    });
  }
  return app;
}
