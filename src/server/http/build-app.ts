import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { parseOrThrow } from '../../domain/zod-issues';
import { requestHash, checkIdempotencyKey, claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from './idempotency';
import type { Hub } from '../hub';
import { authenticate } from './authenticate';
import type { AuthContext } from './auth-context';
import { notFoundBody, toErrorResponse } from './error-response';
import { jsonNestingExceeds, MAX_JSON_NESTING } from './json-nesting';
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

  // JSON: an empty body reads as no body (so POST /block with a JSON content type works).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const s = typeof text === 'string' ? text : text.toString('utf8');
    if (s.trim() === '') return done(null, undefined);
    if (s.includes('\\u0000') || s.includes('\u0000')) {
      // PostgreSQL text and jsonb cannot hold NUL; refuse it here, for every route at once.
      const err = new Error('The request body contains a NUL character (\\u0000), which text fields cannot hold') as Error & {
        statusCode: number;
        code: string;
      };
      err.statusCode = 400;
      err.code = 'FST_ERR_CTP_NUL_CHARACTER';
      return done(err, undefined);
    }
    if (jsonNestingExceeds(s)) {
      const err = new Error(`The request body nests objects or arrays more than ${MAX_JSON_NESTING} levels deep`) as Error & {
        statusCode: number;
        code: string;
      };
      err.statusCode = 400;
      err.code = 'FST_ERR_CTP_TOO_DEEP';
      return done(err, undefined);
    }
    try {
      done(null, JSON.parse(s));
    } catch {
      const err = new Error('The request body is not valid JSON') as Error & { statusCode: number; code: string };
      err.statusCode = 400;
      err.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(err, undefined);
    }
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, text, done) => done(null, text));
  // Some clients (axios among them) label an empty POST as a form; an empty one reads as no body.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, text, done) => {
    if (String(text).trim() === '') return done(null, undefined);
    const err = new Error('Unsupported Content-Type: send application/json (text/csv for import)') as Error & {
      statusCode: number;
    };
    err.statusCode = 415;
    done(err, undefined);
  });

  app.setErrorHandler((error, request, reply) => {
    const r = toErrorResponse(error);
    if (r.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(r.status).send(r.body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(notFoundBody(request.method, request.url));
  });

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
