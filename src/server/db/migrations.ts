import type { Database } from './database';
import { sql as initialSchema } from './migrations/0001-initial-schema';
import { sql as webhookSecrets } from './migrations/0002-webhook-secrets';
import { sql as filterableContacts } from './migrations/0003-filterable-contacts';
import { splitStatements } from './split-statements';
import { sql as webhookEventClaims } from './migrations/0004-webhook-event-claims';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Released ones are never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'webhook secrets', sql: webhookSecrets },
  { version: 3, name: 'filterable contacts', sql: filterableContacts },
  { version: 4, name: 'webhook event claims', sql: webhookEventClaims },
];

/** Any fixed number: the advisory lock that keeps two starting processes from migrating at once. */
const MIGRATION_LOCK = 774_211;

/** Applies the migrations this database lacks, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (seen.rowCount > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
