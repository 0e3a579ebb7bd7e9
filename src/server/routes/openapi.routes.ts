import { buildOpenApi } from '../http/openapi';
import { defineRoute, type AnyRoute } from '../http/route';
import { packageVersion } from '../package-version';

/** `GET /v1/openapi.json`: the contract, built once from the routes' own schemas. */
export function openApiRoute(routes: readonly AnyRoute[]): AnyRoute {
  let doc: Record<string, unknown> | null = null;
  const self = defineRoute({
    method: 'GET',
    url: '/v1/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This API as OpenAPI 3.1',
    tag: 'Meta',
    authenticated: false,
    success: { status: 200, description: 'The OpenAPI document' },
    handler: async () => {
      doc ??= buildOpenApi([...routes, self], packageVersion());
      return { body: doc };
    },
  });
  return self;
}
