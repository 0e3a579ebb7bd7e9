import type { Channel, ChannelIdentity, ChannelType } from '../../src/domain/channel';
import type { Contact } from '../../src/domain/contact';
import { DomainError } from '../../src/domain/errors';
import {
  applyIncoming,
  applyIncomingToIdentity,
  emailFromAddress,
  incomingMessageSchema,
  matchOrder,
  parseIncomingMessage,
  phoneFromAddress,
  profileFromChannel,
  type IncomingSender,
} from '../../src/domain/incoming-message';
import { contactFixture } from '../support/contact-fixture';

const T0 = '2024-01-01T00:00:00.000Z';
const NOW = '2024-05-01T12:00:00.000Z';
const ch = (type: ChannelType, id = 'ch1'): Channel => ({ id, type, name: type });
const sender = (over: Partial<IncomingSender> = {}): IncomingSender => ({
  address: 'addr',
  name: null,
  firstName: null,
  lastName: null,
  phone: null,
  email: null,
  language: null,
  profilePic: null,
  ...over,
});
const contact = (over: Partial<Contact> = {}): Contact =>
  contactFixture({
    displayName: '',
    conversationStatus: 'open',
    conversationOpenedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    lastInteractionAt: T0,
    lastIncomingAt: T0,
    lastInteractedChannelId: 'old',
    ...over,
  });

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseIncomingMessage', () => {
  it('applies defaults: type text, receivedAt now, nulls', () => {
    const m = parseIncomingMessage({ from: { address: ' 5511999 ' }, text: 'hi' }, NOW);
    expect(m).toEqual({
      providerMessageId: null,
      from: sender({ address: '5511999' }),
      type: 'text',
      text: 'hi',
      payload: null,
      receivedAt: NOW,
    });
  });

  it('keeps given fields and normalises receivedAt to UTC', () => {
    const m = parseIncomingMessage(
      {
        providerMessageId: 'wamid.1',
        from: { address: 'x', name: 'Ana Maria Silva', language: 'pt-BR', email: '' },
        type: 'image',
        payload: { url: 'https://x/y.png' },
        receivedAt: '2024-05-01T14:00:00+02:00',
      },
      NOW,
    );
    expect(m.providerMessageId).toBe('wamid.1');
    expect(m.type).toBe('image');
    expect(m.text).toBeNull();
    expect(m.receivedAt).toBe('2024-05-01T12:00:00.000Z');
    expect(m.from).toMatchObject({ name: 'Ana Maria Silva', language: 'pt-BR', email: null });
  });

  it.each([
    [{ text: 'hi' }, 'from'],
    [{ from: {}, text: 'hi' }, 'from.address'],
    [{ from: { address: '   ' }, text: 'hi' }, 'from.address'],
    [{ from: { address: 'a' } }, 'text'],
    [{ from: { address: 'a' }, text: '   ' }, 'text'],
    [{ from: { address: 'a' }, text: 'x', type: 'sticker' }, 'type'],
    [{ from: { address: 'a' }, text: 'x', receivedAt: 'yesterday' }, 'receivedAt'],
    [{ from: { address: 'a' }, text: 'x', payload: [1] }, 'payload'],
    [{ from: { address: 'a'.repeat(513) }, text: 'x' }, 'from.address'],
  ])('rejects %j naming %s', (body, path) => {
    const e = errorOf(() => parseIncomingMessage(body, NOW));
    expect(e.code).toBe('validation_error');
    expect(e.details.map((d) => d.path)).toContain(path);
  });

  it('rejects a body that is not an object', () => {
    expect(errorOf(() => parseIncomingMessage('nope', NOW)).details[0].path).toBe('(body)');
  });

  it('the schema accepts null for optional fields', () => {
    expect(incomingMessageSchema.safeParse({ from: { address: 'a', name: null }, text: 'x', receivedAt: null }).success).toBe(true);
  });
});

