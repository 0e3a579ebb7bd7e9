import { randomBytes } from 'node:crypto';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const uid = () => randomBytes(4).toString('hex');

describe.each(STORES)('contact tag routes on %s', (kind) => {
  let hub: TestHub;
  const tagEvents = async (contactId: string): Promise<[string, string[] | undefined][]> =>
    (
      await hub.server.db.query<{ type: string; payload: { tags?: string[] } }>(
        `select type, payload from events where payload->'contact'->>'id' = $1 and type like 'contact.%tagged'`,
        [contactId],
      )
    ).rows
      .map((r): [string, string[] | undefined] => [r.type, r.payload.tags])
      .sort();

  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('POST adds tags, creates missing catalogue tags and emits contact.tagged with the names added', async () => {
    const existing = `Existing-${uid()}`;
    await hub.as('agent').post('/v1/tags', { name: existing });
    const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'T', tags: ['first'] })).data;
    const fresh = `Fresh ${uid()}`;
    const res = await hub.as('agent').post(`/v1/contacts/id:${c.id}/tags`, { tags: [existing.toLowerCase(), ` ${fresh} `, 'FIRST'] });
    expect(res.status).toBe(200);
    expect(res.data.tags).toEqual([existing, 'first', fresh].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(res.data.updatedAt >= c.updatedAt).toBe(true);
    const catalogue = await hub.as('agent').get('/v1/tags', { params: { search: fresh } });
    expect(catalogue.data.data.map((t: { name: string }) => t.name)).toEqual([fresh]);
    expect(await tagEvents(c.id)).toEqual([['contact.tagged', [existing, fresh].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))]]);
    // Adding tags it already has changes nothing and emits nothing.
    const again = await hub.as('agent').post(`/v1/contacts/id:${c.id}/tags`, { tags: ['first'] });
    expect(again.status).toBe(200);
    expect(again.data).toEqual(res.data);
    expect(await tagEvents(c.id)).toHaveLength(1);
  });

  it('DELETE removes tags (catalogue keeps them) and emits contact.untagged with the names removed', async () => {
    const name = `Gone-${uid()}`;
    const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'U', tags: [name, 'stay'] })).data;
    const res = await hub.as('agent').delete(`/v1/contacts/id:${c.id}/tags`, { data: { tags: [name.toUpperCase(), 'never-had'] } });
    expect(res.status).toBe(200);
    expect(res.data.tags).toEqual(['stay']);
    expect(await tagEvents(c.id)).toEqual([['contact.untagged', [name]]]);
    const catalogue = await hub.as('agent').get('/v1/tags', { params: { search: name } });
    expect(catalogue.data.data).toEqual([expect.objectContaining({ name, contactCount: 0 })]);
    const none = await hub.as('agent').delete(`/v1/contacts/id:${c.id}/tags`, { data: { tags: [name] } });
    expect(none.data.tags).toEqual(['stay']);
    expect(await tagEvents(c.id)).toHaveLength(1);
  });

  it('answers 400 naming the bad tag, 404 for an unknown contact', async () => {
    const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'B' })).data;
    const cases: [unknown, string][] = [
      [{ tags: ['ok', '  '] }, 'tags[1]'],
      [{ tags: ['x'.repeat(65)] }, 'tags[0]'],
      [{ tags: [] }, 'tags'],
      [{ tags: 'vip' }, 'tags'],
      [{ tags: [3] }, 'tags[0]'],
      [{}, 'tags'],
      [{ tags: ['a'], other: 1 }, 'other'],
    ];
    for (const [body, path] of cases) {
      for (const method of ['post', 'delete'] as const) {
        const res = await hub.as('agent').request({ method, url: `/v1/contacts/id:${c.id}/tags`, data: body });
        expect([method, JSON.stringify(body), res.status]).toEqual([method, JSON.stringify(body), 400]);
        expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
    }
    const missing = await hub.as('agent').post('/v1/contacts/id:no-such/tags', { tags: ['a'] });
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('not_found');
  });

  it('refuses more than 200 tags on one contact (422)', async () => {
    const c = (await hub.as('agent').post('/v1/contacts', { tags: Array.from({ length: 200 }, (_, i) => `m${i}`) })).data;
    const res = await hub.as('agent').post(`/v1/contacts/id:${c.id}/tags`, { tags: ['one-more'] });
    expect(res.status).toBe(422);
    expect(errorCode(res)).toBe('rule_refused');
    expect(res.data.error.details[0].path).toBe('tags');
  });

  it('every role may tag; another workspace cannot reach the contact; a key is needed', async () => {
    const c = (await hub.as('agent').post('/v1/contacts', { firstName: 'R' })).data;
    for (const role of ['owner', 'manager', 'agent'] as const) {
      expect((await hub.as(role).post(`/v1/contacts/id:${c.id}/tags`, { tags: [role] })).status).toBe(200);
      expect((await hub.as(role).delete(`/v1/contacts/id:${c.id}/tags`, { data: { tags: [role] } })).status).toBe(200);
    }
    expect((await hub.as('other').post(`/v1/contacts/id:${c.id}/tags`, { tags: ['x'] })).status).toBe(404);
    expect((await hub.as('other').delete(`/v1/contacts/id:${c.id}/tags`, { data: { tags: ['x'] } })).status).toBe(404);
    expect((await hub.as('none').post(`/v1/contacts/id:${c.id}/tags`, { tags: ['x'] })).status).toBe(401);
    expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).data.tags).toEqual([]);
  });
});
