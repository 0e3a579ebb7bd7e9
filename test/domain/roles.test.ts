import { DomainError } from '../../src/domain/errors';
import { ACTIONS, can, requireRole, ROLES, rolesFor, type Action } from '../../src/domain/roles';

const managerOnly: Action[] = [
  'contacts.delete',
  'contacts.merge',
  'contacts.removeChannel',
  'contacts.export',
  'webhooks.manage',
  'webhooks.claimEvents',
  'apiKeys.manage',
  'tags.rename',
  'tags.delete',
  'customFields.create',
  'channels.create',
  'segments.update',
  'segments.delete',
];
const everyone: Action[] = [
  'contacts.read',
  'contacts.create',
  'contacts.update',
  'contacts.tag',
  'contacts.block',
  'contacts.import',
  'messages.send',
  'messages.read',
  'messages.recordIncoming',
  'tags.create',
  'segments.create',
];

describe('roles matrix', () => {
  it.each(managerOnly)('%s: owners and managers only', (action) => {
    expect(ROLES.filter((r) => can(r, action))).toEqual(['owner', 'manager']);
  });

  it.each(everyone)('%s: everyone', (action) => {
    expect(ROLES.every((r) => can(r, action))).toBe(true);
  });

  it('owners may do everything', () => {
    expect(ACTIONS.every((a) => can('owner', a))).toBe(true);
  });

  it('a manager may do whatever an agent may', () => {
    expect(ACTIONS.filter((a) => can('agent', a) && !can('manager', a))).toEqual([]);
  });

  it('rolesFor lists the allowed roles', () => {
    expect(rolesFor('contacts.delete')).toEqual(['owner', 'manager']);
  });
});

describe('requireRole', () => {
  it('passes when allowed', () => {
    expect(() => requireRole('agent', 'messages.send')).not.toThrow();
    expect(() => requireRole('manager', 'contacts.merge')).not.toThrow();
  });

  it('throws forbidden naming the action, the allowed roles and the caller role', () => {
    try {
      requireRole('agent', 'contacts.delete');
      throw new Error('expected forbidden');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('forbidden');
      expect(err.message).toBe(
        'Deleting contacts requires the owner or manager role; this API key acts as agent. Ask a workspace owner or manager.',
      );
    }
  });
});
