import { randomBytes } from 'node:crypto';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

/** A unique suffix per test so tests share one hub without clashing. */
const uid = () => randomBytes(4).toString('hex');
/** A UK mobile number unique enough per test: 07400 1xxxxx. */
const ukMobile = () => `07400 1${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;

interface EventRow {
  type: string;
  payload: { contact: { id: string } | null; changes?: string[]; tags?: string[] };
}

describe.each(STORES)('contacts core routes on %s', (kind) => {
  let hub: TestHub;
  let userIds: Record<string, string>;
  const events = async (contactId: string): Promise<EventRow[]> =>
    (
      await hub.server.db.query<EventRow>(
        `select type, payload from events where payload->'contact'->>'id' = $1
          order by created_at, case type when 'contact.created' then 0 when 'contact.deleted' then 2 else 1 end, type`,
        [contactId],
      )
    ).rows;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    await hub.as('owner').post('/v1/custom-fields', { key: 'birthday', label: 'Birthday', type: 'date' });
    await hub.as('owner').post('/v1/custom-fields', { key: 'tier', label: 'Tier', type: 'list', options: ['Bronze', 'Gold'] });
    const users = await hub.as('owner').get('/v1/users');
    userIds = Object.fromEntries(users.data.data.map((u: { role: string; id: string }) => [u.role, u.id]));
  });
  afterAll(() => hub.close());

  describe('POST /v1/contacts', () => {
    it('creates a contact from flat fields and emits contact.created', async () => {
      const email = `Ana.${uid()}@Example.com`;
      const res = await hub.as('agent').post('/v1/contacts', {
        firstName: ' Ana ',
        lastName: 'Souza',
        email,
        phone: '+55 11 91234-5678'.replace('5678', String(1000 + Math.floor(Math.random() * 8999))),
        language: 'pt-br',
        tags: ['VIP', 'vip', 'newsletter'],
        customFields: { birthday: '1990-04-21', tier: 'gold' },
      });
      expect(res.status).toBe(201);
      const c = res.data;
      expect(c.id).toMatch(/^ct_/);
      expect(c.firstName).toBe('Ana');
      expect(c.displayName).toBe('Ana Souza');
      expect(c.email).toBe(email.toLowerCase());
      expect(c.phone).toMatch(/^\+5511912/);
      expect(c.country).toBe('BR');
      expect(c.language).toBe('pt-BR');
      expect(c.tags).toEqual(['newsletter', 'VIP']);
      expect(c.customFields).toEqual({ birthday: '1990-04-21', tier: 'Gold' });
      expect(c.proactive).toBe(true);
      expect(c.reactive).toBe(true);
      expect(c.conversationStatus).toBe('open');
      expect(c.blocked).toBe(false);
      expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
      expect(c.updatedAt).toBe(c.createdAt);
      const evs = await events(c.id);
      expect(evs.map((e) => e.type)).toEqual(['contact.created']);
      expect(evs[0].payload.contact?.id).toBe(c.id);
    });

    it('reads a national phone with the workspace default country (GB) or the given country', async () => {
      const gb = await hub.as('agent').post('/v1/contacts', { phone: ukMobile() });
      expect(gb.status).toBe(201);
      expect(gb.data.phone).toMatch(/^\+447400/);
      expect(gb.data.country).toBe('GB');
      expect(gb.data.displayName).toBe(gb.data.phone);
      const n = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
      const br = await hub.as('agent').post('/v1/contacts', { phone: `(11) 91234-${n}`, country: 'br' });
      expect(br.status).toBe(201);
      expect(br.data.phone).toBe(`+551191234${n}`);
      expect(br.data.country).toBe('BR');
    });

    it('refuses a national phone when the workspace has no default country', async () => {
      const res = await hub.as('other').post('/v1/contacts', { phone: '07400 123456' });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details[0].path).toBe('phone');
    });

    it('accepts a client id and refuses a taken one with 409 naming id', async () => {
      const id = `crm-${uid()}`;
      const a = await hub.as('agent').post('/v1/contacts', { id, firstName: 'A' });
      expect(a.status).toBe(201);
      expect(a.data.id).toBe(id);
      const b = await hub.as('agent').post('/v1/contacts', { id, firstName: 'B' });
      expect(b.status).toBe(409);
      expect(errorCode(b)).toBe('conflict');
      expect(b.data.error.details.map((d: { path: string }) => d.path)).toEqual(['id']);
    });

    it('refuses the id of a contact absorbed by a merge', async () => {
      const survivor = await hub.as('agent').post('/v1/contacts', { firstName: 'Survivor' });
      const absorbed = `gone-${uid()}`;
      const ws = await hub.server.db.query<{ id: string }>(`select id from workspaces where name = 'main'`);
      await hub.server.db.query(
        'insert into contact_aliases (workspace_id, alias_id, contact_id, merge_id) values ($1, $2, $3, $4)',
        [ws.rows[0].id, absorbed, survivor.data.id, `mrg_${uid()}`],
      );
      const res = await hub.as('agent').post('/v1/contacts', { id: absorbed });
      expect(res.status).toBe(409);
      expect(res.data.error.details[0].path).toBe('id');
      expect(res.data.error.details[0].message).toContain(survivor.data.id);
      // …and its id: ref resolves to the survivor.
      const got = await hub.as('agent').get(`/v1/contacts/id:${absorbed}`);
      expect(got.status).toBe(200);
      expect(got.data.id).toBe(survivor.data.id);
    });

    it('refuses a phone, e-mail or external code another contact has with 409 naming each field', async () => {
      const phone = ukMobile();
      const email = `dup.${uid()}@example.com`;
      const externalCode = `EXT-${uid()}`;
      expect((await hub.as('agent').post('/v1/contacts', { phone, email, externalCode })).status).toBe(201);
      const res = await hub.as('agent').post('/v1/contacts', { phone, email: email.toUpperCase(), externalCode });
      expect(res.status).toBe(409);
      expect(errorCode(res)).toBe('conflict');
      expect(res.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'externalCode', 'phone']);
    });

    it('checks the assignee is a user of the workspace', async () => {
      const ok = await hub.as('agent').post('/v1/contacts', { firstName: 'Assigned', assignee: userIds.agent });
      expect(ok.status).toBe(201);
      expect(ok.data.assignee).toBe(userIds.agent);
      const bad = await hub.as('agent').post('/v1/contacts', { firstName: 'Assigned', assignee: 'usr_nobody' });
      expect(bad.status).toBe(400);
      expect(bad.data.error.details[0].path).toBe('assignee');
      // A user of another workspace is not an assignee here.
      const otherUser = (await hub.as('other').get('/v1/users')).data.data[0].id;
      const cross = await hub.as('agent').post('/v1/contacts', { assignee: otherUser });
      expect(cross.status).toBe(400);
      expect(cross.data.error.details[0].path).toBe('assignee');
    });

    it('answers 400 with field paths for bad input', async () => {
      const cases: [unknown, string][] = [
        [{ phone: '12' }, 'phone'],
        [{ phone: 'not a phone' }, 'phone'],
        [{ email: 'nope' }, 'email'],
        [{ customFields: { shoeSize: 42 } }, 'customFields.shoeSize'],
        [{ customFields: { birthday: 'yesterday' } }, 'customFields.birthday'],
        [{ customFields: { tier: 'Platinum' } }, 'customFields.tier'],
        [{ firstName: 12 }, 'firstName'],
        [{ nickname: 'Bob' }, 'nickname'],
        [{ tags: ['ok', ''] }, 'tags[1]'],
        [{ country: 'XX' }, 'country'],
        [{ language: '12345' }, 'language'],
        [{ profilePic: 'ftp://x' }, 'profilePic'],
        [{ id: 'has space' }, 'id'],
        [{ conversationStatus: 'pending' }, 'conversationStatus'],
      ];
      for (const [body, path] of cases) {
        const res = await hub.as('agent').post('/v1/contacts', body);
        expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
        expect(errorCode(res)).toBe('validation_error');
        expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const notObject = await hub.as('agent').post('/v1/contacts', [1, 2], { headers: { 'content-type': 'application/json' } });
      expect(notObject.status).toBe(400);
      expect(errorCode(notObject)).toBe('validation_error');
    });

    it('honours Idempotency-Key: same key and body → same answer and one contact; other body → 409', async () => {
      const key = `idem-${uid()}`;
      const email = `idem.${uid()}@example.com`;
      const first = await hub.as('agent').post('/v1/contacts', { email }, { headers: { 'Idempotency-Key': key } });
      const again = await hub.as('agent').post('/v1/contacts', { email }, { headers: { 'Idempotency-Key': key } });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.data).toEqual(first.data);
      const count = await hub.server.db.query<{ n: number }>('select count(*)::int as n from contacts where email = $1', [email]);
      expect(count.rows[0].n).toBe(1);
      const other = await hub.as('agent').post('/v1/contacts', { email: `x${email}` }, { headers: { 'Idempotency-Key': key } });
      expect(other.status).toBe(409);
      expect(errorCode(other)).toBe('conflict');
    });

    it('refuses a missing key (401); any role may create', async () => {
      const none = await hub.as('none').post('/v1/contacts', { firstName: 'X' });
      expect(none.status).toBe(401);
      for (const role of ['owner', 'manager', 'agent'] as const) {
        expect((await hub.as(role).post('/v1/contacts', { firstName: role })).status).toBe(201);
      }
    });
  });

  it('publishes the contact routes in OpenAPI with the Contact answer', async () => {
    const res = await hub.as('none').get('/v1/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.data.paths;
    expect(paths['/v1/contacts'].post.operationId).toBe('createContact');
    expect(paths['/v1/contacts/upsert'].post.operationId).toBe('upsertContact');
    expect(paths['/v1/contacts/bulk/upsert'].post.operationId).toBe('bulkUpsertContacts');
    expect(Object.keys(paths['/v1/contacts/{ref}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(paths['/v1/contacts/{ref}/tags']).sort()).toEqual(['delete', 'post']);
    const answer = paths['/v1/contacts/{ref}'].get.responses['200'].content['application/json'].schema;
    expect(answer.properties.displayName.type).toBe('string');
  });

  describe('GET /v1/contacts/{ref}', () => {
    it('finds a contact by id, phone (national too), e-mail and external code', async () => {
      const phone = ukMobile();
      const email = `get.${uid()}@example.com`;
      const externalCode = `G-${uid()}`;
      const c = (await hub.as('agent').post('/v1/contacts', { phone, email, externalCode })).data;
      for (const ref of [`id:${c.id}`, `phone:${c.phone}`, `phone:${phone}`, `email:${email.toUpperCase()}`, `external:${externalCode}`]) {
        const res = await hub.as('agent').get(`/v1/contacts/${encodeURIComponent(ref)}`);
        expect([ref, res.status]).toEqual([ref, 200]);
        expect(res.data).toEqual(c);
      }
    });

    it('answers 404 naming the ref, 400 for a malformed ref', async () => {
      const missing = await hub.as('agent').get('/v1/contacts/id:nobody-here');
      expect(missing.status).toBe(404);
      expect(errorCode(missing)).toBe('not_found');
      expect(missing.data.error.details[0].path).toBe('ref');
      const bad = await hub.as('agent').get('/v1/contacts/nobody');
      expect(bad.status).toBe(400);
      expect(bad.data.error.details[0].path).toBe('ref');
    });

    it('another workspace never sees the contact', async () => {
      const email = `iso.${uid()}@example.com`;
      const c = (await hub.as('agent').post('/v1/contacts', { email })).data;
      expect((await hub.as('other').get(`/v1/contacts/id:${c.id}`)).status).toBe(404);
      expect((await hub.as('other').get(`/v1/contacts/email:${email}`)).status).toBe(404);
      expect((await hub.as('other').patch(`/v1/contacts/id:${c.id}`, { firstName: 'Hacked' })).status).toBe(404);
      expect((await hub.as('other').delete(`/v1/contacts/id:${c.id}`)).status).toBe(404);
      // The same e-mail is free in another workspace.
      expect((await hub.as('other').post('/v1/contacts', { email })).status).toBe(201);
      expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).data.firstName).toBeNull();
    });
  });

  describe('PATCH /v1/contacts/{ref}', () => {
    it('leaves absent fields, clears nulls, merges custom fields and emits the changed fields', async () => {
      const c = (
        await hub.as('agent').post('/v1/contacts', {
          firstName: 'Pat',
          lastName: 'Old',
          email: `patch.${uid()}@example.com`,
          customFields: { birthday: '1980-01-01', tier: 'Bronze' },
        })
      ).data;
      const res = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, {
        lastName: null,
        language: 'en',
        customFields: { tier: null, birthday: '1981-02-02' },
      });
      expect(res.status).toBe(200);
      expect(res.data.firstName).toBe('Pat');
      expect(res.data.lastName).toBeNull();
      expect(res.data.displayName).toBe('Pat');
      expect(res.data.language).toBe('en');
      expect(res.data.email).toBe(c.email);
      expect(res.data.customFields).toEqual({ birthday: '1981-02-02' });
      expect(res.data.updatedAt >= c.updatedAt).toBe(true);
      const evs = await events(c.id);
      expect(evs.map((e) => e.type)).toEqual(['contact.created', 'contact.updated']);
      expect(evs[1].payload.changes?.sort()).toEqual(['customFields.birthday', 'customFields.tier', 'language', 'lastName']);
    });

    it('emits nothing when nothing changed', async () => {
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Same', email: `same.${uid()}@example.com` })).data;
      const res = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { firstName: 'Same', email: c.email.toUpperCase() });
      expect(res.status).toBe(200);
      expect(res.data).toEqual(c);
      expect((await events(c.id)).map((e) => e.type)).toEqual(['contact.created']);
    });

    it('replaces tags, emitting contact.untagged and contact.tagged for the difference', async () => {
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Tags', tags: ['keep', 'drop'] })).data;
      const res = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { tags: ['KEEP', 'new'] });
      expect(res.status).toBe(200);
      expect(res.data.tags).toEqual(['keep', 'new']);
      const evs = await events(c.id);
      // Events of one transaction share their time; their order among themselves is not defined.
      expect(evs.map((e) => [e.type, e.payload.tags]).sort()).toEqual([
        ['contact.created', undefined],
        ['contact.tagged', ['new']],
        ['contact.untagged', ['drop']],
      ]);
      const cleared = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { tags: null });
      expect(cleared.data.tags).toEqual([]);
    });

    it('reads a national phone with the contact country and keeps the id immutable', async () => {
      const n = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Br', country: 'BR' })).data;
      const res = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { phone: `(11) 98765-${n}` });
      expect(res.status).toBe(200);
      expect(res.data.phone).toBe(`+551198765${n}`);
      const idChange = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { id: 'new-id' });
      expect(idChange.status).toBe(400);
      expect(idChange.data.error.details[0].path).toBe('id');
    });

    it('refuses a phone another contact has (409 phone), a bad assignee (400) and bad values (400)', async () => {
      const phone = ukMobile();
      await hub.as('agent').post('/v1/contacts', { phone });
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Other' })).data;
      const dup = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { phone });
      expect(dup.status).toBe(409);
      expect(dup.data.error.details[0].path).toBe('phone');
      const assignee = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { assignee: 'usr_ghost' });
      expect(assignee.status).toBe(400);
      expect(assignee.data.error.details[0].path).toBe('assignee');
      const bad = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { customFields: { nope: 1, birthday: 3 } });
      expect(bad.status).toBe(400);
      expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customFields.birthday', 'customFields.nope']);
      const wrongType = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { proactive: 'yes' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.data.error.details[0].path).toBe('proactive');
      expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).data).toEqual(c);
    });

    it('sets and clears the assignee and flips permissions and conversation status', async () => {
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Flags' })).data;
      const res = await hub.as('manager').patch(`/v1/contacts/id:${c.id}`, {
        assignee: userIds.manager,
        proactive: false,
        conversationStatus: 'closed',
      });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ assignee: userIds.manager, proactive: false, reactive: true, conversationStatus: 'closed' });
      const reopened = await hub.as('agent').patch(`/v1/contacts/id:${c.id}`, { assignee: null, conversationStatus: 'open' });
      expect(reopened.data.assignee).toBeNull();
      expect(reopened.data.conversationStatus).toBe('open');
      expect(reopened.data.conversationOpenedAt).not.toBeNull();
    });

    it('answers 404 for an unknown contact', async () => {
      const res = await hub.as('agent').patch('/v1/contacts/external:none-such', { firstName: 'X' });
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('not_found');
    });
  });

  describe('DELETE /v1/contacts/{ref}', () => {
    it('is refused to agents (403) and allowed to managers, deleting messages and emitting contact.deleted', async () => {
      const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'Doomed', tags: ['t'] })).data;
      const ws = await hub.server.db.query<{ id: string }>(`select id from workspaces where name = 'main'`);
      await hub.server.db.query(`insert into channels (workspace_id, id, type, name) values ($1, $2, 'sms', 'SMS')`, [
        ws.rows[0].id,
        `ch_${c.id}`,
      ]);
      await hub.server.db.query(
        `insert into messages (workspace_id, id, contact_id, channel_id, direction, type, text, created_at)
         values ($1, $2, $3, $4, 'incoming', 'text', 'hi', now())`,
        [ws.rows[0].id, `msg_${c.id}`, c.id, `ch_${c.id}`],
      );
      const agent = await hub.as('agent').delete(`/v1/contacts/id:${c.id}`);
      expect(agent.status).toBe(403);
      expect(errorCode(agent)).toBe('forbidden');
      const res = await hub.as('manager').delete(`/v1/contacts/id:${c.id}`);
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ deleted: true, id: c.id });
      expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).status).toBe(404);
      const msgs = await hub.server.db.query('select 1 from messages where contact_id = $1', [c.id]);
      expect(msgs.rowCount).toBe(0);
      const evs = await events(c.id);
      expect(evs.map((e) => e.type)).toEqual(['contact.created', 'contact.deleted']);
      expect(evs[1].payload.contact).toEqual(c);
      expect((await hub.as('owner').delete(`/v1/contacts/id:${c.id}`)).status).toBe(404);
    });

    it('answers 400 for a malformed ref', async () => {
      const res = await hub.as('owner').delete('/v1/contacts/phone:abc');
      expect(res.status).toBe(400);
      expect(res.data.error.details[0].path).toBe('ref');
    });
  });
});
