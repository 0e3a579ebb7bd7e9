import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the stage creates its databases on (CI's local PostgreSQL). */
export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

export interface StageDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** Creates an empty database of its own for this run (name prefixed, random suffix). */
export async function createDatabase(prefix: string): Promise<StageDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ ...POSTGRES, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: `postgres://${POSTGRES.user}@${POSTGRES.host}:${POSTGRES.port}/${name}`,
    drop: async () => {
      const c = new pg.Client({ ...POSTGRES, database: 'postgres' });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
