import { DomainError } from '../../../src/domain/errors';
import type { ContactAggregate } from '../../../src/domain/merge/contact-aggregate';
import { planMerge } from '../../../src/domain/merge/merge-plan';
import { planUnmerge } from '../../../src/domain/merge/unmerge-plan';
import { aggregate, contact, identity, message, thrown } from './fixtures';

const T_MERGE = '2024-06-01T00:00:00.000Z';
const T_UNMERGE = '2024-07-01T00:00:00.000Z';

function setup() {
  const primary = aggregate(
    contact({
      id: 'p',
      firstName: 'Ana',
      lastName: null,
      email: null,
      phone: '+5511911110000',
      tags: ['VIP'],
      customFields: { plan: null, score: 3 },
      createdAt: '2024-03-01T00:00:00.000Z',
      lastInteractionAt: '2024-04-01T00:00:00.000Z',
      lastIncomingAt: '2024-04-01T00:00:00.000Z',
      lastInteractedChannelId: 'ch-p',
    }),
    [identity('ip', 'p', 'ch-p')],
    [message('mp', 'p', 'ip', '2024-04-01T00:00:00.000Z', { channelId: 'ch-p' }), message('mp0', 'p', null)],
  );
  const secondary = aggregate(
    contact({
      id: 's',
      firstName: 'Anna',
      lastName: 'Silva',
      email: 'anna@x.com',
      phone: '+5511922220000',
      tags: ['vip', 'Lead'],
      customFields: { plan: 'gold', score: 9, birthday: '1990-01-01' },
      createdAt: '2024-02-01T00:00:00.000Z',
      lastInteractionAt: '2024-05-01T00:00:00.000Z',
      lastIncomingAt: '2024-05-01T00:00:00.000Z',
      lastInteractedChannelId: 'ch-s',
      conversationStatus: 'open',
      conversationOpenedAt: '2024-05-01T00:00:00.000Z',
    }),
    [identity('is1', 's', 'ch-s'), identity('is2', 's', 'ch-mail')],
    [
      message('ms1', 's', 'is1', '2024-05-01T00:00:00.000Z', { channelId: 'ch-s' }),
      message('ms2', 's', 'is2', '2024-04-15T00:00:00.000Z', { channelId: 'ch-mail', direction: 'outgoing', kind: 'proactive' }),
      message('ms0', 's', null, '2024-01-15T00:00:00.000Z'),
    ],
  );
  const { merged, record } = planMerge(primary, secondary, { firstName: 'secondary' }, T_MERGE, 'm1');
  return { primary, secondary, merged, record };
}

function withoutUpdatedAt(a: ContactAggregate): unknown {
  return { ...a, contact: { ...a.contact, updatedAt: 'ignored' } };
}

