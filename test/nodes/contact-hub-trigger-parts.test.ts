import { deliveryMatches } from '../../nodes/ContactHubTrigger/delivery-filter';
import { EVENT_OPTIONS, toEventSelectors } from '../../nodes/ContactHubTrigger/event-options';
import { verifyDelivery, type DeliveredEvent } from '../../nodes/ContactHubTrigger/verify-delivery';
import { EVENT_TYPES } from '../../src/domain/events';
import { signatureHeader } from '../../src/domain/webhook-signature';

/** The trigger's pure parts: the event list, the filter, and the delivery check. */
describe('Contact Hub Trigger parts', () => {
  it('offers every hub event type with a friendly name, New Contact and Incoming Message first', () => {
    expect(EVENT_OPTIONS.map((o) => o.value).sort()).toEqual(['*', ...EVENT_TYPES].sort());
    expect(EVENT_OPTIONS.slice(0, 3).map((o) => o.name)).toEqual(['All Events', 'New Contact', 'Incoming Message']);
    expect(toEventSelectors(['message.received', 'contact.created', 'message.received', 'nope'])).toEqual([
      'contact.created',
      'message.received',
    ]);
    expect(toEventSelectors(['contact.created', '*'])).toEqual(['*']);
    expect(toEventSelectors([])).toEqual([]);
  });

  it('filters message events by channel and type, and leaves other events to the event choice', () => {
    const message = (channelId: string, type: string): DeliveredEvent => ({ id: 'e', type: 'message.received', message: { channelId, type } });
    const filter = { events: ['message.received', 'contact.created'] as const, channelIds: ['tg_a'], messageTypes: ['text'] };
    expect(deliveryMatches(message('tg_a', 'text'), { ...filter, events: [...filter.events] })).toBe(true);
    expect(deliveryMatches(message('tg_b', 'text'), { ...filter, events: [...filter.events] })).toBe(false);
    expect(deliveryMatches(message('tg_a', 'image'), { ...filter, events: [...filter.events] })).toBe(false);
    expect(deliveryMatches({ id: 'e', type: 'contact.created', contact: null }, { ...filter, events: [...filter.events] })).toBe(true);
    expect(deliveryMatches({ id: 'e', type: 'contact.updated', contact: null }, { ...filter, events: [...filter.events] })).toBe(false);
    expect(deliveryMatches({ id: 'e', type: 'contact.updated', contact: null }, { events: ['*'], channelIds: [], messageTypes: [] })).toBe(true);
  });

  it('answers 400 for a validly signed body that is not an event, 401 without a subscription or raw body', () => {
    const now = 1_700_000_000;
    const check = (body: string, secret: string | undefined) =>
      verifyDelivery({ rawBody: Buffer.from(body), signature: signatureHeader('s'.repeat(32), now, body), secret, nowSeconds: now });
    const secret = 's'.repeat(32);
    expect(check('{"id":"evt_1","type":"contact.created"}', secret)).toMatchObject({ ok: true, event: { id: 'evt_1' } });
    expect(check('not json', secret)).toMatchObject({ ok: false, status: 400 });
    expect(check('[1]', secret)).toMatchObject({ ok: false, status: 400 });
    expect(check('{"type":"contact.created"}', secret)).toMatchObject({ ok: false, status: 400 });
    expect(check('{"id":"evt_1","type":"contact.created"}', undefined)).toMatchObject({ ok: false, status: 401 });
    expect(verifyDelivery({ rawBody: undefined, signature: 't=1,v1=00', secret: 'x', nowSeconds: now })).toMatchObject({ ok: false, status: 401 });
    expect(verifyDelivery({ rawBody: '{}', signature: ['a', 'b'], secret: 'x', nowSeconds: now })).toMatchObject({ ok: false, status: 401 });
  });
});
