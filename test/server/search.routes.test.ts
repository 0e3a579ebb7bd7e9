import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, ref, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

interface ContactAnswer {
  id: string;
  displayName: string;
  createdAt: string;
  lastInteractionAt: string | null;
  blocked: boolean;
}

const byTag = (tag: string) => ({ field: 'tags', operator: 'hasAny', value: [tag] });

describe.each(STORES)('POST /v1/contacts/search and /count on %s', (kind) => {
  let hub: TestHub;
  let clock = Date.parse('2024-06-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
  });
  afterAll(() => hub.close());

  const search = (body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' | 'none' = 'agent') =>
    hub.as(who).post('/v1/contacts/search', body);
  const ids = (res: { data: { data: ContactAnswer[] } }) => res.data.data.map((c) => c.id).sort();

  it('finds the contacts of a filter, and counts them without fetching', async () => {
    const tag = unique('t');
    const a = await createContact(hub, { firstName: 'Ana', tags: [tag] });
    const b = await createContact(hub, { firstName: 'Bruno', tags: [tag] });
    await createContact(hub, { firstName: 'Carla' });
    const res = await search({ filter: byTag(tag) });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([a.id, b.id].sort());
    expect(res.data.nextCursor).toBeNull();
    expect(res.data.data[0]).toHaveProperty('tags', [tag]);
    const count = await hub.as('agent').post('/v1/contacts/count', { filter: byTag(tag) });
    expect(count.status).toBe(200);
    expect(count.data).toEqual({ count: 2 });
    const both = await search({ filter: { and: [byTag(tag), { field: 'firstName', operator: 'startsWith', value: 'an' }] } });
    expect(ids(both)).toEqual([a.id]);
  });

  it('matches free text in names, phone (also by digits), e-mail, tags, custom fields and channel addresses', async () => {
    const tag = unique('txt');
    const key = `k${unique().replace(/[^a-z0-9]/g, '')}`;
    expect((await hub.as('owner').post('/v1/custom-fields', { key, label: 'Code', type: 'text' })).status).toBe(201);
    const phone = uniquePhone();
    const email = uniqueEmail();
    const name = unique('Zed');
    const byName = await createContact(hub, { firstName: name, lastName: 'Quill', tags: [tag] });
    const byPhone = await createContact(hub, { phone, tags: [tag] });
    const byEmail = await createContact(hub, { email, tags: [tag] });
    const special = unique('Special');
    const byTagName = await createContact(hub, { firstName: 'T', tags: [tag, special] });
    const secret = unique('secret');
    const byCustom = await createContact(hub, { firstName: 'C', tags: [tag], customFields: { [key]: `x-${secret}-y` } });
    const tg = await createChannel(hub, 'telegram');
    const address = unique('tguser');
    const msg = await incoming(hub, tg, { providerMessageId: unique('m'), from: { address, name: 'Tele Gram' }, text: 'hi' });
    expect(msg.status).toBe(201);
    const byAddress = (msg.data as { contact: { id: string } }).contact.id;

    const find = async (text: string) => ids(await search({ text, includeBlocked: true }));
    expect(await find(name.toUpperCase())).toEqual([byName.id]);
    expect(await find(`${name.toLowerCase()} quill`)).toEqual([byName.id]);
    expect(await find(`quill ${name}`)).toEqual([byName.id]);
    // "7400 123456" style: the national digits with spaces, and the national form with a trunk 0.
    const national = phone.slice(3); // +44 7400xxxxxx → 7400xxxxxx
    expect(await find(`${national.slice(0, 4)} ${national.slice(4)}`)).toEqual([byPhone.id]);
    expect(await find(`0${national.slice(0, 4)} ${national.slice(4)}`)).toEqual([byPhone.id]);
    expect(await find(phone)).toEqual([byPhone.id]);
    expect(await find(email.toUpperCase())).toEqual([byEmail.id]);
    expect(await find(special.toLowerCase())).toEqual([byTagName.id]);
    expect(await find(secret.toUpperCase())).toEqual([byCustom.id]);
    expect(await find(address)).toEqual([byAddress]);
    // Text and filter together: both apply.
    const both = await search({ text: 'quill', filter: byTag(tag) });
    expect(ids(both)).toEqual([byName.id]);
    // % and _ are literal.
    expect(await find(`${name}%`)).toEqual([]);
  });

  it('leaves blocked contacts out unless includeBlocked or the filter mentions blocked', async () => {
    const tag = unique('blk');
    const open = await createContact(hub, { firstName: 'Open', tags: [tag] });
    const blocked = await createContact(hub, { firstName: 'Blocked', tags: [tag] });
    expect((await hub.as('agent').post(`/v1/contacts/${ref(blocked.id)}/block`, {})).status).toBe(200);
    expect(ids(await search({ filter: byTag(tag) }))).toEqual([open.id]);
    expect(ids(await search({ filter: byTag(tag), includeBlocked: true }))).toEqual([open.id, blocked.id].sort());
    expect(ids(await search({ filter: { and: [byTag(tag), { field: 'blocked', operator: 'is', value: true }] } }))).toEqual([blocked.id]);
    expect((await hub.as('agent').post('/v1/contacts/count', { filter: byTag(tag) })).data.count).toBe(1);
    expect((await hub.as('agent').post('/v1/contacts/count', { filter: byTag(tag), includeBlocked: true })).data.count).toBe(2);
  });

  it('applies a segment, and a segment with a filter (both)', async () => {
    const tag = unique('seg');
    const a = await createContact(hub, { firstName: 'Alpha', tags: [tag] });
    const b = await createContact(hub, { firstName: 'Beta', tags: [tag] });
    const seg = await hub.as('agent').post('/v1/segments', { name: unique('Segment '), filter: byTag(tag) });
    expect(seg.status).toBe(201);
    expect(ids(await search({ segmentId: seg.data.id }))).toEqual([a.id, b.id].sort());
    const both = await search({ segmentId: seg.data.id, filter: { field: 'firstName', operator: 'is', value: 'beta' } });
    expect(ids(both)).toEqual([b.id]);
    expect((await hub.as('agent').post('/v1/contacts/count', { segmentId: seg.data.id })).data.count).toBe(2);
    const missing = await search({ segmentId: 'seg_nope' });
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('not_found');
    expect(missing.data.error.details[0].path).toBe('segmentId');
  });

  describe('pagination', () => {
    const tag = unique('page');
    let all: ContactAnswer[] = [];
    beforeAll(async () => {
      const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'alpha', 'Foxtrot', '', 'golf', 'Hotel', 'india', 'Juliet', 'kilo'];
      for (const [i, n] of names.entries()) {
        await createContact(hub, n === '' ? { email: `zz${i}.${unique()}@example.com`, tags: [tag] } : { firstName: n, tags: [tag] });
      }
      // Ties on every sort key, and contacts without an interaction.
      const db = hub.server.db;
      const { rows } = await db.query<{ id: string }>(
        `select c.id from contacts c join contact_tags ct on ct.workspace_id = c.workspace_id and ct.contact_id = c.id
           join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id where t.name = $1 order by c.id`,
        [tag],
      );
      for (const [i, r] of rows.entries()) {
        const createdAt = new Date(Date.parse('2024-01-01T00:00:00.000Z') + Math.floor(i / 3) * 60_000);
        const interaction = i % 4 === 0 ? null : new Date(Date.parse('2024-02-01T00:00:00.000Z') + (i % 3) * 60_000);
        await db.query('update contacts set created_at = $2, last_interaction_at = $3 where id = $1', [r.id, createdAt, interaction]);
      }
      const res = await search({ filter: byTag(tag), limit: 500 });
      all = res.data.data;
      expect(all).toHaveLength(names.length);
    });

    const sortValue = (c: ContactAnswer, by: string): string | null =>
      by === 'name' ? c.displayName.replace(/[A-Z]/g, (x) => x.toLowerCase()) : by === 'createdAt' ? c.createdAt : c.lastInteractionAt;

    for (const by of ['createdAt', 'lastInteractionAt', 'name'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`walks every contact exactly once, in order, sorted by ${by} ${direction}`, async () => {
          const seen: ContactAnswer[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const res = await search({ filter: byTag(tag), sort: { by, direction }, limit: 4, ...(cursor ? { cursor } : {}) });
            expect(res.status).toBe(200);
            expect(res.data.data.length).toBeLessThanOrEqual(4);
            seen.push(...res.data.data);
            cursor = res.data.nextCursor;
            pages++;
          } while (cursor !== null && pages < 20);
          expect(seen.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
          expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
          // Sort values are monotonic; nulls come last in both directions.
          const values = seen.map((c) => sortValue(c, by));
          const firstNull = values.indexOf(null);
          if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
          const present = values.filter((v): v is string => v !== null);
          const sorted = [...present].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
          expect(present).toEqual(direction === 'asc' ? sorted : sorted.reverse());
        });
      }
    }

    it('refuses a cursor of another query or sort, and a made-up cursor', async () => {
      const first = await search({ filter: byTag(tag), sort: { by: 'name' }, limit: 2 });
      const cursor = first.data.nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      const otherSort = await search({ filter: byTag(tag), sort: { by: 'createdAt' }, limit: 2, cursor });
      expect(otherSort.status).toBe(400);
      expect(otherSort.data.error.details[0].path).toBe('cursor');
      const otherQuery = await search({ filter: byTag(unique('x')), sort: { by: 'name' }, limit: 2, cursor });
      expect(otherQuery.status).toBe(400);
      expect(errorCode(otherQuery)).toBe('validation_error');
      for (const bad of ['nonsense', '!!!', Buffer.from('["name:asc",1,2,3]').toString('base64url')]) {
        const res = await search({ filter: byTag(tag), sort: { by: 'name' }, cursor: bad });
        expect(res.status).toBe(400);
        expect(res.data.error.details[0].path).toBe('cursor');
      }
      const forged = Buffer.from(JSON.stringify(['createdAt:desc', 'not a date', 'x', 'y'])).toString('base64url');
      const res = await search({ cursor: forged });
      expect(res.status).toBe(400);
    });
  });

  it('refuses a bad filter with the exact path, a bad limit, sort and unknown keys', async () => {
    const bad = await search({ filter: { and: [{ field: 'firstName', operator: 'is', value: 'x' }, { field: 'createdAt', operator: 'gt', value: 'yesterday' }] } });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('validation_error');
    expect(bad.data.error.details[0].path).toBe('filter.and[1].value');
    const field = await hub.as('agent').post('/v1/contacts/count', { filter: { field: 'nope', operator: 'is', value: 1 } });
    expect(field.status).toBe(400);
    expect(field.data.error.details[0].path).toBe('filter.field');
    const limit = await search({ limit: 0 });
    expect(limit.status).toBe(400);
    expect(limit.data.error.details[0].path).toBe('limit');
    const sort = await search({ sort: { by: 'phone' } });
    expect(sort.status).toBe(400);
    expect(sort.data.error.details[0].path).toBe('sort.by');
    const extra = await search({ query: 'x' });
    expect(extra.status).toBe(400);
    const long = await search({ text: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.data.error.details[0].path).toBe('text');
  });

  it('another workspace sees nothing of main; a missing key is refused', async () => {
    const tag = unique('iso');
    await createContact(hub, { firstName: 'Mine', tags: [tag] });
    const other = await search({ filter: byTag(tag) }, 'other');
    expect(other.status).toBe(200);
    expect(other.data.data).toEqual([]);
    const all = await search({ limit: 500 }, 'other');
    expect(all.data.data).toEqual([]);
    expect((await hub.as('other').post('/v1/contacts/count', {})).data).toEqual({ count: 0 });
    const none = await search({}, 'none');
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('unauthorized');
  });

  it('every role may search and count', async () => {
    for (const who of ['owner', 'manager', 'agent'] as const) {
      expect((await search({ limit: 1 }, who)).status).toBe(200);
      expect((await hub.as(who).post('/v1/contacts/count', {})).status).toBe(200);
    }
  });
});
