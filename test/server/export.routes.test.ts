import { parse } from 'csv-parse/sync';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, unique, uniquePhone } from './messaging-fixtures';

const byTag = (tag: string) => ({ field: 'tags', operator: 'hasAny', value: [tag] });

describe.each(STORES)('POST /v1/contacts/export on %s', (kind) => {
  let hub: TestHub;
  let key: string;
  let clock = Date.parse('2024-07-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    key = `plan${unique().replace(/[^a-z0-9]/g, '')}`;
    expect((await hub.as('owner').post('/v1/custom-fields', { key, label: 'Plan', type: 'list', options: ['Free', 'Pro'] })).status).toBe(201);
  });
  afterAll(() => hub.close());

  const exportCsv = (body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' | 'none' = 'manager') =>
    hub.as(who).post('/v1/contacts/export', body, { responseType: 'text', transformResponse: (x: unknown) => x });
  const rowsOf = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

  it('streams CSV with the chosen columns, always with the name, that parses back', async () => {
    const tag = unique('exp');
    const phone = uniquePhone();
    const a = await createContact(hub, { firstName: 'Ana, "the first"', lastName: 'Lima', phone, tags: [tag, 'VIP'], customFields: { [key]: 'pro' } });
    const b = await createContact(hub, { email: `${unique('b')}@example.com`, tags: [tag] });
    const res = await exportCsv({ filter: byTag(tag), columns: ['phone', 'tags', `customFields.${key}`], sort: { by: 'createdAt' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = rowsOf(res.data as string);
    expect(Object.keys(rows[0] ?? {})).toEqual(['name', 'phone', 'tags', `customFields.${key}`]);
    expect(rows).toEqual([
      { name: 'Ana, "the first" Lima', phone, tags: [tag, 'VIP'].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())).join('; '), [`customFields.${key}`]: 'Pro' },
      { name: b.displayName as string, phone: '', tags: tag, [`customFields.${key}`]: '' },
    ]);
    expect(a.id).toBeTruthy();
  });

  it('exports every column by default, channels as channelId:address, across many pages', async () => {
    const tag = unique('all');
    const tg = await createChannel(hub, 'telegram');
    const address = unique('tg');
    const msg = await incoming(hub, tg, { providerMessageId: unique('m'), from: { address, name: 'Tele' }, text: 'hi' });
    const id = (msg.data as { contact: { id: string } }).contact.id;
    expect((await hub.as('agent').post('/v1/contacts/bulk/tags', { action: 'add', tags: [tag], refs: [`id:${id}`] })).status).toBe(200);
    const res = await exportCsv({ filter: byTag(tag) });
    const rows = rowsOf(res.data as string);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Tele', id, channels: `${tg}:${address}`, blocked: 'false', proactive: 'true', [`customFields.${key}`]: '' });
    expect(Object.keys(rows[0] ?? {})[0]).toBe('name');

    // 1,234 contacts: more than two pages of 500.
    const prefix = unique('pg');
    const ws = (await hub.as('owner').get('/v1/workspace')).data.workspace.id as string;
    await hub.server.db.query(
      `insert into contacts (workspace_id, id, first_name, display_name, created_at, updated_at)
       select $1, $2 || '-' || lpad(g::text, 5, '0'), 'N' || g, 'N' || g, now(), now() from generate_series(1, 1234) g`,
      [ws, prefix],
    );
    const big = await exportCsv({ filter: { field: 'id', operator: 'startsWith', value: `${prefix}-` }, columns: ['id'] });
    const bigRows = rowsOf(big.data as string);
    expect(bigRows).toHaveLength(1234);
    expect(new Set(bigRows.map((r) => r.id)).size).toBe(1234);
  });

  it('refuses an unknown column listing the valid ones, and a bad filter with its path', async () => {
    const res = await exportCsv({ columns: ['name', 'shoeSize'] });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.data as string);
    expect(body.error.details[0].path).toBe('columns[1]');
    expect(body.error.details[0].message).toContain('firstName');
    expect(body.error.details[0].message).toContain(`customFields.${key}`);
    const bad = await exportCsv({ filter: { and: [{ field: 'phone', operator: 'gt', value: 1 }] } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.data as string).error.details[0].path).toBe('filter.and[0].operator');
  });

  it('is for owners and managers; another workspace exports none of main', async () => {
    const tag = unique('role');
    await createContact(hub, { firstName: 'Secret', tags: [tag] });
    const agent = await exportCsv({ filter: byTag(tag) }, 'agent');
    expect(agent.status).toBe(403);
    expect(errorCode({ ...agent, data: JSON.parse(agent.data as string) })).toBe('forbidden');
    expect((await exportCsv({}, 'none')).status).toBe(401);
    expect(rowsOf((await exportCsv({ filter: byTag(tag) }, 'owner')).data as string)).toHaveLength(1);
    const other = await exportCsv({ columns: ['name'] }, 'other');
    expect(other.status).toBe(200);
    expect(rowsOf(other.data as string)).toEqual([]);
    expect((other.data as string).trim()).toBe('name');
  });
});
