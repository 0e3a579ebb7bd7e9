import type { ChannelIdentity } from '../../domain/channel';
import { channelState, channelStates } from '../../domain/channel-state';
import type { CreateChannelInput } from '../../domain/channel-input';
import { DomainError } from '../../domain/errors';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { findChannel, insertChannel, listAllChannels, listChannelsPage, requireChannel, type StoredChannel } from '../repos/channel-repo';
import { requireContact } from '../repos/contact-repo';
import { deleteIdentity, listContactIdentities } from '../repos/identity-repo';
import { detachIdentityMessages } from '../repos/message-repo';

/** A workspace channel as seen from one contact, as the API answers it. */
export interface ContactChannelView {
  channel: StoredChannel;
  state: 'active' | 'inactive' | 'unavailable';
  identity: Omit<ChannelIdentity, 'contactId' | 'channelId'> | null;
}

function identityView(i: ChannelIdentity | null): ContactChannelView['identity'] {
  return i === null ? null : { id: i.id, address: i.address, connectedAt: i.connectedAt, lastInteractionAt: i.lastInteractionAt };
}

export async function listChannels(
  hub: Hub,
  auth: AuthContext,
  opts: { limit: number; after: { createdAt: string; id: string } | null },
): Promise<{ data: StoredChannel[]; hasMore: boolean }> {
  const rows = await listChannelsPage(hub.db, auth.workspaceId, { limit: opts.limit + 1, after: opts.after });
  return { data: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}

/** Adds a channel to the workspace; a client-chosen id that is taken is a 409 on `id`. */
export async function createChannel(hub: Hub, auth: AuthContext, input: CreateChannelInput): Promise<StoredChannel> {
  const channel: StoredChannel = {
    id: input.id ?? newId('ch'),
    type: input.type,
    name: input.name,
    createdAt: hub.now().toISOString(),
  };
  if (input.id !== null && (await findChannel(hub.db, auth.workspaceId, input.id)) !== null) {
    throw new DomainError('conflict', `id: a channel with id "${input.id}" already exists`, [
      { path: 'id', message: 'a channel with this id already exists' },
    ]);
  }
  await insertChannel(hub.db, auth.workspaceId, channel);
  return channel;
}

/** Every workspace channel with the contact's state on it (SPEC §3 Channels) and its identity. */
export async function contactChannels(hub: Hub, auth: AuthContext, ref: string): Promise<ContactChannelView[]> {
  const contact = await requireContact(hub.db, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry });
  const [channels, identities] = await Promise.all([
    listAllChannels(hub.db, auth.workspaceId),
    listContactIdentities(hub.db, auth.workspaceId, contact.id),
  ]);
  const byId = new Map(channels.map((c) => [c.id, c]));
  return channelStates(channels, contact, identities).map((s) => ({
    channel: byId.get(s.channel.id) as StoredChannel,
    state: s.state,
    identity: identityView(s.identity),
  }));
}

export interface RemovedChannel {
  /** The channel as seen from the contact after the removal. */
  channel: ContactChannelView;
  /** The identity that was deleted. */
  removedIdentity: NonNullable<ContactChannelView['identity']>;
  /** Messages that travelled on it; they are kept, detached from the identity. */
  messagesKept: number;
}

/**
 * Removes a channel from a contact: deletes its identity there and keeps the message history
 * (the messages' identity becomes null). A 404 when the contact has no identity on it.
 */
export async function removeContactChannel(hub: Hub, auth: AuthContext, ref: string, channelId: string): Promise<RemovedChannel> {
  return hub.db.transaction(async (tx) => {
    const contact = await requireContact(tx, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    const channel = await requireChannel(tx, auth.workspaceId, channelId);
    const identities = await listContactIdentities(tx, auth.workspaceId, contact.id);
    const mine = identities.filter((i) => i.channelId === channel.id);
    if (mine.length === 0) {
      throw new DomainError('not_found', `Contact ${contact.id} has no identity on channel "${channel.id}"; nothing to remove`, [
        { path: 'channelId', message: `the contact is not connected to channel "${channel.id}"` },
      ]);
    }
    let messagesKept = 0;
    for (const identity of mine) {
      messagesKept += await detachIdentityMessages(tx, auth.workspaceId, identity.id);
      await deleteIdentity(tx, auth.workspaceId, identity.id);
    }
    const left = identities.filter((i) => i.channelId !== channel.id);
    return {
      channel: { channel, state: channelState(channel, contact, left), identity: null },
      removedIdentity: identityView(mine[0]) as NonNullable<ContactChannelView['identity']>,
      messagesKept,
    };
  });
}
