import type { Contact } from '../../src/domain/contact';
import { displayName } from '../../src/domain/display-name';

/**
 * A contact for unit tests: id `c1`, every optional value null, no tags or custom fields, both
 * permissions on, a closed conversation, created 2024-01-01. `displayName` follows the names,
 * phone and e-mail unless the overrides set it.
 */
export function contactFixture(overrides: Partial<Contact> = {}): Contact {
  const base: Contact = {
    id: 'c1',
    externalCode: null,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    country: null,
    language: null,
    profilePic: null,
    assignee: null,
    proactive: true,
    reactive: true,
    customFields: {},
    displayName: '',
    tags: [],
    conversationStatus: 'closed',
    conversationOpenedAt: null,
    blocked: false,
    blockedAt: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    lastInteractionAt: null,
    lastIncomingAt: null,
    lastInteractedChannelId: null,
    ...overrides,
  };
  return { ...base, displayName: overrides.displayName ?? displayName(base) };
}
