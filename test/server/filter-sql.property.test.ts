/**
 * The SQL filter compiler answers what the domain's in-memory evaluator answers, on both stores:
 * generated contacts (tags, channel identities, custom fields of every type, nulls, non-ASCII
 * text) are written to the database, then many generated filters are run both ways.
 *
 * Each generated contact lives in a workspace of its own, so that generated duplicates of a
 * phone number or e-mail address (which the unique indexes refuse within one workspace) are
 * kept; the compiled filter follows `c.workspace_id` in every subquery, and the query binds the
 * set of workspaces of the run.
 */
import fc from 'fast-check';
import { evaluateFilter, type FilterSubject } from '../../src/domain/filter/filter-evaluator';
import type { Filter } from '../../src/domain/filter/filter-schema';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { compileFilter } from '../../src/server/filter-sql';
import { insertContact } from '../../src/server/repos/contact-repo';
import { addContactTags } from '../../src/server/repos/tag-repo';
import { openTestDatabase, STORES } from '../support/databases';
import { filterArb, FILTER_TEST_NOW, subjectsArb, TEST_CHANNELS, TEST_EVALUATION_CONTEXT } from '../domain/filter/arbitraries';

const CONTACT_SETS = 20;
const FILTERS_PER_SET = 25;

let runCounter = 0;

/** Writes each subject into a fresh workspace of its own; returns the workspace ids by contact id. */
async function writeSubjects(db: Database, subjects: readonly FilterSubject[]): Promise<Map<string, string>> {
  const run = ++runCounter;
  const workspaces = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const [i, s] of subjects.entries()) {
      const ws = `prop-${run}-${i}`;
      workspaces.set(s.id, ws);
      await tx.query('insert into workspaces (id, name) values ($1, $2)', [ws, ws]);
      for (const ch of TEST_CHANNELS) {
        await tx.query('insert into channels (workspace_id, id, type, name) values ($1, $2, $3, $4)', [ws, ch.id, ch.type, ch.name]);
      }
      const { identities, ...contact } = s;
      await insertContact(tx, ws, contact);
      await addContactTags(tx, ws, s.id, s.tags);
      for (const identity of identities) {
        await tx.query(
          `insert into channel_identities (workspace_id, id, contact_id, channel_id, address, connected_at)
           values ($1, $2, $3, $4, $5, $6)`,
          [ws, `ci-${identity.channelId}`, s.id, identity.channelId, `addr:${s.id}:${identity.channelId}`, s.createdAt],
        );
      }
    }
  });
  return workspaces;
}

async function sqlMatches(db: Database, filter: Filter, workspaces: readonly string[]): Promise<string[]> {
  const compiled = compileFilter(filter, { now: FILTER_TEST_NOW, paramOffset: 1 });
  const { rows } = await db.query<{ id: string }>(
    `select c.id from contacts c where c.workspace_id = any($1::text[]) and ${compiled.sql}`,
    [[...workspaces], ...compiled.params],
  );
  return rows.map((r) => r.id).sort();
}

describe.each(STORES)('SQL filter compiler agrees with evaluateFilter on %s', (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase(kind);
    db = opened.db;
    close = opened.close;
    await migrate(db);
  });
  afterAll(() => close());

  it(`selects exactly the contacts the evaluator accepts (${CONTACT_SETS} contact sets × ${FILTERS_PER_SET} filters)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        subjectsArb,
        fc.array(filterArb(3), { minLength: FILTERS_PER_SET, maxLength: FILTERS_PER_SET }),
        async (subjects, filters) => {
          const workspaces = await writeSubjects(db, subjects);
          for (const filter of filters) {
            const expected = subjects
              .filter((s) => evaluateFilter(filter, s, TEST_EVALUATION_CONTEXT))
              .map((s) => s.id)
              .sort();
            const actual = await sqlMatches(db, filter, [...workspaces.values()]);
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              throw new Error(
                `filter ${JSON.stringify(filter)}\nSQL selected ${JSON.stringify(actual)}\nevaluator accepted ${JSON.stringify(expected)}`,
              );
            }
          }
        },
      ),
      { numRuns: CONTACT_SETS, endOnFailure: true },
    );
  });

  it('agrees on single conditions over a large generated population', async () => {
    // Many contacts at once, one condition each time: every operator on every field type is met.
    const population = fc.sample(subjectsArb, 15).flat();
    const unique = [...new Map(population.map((s, i) => [`${s.id}-${i}`, { ...s, id: `${s.id}-${i}` }])).values()];
    const workspaces = await writeSubjects(db, unique);
    const filters = fc.sample(filterArb(1), 150);
    for (const filter of filters) {
      const expected = unique
        .filter((s) => evaluateFilter(filter, s, TEST_EVALUATION_CONTEXT))
        .map((s) => s.id)
        .sort();
      expect({ filter, ids: await sqlMatches(db, filter, [...workspaces.values()]) }).toEqual({ filter, ids: expected });
    }
  });
});