describe('planUnmerge', () => {
  it('restores both contacts exactly when nothing changed since the merge', () => {
    const { primary, secondary, merged, record } = setup();
    const plan = planUnmerge(record, merged, T_UNMERGE);
    expect(withoutUpdatedAt(plan.primary)).toEqual(withoutUpdatedAt(primary));
    expect(withoutUpdatedAt(plan.restored)).toEqual(withoutUpdatedAt(secondary));
    expect(plan.primary.contact.updatedAt).toBe(T_UNMERGE);
    expect(plan.restored.contact.updatedAt).toBe(T_UNMERGE);
    expect(plan.returnedIdentityIds).toEqual(['is1', 'is2']);
    expect(plan.returnedMessageIds).toEqual(['ms1', 'ms2', 'ms0']);
    expect(plan.removedTags).toEqual(['Lead']);
    expect(plan.keptFields).toEqual([]);
    expect(plan.recomputedFields).toEqual([]);
    expect(plan.revertedFields).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'createdAt', 'customFields.plan', 'lastInteractionAt']),
    );
    expect(plan.record).toEqual({ ...record, unmergedAt: T_UNMERGE });
  });

  it('keeps fields changed since the merge and reverts the unchanged ones', () => {
    const { merged, record } = setup();
    const edited: ContactAggregate = {
      ...merged,
      contact: {
        ...merged.contact,
        firstName: 'Ana Maria', // the merge wrote "Anna"; edited since → stays
        email: 'new@x.com', // the merge filled it; edited since → stays
        customFields: { ...merged.contact.customFields, plan: 'platinum' }, // edited → stays
        // lastName and customFields.birthday untouched → revert
      },
    };
    const plan = planUnmerge(record, edited, T_UNMERGE);
    expect(plan.primary.contact).toMatchObject({
      firstName: 'Ana Maria',
      lastName: null,
      email: 'new@x.com',
      phone: '+5511911110000',
      customFields: { plan: 'platinum', score: 3 },
      displayName: 'Ana Maria',
    });
    expect(plan.keptFields).toEqual(expect.arrayContaining(['firstName', 'email', 'customFields.plan']));
    expect(plan.revertedFields).toEqual(expect.arrayContaining(['lastName', 'customFields.birthday']));
    expect(plan.revertedFields).not.toContain('firstName');
    // the restored contact gets its own original profile regardless
    expect(plan.restored.contact).toMatchObject({ firstName: 'Anna', email: 'anna@x.com', lastName: 'Silva' });
  });

  it('restores an explicitly null custom field of the primary exactly and removes filled-in ones', () => {
    const { merged, record } = setup();
    const plan = planUnmerge(record, merged, T_UNMERGE);
    expect(plan.primary.contact.customFields).toEqual({ plan: null, score: 3 });
    expect(Object.keys(plan.primary.contact.customFields)).toEqual(['plan', 'score']);
  });

  it('removes tags the merge added only if still there and keeps tags added since', () => {
    const { merged, record } = setup();
    const edited = { ...merged, contact: { ...merged.contact, tags: ['lead', 'New', 'VIP'] } };
    const plan = planUnmerge(record, edited, T_UNMERGE);
    expect(plan.primary.contact.tags).toEqual(['New', 'VIP']);
    expect(plan.removedTags).toEqual(['lead']);
    const gone = planUnmerge(record, { ...merged, contact: { ...merged.contact, tags: ['VIP'] } }, T_UNMERGE);
    expect(gone.removedTags).toEqual([]);
    expect(gone.primary.contact.tags).toEqual(['VIP']);
    expect(gone.restored.contact.tags).toEqual(['vip', 'Lead']);
  });

  it('sends messages received after the merge on a moved identity back, and keeps the others', () => {
    const { merged, record } = setup();
    const later: ContactAggregate = {
      ...merged,
      messages: [
        ...merged.messages,
        message('new-s', 'p', 'is1', '2024-06-10T00:00:00.000Z', { channelId: 'ch-s' }),
        message('new-p', 'p', 'ip', '2024-06-05T00:00:00.000Z', { channelId: 'ch-p' }),
        message('new-none', 'p', null, '2024-06-06T00:00:00.000Z', { direction: 'outgoing', kind: 'reactive' }),
      ],
      contact: {
        ...merged.contact,
        lastInteractionAt: '2024-06-10T00:00:00.000Z',
        lastInteractedChannelId: 'ch-s',
        lastIncomingAt: '2024-06-10T00:00:00.000Z',
      },
    };
    const plan = planUnmerge(record, later, T_UNMERGE);
    expect(plan.returnedMessageIds).toEqual(['ms1', 'ms2', 'ms0', 'new-s']);
    expect(plan.restored.messages.every((m) => m.contactId === 's')).toBe(true);
    expect(plan.primary.messages.map((m) => m.id)).toEqual(['mp', 'mp0', 'new-p', 'new-none']);
    // the activity that set the primary's fields went back: recompute from what it keeps
    expect(plan.primary.contact).toMatchObject({
      lastInteractionAt: '2024-06-05T00:00:00.000Z',
      lastInteractedChannelId: 'ch-p',
      lastIncomingAt: '2024-06-05T00:00:00.000Z',
    });
    expect(plan.recomputedFields).toEqual(['lastInteractionAt', 'lastInteractedChannelId', 'lastIncomingAt']);
    // the restored contact's activity moves forward with the message it received while merged
    expect(plan.restored.contact).toMatchObject({
      lastInteractionAt: '2024-06-10T00:00:00.000Z',
      lastInteractedChannelId: 'ch-s',
      lastIncomingAt: '2024-06-10T00:00:00.000Z',
    });
  });

  it("keeps the primary's activity when a message it keeps explains it", () => {
    const { merged, record } = setup();
    const later: ContactAggregate = {
      ...merged,
      messages: [...merged.messages, message('new-p', 'p', 'ip', '2024-06-05T00:00:00.000Z', { channelId: 'ch-p' })],
      contact: {
        ...merged.contact,
        lastInteractionAt: '2024-06-05T00:00:00.000Z',
        lastInteractedChannelId: 'ch-p',
        lastIncomingAt: '2024-06-05T00:00:00.000Z',
      },
    };
    const plan = planUnmerge(record, later, T_UNMERGE);
    expect(plan.primary.contact.lastInteractionAt).toBe('2024-06-05T00:00:00.000Z');
    expect(plan.primary.contact.lastIncomingAt).toBe('2024-06-05T00:00:00.000Z');
    expect(plan.keptFields).toEqual(expect.arrayContaining(['lastInteractionAt', 'lastIncomingAt']));
    expect(plan.restored.contact.lastInteractionAt).toBe('2024-05-01T00:00:00.000Z');
  });

  it('falls back to the pre-merge activity when the primary keeps no newer visible incoming message', () => {
    const { merged, record } = setup();
    const later: ContactAggregate = {
      ...merged,
      messages: [
        ...merged.messages,
        message('hidden', 'p', 'ip', '2024-06-07T00:00:00.000Z', { hidden: true }),
        message('new-s', 'p', 'is2', '2024-06-08T00:00:00.000Z', { channelId: 'ch-mail' }),
      ],
      contact: {
        ...merged.contact,
        lastInteractionAt: '2024-06-08T00:00:00.000Z',
        lastInteractedChannelId: 'ch-mail',
        lastIncomingAt: '2024-06-08T00:00:00.000Z',
      },
    };
    const plan = planUnmerge(record, later, T_UNMERGE);
    expect(plan.primary.contact).toMatchObject({
      lastInteractionAt: '2024-04-01T00:00:00.000Z',
      lastInteractedChannelId: 'ch-p',
      lastIncomingAt: '2024-04-01T00:00:00.000Z',
    });
    expect(plan.restored.contact.lastInteractedChannelId).toBe('ch-mail');
  });

  it('sends back the messages without identity that moved in the merge, also those of an identity removed since', () => {
    const { merged, record } = setup();
    // identity is2 was removed from the primary after the merge: its messages lost their identity
    const removed: ContactAggregate = {
      ...merged,
      identities: merged.identities.filter((i) => i.id !== 'is2'),
      messages: merged.messages.map((m) => (m.identityId === 'is2' ? { ...m, identityId: null } : m)),
    };
    const plan = planUnmerge(record, removed, T_UNMERGE);
    expect(plan.returnedIdentityIds).toEqual(['is1']);
    expect(plan.restored.identities.map((i) => [i.id, i.contactId])).toEqual([['is1', 's']]);
    expect(plan.returnedMessageIds).toEqual(['ms1', 'ms2', 'ms0']);
    expect(plan.primary.messages.map((m) => m.id)).toEqual(['mp', 'mp0']);
  });

  it('keeps fields the merge took that changed since and reverts state fields that did not', () => {
    const { merged, record } = setup();
    // conversation was open only on the secondary: closed since → stays closed
    const closed = { ...merged, contact: { ...merged.contact, conversationStatus: 'closed' as const } };
    const plan = planUnmerge(record, closed, T_UNMERGE);
    expect(plan.primary.contact.conversationStatus).toBe('closed');
    expect(plan.primary.contact.conversationOpenedAt).toBeNull();
    expect(plan.primary.contact.createdAt).toBe('2024-03-01T00:00:00.000Z');
    expect(plan.keptFields).toContain('conversationStatus');
  });

  it('refuses to undo a merge twice', () => {
    const { merged, record } = setup();
    const first = planUnmerge(record, merged, T_UNMERGE);
    const e = thrown(() => planUnmerge(first.record, first.primary, '2024-08-01T00:00:00.000Z'));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('conflict');
    expect((e as DomainError).message).toMatch(/already undone/);
  });

  it("refuses an aggregate that is not the merge's primary, or that holds another contact's items", () => {
    const { secondary, merged, record } = setup();
    const e = thrown(() => planUnmerge(record, secondary, T_UNMERGE));
    expect((e as DomainError).code).toBe('validation_error');
    expect((e as DomainError).details[0].path).toBe('primary');
    const e2 = thrown(() =>
      planUnmerge(record, { ...merged, messages: [...merged.messages, message('x', 'zz', null)] }, T_UNMERGE),
    );
    expect((e2 as DomainError).details[0].path).toBe('primary.messages');
  });
});