describe('address helpers', () => {
  it('phoneFromAddress', () => {
    expect(phoneFromAddress('whatsapp', '5511999990000')).toBe('+5511999990000');
    expect(phoneFromAddress('whatsapp', '+55 11 99999-0000')).toBe('+55 11 99999-0000');
    expect(phoneFromAddress('sms', '+14155550100')).toBe('+14155550100');
    expect(phoneFromAddress('viber', '+14155550100')).toBe('+14155550100');
    expect(phoneFromAddress('viber', 'a1B2c3==')).toBeNull();
    expect(phoneFromAddress('telegram', '12345678')).toBeNull();
    expect(phoneFromAddress('email', 'a@b.c')).toBeNull();
  });

  it('emailFromAddress', () => {
    expect(emailFromAddress('email', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(emailFromAddress('email', 'Ana Silva <Ana@Example.com>')).toBe('ana@example.com');
    expect(emailFromAddress('sms', 'a@b.c')).toBeNull();
  });
});

describe('matchOrder', () => {
  it('identity first, then the channel phone, then the e-mail given', () => {
    expect(matchOrder(sender({ address: '5511999990000', email: 'a@b.c', phone: '+1999' }), ch('whatsapp'))).toEqual([
      { by: 'identity', channelId: 'ch1', address: '5511999990000' },
      { by: 'phone', value: '+5511999990000' },
      { by: 'email', value: 'a@b.c' },
    ]);
  });

  it('email channels match by address as e-mail, then the phone given', () => {
    expect(matchOrder(sender({ address: 'A@B.C', phone: '+14155550100' }), ch('email'))).toEqual([
      { by: 'identity', channelId: 'ch1', address: 'A@B.C' },
      { by: 'phone', value: '+14155550100' },
      { by: 'email', value: 'a@b.c' },
    ]);
  });

  it('other channels match by identity only when the channel gives no phone or e-mail', () => {
    expect(matchOrder(sender({ address: '123456' }), ch('telegram'))).toEqual([
      { by: 'identity', channelId: 'ch1', address: '123456' },
    ]);
  });
});

describe('profileFromChannel', () => {
  it('splits a lone name into first and last name', () => {
    expect(profileFromChannel(sender({ name: 'Ana Maria  Silva' }), ch('telegram'))).toMatchObject({
      firstName: 'Ana',
      lastName: 'Maria Silva',
    });
    expect(profileFromChannel(sender({ name: 'Ana' }), ch('telegram'))).toMatchObject({ firstName: 'Ana', lastName: null });
  });

  it('prefers firstName/lastName over name', () => {
    expect(profileFromChannel(sender({ name: 'X Y', lastName: 'Silva' }), ch('telegram'))).toMatchObject({
      firstName: null,
      lastName: 'Silva',
    });
  });

  it.each([
    ['whatsapp', '5511999990000', '+5511999990000'],
    ['sms', '+14155550100', '+14155550100'],
    ['viber', '+14155550100', '+14155550100'],
  ] as const)('%s: the address is the phone', (type, address, phone) => {
    expect(profileFromChannel(sender({ address, phone: '+1000' }), ch(type)).phone).toBe(phone);
  });

  it('email: the address is the e-mail; other channels take the phone and e-mail given', () => {
    expect(profileFromChannel(sender({ address: 'A@B.C', email: 'x@y.z' }), ch('email')).email).toBe('a@b.c');
    expect(
      profileFromChannel(
        sender({ address: 'psid-1', phone: '+14155550100', email: 'x@y.z', language: 'en', profilePic: 'https://p' }),
        ch('messenger'),
      ),
    ).toEqual({ firstName: null, lastName: null, phone: '+14155550100', email: 'x@y.z', language: 'en', profilePic: 'https://p' });
  });
});

describe('applyIncoming', () => {
  const at = '2024-05-01T10:00:00.000Z';

  it('open conversation: updates interaction fields and keeps the conversation', () => {
    const r = applyIncoming(contact(), { channelId: 'wa', receivedAt: at, now: NOW });
    expect(r.hidden).toBe(false);
    expect(r.emitEvent).toBe(true);
    expect(r.contact).toMatchObject({
      lastInteractionAt: at,
      lastIncomingAt: at,
      lastInteractedChannelId: 'wa',
      conversationStatus: 'open',
      conversationOpenedAt: T0,
      updatedAt: NOW,
    });
  });

  it('closed conversation: reopens it at receivedAt (updatedAt defaults to receivedAt)', () => {
    const r = applyIncoming(contact({ conversationStatus: 'closed' }), { channelId: 'wa', receivedAt: at });
    expect(r.contact).toMatchObject({ conversationStatus: 'open', conversationOpenedAt: at, updatedAt: at });
  });

  it('first message of a new contact sets the null timestamps', () => {
    const r = applyIncoming(contact({ lastInteractionAt: null, lastIncomingAt: null, lastInteractedChannelId: null }), {
      channelId: 'wa',
      receivedAt: at,
    });
    expect(r.contact).toMatchObject({ lastInteractionAt: at, lastIncomingAt: at, lastInteractedChannelId: 'wa' });
  });

  it('a late older message does not move the timestamps back', () => {
    const c = contact({ lastInteractionAt: NOW, lastIncomingAt: NOW });
    const r = applyIncoming(c, { channelId: 'wa', receivedAt: at, now: NOW });
    expect(r.contact).toBe(c);
    expect(r.emitEvent).toBe(true);
  });

  it('blocked contact: nothing changes, hidden, no event', () => {
    const c = contact({ blocked: true, blockedAt: T0, conversationStatus: 'closed' });
    expect(applyIncoming(c, { channelId: 'wa', receivedAt: at, now: NOW })).toEqual({ contact: c, hidden: true, emitEvent: false });
  });
});

describe('applyIncomingToIdentity', () => {
  const identity: ChannelIdentity = {
    id: 'i1',
    contactId: 'c1',
    channelId: 'wa',
    address: '+1',
    connectedAt: T0,
    lastInteractionAt: T0,
  };
  it('moves lastInteractionAt for a contact that is not blocked', () => {
    expect(applyIncomingToIdentity(identity, { blocked: false }, NOW).lastInteractionAt).toBe(NOW);
  });
  it('leaves it for a blocked contact', () => {
    expect(applyIncomingToIdentity(identity, { blocked: true }, NOW)).toBe(identity);
  });
});
