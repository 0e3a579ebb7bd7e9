import type { Hub } from '../hub';
import type { AnyRoute } from '../http/route';
import { blockingRoutes } from './blocking.routes';
import { bulkRoutes } from './bulk.routes';
import { channelRoutes } from './channels.routes';
import { contactChannelRoutes } from './contact-channels.routes';
import { importExportRoutes } from './import-export.routes';
import { incomingRoutes } from './incoming.routes';
import { mergeRoutes } from './merges.routes';
import { messageRoutes } from './messages.routes';
import { openApiRoute } from './openapi.routes';
import { searchRoutes } from './search.routes';
import { segmentRoutes } from './segments.routes';
import { contactTagRoutes } from './contact-tags.routes';
import { contactRoutes } from './contacts.routes';
import { customFieldRoutes } from './custom-fields.routes';
import { tagRoutes } from './tags.routes';
import { webhookClaimRoutes } from './webhook-claims.routes';
import { webhooksRoutes } from './webhooks.routes';
import { workspaceRoutes } from './workspace.routes';

/** Every route of API v1. Each area keeps its routes in its own file. */
export function allRoutes(hub: Hub): AnyRoute[] {
  const routes = [
    ...workspaceRoutes(hub),
    ...contactRoutes(hub),
    ...contactTagRoutes(hub),
    ...tagRoutes(hub),
    ...customFieldRoutes(hub),
    ...webhooksRoutes(hub),
    ...webhookClaimRoutes(hub),
    ...channelRoutes(hub),
    ...contactChannelRoutes(hub),
    ...messageRoutes(hub),
    ...incomingRoutes(hub),
    ...blockingRoutes(hub),
    ...mergeRoutes(hub),
    ...searchRoutes(hub),
    ...segmentRoutes(hub),
    ...bulkRoutes(hub),
    ...importExportRoutes(hub),
  ];
  return [...routes, openApiRoute(routes)];
}
