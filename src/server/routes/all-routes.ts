import type { Hub } from '../hub';
import type { AnyRoute } from '../http/route';
import { openApiRoute } from './openapi.routes';
import { workspaceRoutes } from './workspace.routes';

/** Every route of API v1. Each area keeps its routes in its own file. */
export function allRoutes(hub: Hub): AnyRoute[] {
  const routes = [...workspaceRoutes(hub)];
  return [...routes, openApiRoute(routes)];
}
