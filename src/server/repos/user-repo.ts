import type { Queryable } from '../db/database';

/** Users of a workspace (assignees of contacts). */
export interface UserRow {
  id: string;
  name: string;
  email: string | null;
  role: string;
  created_at: Date;
}

/** Whether `userId` is a user of the workspace. */
export async function userExists(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>('select id from users where workspace_id = $1 and id = $2', [
    workspaceId,
    userId,
  ]);
  return rows.length > 0;
}

/** The ids of the workspace's users (a workspace has few users: used to check many assignees at once). */
export async function listUserIds(db: Queryable, workspaceId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('select id from users where workspace_id = $1', [workspaceId]);
  return new Set(rows.map((r) => r.id));
}
