import type { ChannelIdentity } from '../channel';
import type { Contact } from '../contact';
import { DomainError } from '../errors';
import type { Message } from '../message';

/** A contact with everything that hangs off it and moves in a merge or unmerge. */
export interface ContactAggregate {
  contact: Contact;
  identities: ChannelIdentity[];
  messages: Message[];
}

/**
 * Checks that every identity and message of `aggregate` belongs to its contact.
 *
 * @throws DomainError (`validation_error`) naming the first identity or message that does not.
 */
export function assertAggregateConsistent(aggregate: ContactAggregate, path: string): void {
  const id = aggregate.contact.id;
  const identity = aggregate.identities.find((i) => i.contactId !== id);
  if (identity) {
    throw new DomainError(
      'validation_error',
      `${path}: channel identity ${identity.id} belongs to contact ${identity.contactId}, not to ${id}`,
      [{ path: `${path}.identities`, message: `identity ${identity.id} belongs to another contact` }],
    );
  }
  const message = aggregate.messages.find((m) => m.contactId !== id);
  if (message) {
    throw new DomainError(
      'validation_error',
      `${path}: message ${message.id} belongs to contact ${message.contactId}, not to ${id}`,
      [{ path: `${path}.messages`, message: `message ${message.id} belongs to another contact` }],
    );
  }
}
