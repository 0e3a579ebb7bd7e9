import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { contactChannels, removeContactChannel } from '../services/channel-service';
import { ContactChannelAnswer, IdentityAnswer, channelIdParam, refParam } from './messaging-schemas';

export function contactChannelRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/contacts/:ref/channels',
      operationId: 'listContactChannels',
      summary: "Every workspace channel with the contact's state on it (active, inactive, unavailable)",
      tag: 'Channels',
      params: z.object({ ref: refParam }),
      success: {
        status: 200,
        description: 'Channel states, in workspace channel order',
        schema: z.object({ data: z.array(ContactChannelAnswer) }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.read');
        return { body: { data: await contactChannels(hub, auth, params.ref) } };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/contacts/:ref/channels/:channelId',
      operationId: 'removeContactChannel',
      summary: 'Remove a channel from a contact: deletes its identity, keeps the messages (owner, manager)',
      tag: 'Channels',
      params: z.object({ ref: refParam, channelId: channelIdParam }),
      success: {
        status: 200,
        description: 'The channel as the contact now sees it, the identity removed and how many messages were kept',
        schema: z.object({
          channel: ContactChannelAnswer,
          removedIdentity: IdentityAnswer,
          messagesKept: z.number().int().describe('Messages that travelled on the identity; kept, their identityId now null.'),
        }),
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.removeChannel');
        return { body: await removeContactChannel(hub, auth, params.ref, params.channelId) };
      },
    }),
  ];
}
