import type { ChannelIdentity } from '../../../src/domain/channel';
import type { Contact } from '../../../src/domain/contact';
import type { Message } from '../../../src/domain/message';
import type { ContactAggregate } from '../../../src/domain/merge/contact-aggregate';
import { contactFixture } from '../../support/contact-fixture';

/** A contact with every field set to a neutral value; `displayName` derived from the result. */
export function contact(overrides: Partial<Contact> & { id: string }): Contact {
  return contactFixture(overrides);
}

export function identity(id: string, contactId: string, channelId = 'ch-wa', address = `addr-${id}`): ChannelIdentity {
  return { id, contactId, channelId, address, connectedAt: '2024-01-01T00:00:00.000Z', lastInteractionAt: null };
}

export function message(
  id: string,
  contactId: string,
  identityId: string | null,
  createdAt = '2024-02-01T00:00:00.000Z',
  overrides: Partial<Message> = {},
): Message {
  return {
    id,
    contactId,
    channelId: 'ch-wa',
    identityId,
    direction: 'incoming',
    kind: null,
    type: 'text',
    text: `text of ${id}`,
    payload: null,
    hidden: false,
    providerMessageId: null,
    createdAt,
    ...overrides,
  };
}

export function aggregate(c: Contact, identities: ChannelIdentity[] = [], messages: Message[] = []): ContactAggregate {
  return { contact: c, identities, messages };
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error to be thrown');
}
