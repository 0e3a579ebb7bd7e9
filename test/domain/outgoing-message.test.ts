import type { Channel, ChannelIdentity } from '../../src/domain/channel';
import type { Contact } from '../../src/domain/contact';
import { decideSend, type SendDecision } from '../../src/domain/messaging-policy';
import { planOutgoing } from '../../src/domain/outgoing-message';
import { contactFixture } from '../support/contact-fixture';

const T0 = '2024-01-01T00:00:00.000Z';
const NOW = '2024-05-01T12:00:00.000Z';
const wa: Channel = { id: 'wa', type: 'whatsapp', name: 'WhatsApp' };
const tg: Channel = { id: 'tg', type: 'telegram', name: 'Telegram' };
const tgIdentity: ChannelIdentity = { id: 'i-tg', contactId: 'c1', channelId: 'tg', address: '42', connectedAt: T0, lastInteractionAt: T0 };
const contact: Contact = contactFixture({
  phone: '+14155550100',
  displayName: '+14155550100',
  lastInteractionAt: T0,
  lastIncomingAt: T0,
  lastInteractedChannelId: 'tg',
});

function ok(d: SendDecision): Extract<SendDecision, { allowed: true }> {
  if (!d.allowed) throw new Error(d.message);
  return d;
}
const base = { contact, messageId: 'm1', newIdentityId: 'i-new', kind: 'proactive', type: 'text', text: 'Hello', payload: null, now: NOW } as const;

describe('planOutgoing', () => {
  it('on an active channel touches the identity and records the message', () => {
    const decision = ok(decideSend({ contact, kind: 'proactive', channels: [wa, tg], identities: [tgIdentity] }));
    const plan = planOutgoing({ ...base, decision });
    expect(plan.identityCreated).toBe(false);
    expect(plan.identity).toEqual({ ...tgIdentity, lastInteractionAt: NOW });
    expect(plan.message).toEqual({
      id: 'm1',
      contactId: 'c1',
      channelId: 'tg',
      identityId: 'i-tg',
      direction: 'outgoing',
      kind: 'proactive',
      type: 'text',
      text: 'Hello',
      payload: null,
      hidden: false,
      providerMessageId: null,
      createdAt: NOW,
    });
    expect(plan.contact).toMatchObject({ lastInteractionAt: NOW, lastInteractedChannelId: 'tg', lastIncomingAt: T0, conversationStatus: 'closed' });
  });

  it('on an inactive channel connects it with the address', () => {
    const decision = ok(decideSend({ contact, kind: 'proactive', channels: [wa], identities: [], channelId: 'wa' }));
    const plan = planOutgoing({ ...base, decision });
    expect(plan.identityCreated).toBe(true);
    expect(plan.identity).toEqual({ id: 'i-new', contactId: 'c1', channelId: 'wa', address: '+14155550100', connectedAt: NOW, lastInteractionAt: NOW });
    expect(plan.message.identityId).toBe('i-new');
    expect(plan.contact.lastInteractedChannelId).toBe('wa');
  });

  it('does not move the contact timestamps backwards', () => {
    const decision = ok(decideSend({ contact, kind: 'proactive', channels: [tg], identities: [tgIdentity] }));
    const plan = planOutgoing({ ...base, decision, now: '2023-01-01T00:00:00.000Z' });
    expect(plan.contact).toBe(contact);
  });
});
