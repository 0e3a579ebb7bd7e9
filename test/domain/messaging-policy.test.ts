import fc from 'fast-check';
import type { Channel, ChannelIdentity, ChannelType } from '../../src/domain/channel';
import { DomainError } from '../../src/domain/errors';
import { MESSAGE_KINDS } from '../../src/domain/message';
import {
  assertSendAllowed,
  decideSend,
  refusalError,
  type SendDecision,
  type SendInput,
} from '../../src/domain/messaging-policy';

const ch = (id: string, type: ChannelType): Channel => ({ id, type, name: `My ${type}` });
const ident = (channelId: string, lastInteractionAt: string | null, connectedAt = '2024-01-01T00:00:00Z'): ChannelIdentity => ({
  id: `i-${channelId}`,
  contactId: 'c1',
  channelId,
  address: `addr-${channelId}`,
  connectedAt,
  lastInteractionAt,
});
const contact = (over: Partial<SendInput['contact']> = {}): SendInput['contact'] => ({
  blocked: false,
  proactive: true,
  reactive: true,
  phone: '+14155550100',
  email: 'a@example.com',
  lastInteractedChannelId: null,
  ...over,
});
const channels = [ch('em', 'email'), ch('sms', 'sms'), ch('wa', 'whatsapp'), ch('tg', 'telegram'), ch('ig', 'instagram')];

function refused(d: SendDecision): Extract<SendDecision, { allowed: false }> {
  if (d.allowed) throw new Error('expected a refusal');
  return d;
}
function allowed(d: SendDecision): Extract<SendDecision, { allowed: true }> {
  if (!d.allowed) throw new Error(`expected allowed, got ${d.reason}`);
  return d;
}

describe('decideSend: order of checks', () => {
  it('refuses a blocked contact before anything else', () => {
    const d = refused(
      decideSend({
        contact: contact({ blocked: true, proactive: false, reactive: false }),
        kind: 'proactive',
        channels,
        identities: [],
        channelId: 'nope',
      }),
    );
    expect(d.reason).toBe('blocked');
    expect(d.message).toMatch(/blocked.*unblock/i);
  });

  it('refuses a proactive send when proactive is off, before checking the channel', () => {
    const d = refused(
      decideSend({ contact: contact({ proactive: false }), kind: 'proactive', channels, identities: [], channelId: 'nope' }),
    );
    expect(d.reason).toBe('proactive_off');
  });

  it('refuses a reactive send when reactive is off', () => {
    const d = refused(decideSend({ contact: contact({ reactive: false }), kind: 'reactive', channels, identities: [] }));
    expect(d.reason).toBe('reactive_off');
  });

  it('each permission only guards its own kind', () => {
    expect(decideSend({ contact: contact({ proactive: false }), kind: 'reactive', channels, identities: [] }).allowed).toBe(true);
    expect(decideSend({ contact: contact({ reactive: false }), kind: 'proactive', channels, identities: [] }).allowed).toBe(true);
  });

  it('refuses an unknown channel id', () => {
    const d = refused(decideSend({ contact: contact(), kind: 'reactive', channels, identities: [], channelId: 'nope' }));
    expect(d.reason).toBe('unknown_channel');
    expect(d.message).toContain('nope');
  });

  it('property: a blocked contact is always refused with reason blocked', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(...MESSAGE_KINDS), fc.option(fc.string()), (p, r, kind, channelId) => {
        const d = decideSend({ contact: contact({ blocked: true, proactive: p, reactive: r }), kind, channels, identities: [], channelId });
        return !d.allowed && d.reason === 'blocked';
      }),
    );
  });
});

describe('decideSend: explicit channel', () => {
  it('sends on an active channel with its identity', () => {
    const tg = ident('tg', '2024-01-02T00:00:00Z');
    const d = allowed(decideSend({ contact: contact(), kind: 'reactive', channels, identities: [tg], channelId: 'tg' }));
    expect(d).toEqual({ allowed: true, channel: channels[3], identity: tg, connects: false, address: 'addr-tg' });
  });

  it.each([
    ['wa', '+14155550100'],
    ['sms', '+14155550100'],
    ['em', 'a@example.com'],
  ])('connects the inactive channel %s with the address', (channelId, address) => {
    const d = allowed(decideSend({ contact: contact(), kind: 'proactive', channels, identities: [], channelId }));
    expect(d.connects).toBe(true);
    expect(d.identity).toBeNull();
    expect(d.address).toBe(address);
  });

  it('refuses an unavailable messaging channel, saying only the contact can open it', () => {
    const d = refused(decideSend({ contact: contact(), kind: 'reactive', channels, identities: [], channelId: 'ig' }));
    expect(d.reason).toBe('no_usable_channel');
    expect(d.message).toMatch(/My instagram.*writing first/);
  });

  it('refuses whatsapp without a phone, suggesting to add one', () => {
    const d = refused(decideSend({ contact: contact({ phone: null }), kind: 'reactive', channels, identities: [], channelId: 'wa' }));
    expect(d.reason).toBe('no_usable_channel');
    expect(d.message).toMatch(/phone number/);
  });

  it('refuses email without an address, suggesting to add one', () => {
    const d = refused(decideSend({ contact: contact({ email: null }), kind: 'reactive', channels, identities: [], channelId: 'em' }));
    expect(d.message).toMatch(/e-mail address/);
  });
});

