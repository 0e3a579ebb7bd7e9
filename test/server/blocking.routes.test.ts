import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, eventTypesOf, incoming, mainWorkspaceId, ref, unique, uniquePhone } from './messaging-fixtures';

interface MessageBody {
  id: string;
  text: string | null;
  hidden: boolean;
}

describe.each(STORES)('blocking on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  let sms: string;
  // A clock that moves one second per reading, so events of separate requests never share a time.
  let clock = Date.parse('2024-03-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    ws = await mainWorkspaceId(hub);
    sms = await createChannel(hub, 'sms');
  });
  afterAll(() => hub.close());

  const block = (id: string, who: 'owner' | 'manager' | 'agent' | 'other' = 'agent') =>
    hub.as(who).post(`/v1/contacts/${ref(id)}/block`, {});
  const unblock = (id: string, who: 'owner' | 'manager' | 'agent' | 'other' = 'agent') =>
    hub.as(who).post(`/v1/contacts/${ref(id)}/unblock`, {});
  const messages = (id: string, includeHidden?: boolean) =>
    hub.as('agent').get(`/v1/contacts/${ref(id)}/messages`, { params: includeHidden === undefined ? {} : { includeHidden } });

  it('blocks and unblocks, emitting an event only when the state changes', async () => {
    const c = await createContact(hub, { firstName: 'Bea', phone: uniquePhone() });
    const res = await block(c.id);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: c.id, blocked: true, conversationStatus: 'closed' });
    expect(typeof res.data.blockedAt).toBe('string');
    const again = await block(c.id);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ blocked: true, blockedAt: res.data.blockedAt });

    const un = await unblock(c.id);
    expect(un.status).toBe(200);
    expect(un.data).toMatchObject({ blocked: false, blockedAt: null, conversationStatus: 'closed' });
    expect((await unblock(c.id)).status).toBe(200);
    expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created', 'contact.blocked', 'contact.unblocked']);
    const stored = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}`);
    expect(stored.data.blocked).toBe(false);
  });

  it('every role may block and unblock; without a key it is a 401', async () => {
    const c = await createContact(hub, { phone: uniquePhone() });
    for (const who of ['owner', 'manager', 'agent'] as const) {
      expect((await block(c.id, who)).data.blocked).toBe(true);
      expect((await unblock(c.id, who)).data.blocked).toBe(false);
    }
    const none = await hub.as('none').post(`/v1/contacts/${ref(c.id)}/block`, {});
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('unauthorized');
  });

  it('another workspace cannot block a contact of main', async () => {
    const c = await createContact(hub, { phone: uniquePhone() });
    for (const res of [await block(c.id, 'other'), await unblock(c.id, 'other')]) {
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    }
    expect((await hub.as('agent').get(`/v1/contacts/${ref(c.id)}`)).data.blocked).toBe(false);
    expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created']);
  });

  it('answers 400 for a bad ref and 404 for an unknown contact', async () => {
    const bad = await hub.as('agent').post(`/v1/contacts/${encodeURIComponent('phone:not a phone')}/block`, {});
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('validation_error');
    expect(bad.data.error.details[0].path).toBe('ref');
    const unknown = await hub.as('agent').post(`/v1/contacts/${ref('nobody-here')}/unblock`, {});
    expect(unknown.status).toBe(404);
  });

  it("hides a blocked contact's messages, emits no message.received and does not count them as interactions", async () => {
    const phone = uniquePhone();
    const first = await incoming(hub, sms, { from: { address: phone }, text: 'before', receivedAt: '2024-04-01T10:00:00Z' });
    expect(first.status).toBe(201);
    const id = first.data.contact.id as string;
    const blocked = await block(id);
    expect(blocked.data.conversationStatus).toBe('closed');

    const hiddenRes = await incoming(hub, sms, {
      from: { address: phone },
      text: 'while blocked',
      providerMessageId: unique('p'),
      receivedAt: '2024-04-02T10:00:00Z',
    });
    expect(hiddenRes.status).toBe(201);
    expect(hiddenRes.data.message.hidden).toBe(true);
    expect(hiddenRes.data.created).toBe(false);
    expect(hiddenRes.data.contact).toMatchObject({
      blocked: true,
      conversationStatus: 'closed',
      lastInteractionAt: '2024-04-01T10:00:00.000Z',
      lastIncomingAt: '2024-04-01T10:00:00.000Z',
    });
    const stored = await hub.as('agent').get(`/v1/contacts/${ref(id)}`);
    expect(stored.data.lastInteractionAt).toBe('2024-04-01T10:00:00.000Z');
    const states = await hub.as('agent').get(`/v1/contacts/${ref(id)}/channels`);
    const onSms = states.data.data.find((s: { channel: { id: string } }) => s.channel.id === sms);
    expect(onSms.identity.lastInteractionAt).toBe('2024-04-01T10:00:00.000Z');

    const { rows } = await hub.server.db.query<{ type: string }>('select type from events where workspace_id = $1 and payload->\'contact\'->>\'id\' = $2', [
      ws,
      id,
    ]);
    expect(rows.map((r) => r.type).sort()).toEqual(['contact.blocked', 'contact.created', 'message.received']);

    const visible = await messages(id);
    expect(visible.data.data.map((m: MessageBody) => m.text)).toEqual(['before']);
    const all = await messages(id, true);
    expect(all.data.data.map((m: MessageBody) => [m.text, m.hidden])).toEqual([
      ['while blocked', true],
      ['before', false],
    ]);

    // Unblocked: the next message is visible, emitted and counted; the hidden one stays hidden.
    await unblock(id);
    const after = await incoming(hub, sms, { from: { address: phone }, text: 'after', receivedAt: '2024-04-03T10:00:00Z' });
    expect(after.data.message.hidden).toBe(false);
    expect(after.data.contact).toMatchObject({
      conversationStatus: 'open',
      conversationOpenedAt: '2024-04-03T10:00:00.000Z',
      lastInteractionAt: '2024-04-03T10:00:00.000Z',
    });
    expect((await messages(id)).data.data.map((m: MessageBody) => m.text)).toEqual(['after', 'before']);
    expect((await messages(id, true)).data.data.map((m: MessageBody) => [m.text, m.hidden])).toEqual([
      ['after', false],
      ['while blocked', true],
      ['before', false],
    ]);
    expect(await eventTypesOf(hub, ws, id)).toEqual([
      'contact.created',
      'message.received',
      'contact.blocked',
      'contact.unblocked',
      'message.received',
    ]);
  });

  it("a blocked contact's first message on a new channel connects it without counting as an interaction", async () => {
    const tg = await createChannel(hub, 'telegram');
    const phone = uniquePhone();
    const c = await createContact(hub, { phone });
    await block(c.id);
    const res = await incoming(hub, tg, { from: { address: unique('chat'), phone }, text: 'hello?' });
    expect(res.status).toBe(201);
    expect(res.data.contact.id).toBe(c.id);
    expect(res.data.message.hidden).toBe(true);
    const states = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/channels`);
    const onTg = states.data.data.find((s: { channel: { id: string } }) => s.channel.id === tg);
    expect(onTg.state).toBe('active');
    expect(onTg.identity.lastInteractionAt).toBeNull();
    expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created', 'contact.blocked']);
    const send = await hub.as('agent').post(`/v1/contacts/${ref(c.id)}/messages`, { channelId: tg, kind: 'reactive', text: 'hi' });
    expect(send.status).toBe(422);
    expect(send.data.error.reason).toBe('blocked');
  });
});
