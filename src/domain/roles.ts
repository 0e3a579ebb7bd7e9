import { DomainError } from './errors';

export const ROLES = ['owner', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['owner', 'manager'];

/**
 * Every action the API guards, with who may do it and how to name it to a person.
 * SPEC §3: owners and managers only delete contacts, merge/unmerge, remove a channel from a
 * contact, export, manage webhooks and API keys; everyone reads, creates, updates, tags,
 * blocks/unblocks and sends. Catalogue (our choice): creating tags and segments and
 * importing (create/update) are for everyone; renaming/deleting catalogue tags, changing or
 * deleting segments, creating custom fields and channels are for owners and managers.
 */
export const ACTION_RULES = {
  'workspace.read': { roles: EVERYONE, label: 'reading the workspace' },
  'users.read': { roles: EVERYONE, label: 'listing users' },
  'contacts.read': { roles: EVERYONE, label: 'reading contacts' },
  'contacts.create': { roles: EVERYONE, label: 'creating contacts' },
  'contacts.update': { roles: EVERYONE, label: 'updating contacts' },
  'contacts.tag': { roles: EVERYONE, label: 'tagging contacts' },
  'contacts.block': { roles: EVERYONE, label: 'blocking and unblocking contacts' },
  'contacts.import': { roles: EVERYONE, label: 'importing contacts' },
  'contacts.delete': { roles: MANAGERS, label: 'deleting contacts' },
  'contacts.merge': { roles: MANAGERS, label: 'merging and unmerging contacts' },
  'contacts.export': { roles: MANAGERS, label: 'exporting contacts' },
  'contacts.removeChannel': { roles: MANAGERS, label: 'removing a channel from a contact' },
  'messages.read': { roles: EVERYONE, label: 'reading messages' },
  'messages.send': { roles: EVERYONE, label: 'sending messages' },
  'messages.recordIncoming': { roles: EVERYONE, label: 'recording incoming messages' },
  'tags.read': { roles: EVERYONE, label: 'listing tags' },
  'tags.create': { roles: EVERYONE, label: 'creating tags' },
  'tags.rename': { roles: MANAGERS, label: 'renaming catalogue tags' },
  'tags.delete': { roles: MANAGERS, label: 'deleting catalogue tags' },
  'customFields.read': { roles: EVERYONE, label: 'listing custom fields' },
  'customFields.create': { roles: MANAGERS, label: 'creating custom fields' },
  'channels.read': { roles: EVERYONE, label: 'listing channels' },
  'channels.create': { roles: MANAGERS, label: 'creating channels' },
  'segments.read': { roles: EVERYONE, label: 'reading segments' },
  'segments.create': { roles: EVERYONE, label: 'creating segments' },
  'segments.update': { roles: MANAGERS, label: 'changing segments' },
  'segments.delete': { roles: MANAGERS, label: 'deleting segments' },
  'webhooks.manage': { roles: MANAGERS, label: 'managing webhooks' },
  // The receiver that registered a subscription claims its events with the same key, so the same roles.
  'webhooks.claimEvents': { roles: MANAGERS, label: 'claiming webhook events' },
  'apiKeys.manage': { roles: MANAGERS, label: 'managing API keys' },
} as const satisfies Record<string, { roles: readonly Role[]; label: string }>;

export type Action = keyof typeof ACTION_RULES;
export const ACTIONS = Object.keys(ACTION_RULES) as Action[];

/** Whether `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return (ACTION_RULES[action].roles as readonly Role[]).includes(role);
}

/** The roles allowed to perform `action`. */
export function rolesFor(action: Action): readonly Role[] {
  return ACTION_RULES[action].roles;
}

function listRoles(roles: readonly Role[]): string {
  return roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

/**
 * Throws a `forbidden` DomainError unless `role` may perform `action`; the message names
 * the action, the roles that may do it and the caller's role.
 */
export function requireRole(role: Role, action: Action): void {
  if (can(role, action)) return;
  const rule = ACTION_RULES[action];
  const label = rule.label.charAt(0).toUpperCase() + rule.label.slice(1);
  throw new DomainError(
    'forbidden',
    `${label} requires the ${listRoles(rule.roles)} role; this API key acts as ${role}. Ask a workspace owner or manager.`,
  );
}
