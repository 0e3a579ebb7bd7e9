import { applyBlock, applyUnblock, type BlockResult } from '../../domain/blocking';
import type { Contact } from '../../domain/contact';
import { buildEvent } from '../../domain/events';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { emitEvent, newEventId } from '../outbox/emit-event';
import { requireContact, updateContact } from '../repos/contact-repo';

/**
 * Blocks or unblocks a contact (domain rules: blocking closes the conversation; unblocking
 * leaves hidden messages hidden). The event is emitted only when the state changed; the
 * contact is answered either way.
 */
export async function setBlocked(hub: Hub, auth: AuthContext, ref: string, blocked: boolean): Promise<BlockResult> {
  const result = await hub.db.transaction(async (tx) => {
    const contact: Contact = await requireContact(tx, auth.workspaceId, ref, {
      defaultCountry: auth.defaultCountry,
      forUpdate: true,
    });
    const now = hub.now().toISOString();
    const outcome = blocked ? applyBlock(contact, now) : applyUnblock(contact, now);
    if (outcome.changed) {
      await updateContact(tx, auth.workspaceId, outcome.contact);
      const type = blocked ? 'contact.blocked' : 'contact.unblocked';
      await emitEvent(tx, buildEvent(type, { id: newEventId(), now, workspaceId: auth.workspaceId, contact: outcome.contact }));
    }
    return outcome;
  });
  if (result.changed) hub.nudgeOutbox();
  return result;
}
