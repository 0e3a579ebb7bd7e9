import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';
import { setBlocked } from '../services/blocking-service';
import { ContactAnswer, refParam } from './messaging-schemas';

export function blockingRoutes(hub: Hub): AnyRoute[] {
  const route = (blocked: boolean) =>
    defineRoute({
      method: 'POST',
      url: `/v1/contacts/:ref/${blocked ? 'block' : 'unblock'}`,
      operationId: blocked ? 'blockContact' : 'unblockContact',
      summary: blocked
        ? 'Block a contact: closes the conversation; its messages are stored hidden, emit nothing, and sends are refused'
        : 'Unblock a contact: what comes next is treated normally; hidden messages stay hidden',
      tag: 'Contacts',
      params: z.object({ ref: refParam }),
      success: {
        status: 200,
        description: `The contact after it (unchanged when it already was ${blocked ? 'blocked' : 'unblocked'})`,
        schema: ContactAnswer,
      },
      handler: async ({ auth, params }) => {
        requireRole(auth.role, 'contacts.block');
        return { body: (await setBlocked(hub, auth, params.ref, blocked)).contact };
      },
    });
  return [route(true), route(false)];
}
