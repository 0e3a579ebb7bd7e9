import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, mainWorkspaceId, unique } from './messaging-fixtures';

const byTag = (tag: string) => ({ field: 'tags', operator: 'hasAny', value: [tag] });

describe.each(STORES)('POST /v1/contacts/bulk/delete on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    ws = await mainWorkspaceId(hub);
  });
  afterAll(() => hub.close());

  const del = (body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' | 'none' = 'manager') =>
    hub.as(who).post('/v1/contacts/bulk/delete', body);
  const deletedEvents = async (contactId: string) =>
    (
      await hub.server.db.query<{ payload: { contact: { id: string; firstName: string; tags: string[] } } }>(
        `select payload from events where workspace_id = $1 and type = 'contact.deleted' and payload->'contact'->>'id' = $2`,
        [ws, contactId],
      )
    ).rows.map((r) => r.payload);

  it('deletes listed refs with their messages, reports unknown refs, emits contact.deleted with the contact as it was', async () => {
    const tag = unique('d');
    const a = await createContact(hub, { firstName: 'Ann', tags: [tag] });
    const b = await createContact(hub, { firstName: 'Ben' });
    const wa = await createChannel(hub, 'telegram');
    const msg = await incoming(hub, wa, { providerMessageId: unique('m'), from: { address: unique('tg') }, text: 'hello' });
    const c = (msg.data as { contact: { id: string } }).contact.id;
    const res = await del({ refs: [`id:${a.id}`, `id:${b.id}`, `id:${c}`, 'id:ghost'] });
    expect(res.status).toBe(200);
    expect(res.data.deleted).toBe(3);
    expect(res.data.results).toEqual([
      { ref: `id:${a.id}`, status: 'deleted', contactId: a.id },
      { ref: `id:${b.id}`, status: 'deleted', contactId: b.id },
      { ref: `id:${c}`, status: 'deleted', contactId: c },
      expect.objectContaining({ ref: 'id:ghost', status: 'not_found' }),
    ]);
    expect((await hub.as('agent').get(`/v1/contacts/id:${a.id}`)).status).toBe(404);
    const { rows } = await hub.server.db.query<{ n: number | string }>('select count(*) as n from messages where workspace_id = $1 and contact_id = $2', [ws, c]);
    expect(Number(rows[0]?.n)).toBe(0);
    const events = await deletedEvents(a.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.contact).toMatchObject({ id: a.id, firstName: 'Ann', tags: [tag] });
  });

  it('deletes by filter or segment only with confirm: true, in chunks, leaving blocked contacts unless asked', async () => {
    const tag = unique('f');
    const keep = await createContact(hub, { firstName: 'Keep' });
    const x = await createContact(hub, { firstName: 'X', tags: [tag] });
    const y = await createContact(hub, { firstName: 'Y', tags: [tag] });
    const blocked = await createContact(hub, { firstName: 'Blocked', tags: [tag] });
    expect((await hub.as('agent').post(`/v1/contacts/id:${blocked.id}/block`, {})).status).toBe(200);

    const unconfirmed = await del({ filter: byTag(tag) });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.error.details[0]).toEqual({ path: 'confirm', message: expect.stringContaining('2 contacts') });
    expect((await hub.as('agent').get(`/v1/contacts/id:${x.id}`)).status).toBe(200);

    const res = await del({ filter: byTag(tag), confirm: true });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ deleted: 2 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${y.id}`)).status).toBe(404);
    expect((await hub.as('agent').get(`/v1/contacts/id:${blocked.id}`)).status).toBe(200);
    expect((await hub.as('agent').get(`/v1/contacts/id:${keep.id}`)).status).toBe(200);
    expect(await deletedEvents(x.id)).toHaveLength(1);

    const seg = await hub.as('agent').post('/v1/segments', { name: unique('Doomed '), filter: byTag(tag) });
    const bySegment = await del({ segmentId: seg.data.id, includeBlocked: true, confirm: true });
    expect(bySegment.data).toEqual({ deleted: 1 });
    expect((await hub.as('agent').get(`/v1/contacts/id:${blocked.id}`)).status).toBe(404);

    // More than one chunk.
    const prefix = unique('many');
    await hub.server.db.query(
      `insert into contacts (workspace_id, id, display_name, created_at, updated_at)
       select $1, $2 || '-' || lpad(g::text, 5, '0'), '', now(), now() from generate_series(1, 1100) g`,
      [ws, prefix],
    );
    const many = await del({ filter: { field: 'id', operator: 'startsWith', value: `${prefix}-` }, confirm: true });
    expect(many.data).toEqual({ deleted: 1100 });
    const left = await hub.as('agent').post('/v1/contacts/count', { filter: { field: 'id', operator: 'startsWith', value: `${prefix}-` } });
    expect(left.data.count).toBe(0);
  });

  it('is for owners and managers only', async () => {
    const c = await createContact(hub, { firstName: 'Role' });
    const agent = await del({ refs: [`id:${c.id}`] }, 'agent');
    expect(agent.status).toBe(403);
    expect(errorCode(agent)).toBe('forbidden');
    expect((await del({ refs: [`id:${c.id}`] }, 'none')).status).toBe(401);
    expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).status).toBe(200);
    expect((await del({ refs: [`id:${c.id}`] }, 'owner')).data.deleted).toBe(1);
  });

  it('another workspace deletes nothing of main', async () => {
    const tag = unique('iso');
    const c = await createContact(hub, { firstName: 'Safe', tags: [tag] });
    const byRef = await del({ refs: [`id:${c.id}`] }, 'other');
    expect(byRef.data).toMatchObject({ deleted: 0, results: [expect.objectContaining({ status: 'not_found' })] });
    const byFilter = await del({ filter: { and: [] }, includeBlocked: true, confirm: true }, 'other');
    expect(byFilter.status).toBe(200);
    expect((await hub.as('agent').get(`/v1/contacts/id:${c.id}`)).status).toBe(200);
  });

  it('refuses bad input with the field path', async () => {
    const none = await del({});
    expect(none.status).toBe(400);
    expect(none.data.error.details[0].path).toBe('refs');
    const empty = await del({ refs: [] });
    expect(empty.status).toBe(400);
    expect(empty.data.error.details[0].path).toBe('refs');
    const bad = await del({ filter: { or: [{ field: 'createdAt', operator: 'withinLast', value: 'soon' }] }, confirm: true });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('filter.or[0].value');
    const confirm = await del({ filter: { and: [] }, confirm: 'yes' });
    expect(confirm.status).toBe(400);
    expect(confirm.data.error.details[0].path).toBe('confirm');
    const seg = await del({ segmentId: 'seg_missing', confirm: true });
    expect(seg.status).toBe(404);
  });
});
