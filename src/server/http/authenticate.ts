import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { hashApiKey } from '../secrets';
import type { AuthContext } from './auth-context';

interface KeyRow {
  key_id: string;
  workspace_id: string;
  workspace_name: string;
  default_country: string | null;
  user_id: string;
  user_name: string;
  role: Role;
}

/** Resolves `Authorization: Bearer <key>` to the key's workspace, user and role, or throws 401. */
export async function authenticate(db: Queryable, request: FastifyRequest): Promise<AuthContext> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    throw new DomainError('unauthorized', 'Missing API key: send the header "Authorization: Bearer <api key>"', [
      { path: 'headers.authorization', message: 'missing or not of the form "Bearer <api key>"' },
    ]);
  }
  const { rows } = await db.query<KeyRow>(
    `select k.id as key_id, w.id as workspace_id, w.name as workspace_name, w.default_country,
            u.id as user_id, u.name as user_name, u.role
       from api_keys k join users u on u.id = k.user_id join workspaces w on w.id = k.workspace_id
      where k.key_hash = $1 and k.revoked_at is null`,
    [hashApiKey(match[1])],
  );
  const row = rows[0];
  if (!row) {
    throw new DomainError('unauthorized', 'Unknown or revoked API key', [
      { path: 'headers.authorization', message: 'unknown or revoked API key' },
    ]);
  }
  return {
    keyId: row.key_id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    defaultCountry: row.default_country,
    userId: row.user_id,
    userName: row.user_name,
    role: row.role,
  };
}
