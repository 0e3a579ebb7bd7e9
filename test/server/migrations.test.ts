import { MIGRATIONS, migrate } from '../../src/server/db/migrations';
import { STORES, openTestDatabase } from '../support/databases';

describe.each(STORES)('migrations on %s', (kind) => {
  it('applies every migration once, and a second run applies none', async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['contacts', 'messages', 'webhook_deliveries', 'schema_migrations']),
      );
    } finally {
      await close();
    }
  });
});
