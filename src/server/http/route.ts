import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod/v4';
import type { AuthContext } from './auth-context';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a handler returns: a JSON body with a status, or `null` when it wrote the reply itself (streams). */
export type RouteResult = { status?: number; body?: unknown; headers?: Record<string, string> } | null;

export interface RouteContext<B, Q, P> {
  auth: AuthContext;
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One route of the API: its schemas validate the request and are published as OpenAPI,
 * so the contract and the checks can never drift apart.
 */
export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: HttpMethod;
  /** Fastify path, e.g. `/v1/contacts/:ref`. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** false for the few routes that need no API key (the OpenAPI document). */
  authenticated?: boolean;
  body?: z.ZodType<B>;
  /** The body is CSV text rather than JSON. */
  csvBody?: boolean;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** The success status and, for the document, the shape of the answer. */
  success: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Mutating POSTs honour Idempotency-Key unless this is false. */
  idempotent?: boolean;
  handler: (ctx: RouteContext<B, Q, P>) => Promise<RouteResult>;
}

/** Keeps a route's type parameters when routes are gathered into one list. */
export function defineRoute<B, Q, P>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> {
  return spec;
}

// The list of routes mixes body/query/params types; the registry only needs the shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogenous route list; each route is typed where defined
export type AnyRoute = RouteSpec<any, any, any>;
