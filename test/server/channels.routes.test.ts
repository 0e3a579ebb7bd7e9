import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, ref, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

interface ChannelState {
  channel: { id: string; type: string; name: string };
  state: 'active' | 'inactive' | 'unavailable';
  identity: { id: string; address: string; connectedAt: string; lastInteractionAt: string | null } | null;
}

describe.each(STORES)('channels on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  describe('GET|POST /v1/channels', () => {
    it('creates a channel with a generated id or a chosen one and lists it', async () => {
      const res = await hub.as('manager').post('/v1/channels', { type: 'whatsapp', name: '  Support WA  ' });
      expect(res.status).toBe(201);
      expect(res.data).toMatchObject({ type: 'whatsapp', name: 'Support WA' });
      expect(res.data.id).toMatch(/^ch_/);
      expect(typeof res.data.createdAt).toBe('string');

      const chosen = unique('wa-');
      const own = await hub.as('owner').post('/v1/channels', { id: chosen, type: 'sms', name: 'SMS' });
      expect(own.status).toBe(201);
      expect(own.data.id).toBe(chosen);

      const list = await hub.as('agent').get('/v1/channels', { params: { limit: 500 } });
      expect(list.status).toBe(200);
      const ids = list.data.data.map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([res.data.id, chosen]));
      expect(list.data.nextCursor).toBeNull();
    });

    it('pages through channels with a cursor, oldest first, without repeats', async () => {
      for (let i = 0; i < 5; i++) await createChannel(hub, 'custom');
      const all = (await hub.as('agent').get('/v1/channels', { params: { limit: 500 } })).data.data.map((c: { id: string }) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { data: { id: string }[]; nextCursor: string | null } } = await hub
          .as('agent')
          .get('/v1/channels', { params: { limit: 2, ...(cursor ? { cursor } : {}) } });
        expect(page.data.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.data.map((c) => c.id));
        cursor = page.data.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(all);
    });

    it('refuses a channel id that is taken with 409 on id', async () => {
      const id = unique('dup-');
      expect((await hub.as('owner').post('/v1/channels', { id, type: 'email', name: 'Mail' })).status).toBe(201);
      const again = await hub.as('owner').post('/v1/channels', { id, type: 'email', name: 'Mail 2' });
      expect(again.status).toBe(409);
      expect(errorCode(again)).toBe('conflict');
      expect(again.data.error.details[0].path).toBe('id');
    });

    it('only owners and managers create channels; agents may list them', async () => {
      const res = await hub.as('agent').post('/v1/channels', { type: 'sms', name: 'Agent SMS' });
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect((await hub.as('agent').get('/v1/channels')).status).toBe(200);
    });

    it('another workspace sees none of these channels and its own go to itself', async () => {
      const mine = await createChannel(hub, 'telegram');
      const other = await hub.as('other').get('/v1/channels', { params: { limit: 500 } });
      expect(other.status).toBe(200);
      expect(other.data.data.map((c: { id: string }) => c.id)).not.toContain(mine);
      const created = await hub.as('other').post('/v1/channels', { id: mine, type: 'telegram', name: 'Same id, other workspace' });
      expect(created.status).toBe(201);
      const main = await hub.as('owner').get('/v1/channels', { params: { limit: 500 } });
      expect(main.data.data.filter((c: { id: string }) => c.id === mine)).toHaveLength(1);
    });

    it('answers 400 naming each bad field', async () => {
      const res = await hub.as('owner').post('/v1/channels', { id: 'bad id!', type: 'pigeon', name: '' });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['id', 'name', 'type']);
      const missing = await hub.as('owner').post('/v1/channels', {});
      expect(missing.status).toBe(400);
      expect(missing.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'type']);
      const badQuery = await hub.as('owner').get('/v1/channels', { params: { limit: 0, cursor: 'nope' } });
      expect(badQuery.status).toBe(400);
      expect(badQuery.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.cursor', 'query.limit']);
    });
  });

  describe('GET /v1/contacts/:ref/channels', () => {
    it('follows SPEC: active with an identity, inactive when the hub can connect it, unavailable otherwise', async () => {
      const wa = await createChannel(hub, 'whatsapp');
      const sms = await createChannel(hub, 'sms');
      const mail = await createChannel(hub, 'email');
      const tg = await createChannel(hub, 'telegram');
      const phone = uniquePhone();
      const withPhone = await createContact(hub, { firstName: 'Phone', phone });
      const withEmail = await createContact(hub, { firstName: 'Mail', email: uniqueEmail() });
      const bare = await createContact(hub, { firstName: 'Bare' });

      const states = async (id: string): Promise<Map<string, ChannelState>> => {
        const res = await hub.as('agent').get(`/v1/contacts/${ref(id)}/channels`);
        expect(res.status).toBe(200);
        return new Map((res.data.data as ChannelState[]).map((s) => [s.channel.id, s]));
      };

      let s = await states(withPhone.id);
      expect([s.get(wa)?.state, s.get(sms)?.state, s.get(mail)?.state, s.get(tg)?.state]).toEqual([
        'inactive',
        'inactive',
        'unavailable',
        'unavailable',
      ]);
      expect(s.get(wa)?.identity).toBeNull();

      s = await states(withEmail.id);
      expect([s.get(wa)?.state, s.get(sms)?.state, s.get(mail)?.state, s.get(tg)?.state]).toEqual([
        'unavailable',
        'unavailable',
        'inactive',
        'unavailable',
      ]);

      s = await states(bare.id);
      expect([...s.values()].every((x) => x.state === 'unavailable')).toBe(true);

      // A send on an inactive channel connects it: it becomes active with the phone as address.
      const sent = await hub.as('agent').post(`/v1/contacts/${ref(withPhone.id)}/messages`, {
        channelId: wa,
        kind: 'proactive',
        text: 'Hello',
      });
      expect(sent.status).toBe(201);
      expect(sent.data.connected).toBe(true);
      s = await states(withPhone.id);
      expect(s.get(wa)?.state).toBe('active');
      expect(s.get(wa)?.identity).toMatchObject({ address: phone, lastInteractionAt: sent.data.message.createdAt });
      expect(s.get(sms)?.state).toBe('inactive');

      // Only the contact opens an unavailable channel, by writing first.
      const chatId = unique('chat');
      const inc = await incoming(hub, tg, { from: { address: chatId }, text: 'hi', providerMessageId: unique('p') });
      expect(inc.status).toBe(201);
      s = await states(inc.data.contact.id);
      expect(s.get(tg)?.state).toBe('active');
      expect(s.get(tg)?.identity?.address).toBe(chatId);
    });

    it('lists every workspace channel, by phone ref too', async () => {
      const phone = uniquePhone();
      await createContact(hub, { phone });
      const res = await hub.as('agent').get(`/v1/contacts/${encodeURIComponent(`phone:${phone}`)}/channels`);
      expect(res.status).toBe(200);
      const channels = await hub.as('agent').get('/v1/channels', { params: { limit: 500 } });
      expect(res.data.data.map((s: ChannelState) => s.channel.id)).toEqual(channels.data.data.map((c: { id: string }) => c.id));
    });

    it('another workspace gets 404 for a contact of main; a bad ref is a 400', async () => {
      const c = await createContact(hub, { firstName: 'Hidden' });
      const other = await hub.as('other').get(`/v1/contacts/${ref(c.id)}/channels`);
      expect(other.status).toBe(404);
      expect(errorCode(other)).toBe('not_found');
      const bad = await hub.as('agent').get(`/v1/contacts/${encodeURIComponent('nope:1')}/channels`);
      expect(bad.status).toBe(400);
      expect(errorCode(bad)).toBe('validation_error');
      expect(bad.data.error.details[0].path).toBe('ref');
      const missing = await hub.as('agent').get(`/v1/contacts/${ref('no-such-contact')}/channels`);
      expect(missing.status).toBe(404);
    });
  });

  describe('DELETE /v1/contacts/:ref/channels/:channelId', () => {
    it('deletes the identity and keeps the message history', async () => {
      const tg = await createChannel(hub, 'telegram');
      const address = unique('tg');
      const first = await incoming(hub, tg, { from: { address, name: 'Rita Lobo' }, text: 'one', providerMessageId: unique('p') });
      expect(first.status).toBe(201);
      const contactId = first.data.contact.id as string;
      await incoming(hub, tg, { from: { address }, text: 'two', providerMessageId: unique('p') });
      const reply = await hub.as('agent').post(`/v1/contacts/${ref(contactId)}/messages`, { kind: 'reactive', text: 'three' });
      expect(reply.status).toBe(201);
      expect(reply.data.channel.id).toBe(tg);

      const res = await hub.as('manager').delete(`/v1/contacts/${ref(contactId)}/channels/${tg}`);
      expect(res.status).toBe(200);
      expect(res.data.messagesKept).toBe(3);
      expect(res.data.removedIdentity.address).toBe(address);
      expect(res.data.channel).toMatchObject({ state: 'unavailable', identity: null });

      const messages = await hub.as('agent').get(`/v1/contacts/${ref(contactId)}/messages`);
      expect(messages.data.data).toHaveLength(3);
      expect(messages.data.data.every((m: { identityId: string | null }) => m.identityId === null)).toBe(true);
      const { rows } = await hub.server.db.query<{ n: number }>(
        'select count(*)::int as n from channel_identities where contact_id = $1',
        [contactId],
      );
      expect(rows[0].n).toBe(0);

      // Removing it again: the contact has no identity there.
      const again = await hub.as('owner').delete(`/v1/contacts/${ref(contactId)}/channels/${tg}`);
      expect(again.status).toBe(404);
      expect(errorCode(again)).toBe('not_found');
      expect(again.data.error.details[0].path).toBe('channelId');

      // The identity is gone: the same address writing again (no phone or e-mail to match by)
      // is an unknown sender, and gets a new contact.
      const back = await incoming(hub, tg, { from: { address }, text: 'four', providerMessageId: unique('p') });
      expect(back.status).toBe(201);
      expect(back.data.created).toBe(true);
    });

    it('an inactive channel that was never connected is a 404; so is an unknown channel', async () => {
      const wa = await createChannel(hub, 'whatsapp');
      const c = await createContact(hub, { phone: uniquePhone() });
      const res = await hub.as('owner').delete(`/v1/contacts/${ref(c.id)}/channels/${wa}`);
      expect(res.status).toBe(404);
      const unknown = await hub.as('owner').delete(`/v1/contacts/${ref(c.id)}/channels/no-such-channel`);
      expect(unknown.status).toBe(404);
      expect(unknown.data.error.details[0].path).toBe('channelId');
    });

    it('agents may not remove a channel; the identity stays', async () => {
      const tg = await createChannel(hub, 'telegram');
      const inc = await incoming(hub, tg, { from: { address: unique('tg') }, text: 'hi' });
      const res = await hub.as('agent').delete(`/v1/contacts/${ref(inc.data.contact.id)}/channels/${tg}`);
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      const states = await hub.as('agent').get(`/v1/contacts/${ref(inc.data.contact.id)}/channels`);
      expect(states.data.data.find((s: ChannelState) => s.channel.id === tg).state).toBe('active');
    });

    it('another workspace cannot remove a channel of a contact of main', async () => {
      const tg = await createChannel(hub, 'telegram');
      const inc = await incoming(hub, tg, { from: { address: unique('tg') }, text: 'hi' });
      const res = await hub.as('other').delete(`/v1/contacts/${ref(inc.data.contact.id)}/channels/${tg}`);
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('not_found');
      const states = await hub.as('agent').get(`/v1/contacts/${ref(inc.data.contact.id)}/channels`);
      expect(states.data.data.find((s: ChannelState) => s.channel.id === tg).state).toBe('active');
    });

    it('answers 400 for a bad ref or a channel id that is too long', async () => {
      const bad = await hub.as('owner').delete(`/v1/contacts/${encodeURIComponent('bogus')}/channels/x`);
      expect(bad.status).toBe(400);
      expect(errorCode(bad)).toBe('validation_error');
      const long = await hub.as('owner').delete(`/v1/contacts/${ref('x')}/channels/${'c'.repeat(65)}`);
      expect(long.status).toBe(400);
      expect(long.data.error.details[0].path).toBe('params.channelId');
    });
  });
});
