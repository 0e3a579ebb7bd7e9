import { z } from 'zod/v4';
import type { AnyRoute } from './route';

type JsonSchema = Record<string, unknown>;

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', examples: ['validation_error'] },
        message: { type: 'string' },
        reason: { type: 'string', description: 'Why a business rule refused the request (422), e.g. blocked' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parametersOf(route: AnyRoute): JsonSchema[] {
  const params: JsonSchema[] = [];
  const add = (type: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!type) return;
    const s = schemaOf(type, 'input');
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      params.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        description: schema.description,
        schema,
      });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  return params;
}

/** OpenAPI 3.1 for the given routes, generated from the zod schemas that validate them. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: parametersOf(route),
      responses: {
        [String(route.success.status)]: {
          description: route.success.description,
          ...(route.success.schema
            ? { content: { [route.success.contentType ?? 'application/json']: { schema: schemaOf(route.success.schema, 'output') } } }
            : route.success.contentType
              ? { content: { [route.success.contentType]: { schema: { type: 'string' } } } }
              : {}),
        },
        default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (route.description) op.description = route.description;
    if (route.authenticated === false) op.security = [];
    if (route.csvBody) {
      op.requestBody = { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'CSV with a header row' } } } };
    } else if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    }
    if (route.method === 'POST' && route.idempotent !== false && route.authenticated !== false) {
      (op.parameters as JsonSchema[]).push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Repeat a request safely: a retry with the same key returns the first answer',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Contact Hub API',
      version,
      description: 'The contacts module of an omnichannel messaging platform. JSON over HTTP; errors are {"error": {code, message, details}}.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `contact-hub keys create`' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
