import type { Role } from '../../domain/roles';

/** Who is calling: resolved from the API key on every request; nothing is cached in the process. */
export interface AuthContext {
  workspaceId: string;
  workspaceName: string;
  defaultCountry: string | null;
  userId: string;
  userName: string;
  role: Role;
  keyId: string;
}
