import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createContact, mainWorkspaceId, unique } from './messaging-fixtures';

const byTag = (tag: string) => ({ field: 'tags', operator: 'hasAny', value: [tag] });

describe.each(STORES)('POST /v1/contacts/bulk/tags on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    ws = await mainWorkspaceId(hub);
  });
  afterAll(() => hub.close());

  const bulk = (body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' | 'none' = 'agent') =>
    hub.as(who).post('/v1/contacts/bulk/tags', body);

  const events = async (type: string, contactId: string) =>
    (
      await hub.server.db.query<{ payload: { tags: string[]; contact: { tags: string[] } } }>(
        `select payload from events where workspace_id = $1 and type = $2 and payload->'contact'->>'id' = $3 order by created_at`,
        [ws, type, contactId],
      )
    ).rows.map((r) => r.payload);

  it('adds tags to listed refs, reporting refs that name no contact, and emits contact.tagged per changed contact', async () => {
    const a = await createContact(hub, { firstName: 'A', tags: ['Existing'] });
    const b = await createContact(hub, { firstName: 'B' });
    const newTag = unique('New');
    const res = await bulk({ action: 'add', tags: [newTag, 'existing'], refs: [`id:${a.id}`, `id:${b.id}`, 'id:nobody', 'bogus'] });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ matched: 2, changed: 2, skipped: 0 });
    expect(res.data.results).toEqual([
      { ref: `id:${a.id}`, status: 'changed', contactId: a.id },
      { ref: `id:${b.id}`, status: 'changed', contactId: b.id },
      expect.objectContaining({ ref: 'id:nobody', status: 'not_found' }),
      expect.objectContaining({ ref: 'bogus', status: 'error', error: expect.objectContaining({ code: 'validation_error' }) }),
    ]);
    const got = await hub.as('agent').get(`/v1/contacts/id:${b.id}`);
    expect(got.data.tags).toEqual(['Existing', newTag].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
    expect((await events('contact.tagged', a.id)).map((e) => e.tags)).toEqual([[newTag]]);
    const bTagged = await events('contact.tagged', b.id);
    expect(bTagged).toHaveLength(1);
    expect(bTagged[0]?.contact.tags).toContain(newTag);

    const again = await bulk({ action: 'add', tags: [newTag], refs: [`id:${a.id}`] });
    expect(again.data).toMatchObject({ matched: 1, changed: 0, results: [{ ref: `id:${a.id}`, status: 'unchanged', contactId: a.id }] });
    expect(await events('contact.tagged', a.id)).toHaveLength(1);
  });

  it('removes tags from every contact of a filter, leaving blocked ones unless asked', async () => {
    const tag = unique('rm');
    const x = await createContact(hub, { firstName: 'X', tags: [tag, 'keep'] });
    const y = await createContact(hub, { firstName: 'Y', tags: [tag] });
    const blocked = await createContact(hub, { firstName: 'Z', tags: [tag] });
    expect((await hub.as('agent').post(`/v1/contacts/id:${blocked.id}/block`, {})).status).toBe(200);
    const res = await bulk({ action: 'remove', tags: [tag.toUpperCase()], filter: byTag(tag) });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ matched: 2, changed: 2, skipped: 0 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${x.id}`)).data.tags).toEqual(['keep']);
    expect((await events('contact.untagged', y.id)).map((e) => e.tags)).toEqual([[tag]]);
    expect((await hub.as('agent').get(`/v1/contacts/id:${blocked.id}`)).data.tags).toEqual([tag]);
    const withBlocked = await bulk({ action: 'remove', tags: [tag], filter: byTag(tag), includeBlocked: true });
    expect(withBlocked.data).toEqual({ matched: 1, changed: 1, skipped: 0 });
    // The catalogue keeps the tag.
    const tags = await hub.as('agent').get('/v1/tags', { params: { search: tag } });
    expect(tags.data.data.map((t: { name: string }) => t.name)).toContain(tag);
  });

  it('works through more contacts than one chunk (keyset over ids), one event per contact', async () => {
    const tag = unique('many');
    const prefix = unique('bulk');
    const n = 1203;
    await hub.server.db.query(
      `insert into contacts (workspace_id, id, first_name, display_name, created_at, updated_at)
       select $1, $2 || '-' || lpad(g::text, 5, '0'), 'Bulk', 'Bulk', now(), now() from generate_series(1, $3::int) g`,
      [ws, prefix, n],
    );
    const byPrefix = { field: 'id', operator: 'startsWith', value: `${prefix}-` };
    const add = await bulk({ action: 'add', tags: [tag], filter: byPrefix });
    expect(add.status).toBe(200);
    expect(add.data).toEqual({ matched: n, changed: n, skipped: 0 });
    expect((await hub.as('agent').post('/v1/contacts/count', { filter: byTag(tag) })).data.count).toBe(n);
    const { rows } = await hub.server.db.query<{ n: number | string }>(
      `select count(*) as n from events where workspace_id = $1 and type = 'contact.tagged' and payload->'contact'->>'id' like $2`,
      [ws, `${prefix}-%`],
    );
    expect(Number(rows[0]?.n)).toBe(n);
    const remove = await bulk({ action: 'remove', tags: [tag], segmentId: undefined, filter: byTag(tag) });
    expect(remove.data).toEqual({ matched: n, changed: n, skipped: 0 });
  });

  it('refuses bad input with the field path', async () => {
    const none = await bulk({ action: 'add', tags: ['x'] });
    expect(none.status).toBe(400);
    expect(none.data.error.details[0].path).toBe('refs');
    const both = await bulk({ action: 'add', tags: ['x'], refs: ['id:a'], filter: { and: [] } });
    expect(both.status).toBe(400);
    const noTags = await bulk({ action: 'add', tags: [], refs: ['id:a'] });
    expect(noTags.status).toBe(400);
    expect(noTags.data.error.details[0].path).toBe('tags');
    const badTag = await bulk({ action: 'add', tags: ['ok', '   '], refs: ['id:a'] });
    expect(badTag.status).toBe(400);
    expect(badTag.data.error.details[0].path).toBe('tags[1]');
    const badAction = await bulk({ action: 'toggle', tags: ['x'], refs: ['id:a'] });
    expect(badAction.status).toBe(400);
    expect(badAction.data.error.details[0].path).toBe('action');
    const tooMany = await bulk({ action: 'add', tags: ['x'], refs: Array.from({ length: 1001 }, (_, i) => `id:c${i}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.error.details[0].path).toBe('refs');
    const badFilter = await bulk({ action: 'add', tags: ['x'], filter: { and: [{ field: 'tags', operator: 'is', value: 'x' }] } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.data.error.details[0].path).toBe('filter.and[0].operator');
    expect(errorCode(badFilter)).toBe('validation_error');
  });

  it('every role may tag; another workspace reaches none of main contacts', async () => {
    const tag = unique('role');
    const c = await createContact(hub, { firstName: 'R', tags: [tag] });
    for (const who of ['owner', 'manager', 'agent'] as const) {
      expect((await bulk({ action: 'add', tags: [`${tag}-${who}`], refs: [`id:${c.id}`] }, who)).status).toBe(200);
    }
    expect((await bulk({ action: 'add', tags: ['x'], refs: [`id:${c.id}`] }, 'none')).status).toBe(401);
    const other = await bulk({ action: 'remove', tags: [tag], refs: [`id:${c.id}`] }, 'other');
    expect(other.data).toMatchObject({ matched: 0, changed: 0, results: [expect.objectContaining({ status: 'not_found' })] });
    const otherFilter = await bulk({ action: 'remove', tags: [tag], filter: byTag(tag) }, 'other');
    expect(otherFilter.data).toEqual({ matched: 0, changed: 0, skipped: 0 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).data.tags).toContain(tag);
  });
});
