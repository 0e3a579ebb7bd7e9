import { z } from 'zod/v4';
import { requireRole } from '../../domain/roles';
import type { Hub } from '../hub';
import { defineRoute, type AnyRoute } from '../http/route';

const WorkspaceAnswer = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), defaultCountry: z.string().nullable() }),
  user: z.object({ id: z.string(), name: z.string(), role: z.enum(['owner', 'manager', 'agent']) }),
  role: z.enum(['owner', 'manager', 'agent']),
});

const User = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(['owner', 'manager', 'agent']),
  createdAt: z.string(),
});

export function workspaceRoutes(hub: Hub): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/workspace',
      operationId: 'getWorkspace',
      summary: "The API key's workspace, user and role",
      tag: 'Workspace',
      success: { status: 200, description: 'The workspace', schema: WorkspaceAnswer },
      handler: async ({ auth }) => {
        requireRole(auth.role, 'workspace.read');
        return {
          body: {
            workspace: { id: auth.workspaceId, name: auth.workspaceName, defaultCountry: auth.defaultCountry },
            user: { id: auth.userId, name: auth.userName, role: auth.role },
            role: auth.role,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/users',
      operationId: 'listUsers',
      summary: 'The users of the workspace (assignees)',
      tag: 'Workspace',
      success: { status: 200, description: 'Users', schema: z.object({ data: z.array(User) }) },
      handler: async ({ auth }) => {
        requireRole(auth.role, 'users.read');
        const { rows } = await hub.db.query<{ id: string; name: string; email: string | null; role: 'owner'; created_at: Date }>(
          'select id, name, email, role, created_at from users where workspace_id = $1 order by created_at, id',
          [auth.workspaceId],
        );
        return {
          body: {
            data: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, createdAt: r.created_at.toISOString() })),
          },
        };
      },
    }),
  ];
}
