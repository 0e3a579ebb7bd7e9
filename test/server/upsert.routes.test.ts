import { randomBytes } from 'node:crypto';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const uid = () => randomBytes(4).toString('hex');
const ukMobile = () => `07400 2${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;

interface EventRow {
  type: string;
  payload: { changes?: string[]; tags?: string[] };
}

describe.each(STORES)('upsert routes on %s', (kind) => {
  let hub: TestHub;
  const eventTypes = async (contactId: string): Promise<string[]> =>
    (
      await hub.server.db.query<EventRow>(`select type, payload from events where payload->'contact'->>'id' = $1`, [contactId])
    ).rows
      .map((r) => r.type)
      .sort();

  beforeAll(async () => {
    hub = await startTestHub(kind);
    await hub.as('owner').post('/v1/custom-fields', { key: 'score', label: 'Score', type: 'number' });
  });
  afterAll(() => hub.close());

  describe('POST /v1/contacts/upsert', () => {
    it('creates (201, created: true) then updates by external code (200, created: false)', async () => {
      const externalCode = `U-${uid()}`;
      const first = await hub.as('agent').post('/v1/contacts/upsert', {
        contact: { externalCode, firstName: 'Una', tags: ['a'], customFields: { score: '7' } },
      });
      expect(first.status).toBe(201);
      expect(first.data.created).toBe(true);
      expect(first.data.contact).toMatchObject({ externalCode, firstName: 'Una', tags: ['a'], customFields: { score: 7 } });
      const second = await hub.as('agent').post('/v1/contacts/upsert', {
        contact: { externalCode, lastName: 'Upserted', tags: ['b'] },
      });
      expect(second.status).toBe(200);
      expect(second.data.created).toBe(false);
      expect(second.data.contact).toMatchObject({
        id: first.data.contact.id,
        firstName: 'Una',
        lastName: 'Upserted',
        tags: ['b'],
        customFields: { score: 7 },
      });
      expect(await eventTypes(first.data.contact.id)).toEqual([
        'contact.created',
        'contact.tagged',
        'contact.untagged',
        'contact.updated',
      ]);
    });

    it('follows the match order and can add tags instead of replacing them', async () => {
      const phone = ukMobile();
      const email = `order.${uid()}@example.com`;
      const byPhone = (await hub.as('agent').post('/v1/contacts', { phone, tags: ['old'] })).data;
      const byEmail = (await hub.as('agent').post('/v1/contacts', { email })).data;
      const res = await hub.as('agent').post('/v1/contacts/upsert', {
        matchBy: ['email', 'phone'],
        tagMode: 'add',
        contact: { email, firstName: 'E', tags: ['new'] },
      });
      expect(res.status).toBe(200);
      expect(res.data.contact.id).toBe(byEmail.id);
      const res2 = await hub.as('agent').post('/v1/contacts/upsert', {
        matchBy: ['phone', 'email'],
        tagMode: 'add',
        contact: { phone, firstName: 'P', tags: ['new'] },
      });
      expect(res2.data.contact.id).toBe(byPhone.id);
      expect(res2.data.contact.tags).toEqual(['new', 'old']);
    });

    it('matches by id, also the id of a merged-away contact, and refuses to change an id', async () => {
      const id = `up-${uid()}`;
      const created = await hub.as('agent').post('/v1/contacts/upsert', { matchBy: ['id'], contact: { id, firstName: 'Id' } });
      expect(created.status).toBe(201);
      expect(created.data.contact.id).toBe(id);
      const updated = await hub.as('agent').post('/v1/contacts/upsert', { matchBy: ['id'], contact: { id, firstName: 'Id2' } });
      expect(updated.status).toBe(200);
      expect(updated.data.contact.firstName).toBe('Id2');
      const externalCode = `X-${uid()}`;
      await hub.as('agent').patch(`/v1/contacts/id:${id}`, { externalCode });
      const clash = await hub.as('agent').post('/v1/contacts/upsert', {
        matchBy: ['externalCode'],
        contact: { id: `other-${uid()}`, externalCode },
      });
      expect(clash.status).toBe(409);
      expect(clash.data.error.details[0].path).toBe('contact.id');
    });

    it('an update that takes another contact\'s phone is a 409 naming contact.phone', async () => {
      const phone = ukMobile();
      await hub.as('agent').post('/v1/contacts', { phone });
      const externalCode = `C-${uid()}`;
      await hub.as('agent').post('/v1/contacts', { externalCode });
      const res = await hub.as('agent').post('/v1/contacts/upsert', { matchBy: ['externalCode'], contact: { externalCode, phone } });
      expect(res.status).toBe(409);
      expect(errorCode(res)).toBe('conflict');
      expect(res.data.error.details[0].path).toBe('contact.phone');
    });

    it('an unchanged upsert answers the contact and emits nothing', async () => {
      const externalCode = `N-${uid()}`;
      const c = (await hub.as('agent').post('/v1/contacts/upsert', { contact: { externalCode, firstName: 'Same' } })).data.contact;
      const again = await hub.as('agent').post('/v1/contacts/upsert', { contact: { externalCode, firstName: 'Same' } });
      expect(again.status).toBe(200);
      expect(again.data.contact).toEqual(c);
      expect(await eventTypes(c.id)).toEqual(['contact.created']);
    });

    it('answers 400 with contact.-prefixed paths for bad input', async () => {
      const cases: [unknown, string][] = [
        [{ contact: { phone: 'abc' } }, 'contact.phone'],
        [{ contact: { externalCode: 'E1', customFields: { unknownKey: 1 } } }, 'contact.customFields.unknownKey'],
        [{ contact: { externalCode: 'E1', customFields: { score: 'high' } } }, 'contact.customFields.score'],
        [{ contact: { firstName: 'No match key' } }, 'contact'],
        [{ contact: { externalCode: 'E1', nickname: 'x' } }, 'contact.nickname'],
        [{ matchBy: ['name'], contact: { externalCode: 'E1' } }, 'matchBy[0]'],
        [{ matchBy: [], contact: { externalCode: 'E1' } }, 'matchBy'],
        [{ matchBy: ['phone', 'phone'], contact: { externalCode: 'E1' } }, 'matchBy'],
        [{ externalCode: 'flat' }, 'externalCode'],
        [{}, 'contact'],
      ];
      for (const [body, path] of cases) {
        const res = await hub.as('agent').post('/v1/contacts/upsert', body);
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
        expect(errorCode(res)).toBe('validation_error');
        expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
    });

    it('another workspace gets its own contact, never the main one', async () => {
      const externalCode = `W-${uid()}`;
      const main = (await hub.as('agent').post('/v1/contacts/upsert', { contact: { externalCode, firstName: 'Main' } })).data.contact;
      const other = await hub.as('other').post('/v1/contacts/upsert', { contact: { externalCode, firstName: 'Other' } });
      expect(other.status).toBe(201);
      expect(other.data.contact.id).not.toBe(main.id);
      expect((await hub.as('agent').get(`/v1/contacts/external:${externalCode}`)).data.firstName).toBe('Main');
    });

    it('needs a key; every role may upsert', async () => {
      expect((await hub.as('none').post('/v1/contacts/upsert', { contact: { externalCode: 'x' } })).status).toBe(401);
      for (const role of ['owner', 'manager', 'agent'] as const) {
        const res = await hub.as(role).post('/v1/contacts/upsert', { contact: { externalCode: `R-${role}-${uid()}` } });
        expect(res.status).toBe(201);
      }
    });
  });

  describe('POST /v1/contacts/bulk/upsert', () => {
    it('upserts each item on its own: good items kept, bad items get their error', async () => {
      const code = `B-${uid()}`;
      await hub.as('agent').post('/v1/contacts', { externalCode: `${code}-1`, firstName: 'Existing' });
      const res = await hub.as('agent').post('/v1/contacts/bulk/upsert', {
        contacts: [
          { externalCode: `${code}-1`, lastName: 'Updated' },
          { externalCode: `${code}-2`, firstName: 'New', phone: ukMobile() },
          { externalCode: `${code}-3`, phone: 'nope' },
          'not an object',
          { externalCode: `${code}-4`, customFields: { score: 'x' }, shoe: 1 },
          { externalCode: `${code}-2`, firstName: 'Again' },
        ],
      });
      expect(res.status).toBe(200);
      const r = res.data.results;
      expect(r.map((x: { status: string }) => x.status)).toEqual(['updated', 'created', 'error', 'error', 'error', 'updated']);
      expect(r.map((x: { index: number }) => x.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(r[0].contact).toMatchObject({ firstName: 'Existing', lastName: 'Updated' });
      expect(r[2].error.code).toBe('validation_error');
      expect(r[2].error.details[0].path).toBe('phone');
      expect(r[3].error.code).toBe('validation_error');
      expect(r[4].error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customFields.score', 'shoe']);
      expect(r[5].contact).toMatchObject({ id: r[1].contact.id, firstName: 'Again' });
      expect(res.data.summary).toEqual({ created: 1, updated: 2, failed: 3 });
      expect((await hub.as('agent').get(`/v1/contacts/external:${code}-3`)).status).toBe(404);
    });

    it('reports a conflict per item', async () => {
      const phone = ukMobile();
      await hub.as('agent').post('/v1/contacts', { phone });
      const res = await hub.as('agent').post('/v1/contacts/bulk/upsert', {
        matchBy: ['externalCode'],
        contacts: [{ externalCode: `K-${uid()}`, phone }],
      });
      expect(res.status).toBe(200);
      expect(res.data.results[0].status).toBe('error');
      expect(res.data.results[0].error.code).toBe('conflict');
      expect(res.data.results[0].error.details[0].path).toBe('phone');
    });

    it('in create mode only creates: an item whose phone or external code is taken fails with 409', async () => {
      const code = `C-${uid()}`;
      const phone = ukMobile();
      await hub.as('agent').post('/v1/contacts', { externalCode: `${code}-1`, phone });
      const res = await hub.as('agent').post('/v1/contacts/bulk/upsert', {
        mode: 'create',
        contacts: [{ externalCode: `${code}-1`, firstName: 'Dup' }, { firstName: 'Fresh', externalCode: `${code}-2` }, { phone }],
      });
      expect(res.status).toBe(200);
      const r = res.data.results;
      expect(r.map((x: { status: string }) => x.status)).toEqual(['error', 'created', 'error']);
      expect(r[0].error.code).toBe('conflict');
      expect(r[0].error.details[0].path).toBe('externalCode');
      expect(r[2].error.details[0].path).toBe('phone');
      expect(res.data.summary).toEqual({ created: 1, updated: 0, failed: 2 });
      expect((await hub.as('agent').get(`/v1/contacts/external:${code}-1`)).data.firstName).toBeNull();
      const bad = await hub.as('agent').post('/v1/contacts/bulk/upsert', { mode: 'replace', contacts: [{}] });
      expect(bad.status).toBe(400);
      expect(bad.data.error.details[0].path).toBe('mode');
    });

    it('handles a batch of 100 contacts', async () => {
      const code = `H-${uid()}`;
      const contacts = Array.from({ length: 100 }, (_, i) => ({ externalCode: `${code}-${i}`, firstName: `N${i}`, tags: ['batch'] }));
      const res = await hub.as('agent').post('/v1/contacts/bulk/upsert', { contacts });
      expect(res.status).toBe(200);
      expect(res.data.summary).toEqual({ created: 100, updated: 0, failed: 0 });
      const again = await hub.as('agent').post('/v1/contacts/bulk/upsert', { contacts });
      expect(again.data.summary).toEqual({ created: 0, updated: 100, failed: 0 });
    });

    it('answers 400 for a bad request as a whole', async () => {
      const cases: [unknown, string][] = [
        [{}, 'contacts'],
        [{ contacts: [] }, 'contacts'],
        [{ contacts: 'x' }, 'contacts'],
        [{ contacts: Array.from({ length: 1001 }, () => ({})) }, 'contacts'],
        [{ contacts: [{}], matchBy: ['x'] }, 'matchBy[0]'],
        [{ contacts: [{}], extra: true }, 'extra'],
      ];
      for (const [body, path] of cases) {
        const res = await hub.as('agent').post('/v1/contacts/bulk/upsert', body);
        expect(res.status).toBe(400);
        expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
    });

    it('another workspace works on its own contacts; a key is needed', async () => {
      const code = `O-${uid()}`;
      await hub.as('agent').post('/v1/contacts', { externalCode: code, firstName: 'Main' });
      const res = await hub.as('other').post('/v1/contacts/bulk/upsert', { contacts: [{ externalCode: code, firstName: 'Other' }] });
      expect(res.data.results[0].status).toBe('created');
      expect((await hub.as('agent').get(`/v1/contacts/external:${code}`)).data.firstName).toBe('Main');
      expect((await hub.as('none').post('/v1/contacts/bulk/upsert', { contacts: [{}] })).status).toBe(401);
      expect((await hub.as('manager').post('/v1/contacts/bulk/upsert', { contacts: [{ externalCode: `${code}-m` }] })).status).toBe(200);
    });
  });
});