describe('decideSend: default channel', () => {
  it('uses the last interacted channel when it is active', () => {
    const ids = [ident('tg', '2024-01-01T00:00:00Z'), ident('ig', '2024-06-01T00:00:00Z')];
    const d = allowed(decideSend({ contact: contact({ lastInteractedChannelId: 'tg' }), kind: 'reactive', channels, identities: ids }));
    expect(d.channel.id).toBe('tg');
  });

  it('falls back to the most recently interacted active identity when the last channel is gone', () => {
    const ids = [ident('tg', '2024-01-01T00:00:00Z'), ident('ig', '2024-06-01T00:00:00Z'), ident('sms', null)];
    const d = allowed(decideSend({ contact: contact({ lastInteractedChannelId: 'wa' }), kind: 'reactive', channels, identities: ids }));
    expect(d.channel.id).toBe('ig');
    expect(d.connects).toBe(false);
  });

  it('breaks ties by most recent connection, then channel order', () => {
    const later = [ident('tg', null, '2024-01-01T00:00:00Z'), ident('ig', null, '2024-02-01T00:00:00Z')];
    expect(allowed(decideSend({ contact: contact(), kind: 'reactive', channels, identities: later })).channel.id).toBe('ig');
    const same = [ident('ig', null), ident('tg', null)];
    expect(allowed(decideSend({ contact: contact(), kind: 'reactive', channels, identities: same })).channel.id).toBe('tg');
  });

  it('ignores identities on channels that are not in the workspace list', () => {
    const ids = [ident('gone', '2025-01-01T00:00:00Z')];
    const d = allowed(decideSend({ contact: contact(), kind: 'reactive', channels, identities: ids }));
    expect(d.channel.id).toBe('wa');
    expect(d.connects).toBe(true);
  });

  it('without active channels connects whatsapp, then sms, then email', () => {
    expect(allowed(decideSend({ contact: contact(), kind: 'proactive', channels, identities: [] })).channel.id).toBe('wa');
    const noWa = channels.filter((c) => c.id !== 'wa');
    expect(allowed(decideSend({ contact: contact(), kind: 'proactive', channels: noWa, identities: [] })).channel.id).toBe('sms');
    const d = allowed(decideSend({ contact: contact({ phone: null }), kind: 'proactive', channels, identities: [] }));
    expect(d).toMatchObject({ channel: { id: 'em' }, connects: true, address: 'a@example.com' });
  });

  it('refuses when nothing is active or connectable', () => {
    const d = refused(decideSend({ contact: contact({ phone: null, email: null }), kind: 'reactive', channels, identities: [] }));
    expect(d.reason).toBe('no_usable_channel');
    expect(decideSend({ contact: contact(), kind: 'reactive', channels: [], identities: [] }).allowed).toBe(false);
  });
});

describe('refusalError / assertSendAllowed', () => {
  it('maps a refusal to rule_refused with the reason', () => {
    const d = refused(decideSend({ contact: contact({ blocked: true }), kind: 'reactive', channels, identities: [] }));
    const e = refusalError(d);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('rule_refused');
    expect(e.reason).toBe('blocked');
    expect(e.message).toBe(d.message);
    expect(e.details).toEqual([]);
  });

  it('names the channelId field for an unknown channel', () => {
    const d = refused(decideSend({ contact: contact(), kind: 'reactive', channels, identities: [], channelId: 'x' }));
    expect(refusalError(d).details[0].path).toBe('channelId');
  });

  it('assertSendAllowed returns allowed decisions and throws refusals', () => {
    const ok = decideSend({ contact: contact(), kind: 'reactive', channels, identities: [] });
    expect(assertSendAllowed(ok)).toBe(ok);
    const no = decideSend({ contact: contact({ reactive: false }), kind: 'reactive', channels, identities: [] });
    expect(() => assertSendAllowed(no)).toThrow(expect.objectContaining({ code: 'rule_refused', reason: 'reactive_off' }));
  });
});
