import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

describe.each(STORES)('concurrent creates and upserts on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('30 concurrent creates of one phone give one 201 and 29 409s naming phone', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => hub.as('agent').post('/v1/contacts', { firstName: `C${i}`, phone: '07400 555111' })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(errorCode(r)).toBe('conflict');
      expect(r.data.error.details.map((d: { path: string }) => d.path)).toEqual(['phone']);
    }
    const rows = await hub.server.db.query('select id from contacts where phone = $1', ['+447400555111']);
    expect(rows.rowCount).toBe(1);
  });

  it('20 concurrent upserts of one external code give one contact; exactly one says created', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        hub.as('agent').post('/v1/contacts/upsert', { contact: { externalCode: 'CRM-RACE', firstName: `U${i}`, tags: [`t${i % 3}`] } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([...Array.from({ length: 19 }, () => 200), 201]);
    expect(answers.filter((r) => r.data.created === true)).toHaveLength(1);
    const ids = new Set(answers.map((r) => r.data.contact.id));
    expect(ids.size).toBe(1);
    const rows = await hub.server.db.query('select id from contacts where external_code = $1', ['CRM-RACE']);
    expect(rows.rowCount).toBe(1);
  });

  it('concurrent bulk upserts sharing identities give one contact per identity', async () => {
    const contacts = Array.from({ length: 10 }, (_, i) => ({ externalCode: `BULK-RACE-${i}`, firstName: `B${i}` }));
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => hub.as('agent').post('/v1/contacts/bulk/upsert', { contacts })),
    );
    for (const a of answers) expect(a.data.summary.failed).toBe(0);
    const created = answers.reduce((n, a) => n + a.data.summary.created, 0);
    expect(created).toBe(10);
    const rows = await hub.server.db.query(`select id from contacts where external_code like 'BULK-RACE-%'`);
    expect(rows.rowCount).toBe(10);
  });
});
