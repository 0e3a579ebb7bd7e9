import type { Role } from '../../domain/roles';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { generateApiKey, hashApiKey } from '../secrets';

export interface CreatedKey {
  key: string;
  keyId: string;
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface CreateKeyInput {
  workspace: string;
  role: Role;
  /** The user the key acts as; created when the workspace has no user of that name. */
  userName?: string;
  defaultCountry?: string | null;
}

/**
 * Creates an API key, and the workspace and user when they are missing. The key is returned
 * once; only its hash is stored.
 */
export async function createApiKey(db: Database, input: CreateKeyInput): Promise<CreatedKey> {
  const userName = input.userName ?? `${input.role}`;
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into workspaces (id, name, default_country) values ($1, $2, $3) on conflict (name) do nothing`,
      [newId('ws'), input.workspace, input.defaultCountry ?? null],
    );
    const ws = await tx.query<{ id: string }>('select id from workspaces where name = $1', [input.workspace]);
    const workspaceId = ws.rows[0].id;
    if (input.defaultCountry !== undefined) {
      await tx.query('update workspaces set default_country = $2 where id = $1', [workspaceId, input.defaultCountry]);
    }
    let user = await tx.query<{ id: string }>(
      'select id from users where workspace_id = $1 and name = $2 and role = $3 order by created_at limit 1',
      [workspaceId, userName, input.role],
    );
    if (user.rowCount === 0) {
      user = await tx.query<{ id: string }>(
        'insert into users (id, workspace_id, name, role) values ($1, $2, $3, $4) returning id',
        [newId('usr'), workspaceId, userName, input.role],
      );
    }
    const key = generateApiKey();
    const keyId = newId('key');
    await tx.query('insert into api_keys (id, workspace_id, user_id, key_hash) values ($1, $2, $3, $4)', [
      keyId,
      workspaceId,
      user.rows[0].id,
      hashApiKey(key),
    ]);
    return { key, keyId, workspaceId, userId: user.rows[0].id, role: input.role };
  });
}
