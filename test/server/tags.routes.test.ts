import type { AxiosResponse } from 'axios';
import { randomBytes } from 'node:crypto';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const uid = () => randomBytes(4).toString('hex');

interface Tag {
  id: string;
  name: string;
  contactCount: number;
  createdAt: string;
}

describe.each(STORES)('tag catalogue routes on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('POST /v1/tags creates a tag (201) and refuses a name that exists case-insensitively (409)', async () => {
    const name = `  Gold   Member ${uid()} `;
    const res = await hub.as('agent').post('/v1/tags', { name });
    expect(res.status).toBe(201);
    const normalized = name.trim().replace(/\s+/g, ' ');
    expect(res.data).toMatchObject({ name: normalized, contactCount: 0 });
    expect(res.data.id).toMatch(/^tag_/);
    const clash = await hub.as('agent').post('/v1/tags', { name: normalized.toUpperCase() });
    expect(clash.status).toBe(409);
    expect(errorCode(clash)).toBe('conflict');
    expect(clash.data.error.details[0].path).toBe('name');
  });

  it('POST /v1/tags answers 400 for a bad name', async () => {
    for (const body of [{ name: '' }, { name: 'x'.repeat(65) }, { name: 'a\u0007b' }, {}, { name: 5 }]) {
      const res = await hub.as('agent').post('/v1/tags', body);
      expect(res.status).toBe(400);
      expect(res.data.error.details[0].path).toBe('name');
    }
    expect((await hub.as('agent').post('/v1/tags', { name: 'ok', color: 'red' })).data.error.details[0].path).toBe('color');
  });

  it('GET /v1/tags lists tags by name with contact counts, search and keyset pages', async () => {
    const p = `pg${uid()}`;
    const names = [`${p}-b`, `${p}-A`, `${p}-c`, `${p}-D`, `${p}-e`];
    for (const n of names) await hub.as('agent').post('/v1/tags', { name: n });
    await hub.as('agent').post('/v1/contacts', { tags: [`${p}-b`] });
    await hub.as('agent').post('/v1/contacts', { tags: [`${p}-b`, `${p}-c`] });
    const seen: Tag[] = [];
    let cursor: string | null = null;
    do {
      const res: AxiosResponse = await hub.as('agent').get('/v1/tags', { params: { search: p.toUpperCase(), limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      expect(res.data.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.data.data);
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen.map((t) => t.name)).toEqual([`${p}-A`, `${p}-b`, `${p}-c`, `${p}-D`, `${p}-e`]);
    expect(seen.map((t) => t.contactCount)).toEqual([0, 2, 1, 0, 0]);
  });

  it('GET /v1/tags answers 400 for a bad cursor or limit', async () => {
    const bad = await hub.as('agent').get('/v1/tags', { params: { cursor: '!!!' } });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('query.cursor');
    const limit = await hub.as('agent').get('/v1/tags', { params: { limit: 0 } });
    expect(limit.status).toBe(400);
    expect(limit.data.error.details[0].path).toBe('query.limit');
  });

  it('PATCH /v1/tags/{tagId} renames (owner, manager), allows a case change, refuses a clash', async () => {
    const a = (await hub.as('agent').post('/v1/tags', { name: `ren-${uid()}` })).data;
    const b = (await hub.as('agent').post('/v1/tags', { name: `other-${uid()}` })).data;
    const c = (await hub.as('agent').post('/v1/contacts', { tags: [a.name] })).data;
    const agent = await hub.as('agent').patch(`/v1/tags/${a.id}`, { name: 'x' });
    expect(agent.status).toBe(403);
    expect(errorCode(agent)).toBe('forbidden');
    const renamed = await hub.as('manager').patch(`/v1/tags/${a.id}`, { name: `Renamed ${a.name}` });
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ id: a.id, name: `Renamed ${a.name}`, contactCount: 1 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).data.tags).toEqual([`Renamed ${a.name}`]);
    const caseOnly = await hub.as('owner').patch(`/v1/tags/${a.id}`, { name: `RENAMED ${a.name}` });
    expect(caseOnly.status).toBe(200);
    const clash = await hub.as('owner').patch(`/v1/tags/${a.id}`, { name: b.name.toUpperCase() });
    expect(clash.status).toBe(409);
    expect(clash.data.error.details[0].path).toBe('name');
    const bad = await hub.as('owner').patch(`/v1/tags/${a.id}`, { name: ' ' });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('name');
    const missing = await hub.as('owner').patch('/v1/tags/tag_nothing', { name: 'y' });
    expect(missing.status).toBe(404);
    expect(missing.data.error.details[0].path).toBe('tagId');
  });

  it('DELETE /v1/tags/{tagId} (owner, manager) removes the tag from every contact and emits contact.untagged', async () => {
    const name = `del-${uid()}`;
    const tag = (await hub.as('agent').post('/v1/tags', { name })).data;
    const c1 = (await hub.as('agent').post('/v1/contacts', { tags: [name, 'keepme'] })).data;
    const c2 = (await hub.as('agent').post('/v1/contacts', { tags: [name] })).data;
    expect((await hub.as('agent').delete(`/v1/tags/${tag.id}`)).status).toBe(403);
    const res = await hub.as('manager').delete(`/v1/tags/${tag.id}`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ deleted: true, id: tag.id, name, untaggedContacts: 2 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${c1.id}`)).data.tags).toEqual(['keepme']);
    expect((await hub.as('agent').get(`/v1/contacts/id:${c2.id}`)).data.tags).toEqual([]);
    const evs = await hub.server.db.query<{ payload: { contact: { id: string; tags: string[] }; tags: string[] } }>(
      `select payload from events where type = 'contact.untagged' and payload->'tags' ? $1`,
      [name],
    );
    expect(evs.rows.map((r) => r.payload.contact.id).sort()).toEqual([c1.id, c2.id].sort());
    expect(evs.rows.every((r) => !r.payload.contact.tags.includes(name))).toBe(true);
    expect((await hub.as('owner').delete(`/v1/tags/${tag.id}`)).status).toBe(404);
  });

  it('another workspace sees none of the tags and cannot change them', async () => {
    const name = `iso-${uid()}`;
    const tag = (await hub.as('agent').post('/v1/tags', { name })).data;
    const list = await hub.as('other').get('/v1/tags', { params: { search: name } });
    expect(list.data).toEqual({ data: [], nextCursor: null });
    expect((await hub.as('other').patch(`/v1/tags/${tag.id}`, { name: 'hijack' })).status).toBe(404);
    expect((await hub.as('other').delete(`/v1/tags/${tag.id}`)).status).toBe(404);
    expect((await hub.as('other').post('/v1/tags', { name })).status).toBe(201);
    expect((await hub.as('none').get('/v1/tags')).status).toBe(401);
  });
});
