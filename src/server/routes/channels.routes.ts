import { z } from 'zod/v4';
import { createChannelSchema } from '../../domain/channel-input';
import { requireRole } from '../../domain/roles';
import { listAnswer } from '../http/contact-schemas';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { createChannel, listChannels } from '../services/channel-service';
import { cursorParam, encodeCursor, limitParam } from '../http/keyset-cursor';
import { ChannelAnswer } from './messaging-schemas';

const shape = createChannelSchema.shape;

/** Body of POST /v1/channels: the domain's schema, with descriptions for the API document. */
const CreateChannelBody = z
  .object({
    id: shape.id.describe(
      'Channel id of your choice (1-64 letters, digits, "_", "-", ".", ":"), e.g. the provider number id; generated when absent.',
    ),
    type: shape.type.describe('Channel type.'),
    name: shape.name.describe('Name shown to people, 1-100 characters.'),
  })
  .describe('A channel to add to the workspace.');

const ListChannelsQuery = z.object({ limit: limitParam(100, 500), cursor: cursorParam });

export function channelRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/channels',
      operationId: 'listChannels',
      summary: "The workspace's channels, oldest first",
      tag: 'Channels',
      query: ListChannelsQuery,
      success: {
        status: 200,
        description: 'A page of channels; nextCursor is null on the last page',
        schema: listAnswer(ChannelAnswer, 'A page of channels.'),
      },
      handler: async ({ auth, query }) => {
        requireRole(auth.role, 'channels.read');
        const page = await listChannels(hub, auth, { limit: query.limit, after: query.cursor });
        const last = page.data[page.data.length - 1];
        return { body: { data: page.data, nextCursor: page.hasMore && last ? encodeCursor(last) : null } };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/channels',
      operationId: 'createChannel',
      summary: 'Add a channel to the workspace (owner, manager)',
      tag: 'Channels',
      body: CreateChannelBody,
      success: { status: 201, description: 'The channel', schema: ChannelAnswer },
      handler: async ({ auth, body }) => {
        requireRole(auth.role, 'channels.create');
        return { status: 201, body: await createChannel(hub, auth, body) };
      },
    }),
  ];
}
