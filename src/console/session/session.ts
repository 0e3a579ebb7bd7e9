import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WorkspaceInfo } from '../../client/api-types';
import type { ContactHubClient } from '../../client/contact-hub-client';
import { can, type Action } from '../../domain/roles';
import type { Catalogue } from './catalogue';

/** Who is signed in, with what, and what the workspace holds. */
export interface Session {
  client: ContactHubClient;
  info: WorkspaceInfo;
  catalogue: Catalogue;
  /** Whether the key's role may take an action (the domain's role table): the console offers only those. */
  can: (action: Action) => boolean;
  signOut: () => void;
}

export function makeSession(client: ContactHubClient, info: WorkspaceInfo, catalogue: Catalogue, signOut: () => void): Session {
  return { client, info, catalogue, can: (action) => can(info.role, action), signOut };
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
