import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createContact, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

describe.each(STORES)('POST /v1/contacts/import on %s', (kind) => {
  let hub: TestHub;
  let key: string;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    key = `score${unique().replace(/[^a-z0-9]/g, '')}`;
    expect((await hub.as('owner').post('/v1/custom-fields', { key, label: 'Score', type: 'number' })).status).toBe(201);
  });
  afterAll(() => hub.close());

  const importCsv = (csv: string, query = '', who: 'owner' | 'manager' | 'agent' | 'other' | 'none' = 'agent') =>
    hub.as(who).post(`/v1/contacts/import${query}`, csv, { headers: { 'Content-Type': 'text/csv' } });

  it('creates and updates by the match key; a bad row in the middle is reported with its line, the others kept', async () => {
    const existingPhone = uniquePhone();
    const existing = await createContact(hub, { firstName: 'Old', phone: existingPhone, tags: ['Kept'] });
    const tag = unique('imp');
    const [p1, p3] = [uniquePhone(), uniquePhone()];
    const e1 = uniqueEmail();
    const national = `0${existingPhone.slice(3)}`; // read with the workspace default country (GB)
    const csv = [
      `firstName,lastName,phone,email,tags,customFields.${key},createdAt`,
      `Ana,Lima,${p1},${e1},"${tag}; VIP",42,2020-01-01T00:00:00Z`,
      `Bad,Row,not-a-phone,,${tag},x,`,
      `"Multi`,
      `Line",Name,${p3},,${tag},,`,
      '',
      `New,,${national},,${tag},7,`,
    ].join('\n');
    const res = await importCsv(csv, '?matchBy=phone,email');
    expect(res.status).toBe(200);
    expect(res.data.summary).toEqual({ created: 2, updated: 1, unchanged: 0, failed: 1 });
    expect(res.data.ignoredColumns).toEqual(['createdAt']);
    const rows = res.data.rows as { line: number; status: string; contactId?: string; error?: { details: { path: string }[] } }[];
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'created'],
      [3, 'failed'],
      [4, 'created'],
      [7, 'updated'],
    ]);
    expect(rows[1]?.error?.details.map((d) => d.path).sort()).toEqual([`customFields.${key}`, 'phone']);
    expect(rows[3]?.contactId).toBe(existing.id);

    const ana = await hub.as('agent').get(`/v1/contacts/id:${rows[0]?.contactId}`);
    expect(ana.data).toMatchObject({ firstName: 'Ana', lastName: 'Lima', phone: p1, email: e1, customFields: { [key]: 42 } });
    expect(ana.data.tags.sort()).toEqual([tag, 'VIP'].sort());
    expect((await hub.as('agent').get(`/v1/contacts/id:${rows[2]?.contactId}`)).data.firstName).toBe('Multi\nLine');
    const updated = await hub.as('agent').get(`/v1/contacts/id:${existing.id}`);
    // Tags are added by default; the row's name replaces the old one.
    expect(updated.data).toMatchObject({ firstName: 'New', customFields: { [key]: 7 } });
    expect(updated.data.tags.sort()).toEqual(['Kept', tag].sort());
    const count = await hub.as('agent').post('/v1/contacts/count', { filter: { field: 'tags', operator: 'hasAny', value: [tag] } });
    expect(count.data.count).toBe(3);

    // The same file again: nothing changes (the bad row still fails).
    const again = await importCsv(csv, '?matchBy=phone,email');
    expect(again.data.summary).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 1 });
  });

  it('imports back what an export wrote (matching by id), replacing tags when asked', async () => {
    const tag = unique('rt');
    const c = await createContact(hub, { firstName: 'Round', lastName: 'Trip', tags: [tag, 'old'] });
    const csv = await hub.as('owner').post(
      '/v1/contacts/export',
      { filter: { field: 'tags', operator: 'hasAny', value: [tag] }, columns: ['id', 'firstName', 'tags', 'createdAt', 'channels'] },
      { responseType: 'text', transformResponse: (x: unknown) => x },
    );
    const edited = (csv.data as string).replace(',Round,', ',Square,').replace(/; old|old; /, '');
    const res = await importCsv(edited, '?matchBy=id&tagMode=replace');
    expect(res.status).toBe(200);
    expect(res.data.summary).toMatchObject({ updated: 1, failed: 0 });
    expect(res.data.ignoredColumns).toEqual(['name', 'createdAt', 'channels']);
    const after = await hub.as('agent').get(`/v1/contacts/id:${c.id}`);
    expect(after.data).toMatchObject({ firstName: 'Square', tags: [tag] });
  });

  it('refuses unknown columns, a bad match key, a non-CSV body and malformed CSV', async () => {
    const unknown = await importCsv('firstName,shoeSize\nAna,42\n');
    expect(unknown.status).toBe(400);
    expect(unknown.data.error.details[0].path).toBe('header[1]');
    expect(unknown.data.error.details[0].message).toContain(`customFields.${key}`);
    const match = await importCsv('firstName,phone\nAna,+447400000001\n', '?matchBy=phone,shoe');
    expect(match.status).toBe(400);
    expect(match.data.error.details[0].path).toBe('query.matchBy');
    const json = await hub.as('agent').post('/v1/contacts/import', { csv: 'a,b' });
    expect(json.status).toBe(400);
    expect(json.data.error.details[0].path).toBe('body');
    const broken = await importCsv('firstName,phone\n"Ana,+447400000001\n');
    expect(broken.status).toBe(400);
    expect(errorCode(broken)).toBe('validation_error');
    const empty = await importCsv('');
    expect(empty.status).toBe(400);
    const country = await importCsv('firstName,phone\nAna,07400 000002\n', '?defaultCountry=XX');
    expect(country.status).toBe(400);
    expect(country.data.error.details[0].path).toBe('query.defaultCountry');
    const short = await importCsv('firstName,lastName,phone\nOnly,Two\n');
    expect(short.status).toBe(200);
    expect(short.data.rows[0]).toMatchObject({ line: 2, status: 'failed' });
  });

  it('is open to every role; another workspace key imports into its own workspace only', async () => {
    const phone = uniquePhone();
    for (const who of ['owner', 'manager', 'agent'] as const) {
      const res = await importCsv(`firstName,phone\n${who},${phone}\n`, '?matchBy=phone', who);
      expect(res.status).toBe(200);
    }
    expect((await importCsv('firstName\nX\n', '', 'none')).status).toBe(401);
    const main = await hub.as('agent').get(`/v1/contacts/phone:${encodeURIComponent(phone)}`);
    expect(main.data.firstName).toBe('agent');
    const other = await importCsv(`firstName,phone\nOther,${phone}\n`, '?matchBy=phone', 'other');
    expect(other.data.summary.created).toBe(1);
    expect((await hub.as('agent').get(`/v1/contacts/phone:${encodeURIComponent(phone)}`)).data.firstName).toBe('agent');
    // A custom field column of main is unknown in the other workspace.
    const cf = await importCsv(`firstName,customFields.${key}\nX,1\n`, '', 'other');
    expect(cf.status).toBe(400);
  });
});
