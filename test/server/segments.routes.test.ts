import type { AxiosResponse } from 'axios';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createContact, unique } from './messaging-fixtures';

const byTag = (tag: string) => ({ field: 'tags', operator: 'hasAny', value: [tag] });

describe.each(STORES)('segments on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('creates, gets (with count), lists, renames, changes and deletes a segment', async () => {
    const tag = unique('s');
    await createContact(hub, { firstName: 'One', tags: [tag] });
    await createContact(hub, { firstName: 'Two', tags: [tag] });
    const name = unique('VIP customers ');
    const created = await hub.as('agent').post('/v1/segments', { name: `  ${name}  `, filter: byTag(tag) });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name, count: 2, id: expect.stringMatching(/^seg_/) });
    expect(created.data.filter).toMatchObject({ field: 'tags', operator: 'hasAny', value: [tag] });
    const id = created.data.id as string;

    const got = await hub.as('agent').get(`/v1/segments/${id}`);
    expect(got.status).toBe(200);
    expect(got.data).toMatchObject({ id, name, count: 2 });
    expect(got.data.createdAt).toEqual(expect.any(String));

    const list = await hub.as('agent').get('/v1/segments');
    expect(list.status).toBe(200);
    expect(list.data.data.find((s: { id: string }) => s.id === id)).not.toHaveProperty('count');
    const counted = await hub.as('agent').get('/v1/segments?withCounts=true');
    expect(counted.data.data.find((s: { id: string }) => s.id === id)).toMatchObject({ count: 2 });

    const renamed = await hub.as('manager').patch(`/v1/segments/${id}`, {
      name: `${name} (new)`,
      filter: { and: [byTag(tag), { field: 'firstName', operator: 'is', value: 'one' }] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ name: `${name} (new)`, count: 1 });

    const deleted = await hub.as('owner').delete(`/v1/segments/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.data).toEqual({ deleted: true, id });
    expect((await hub.as('agent').get(`/v1/segments/${id}`)).status).toBe(404);
    expect((await hub.as('owner').delete(`/v1/segments/${id}`)).status).toBe(404);
  });

  it('pages through the list by name', async () => {
    const prefix = unique('page');
    for (const n of ['c', 'A', 'b', 'D', 'e']) {
      expect((await hub.as('agent').post('/v1/segments', { name: `${prefix}-${n}`, filter: { and: [] } })).status).toBe(201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res: AxiosResponse = await hub.as('agent').get('/v1/segments', { params: { limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      names.push(...res.data.data.map((s: { name: string }) => s.name));
      cursor = res.data.nextCursor;
    } while (cursor);
    const mine = names.filter((n) => n.startsWith(prefix));
    expect(mine).toEqual(['A', 'b', 'c', 'D', 'e'].map((n) => `${prefix}-${n}`));
    const bad = await hub.as('agent').get('/v1/segments', { params: { cursor: '***' } });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('query.cursor');
  });

  it('refuses a duplicate name case-insensitively (409)', async () => {
    const name = unique('Dup');
    expect((await hub.as('agent').post('/v1/segments', { name, filter: { and: [] } })).status).toBe(201);
    const dup = await hub.as('agent').post('/v1/segments', { name: name.toUpperCase(), filter: { and: [] } });
    expect(dup.status).toBe(409);
    expect(errorCode(dup)).toBe('conflict');
    expect(dup.data.error.details[0].path).toBe('name');
    const other = await hub.as('agent').post('/v1/segments', { name: unique('Other'), filter: { and: [] } });
    const rename = await hub.as('owner').patch(`/v1/segments/${other.data.id}`, { name: name.toLowerCase() });
    expect(rename.status).toBe(409);
  });

  it('validates the filter against the workspace custom fields, naming the path', async () => {
    const key = `seg${unique().replace(/[^a-z0-9]/g, '')}`;
    expect((await hub.as('owner').post('/v1/custom-fields', { key, label: 'Score', type: 'number' })).status).toBe(201);
    const ok = await hub.as('agent').post('/v1/segments', { name: unique('Scored'), filter: { field: `customFields.${key}`, operator: 'gt', value: '5' } });
    expect(ok.status).toBe(201);
    expect(ok.data.filter.value).toBe(5);
    const bad = await hub.as('agent').post('/v1/segments', {
      name: unique('Bad'),
      filter: { or: [{ field: 'tags', operator: 'exists' }, { field: `customFields.${key}`, operator: 'gt', value: 'high' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('filter.or[1].value');
    const unknown = await hub.as('agent').post('/v1/segments', { name: unique('U'), filter: { field: 'customFields.nope', operator: 'exists' } });
    expect(unknown.status).toBe(400);
    expect(unknown.data.error.details[0].path).toBe('filter.field');
    const noName = await hub.as('agent').post('/v1/segments', { name: '   ', filter: { and: [] } });
    expect(noName.status).toBe(400);
    expect(noName.data.error.details[0].path).toBe('name');
    const noFilter = await hub.as('agent').post('/v1/segments', { name: unique('N') });
    expect(noFilter.status).toBe(400);
    expect(noFilter.data.error.details[0].path).toBe('filter');
    const patch = await hub.as('owner').patch(`/v1/segments/${ok.data.id}`, { filter: { not: { field: 'blocked', operator: 'is', value: 'maybe' } } });
    expect(patch.status).toBe(400);
    expect(patch.data.error.details[0].path).toBe('filter.not.value');
  });

  it('agents create and read; only owners and managers change or delete', async () => {
    const seg = await hub.as('agent').post('/v1/segments', { name: unique('Roles'), filter: { and: [] } });
    expect(seg.status).toBe(201);
    const patch = await hub.as('agent').patch(`/v1/segments/${seg.data.id}`, { name: unique('x') });
    expect(patch.status).toBe(403);
    expect(errorCode(patch)).toBe('forbidden');
    const del = await hub.as('agent').delete(`/v1/segments/${seg.data.id}`);
    expect(del.status).toBe(403);
    expect((await hub.as('manager').patch(`/v1/segments/${seg.data.id}`, { name: unique('y') })).status).toBe(200);
    expect((await hub.as('manager').delete(`/v1/segments/${seg.data.id}`)).status).toBe(200);
  });

  it('another workspace sees none of main segments and cannot use them', async () => {
    const tag = unique('iso');
    await createContact(hub, { firstName: 'Iso', tags: [tag] });
    const seg = await hub.as('owner').post('/v1/segments', { name: unique('Main only'), filter: byTag(tag) });
    const id = seg.data.id as string;
    expect((await hub.as('other').get(`/v1/segments/${id}`)).status).toBe(404);
    expect((await hub.as('other').patch(`/v1/segments/${id}`, { name: 'stolen' })).status).toBe(404);
    expect((await hub.as('other').delete(`/v1/segments/${id}`)).status).toBe(404);
    const list = await hub.as('other').get('/v1/segments');
    expect(list.data.data.map((s: { id: string }) => s.id)).not.toContain(id);
    const search = await hub.as('other').post('/v1/contacts/search', { segmentId: id });
    expect(search.status).toBe(404);
    // The same name is free in the other workspace.
    expect((await hub.as('other').post('/v1/segments', { name: seg.data.name, filter: { and: [] } })).status).toBe(201);
    expect((await hub.as('owner').get(`/v1/segments/${id}`)).data.name).toBe(seg.data.name);
  });
});
