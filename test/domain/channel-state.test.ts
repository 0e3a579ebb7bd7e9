import { CHANNEL_TYPES, type Channel, type ChannelIdentity, type ChannelType } from '../../src/domain/channel';
import {
  addressForConnect,
  channelState,
  channelStates,
  connectIdentity,
  identityOn,
  isLater,
  touchIdentity,
} from '../../src/domain/channel-state';

const ch = (id: string, type: ChannelType): Channel => ({ id, type, name: `${type} ${id}` });
const ident = (channelId: string, address = 'addr'): ChannelIdentity => ({
  id: `i-${channelId}`,
  contactId: 'c1',
  channelId,
  address,
  connectedAt: '2024-01-01T00:00:00.000Z',
  lastInteractionAt: '2024-01-02T00:00:00.000Z',
});
const both = { phone: '+14155550100', email: 'a@example.com' };
const none = { phone: null, email: null };

describe('channelState', () => {
  it.each(CHANNEL_TYPES)('%s with an identity is active, even without phone or e-mail', (type) => {
    expect(channelState(ch('x', type), none, [ident('x')])).toBe('active');
  });

  it.each([
    ['whatsapp', { phone: '+14155550100', email: null }],
    ['sms', { phone: '+14155550100', email: null }],
    ['email', { phone: null, email: 'a@example.com' }],
  ] as const)('%s without identity but with the needed address is inactive', (type, contact) => {
    expect(channelState(ch('x', type), contact, [])).toBe('inactive');
  });

  it.each([
    ['whatsapp', { phone: null, email: 'a@example.com' }],
    ['sms', { phone: null, email: 'a@example.com' }],
    ['email', { phone: '+14155550100', email: null }],
    ['whatsapp', { phone: '  ', email: null }],
  ] as const)('%s without the needed address is unavailable', (type, contact) => {
    expect(channelState(ch('x', type), contact, [])).toBe('unavailable');
  });

  it.each(CHANNEL_TYPES.filter((t) => !['whatsapp', 'sms', 'email'].includes(t)))(
    '%s without identity is unavailable even with phone and e-mail',
    (type) => {
      expect(channelState(ch('x', type), both, [])).toBe('unavailable');
    },
  );

  it('an identity on another channel does not make this one active', () => {
    expect(channelState(ch('x', 'telegram'), both, [ident('y')])).toBe('unavailable');
  });
});

describe('channelStates', () => {
  it('lists every channel in order with its state and identity', () => {
    const channels = [ch('wa', 'whatsapp'), ch('tg', 'telegram'), ch('em', 'email'), ch('ig', 'instagram')];
    const tg = ident('tg');
    const states = channelStates(channels, { phone: null, email: 'a@example.com' }, [tg]);
    expect(states.map((s) => [s.channel.id, s.state, s.identity])).toEqual([
      ['wa', 'unavailable', null],
      ['tg', 'active', tg],
      ['em', 'inactive', null],
      ['ig', 'unavailable', null],
    ]);
  });
});

describe('addressForConnect', () => {
  it('uses the phone for whatsapp and sms, the e-mail for email, nothing otherwise', () => {
    expect(addressForConnect(ch('a', 'whatsapp'), both)).toBe(both.phone);
    expect(addressForConnect(ch('a', 'sms'), both)).toBe(both.phone);
    expect(addressForConnect(ch('a', 'email'), both)).toBe(both.email);
    expect(addressForConnect(ch('a', 'messenger'), both)).toBeNull();
    expect(addressForConnect(ch('a', 'whatsapp'), none)).toBeNull();
  });
});

describe('identities', () => {
  it('identityOn finds the identity of the channel', () => {
    const a = ident('a');
    expect(identityOn(ch('a', 'sms'), [ident('b'), a])).toBe(a);
    expect(identityOn(ch('z', 'sms'), [a])).toBeNull();
  });

  it('connectIdentity sets connectedAt and lastInteractionAt (null when not interacted)', () => {
    const base = { id: 'i1', contactId: 'c1', channelId: 'wa', address: '+1', at: '2024-05-01T00:00:00.000Z' };
    expect(connectIdentity(base)).toEqual({
      id: 'i1',
      contactId: 'c1',
      channelId: 'wa',
      address: '+1',
      connectedAt: base.at,
      lastInteractionAt: base.at,
    });
    expect(connectIdentity({ ...base, interacted: false }).lastInteractionAt).toBeNull();
  });

  it('touchIdentity never moves lastInteractionAt backwards', () => {
    const i = ident('a');
    expect(touchIdentity(i, '2024-03-01T00:00:00.000Z').lastInteractionAt).toBe('2024-03-01T00:00:00.000Z');
    expect(touchIdentity(i, '2023-01-01T00:00:00.000Z')).toBe(i);
    expect(touchIdentity({ ...i, lastInteractionAt: null }, '2023-01-01T00:00:00.000Z').lastInteractionAt).toBe(
      '2023-01-01T00:00:00.000Z',
    );
  });

  it('isLater compares instants, not strings', () => {
    expect(isLater('2024-01-01T01:00:00+02:00', '2023-12-31T22:30:00Z')).toBe(true);
    expect(isLater('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z')).toBe(false);
    expect(isLater('2024-01-01T00:00:00Z', null)).toBe(true);
  });
});
