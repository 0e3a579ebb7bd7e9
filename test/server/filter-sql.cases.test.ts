/** Hand-written cases of the SQL filter compiler, on both stores, beside the property test. */
import { evaluateFilter, type FilterSubject } from '../../src/domain/filter/filter-evaluator';
import { validateFilter } from '../../src/domain/filter/filter-validation';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { compileFilter } from '../../src/server/filter-sql';
import { insertContact } from '../../src/server/repos/contact-repo';
import { addContactTags } from '../../src/server/repos/tag-repo';
import { openTestDatabase, STORES } from '../support/databases';
import { emptySubject } from '../domain/filter/fixtures';
import { FILTER_TEST_NOW, TEST_CHANNELS, TEST_CUSTOM_FIELDS, TEST_EVALUATION_CONTEXT } from '../domain/filter/arbitraries';

const WS = 'cases';
const HOUR = 3_600_000;

const subjects: FilterSubject[] = [
  emptySubject({ id: 'pct', firstName: '50%_off', displayName: '50%_off', tags: ['VIP'], identities: [{ channelId: 'ch-wa-2' }] }),
  emptySubject({ id: 'plain', firstName: '50 off', displayName: '50 off', customFields: { score: 42, vip: true } }),
  emptySubject({
    id: 'emile',
    firstName: 'Émile',
    lastName: '',
    displayName: 'Émile',
    // A wrongly typed value counts as absent.
    customFields: { score: '42' as unknown as number, birthday: '2024-02-29', renewalAt: '2025-06-15T11:00:00.000Z' },
    lastIncomingAt: new Date(FILTER_TEST_NOW.getTime() - 2 * HOUR).toISOString(),
    identities: [{ channelId: 'ch-sms' }, { channelId: 'ch-wa-1' }],
  }),
];

const cases: { filter: unknown; ids: string[] }[] = [
  { filter: { field: 'firstName', operator: 'contains', value: '%_' }, ids: ['pct'] },
  { filter: { field: 'firstName', operator: 'startsWith', value: '50%' }, ids: ['pct'] },
  { filter: { field: 'firstName', operator: 'is', value: 'émile' }, ids: [] },
  { filter: { field: 'firstName', operator: 'is', value: 'Émile' }, ids: ['emile'] },
  { filter: { field: 'lastName', operator: 'exists' }, ids: [] },
  { filter: { field: 'lastName', operator: 'isNot', value: 'x' }, ids: ['emile', 'pct', 'plain'] },
  { filter: { field: 'customFields.score', operator: 'exists' }, ids: ['plain'] },
  { filter: { field: 'customFields.score', operator: 'notIn', value: [42] }, ids: ['emile', 'pct'] },
  { filter: { field: 'customFields.vip', operator: 'is', value: 'true' }, ids: ['plain'] },
  { filter: { field: 'customFields.birthday', operator: 'between', value: ['2024-02-01', '2024-02-29'] }, ids: ['emile'] },
  { filter: { field: 'customFields.renewalAt', operator: 'withinLast', value: '1h' }, ids: ['emile'] },
  { filter: { field: 'customFields.renewalAt', operator: 'moreThan', value: '1h' }, ids: [] },
  { filter: { field: 'timeSinceLastIncoming', operator: 'gte', value: '2h' }, ids: ['emile'] },
  { filter: { field: 'timeSinceLastIncoming', operator: 'gt', value: '2h' }, ids: [] },
  { filter: { field: 'timeSinceLastIncoming', operator: 'lt', value: '1d' }, ids: ['emile'] },
  { filter: { field: 'channels', operator: 'hasAll', value: ['whatsapp', 'sms'] }, ids: ['emile'] },
  { filter: { field: 'channels', operator: 'hasAny', value: ['ch-wa-2'] }, ids: ['pct'] },
  { filter: { field: 'channels', operator: 'hasNone', value: ['whatsapp'] }, ids: ['plain'] },
  { filter: { field: 'tags', operator: 'hasAll', value: ['vip'] }, ids: ['pct'] },
  { filter: { not: { field: 'tags', operator: 'exists' } }, ids: ['emile', 'plain'] },
  { filter: { or: [] }, ids: [] },
  { filter: { and: [] }, ids: ['emile', 'pct', 'plain'] },
];

describe('compileFilter output', () => {
  it('never writes a value into the SQL text and numbers placeholders after the offset', () => {
    const filter = validateFilter(
      { and: [{ field: 'firstName', operator: 'is', value: "x'); drop table contacts; --" }, { field: 'customFields.score', operator: 'gt', value: 5 }] },
      { customFields: TEST_CUSTOM_FIELDS },
    );
    const { sql, params } = compileFilter(filter, { now: FILTER_TEST_NOW, paramOffset: 3 });
    expect(sql).not.toContain('drop table');
    expect(sql).not.toContain('score');
    expect(sql).toContain('$4');
    expect(sql).not.toMatch(/\$[123]\b/);
    expect(params).toContain("x'); drop table contacts; --");
  });
});

describe.each(STORES)('compiled filters on %s (hand-written cases)', (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase(kind);
    db = opened.db;
    close = opened.close;
    await migrate(db);
    await db.query('insert into workspaces (id, name) values ($1, $1)', [WS]);
    for (const ch of TEST_CHANNELS) {
      await db.query('insert into channels (workspace_id, id, type, name) values ($1, $2, $3, $4)', [WS, ch.id, ch.type, ch.name]);
    }
    for (const s of subjects) {
      const { identities, ...contact } = s;
      await insertContact(db, WS, contact);
      await addContactTags(db, WS, s.id, s.tags);
      for (const i of identities) {
        await db.query(
          'insert into channel_identities (workspace_id, id, contact_id, channel_id, address, connected_at) values ($1, $2, $3, $4, $5, now())',
          [WS, `${s.id}-${i.channelId}`, s.id, i.channelId, `${s.id}@${i.channelId}`],
        );
      }
    }
  });
  afterAll(() => close());

  it.each(cases.map((c) => [JSON.stringify(c.filter), c] as const))('%s', async (_name, c) => {
    const filter = validateFilter(c.filter, { customFields: TEST_CUSTOM_FIELDS });
    const compiled = compileFilter(filter, { now: FILTER_TEST_NOW, paramOffset: 1 });
    const { rows } = await db.query<{ id: string }>(`select c.id from contacts c where c.workspace_id = $1 and ${compiled.sql} order by c.id`, [
      WS,
      ...compiled.params,
    ]);
    const sqlIds = rows.map((r) => r.id).sort();
    const evaluated = subjects.filter((s) => evaluateFilter(filter, s, TEST_EVALUATION_CONTEXT)).map((s) => s.id).sort();
    expect(sqlIds).toEqual(c.ids);
    expect(evaluated).toEqual(c.ids);
  });
});
