import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, migrate } from '../../src/server/db/migrations';
import { openPgliteDatabase } from '../../src/server/db/pglite-database';

/**
 * A migrated, empty embedded store as a data directory dump, made once per set of migrations
 * and kept in the temp folder, so each test hub loads it instead of running initdb (seconds).
 * Every hub still gets its own fresh in-memory database.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256')
    .update(MIGRATIONS.map((m) => `${m.version}:${m.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `contact-hub-pglite-template-${hash}.tar`);
  if (!existsSync(file)) {
    const db = await openPgliteDatabase(null);
    await migrate(db);
    const dump = await (db.dumpDataDir as () => Promise<Blob>)();
    await db.close();
    // Written aside and renamed, so a parallel test worker never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}
