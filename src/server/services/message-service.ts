import type { Contact } from '../../domain/contact';
import { buildEvent } from '../../domain/events';
import type { Message, MessageDirection } from '../../domain/message';
import type { SendMessageInput } from '../../domain/message-input';
import { decideSend, refusalError } from '../../domain/messaging-policy';
import { planOutgoing } from '../../domain/outgoing-message';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { emitEvent, newEventId } from '../outbox/emit-event';
import { listAllChannels, type StoredChannel } from '../repos/channel-repo';
import { requireContact, updateContact } from '../repos/contact-repo';
import { insertIdentity, listContactIdentities, updateIdentityInteraction } from '../repos/identity-repo';
import { insertMessage, listContactMessages } from '../repos/message-repo';

export interface SendResult {
  message: Message;
  contact: Contact;
  channel: StoredChannel;
  /** True when this send connected an inactive channel (created the identity). */
  connected: boolean;
}

/**
 * Sends a message to a contact: the domain decides whether and on which channel (refusals are
 * 422 with the reason); an inactive channel is connected; the message is recorded as outgoing,
 * the contact's interaction fields move, and `message.sent` is emitted for a workflow to
 * hand to the provider — all in one transaction.
 */
export async function sendMessage(hub: Hub, auth: AuthContext, ref: string, input: SendMessageInput): Promise<SendResult> {
  const result = await hub.db.transaction(async (tx) => {
    const ws = auth.workspaceId;
    const contact = await requireContact(tx, ws, ref, { defaultCountry: auth.defaultCountry, forUpdate: true });
    const channels = await listAllChannels(tx, ws);
    const identities = await listContactIdentities(tx, ws, contact.id);
    const decision = decideSend({ contact, kind: input.kind, channels, identities, channelId: input.channelId });
    if (!decision.allowed) throw refusalError(decision);

    const now = hub.now().toISOString();
    const plan = planOutgoing({
      decision,
      contact,
      messageId: newId('msg'),
      newIdentityId: newId('ci'),
      kind: input.kind,
      type: input.type,
      text: input.text,
      payload: input.payload,
      now,
    });
    if (plan.identityCreated) await insertIdentity(tx, ws, plan.identity);
    else if (plan.identity !== decision.identity) await updateIdentityInteraction(tx, ws, plan.identity);
    await insertMessage(tx, ws, plan.message);
    if (plan.contact !== contact) await updateContact(tx, ws, plan.contact);
    await emitEvent(
      tx,
      buildEvent('message.sent', { id: newEventId(), now, workspaceId: ws, contact: plan.contact, message: plan.message }),
    );
    const channel = channels.find((c) => c.id === decision.channel.id) as StoredChannel;
    return { message: plan.message, contact: plan.contact, channel, connected: plan.identityCreated };
  });
  hub.nudgeOutbox();
  return result;
}

export interface MessageListQuery {
  limit: number;
  before: { createdAt: string; id: string } | null;
  channelId: string | null;
  direction: MessageDirection | null;
  includeHidden: boolean;
}

/** One page of a contact's messages, newest first; hidden ones only when asked for. */
export async function listMessages(
  hub: Hub,
  auth: AuthContext,
  ref: string,
  q: MessageListQuery,
): Promise<{ data: Message[]; hasMore: boolean }> {
  const contact = await requireContact(hub.db, auth.workspaceId, ref, { defaultCountry: auth.defaultCountry });
  const rows = await listContactMessages(hub.db, auth.workspaceId, contact.id, { ...q, limit: q.limit + 1 });
  return { data: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
}
