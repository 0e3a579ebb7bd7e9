import type { AxiosResponse } from 'axios';
import { randomBytes } from 'node:crypto';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const uid = () => randomBytes(3).toString('hex');

describe.each(STORES)('custom field routes on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('POST /v1/custom-fields defines a field (owner, manager); agents get 403', async () => {
    const key = `tier${uid()}`;
    const agent = await hub.as('agent').post('/v1/custom-fields', { key, label: 'Tier', type: 'text' });
    expect(agent.status).toBe(403);
    expect(errorCode(agent)).toBe('forbidden');
    const res = await hub.as('manager').post('/v1/custom-fields', { key, label: ' Tier ', type: 'list', options: [' Gold ', 'Silver'] });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ key, label: 'Tier', type: 'list', options: ['Gold', 'Silver'] });
    expect(typeof res.data.createdAt).toBe('string');
    const dup = await hub.as('owner').post('/v1/custom-fields', { key, label: 'Again', type: 'number' });
    expect(dup.status).toBe(409);
    expect(dup.data.error.details[0].path).toBe('key');
  });

  it('a key may equal a standard field name: values live under customFields', async () => {
    const res = await hub.as('owner').post('/v1/custom-fields', { key: 'email', label: 'Work e-mail', type: 'email' });
    expect(res.status).toBe(201);
    const c = await hub.as('agent').post('/v1/contacts', { email: `home.${uid()}@example.com`, customFields: { email: 'WORK@Example.com' } });
    expect(c.status).toBe(201);
    expect(c.data.customFields).toEqual({ email: 'work@example.com' });
    expect(c.data.email).not.toBe('work@example.com');
  });

  it('answers 400 naming the field for a bad definition', async () => {
    const cases: [unknown, string][] = [
      [{ key: 'Bad Key', label: 'x', type: 'text' }, 'key'],
      [{ key: 'ok', label: '', type: 'text' }, 'label'],
      [{ key: 'ok', label: 'x', type: 'colour' }, 'type'],
      [{ key: 'ok', label: 'x', type: 'list' }, 'options'],
      [{ key: 'ok', label: 'x', type: 'list', options: ['a', 'A'] }, 'options[1]'],
      [{ key: 'ok', label: 'x', type: 'text', options: ['a'] }, 'options'],
      [{ key: 'ok', label: 'x', type: 'text', extra: 1 }, 'extra'],
      [{ label: 'x', type: 'text' }, 'key'],
    ];
    for (const [body, path] of cases) {
      const res = await hub.as('owner').post('/v1/custom-fields', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('GET /v1/custom-fields lists by key in keyset pages for every role', async () => {
    const p = `pg${uid()}`;
    for (const k of ['c', 'a', 'b']) await hub.as('owner').post('/v1/custom-fields', { key: `${p}${k}`, label: k, type: 'number' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: AxiosResponse = await hub.as('agent').get('/v1/custom-fields', { params: { limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      seen.push(...res.data.data.map((f: { key: string }) => f.key));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen.filter((k) => k.startsWith(p))).toEqual([`${p}a`, `${p}b`, `${p}c`]);
    expect([...seen].sort()).toEqual(seen);
    const bad = await hub.as('agent').get('/v1/custom-fields', { params: { limit: 'many' } });
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].path).toBe('query.limit');
  });

  it('another workspace has its own fields; values of unknown keys are refused there', async () => {
    const key = `only${uid()}`;
    await hub.as('owner').post('/v1/custom-fields', { key, label: 'Only main', type: 'boolean' });
    const list = await hub.as('other').get('/v1/custom-fields');
    expect(list.data.data.map((f: { key: string }) => f.key)).not.toContain(key);
    const c = await hub.as('other').post('/v1/contacts', { customFields: { [key]: true } });
    expect(c.status).toBe(400);
    expect(c.data.error.details[0].path).toBe(`customFields.${key}`);
    expect((await hub.as('other').post('/v1/custom-fields', { key, label: 'Mine', type: 'text' })).status).toBe(201);
    expect((await hub.as('none').get('/v1/custom-fields')).status).toBe(401);
  });
});
