import { applyBlock, applyUnblock, incomingTreatment } from '../../src/domain/blocking';
import type { Contact } from '../../src/domain/contact';
import { contactFixture } from '../support/contact-fixture';

const T0 = '2024-01-01T00:00:00.000Z';
const NOW = '2024-05-01T12:00:00.000Z';
const contact = (over: Partial<Contact> = {}): Contact =>
  contactFixture({
    firstName: 'Ana',
    displayName: 'Ana',
    conversationStatus: 'open',
    conversationOpenedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    lastInteractionAt: T0,
    lastIncomingAt: T0,
    lastInteractedChannelId: 'wa',
    ...over,
  });

describe('applyBlock', () => {
  it('blocks, stamps blockedAt and closes the conversation', () => {
    const { contact: c, changed } = applyBlock(contact(), NOW);
    expect(changed).toBe(true);
    expect(c).toMatchObject({ blocked: true, blockedAt: NOW, conversationStatus: 'closed', updatedAt: NOW });
    expect(c.conversationOpenedAt).toBe(T0);
    expect(c.lastInteractionAt).toBe(T0);
  });

  it('is idempotent: blocking a blocked contact changes nothing', () => {
    const blocked = contact({ blocked: true, blockedAt: T0, conversationStatus: 'closed' });
    const r = applyBlock(blocked, NOW);
    expect(r.changed).toBe(false);
    expect(r.contact).toBe(blocked);
    expect(r.contact.blockedAt).toBe(T0);
  });

  it('does not mutate its input', () => {
    const c = contact();
    applyBlock(c, NOW);
    expect(c.blocked).toBe(false);
  });
});

describe('applyUnblock', () => {
  it('unblocks, clears blockedAt and leaves the conversation closed', () => {
    const blocked = applyBlock(contact(), T0).contact;
    const { contact: c, changed } = applyUnblock(blocked, NOW);
    expect(changed).toBe(true);
    expect(c).toMatchObject({ blocked: false, blockedAt: null, conversationStatus: 'closed', updatedAt: NOW });
  });

  it('is idempotent: unblocking a contact that is not blocked changes nothing', () => {
    const c = contact();
    expect(applyUnblock(c, NOW)).toEqual({ contact: c, changed: false });
  });
});

describe('incomingTreatment', () => {
  it('hides a blocked contact message, emits nothing, counts nothing, reopens nothing', () => {
    expect(incomingTreatment({ blocked: true, conversationStatus: 'closed' })).toEqual({
      hidden: true,
      emitEvent: false,
      countsAsInteraction: false,
      reopensConversation: false,
    });
  });

  it('shows, emits and counts a message from a contact that is not blocked', () => {
    expect(incomingTreatment({ blocked: false, conversationStatus: 'open' })).toEqual({
      hidden: false,
      emitEvent: true,
      countsAsInteraction: true,
      reopensConversation: false,
    });
    expect(incomingTreatment({ blocked: false, conversationStatus: 'closed' }).reopensConversation).toBe(true);
  });

  it('after unblocking, the next message counts and reopens the conversation', () => {
    const c = applyUnblock(applyBlock(contact(), T0).contact, NOW).contact;
    expect(incomingTreatment(c)).toMatchObject({ hidden: false, emitEvent: true, reopensConversation: true });
  });
});
