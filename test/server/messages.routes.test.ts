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

interface MessageBody {
  id: string;
  channelId: string;
  identityId: string | null;
  direction: 'incoming' | 'outgoing';
  kind: string | null;
  text: string | null;
  hidden: boolean;
  createdAt: string;
}

describe.each(STORES)('messages on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  // A clock that moves one second per reading, so every message has its own time.
  let clock = Date.parse('2024-03-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    ws = await mainWorkspaceId(hub);
  });
  afterAll(() => hub.close());

  const send = (contactId: string, body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' = 'agent') =>
    hub.as(who).post(`/v1/contacts/${ref(contactId)}/messages`, body);

  describe('POST /v1/contacts/:ref/messages', () => {
    it('connects an inactive channel, records the message, moves the contact and emits message.sent', async () => {
      const wa = await createChannel(hub, 'whatsapp');
      const phone = uniquePhone();
      const c = await createContact(hub, { firstName: 'Ana', phone });

      const res = await send(c.id, { channelId: wa, kind: 'proactive', text: 'Your order shipped' });
      expect(res.status).toBe(201);
      expect(res.data.connected).toBe(true);
      expect(res.data.channel).toMatchObject({ id: wa, type: 'whatsapp' });
      expect(res.data.message).toMatchObject({
        contactId: c.id,
        channelId: wa,
        direction: 'outgoing',
        kind: 'proactive',
        type: 'text',
        text: 'Your order shipped',
        hidden: false,
        providerMessageId: null,
      });
      expect(res.data.message.identityId).toEqual(expect.any(String));
      expect(res.data.contact.lastInteractionAt).toBe(res.data.message.createdAt);
      expect(res.data.contact.lastInteractedChannelId).toBe(wa);
      expect(res.data.contact.lastIncomingAt).toBeNull();

      const again = await send(c.id, { kind: 'reactive', text: 'Anything else?' });
      expect(again.status).toBe(201);
      expect(again.data.connected).toBe(false);
      expect(again.data.channel.id).toBe(wa);
      expect(again.data.message.identityId).toBe(res.data.message.identityId);

      expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created', 'message.sent', 'message.sent']);
      const { rows } = await hub.server.db.query<{ payload: { message: { id: string }; contact: { id: string } } }>(
        `select payload from events where workspace_id = $1 and type = 'message.sent' and payload->'message'->>'id' = $2`,
        [ws, res.data.message.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].payload.contact.id).toBe(c.id);
    });

    it('chooses the default channel: inactive e-mail when only an address is known', async () => {
      const mail = await createChannel(hub, 'email');
      const email = uniqueEmail();
      const c = await createContact(hub, { email });
      const res = await send(c.id, { kind: 'proactive', type: 'template', payload: { template: 'welcome' } });
      expect(res.status).toBe(201);
      expect(res.data.connected).toBe(true);
      // The first e-mail channel of the workspace (this is the only one so far).
      expect(res.data.channel.id).toBe(mail);
      expect(res.data.message).toMatchObject({ type: 'template', payload: { template: 'welcome' }, text: null });
      const states = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/channels`);
      const active = states.data.data.filter((s: { state: string }) => s.state === 'active');
      expect(active).toHaveLength(1);
      expect(active[0].identity.address).toBe(email);
    });

    it('refuses a send to a blocked contact with reason blocked', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone() });
      expect((await hub.as('agent').post(`/v1/contacts/${ref(c.id)}/block`, {})).status).toBe(200);
      for (const k of ['proactive', 'reactive']) {
        const res = await send(c.id, { kind: k, text: 'hello' });
        expect(res.status).toBe(422);
        expect(errorCode(res)).toBe('rule_refused');
        expect(res.data.error.reason).toBe('blocked');
        expect(res.data.error.message).toMatch(/blocked/);
      }
      expect(await eventTypesOf(hub, ws, c.id)).toEqual(['contact.created', 'contact.blocked']);
    });

    it('refuses a proactive send when proactive is off, but allows a reactive one', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone(), proactive: false });
      const res = await send(c.id, { kind: 'proactive', text: 'Sale!' });
      expect(res.status).toBe(422);
      expect(res.data.error.reason).toBe('proactive_off');
      expect((await send(c.id, { kind: 'reactive', text: 'Thanks for writing' })).status).toBe(201);
    });

    it('refuses a reactive send when reactive is off, but allows a proactive one', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone(), reactive: false });
      const res = await send(c.id, { kind: 'reactive', text: 'Auto reply' });
      expect(res.status).toBe(422);
      expect(res.data.error.reason).toBe('reactive_off');
      expect((await send(c.id, { kind: 'proactive', text: 'Newsletter' })).status).toBe(201);
    });

    it('refuses an unavailable channel, an unknown channel, and a contact with no usable channel', async () => {
      const tg = await createChannel(hub, 'telegram');
      const c = await createContact(hub, { firstName: 'Nobody' });
      const onTg = await send(c.id, { channelId: tg, kind: 'proactive', text: 'hi' });
      expect(onTg.status).toBe(422);
      expect(onTg.data.error.reason).toBe('no_usable_channel');
      const unknown = await send(c.id, { channelId: 'no-such-channel', kind: 'proactive', text: 'hi' });
      expect(unknown.status).toBe(422);
      expect(unknown.data.error.reason).toBe('unknown_channel');
      expect(unknown.data.error.details[0].path).toBe('channelId');
      const none = await send(c.id, { kind: 'proactive', text: 'hi' });
      expect(none.status).toBe(422);
      expect(none.data.error.reason).toBe('no_usable_channel');
      const list = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`);
      expect(list.data.data).toHaveLength(0);
    });

    it('every role may send', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone() });
      for (const who of ['owner', 'manager', 'agent'] as const) {
        expect((await send(c.id, { kind: 'proactive', text: who }, who)).status).toBe(201);
      }
    });

    it('another workspace cannot send to a contact of main', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone() });
      const res = await send(c.id, { kind: 'proactive', text: 'hi' }, 'other');
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('not_found');
      expect((await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`)).data.data).toHaveLength(0);
    });

    it('answers 400 naming the bad fields', async () => {
      const c = await createContact(hub, { phone: uniquePhone() });
      const noKind = await send(c.id, { text: 'hi' });
      expect(noKind.status).toBe(400);
      expect(errorCode(noKind)).toBe('validation_error');
      expect(noKind.data.error.details.map((d: { path: string }) => d.path)).toEqual(['kind']);
      const noText = await send(c.id, { kind: 'proactive' });
      expect(noText.status).toBe(400);
      expect(noText.data.error.details.map((d: { path: string }) => d.path)).toEqual(['text']);
      const noPayload = await send(c.id, { kind: 'proactive', type: 'image', text: 'caption' });
      expect(noPayload.status).toBe(400);
      expect(noPayload.data.error.details.map((d: { path: string }) => d.path)).toEqual(['payload']);
      const badType = await send(c.id, { kind: 'sometimes', type: 'hologram', text: 'x'.repeat(5000) });
      expect(badType.status).toBe(400);
      expect(badType.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'text', 'type']);
      const notJson = await hub
        .as('agent')
        .post(`/v1/contacts/${ref(c.id)}/messages`, '{oops', { headers: { 'Content-Type': 'application/json' } });
      expect(notJson.status).toBe(400);
      expect(errorCode(notJson)).toBe('validation_error');
    });

    it('honours Idempotency-Key: a retry records one message', async () => {
      await createChannel(hub, 'sms');
      const c = await createContact(hub, { phone: uniquePhone() });
      const key = unique('idem');
      const body = { kind: 'proactive', text: 'once' };
      const a = await hub.as('agent').post(`/v1/contacts/${ref(c.id)}/messages`, body, { headers: { 'Idempotency-Key': key } });
      const b = await hub.as('agent').post(`/v1/contacts/${ref(c.id)}/messages`, body, { headers: { 'Idempotency-Key': key } });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.data.message.id).toBe(a.data.message.id);
      expect((await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`)).data.data).toHaveLength(1);
    });
  });

  describe('GET /v1/contacts/:ref/messages', () => {
    it('pages newest first by cursor and filters by channel and direction', async () => {
      const sms = await createChannel(hub, 'sms');
      const tg = await createChannel(hub, 'telegram');
      const phone = uniquePhone();
      const c = await createContact(hub, { phone });
      const texts: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await send(c.id, { channelId: sms, kind: 'proactive', text: `out ${i}` });
        expect(res.status).toBe(201);
        texts.push(`out ${i}`);
        const inc = await incoming(hub, sms, { from: { address: phone }, text: `in ${i}`, providerMessageId: unique('p') });
        expect(inc.status).toBe(201);
        expect(inc.data.contact.id).toBe(c.id);
        texts.push(`in ${i}`);
      }
      const expected = [...texts].reverse();

      const seen: MessageBody[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { status: number; data: { data: MessageBody[]; nextCursor: string | null } } = await hub
          .as('agent')
          .get(`/v1/contacts/${ref(c.id)}/messages`, { params: { limit: 3, ...(cursor ? { cursor } : {}) } });
        expect(page.status).toBe(200);
        seen.push(...page.data.data);
        cursor = page.data.nextCursor;
        pages += 1;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(seen.map((m) => m.text)).toEqual(expected);
      const times = seen.map((m) => Date.parse(m.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const outgoing = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`, { params: { direction: 'outgoing' } });
      expect(outgoing.data.data.map((m: MessageBody) => m.text)).toEqual(['out 3', 'out 2', 'out 1', 'out 0']);
      const onSms = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`, { params: { channelId: sms, direction: 'incoming' } });
      expect(onSms.data.data.map((m: MessageBody) => m.text)).toEqual(['in 3', 'in 2', 'in 1', 'in 0']);
      const onTg = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`, { params: { channelId: tg } });
      expect(onTg.data.data).toEqual([]);
      expect(onTg.data.nextCursor).toBeNull();
    });

    it('another workspace gets 404; every role may read', async () => {
      const c = await createContact(hub, { phone: uniquePhone() });
      const other = await hub.as('other').get(`/v1/contacts/${ref(c.id)}/messages`);
      expect(other.status).toBe(404);
      expect(errorCode(other)).toBe('not_found');
      for (const who of ['owner', 'manager', 'agent'] as const) {
        expect((await hub.as(who).get(`/v1/contacts/${ref(c.id)}/messages`)).status).toBe(200);
      }
    });

    it('answers 400 naming bad query parameters', async () => {
      const c = await createContact(hub, { phone: uniquePhone() });
      const res = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`, {
        params: { limit: 'lots', direction: 'sideways', includeHidden: 'maybe', cursor: '%%%' },
      });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'query.cursor',
        'query.direction',
        'query.includeHidden',
        'query.limit',
      ]);
      const tooMany = await hub.as('agent').get(`/v1/contacts/${ref(c.id)}/messages`, { params: { limit: 201 } });
      expect(tooMany.status).toBe(400);
      expect(tooMany.data.error.details[0].path).toBe('query.limit');
    });
  });
});
