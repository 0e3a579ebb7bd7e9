import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import {
  createChannel,
  createContact,
  eventTypesOf,
  incoming,
  mainWorkspaceId,
  ref,
  unique,
  uniqueEmail,
  uniquePhone,
} from './messaging-fixtures';

describe.each(STORES)('incoming messages on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  let wa: string;
  let sms: string;
  let mail: string;
  let tg: string;
  // A clock that moves one second per reading, so events of separate requests never share a time.
  let clock = Date.parse('2024-03-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    ws = await mainWorkspaceId(hub);
    wa = await createChannel(hub, 'whatsapp');
    sms = await createChannel(hub, 'sms');
    mail = await createChannel(hub, 'email');
    tg = await createChannel(hub, 'telegram');
  });
  afterAll(() => hub.close());

  const count = async (sql: string, params: string[]): Promise<number> =>
    (await hub.server.db.query<{ n: number }>(sql, params)).rows[0].n;

  it("creates an unknown sender's contact from the channel profile and connects the channel", async () => {
    const phone = uniquePhone();
    const digits = phone.slice(1);
    const receivedAt = '2024-05-01T10:00:00+02:00';
    const res = await incoming(hub, wa, {
      providerMessageId: unique('wamid.'),
      from: {
        address: digits,
        name: 'Maria  da Silva',
        email: ' Maria.Silva@Example.COM ',
        language: 'pt-br',
        profilePic: 'https://cdn.example.com/maria.jpg',
      },
      text: 'Olá!',
      receivedAt,
    });
    expect(res.status).toBe(201);
    expect(res.data.created).toBe(true);
    expect(res.data.duplicate).toBe(false);
    const at = '2024-05-01T08:00:00.000Z';
    expect(res.data.contact).toMatchObject({
      firstName: 'Maria',
      lastName: 'da Silva',
      displayName: 'Maria da Silva',
      phone,
      country: 'GB',
      email: 'maria.silva@example.com',
      language: 'pt-BR',
      profilePic: 'https://cdn.example.com/maria.jpg',
      blocked: false,
      conversationStatus: 'open',
      conversationOpenedAt: at,
      lastInteractionAt: at,
      lastIncomingAt: at,
      lastInteractedChannelId: wa,
    });
    expect(res.data.message).toMatchObject({
      contactId: res.data.contact.id,
      channelId: wa,
      direction: 'incoming',
      kind: null,
      type: 'text',
      text: 'Olá!',
      hidden: false,
      createdAt: at,
    });
    const states = await hub.as('agent').get(`/v1/contacts/${ref(res.data.contact.id)}/channels`);
    const onWa = states.data.data.find((s: { channel: { id: string } }) => s.channel.id === wa);
    expect(onWa).toMatchObject({ state: 'active', identity: { address: digits, connectedAt: at, lastInteractionAt: at } });
    expect(res.data.message.identityId).toBe(onWa.identity.id);
    expect(await eventTypesOf(hub, ws, res.data.contact.id)).toEqual(['contact.created', 'message.received']);
  });

  it('leaves out a bad profile field rather than refusing the message', async () => {
    const res = await incoming(hub, tg, {
      from: { address: unique('chat'), firstName: 'Zoe', email: 'not-an-email', language: '!!', profilePic: 'ftp://x/y', phone: '12' },
      text: 'hello',
    });
    expect(res.status).toBe(201);
    expect(res.data.contact).toMatchObject({
      firstName: 'Zoe',
      email: null,
      language: null,
      profilePic: null,
      phone: null,
      country: null,
      displayName: 'Zoe',
    });
  });

  it('reads a national number with the workspace default country', async () => {
    const phone = uniquePhone();
    const national = `0${phone.slice(3, 7)} ${phone.slice(7)}`;
    const res = await incoming(hub, sms, { from: { address: national }, text: 'hi' });
    expect(res.status).toBe(201);
    expect(res.data.contact).toMatchObject({ phone, country: 'GB', displayName: phone });
    // The next message in international form finds the same contact by phone.
    const again = await incoming(hub, sms, { from: { address: phone }, text: 'again' });
    expect(again.data.created).toBe(false);
    expect(again.data.contact.id).toBe(res.data.contact.id);
  });

  it('matches an existing contact by phone and connects the channel', async () => {
    const phone = uniquePhone();
    const c = await createContact(hub, { firstName: 'Known', phone });
    const res = await incoming(hub, wa, { from: { address: phone.slice(1), name: 'Other Name' }, text: 'hi' });
    expect(res.status).toBe(201);
    expect(res.data.created).toBe(false);
    expect(res.data.contact.id).toBe(c.id);
    expect(res.data.contact.firstName).toBe('Known');
    expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created', 'message.received']);
    expect(await count('select count(*)::int as n from channel_identities where contact_id = $1', [c.id])).toBe(1);
  });

  it('matches by the phone the channel gives when the address is not a phone', async () => {
    const phone = uniquePhone();
    const c = await createContact(hub, { phone });
    const res = await incoming(hub, tg, { from: { address: unique('chat'), phone }, text: 'hi' });
    expect(res.data.contact.id).toBe(c.id);
    expect(res.data.created).toBe(false);
  });

  it('matches by e-mail: the address of an e-mail channel, or the e-mail another channel gives', async () => {
    const email = uniqueEmail();
    const c = await createContact(hub, { firstName: 'Mailer', email });
    const byAddress = await incoming(hub, mail, { from: { address: `Mailer <${email.toUpperCase()}>` }, text: 'mail' });
    expect(byAddress.status).toBe(201);
    expect(byAddress.data.contact.id).toBe(c.id);
    const byGiven = await incoming(hub, tg, { from: { address: unique('chat'), email: email.toUpperCase() }, text: 'tg' });
    expect(byGiven.data.contact.id).toBe(c.id);
    const states = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/channels`);
    const active = states.data.data.filter((s: { state: string }) => s.state === 'active').map((s: { channel: { id: string } }) => s.channel.id);
    expect(active.sort()).toEqual([mail, tg].sort());
  });

  it('matches by identity first, and moves the identity and the contact forward', async () => {
    const address = unique('chat');
    const first = await incoming(hub, tg, { from: { address }, text: 'one', receivedAt: '2024-06-01T10:00:00Z' });
    // Another contact owns the phone this message carries: the identity still wins.
    const phone = uniquePhone();
    const other = await createContact(hub, { phone });
    const second = await incoming(hub, tg, { from: { address, phone }, text: 'two', receivedAt: '2024-06-02T10:00:00Z' });
    expect(second.data.created).toBe(false);
    expect(second.data.contact.id).toBe(first.data.contact.id);
    expect(second.data.contact.id).not.toBe(other.id);
    expect(second.data.contact.lastInteractionAt).toBe('2024-06-02T10:00:00.000Z');
    // A late, older message does not move anything backwards.
    const late = await incoming(hub, tg, { from: { address }, text: 'late', receivedAt: '2024-05-30T10:00:00Z' });
    expect(late.data.contact.lastInteractionAt).toBe('2024-06-02T10:00:00.000Z');
    const states = await hub.as('agent').get(`/v1/contacts/${ref(first.data.contact.id)}/channels`);
    const onTg = states.data.data.find((s: { channel: { id: string } }) => s.channel.id === tg);
    expect(onTg.identity.lastInteractionAt).toBe('2024-06-02T10:00:00.000Z');
  });

  it('reopens a closed conversation', async () => {
    const phone = uniquePhone();
    const c = await createContact(hub, { phone, conversationStatus: 'closed' });
    expect(c.conversationStatus).toBe('closed');
    const res = await incoming(hub, sms, { from: { address: phone }, text: 'back again', receivedAt: '2024-07-01T12:00:00Z' });
    expect(res.data.contact).toMatchObject({ conversationStatus: 'open', conversationOpenedAt: '2024-07-01T12:00:00.000Z' });
  });

  it('stores one provider message id once: a repeat answers 200 with the stored message and emits nothing', async () => {
    const providerMessageId = unique('wamid.');
    const phone = uniquePhone();
    const body = { providerMessageId, from: { address: phone }, text: 'once' };
    const a = await incoming(hub, wa, body);
    const b = await incoming(hub, wa, { ...body, text: 'changed text is ignored' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.data.duplicate).toBe(true);
    expect(b.data.created).toBe(false);
    expect(b.data.message).toEqual(a.data.message);
    expect(b.data.contact.id).toBe(a.data.contact.id);
    expect(await count('select count(*)::int as n from messages where provider_message_id = $1', [providerMessageId])).toBe(1);
    expect(await eventTypesOf(hub, ws, a.data.contact.id)).toEqual(['contact.created', 'message.received']);
    // The same provider id on another channel is another message.
    const onSms = await incoming(hub, sms, body);
    expect(onSms.status).toBe(201);
    expect(onSms.data.duplicate).toBe(false);
  });

  it('10 concurrent deliveries of one provider message id from a new sender store one message and one contact', async () => {
    const providerMessageId = unique('wamid.');
    const phone = uniquePhone();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => incoming(hub, wa, { providerMessageId, from: { address: phone.slice(1) }, text: 'burst' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.data.message.id)).size).toBe(1);
    expect(results.filter((r) => r.data.created)).toHaveLength(1);
    expect(await count('select count(*)::int as n from messages where provider_message_id = $1', [providerMessageId])).toBe(1);
    expect(await count('select count(*)::int as n from contacts where phone = $1', [phone])).toBe(1);
    const contactId = results[0].data.contact.id as string;
    expect(await eventTypesOf(hub, ws, contactId)).toEqual(['contact.created', 'message.received']);
  });

  it('concurrent messages from one new sender create one contact (with and without a phone)', async () => {
    const phone = uniquePhone();
    const withPhone = await Promise.all(
      Array.from({ length: 8 }, (_, i) => incoming(hub, sms, { providerMessageId: unique('p'), from: { address: phone }, text: `m${i}` })),
    );
    expect(withPhone.every((r) => r.status === 201)).toBe(true);
    expect(new Set(withPhone.map((r) => r.data.contact.id)).size).toBe(1);
    expect(withPhone.filter((r) => r.data.created)).toHaveLength(1);

    const chat = unique('chat');
    const noPhone = await Promise.all(
      Array.from({ length: 8 }, (_, i) => incoming(hub, tg, { from: { address: chat, name: 'Burst Sender' }, text: `m${i}` })),
    );
    expect(noPhone.every((r) => r.status === 201)).toBe(true);
    const ids = new Set(noPhone.map((r) => r.data.contact.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await count('select count(*)::int as n from messages where contact_id = $1', [id as string])).toBe(8);
    expect(await count("select count(*)::int as n from contacts where display_name = 'Burst Sender'", [])).toBe(1);
  });

  it('every role may record incoming messages', async () => {
    for (const who of ['owner', 'manager', 'agent'] as const) {
      const res = await incoming(hub, tg, { from: { address: unique('chat') }, text: who }, who);
      expect(res.status).toBe(201);
    }
  });

  it("another workspace cannot record on main's channel and creates nothing in main", async () => {
    const chat = unique('chat');
    const res = await incoming(hub, tg, { from: { address: chat }, text: 'sneaky' }, 'other');
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('not_found');
    expect(res.data.error.details[0].path).toBe('channelId');
    expect(await count('select count(*)::int as n from channel_identities where address = $1', [chat])).toBe(0);
  });

  it('answers 400 naming bad fields and 404 for an unknown channel', async () => {
    const noAddress = await incoming(hub, tg, { from: {}, text: 'x' });
    expect(noAddress.status).toBe(400);
    expect(errorCode(noAddress)).toBe('validation_error');
    expect(noAddress.data.error.details.map((d: { path: string }) => d.path)).toEqual(['from.address']);
    const noFrom = await incoming(hub, tg, { text: 'x' });
    expect(noFrom.status).toBe(400);
    expect(noFrom.data.error.details[0].path).toBe('from');
    const empty = await incoming(hub, tg, { from: { address: 'a' } });
    expect(empty.status).toBe(400);
    expect(empty.data.error.details.map((d: { path: string }) => d.path)).toEqual(['text']);
    const badTime = await incoming(hub, tg, { from: { address: 'a' }, text: 'x', receivedAt: 'yesterday', type: 'smell' });
    expect(badTime.status).toBe(400);
    expect(badTime.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['receivedAt', 'type']);
    for (const receivedAt of ['0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-14:00']) {
      const unstorable = await incoming(hub, tg, { from: { address: 'a' }, text: 'x', receivedAt });
      expect(unstorable.status).toBe(400);
      expect(unstorable.data.error.details[0].path).toBe('receivedAt');
    }
    const unknown = await incoming(hub, 'no-such-channel', { from: { address: 'a' }, text: 'x' });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('not_found');
  });
});
