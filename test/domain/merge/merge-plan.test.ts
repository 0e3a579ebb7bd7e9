import { DomainError } from '../../../src/domain/errors';
import { planMerge } from '../../../src/domain/merge/merge-plan';
import { parseMergeRecord } from '../../../src/domain/merge/merge-record';
import { aggregate, contact, identity, message, thrown } from './fixtures';

const NOW = '2024-06-01T12:00:00.000Z';

describe('planMerge: fields', () => {
  const p = contact({ id: 'p', firstName: 'Ana', lastName: null, email: 'ana@x.com', phone: null, proactive: false });
  const s = contact({
    id: 's',
    firstName: 'Anna',
    lastName: 'Silva',
    email: 'anna@y.com',
    phone: '+5511999990000',
    proactive: true,
    reactive: false,
  });

  it("keeps the primary's values by default and fills its empty fields from the secondary", () => {
    const { merged, record } = planMerge(aggregate(p), aggregate(s), undefined, NOW, 'm1');
    expect(merged.contact).toMatchObject({
      id: 'p',
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@x.com',
      phone: '+5511999990000',
      proactive: false, // the primary's boolean always counts as a value
      reactive: true,
      displayName: 'Ana Silva',
      updatedAt: NOW,
    });
    expect(record.fieldsFromSecondary).toEqual([
      { field: 'lastName', value: 'Silva' },
      { field: 'phone', value: '+5511999990000' },
    ]);
  });

  it('follows explicit choices, including a null and a boolean of the secondary', () => {
    const { merged, record } = planMerge(
      aggregate(p),
      aggregate(contact({ ...s, email: null })),
      { firstName: 'secondary', email: 'secondary', proactive: 'secondary', reactive: 'secondary', lastName: 'primary' },
      NOW,
      'm1',
    );
    expect(merged.contact).toMatchObject({
      firstName: 'Anna',
      lastName: null,
      email: null,
      proactive: true,
      reactive: false,
      displayName: 'Anna',
    });
    expect(record.fieldsFromSecondary.map((w) => w.field)).toEqual([
      'firstName',
      'email',
      'phone',
      'proactive',
      'reactive',
    ]);
    expect(record.fieldsFromSecondary.find((w) => w.field === 'email')?.value).toBeNull();
  });

  it('records nothing for a field where both values are equal', () => {
    const same = contact({ id: 's', firstName: 'Ana' });
    const { record } = planMerge(aggregate(p), aggregate(same), { firstName: 'secondary' }, NOW, 'm1');
    expect(record.fieldsFromSecondary).toEqual([]);
  });

  it('recomputes displayName from phone and e-mail when there is no name', () => {
    const a = contact({ id: 'a', email: 'a@x.com' });
    const b = contact({ id: 'b', phone: '+447400123456' });
    expect(planMerge(aggregate(a), aggregate(b), {}, NOW, 'm').merged.contact.displayName).toBe('+447400123456');
    expect(planMerge(aggregate(a), aggregate(contact({ id: 'b' })), {}, NOW, 'm').merged.contact.displayName).toBe(
      'a@x.com',
    );
    expect(
      planMerge(aggregate(contact({ id: 'a' })), aggregate(contact({ id: 'b' })), {}, NOW, 'm').merged.contact
        .displayName,
    ).toBe('');
  });

  it('merges custom fields by the same rule, per key', () => {
    const a = contact({ id: 'a', customFields: { plan: 'gold', score: null, vip: false, onlyA: 1 } });
    const b = contact({ id: 'b', customFields: { plan: 'silver', score: 7, vip: true, onlyB: 'x', birthday: '1990-01-01' } });
    const { merged, record } = planMerge(
      aggregate(a),
      aggregate(b),
      { customFields: { birthday: 'primary', onlyA: 'secondary' } },
      NOW,
      'm',
    );
    // plan: primary has a value; score: primary null → secondary; vip: boolean counts; onlyB: filled;
    // birthday: explicitly primary (none); onlyA: explicitly the secondary's (none) → removed.
    expect(merged.contact.customFields).toEqual({ plan: 'gold', score: 7, vip: false, onlyB: 'x' });
    expect(record.fieldsFromSecondary).toEqual([
      { field: 'customFields.score', value: 7 },
      { field: 'customFields.onlyA', value: null },
      { field: 'customFields.onlyB', value: 'x' },
    ]);
    const chosen = planMerge(aggregate(a), aggregate(b), { customFields: { plan: 'secondary', vip: 'secondary' } }, NOW, 'm');
    expect(chosen.merged.contact.customFields).toMatchObject({ plan: 'silver', vip: true });
  });

  it('refuses bad choices naming the path', () => {
    const e = thrown(() => planMerge(aggregate(p), aggregate(s), { nickname: 'primary' } as never, NOW, 'm'));
    expect((e as DomainError).details[0].path).toBe('choices.nickname');
  });
});

describe('planMerge: tags', () => {
  it("unites tags case-insensitively, keeps the primary's spelling and sorts case-insensitively", () => {
    const a = contact({ id: 'a', tags: ['b2b', 'VIP'] });
    const b = contact({ id: 'b', tags: ['Churn', 'vip', 'alpha', 'B2B'] });
    const { merged, record } = planMerge(aggregate(a), aggregate(b), {}, NOW, 'm');
    expect(merged.contact.tags).toEqual(['alpha', 'b2b', 'Churn', 'VIP']);
    expect(record.addedTags).toEqual(['Churn', 'alpha']);
  });
});

describe('planMerge: identities and messages', () => {
  it('moves every identity and message of the secondary to the primary and lists them', () => {
    const a = aggregate(contact({ id: 'a' }), [identity('ia', 'a')], [message('ma', 'a', 'ia')]);
    const b = aggregate(
      contact({ id: 'b' }),
      [identity('ib1', 'b'), identity('ib2', 'b', 'ch-mail')],
      [message('mb1', 'b', 'ib1'), message('mb2', 'b', null), message('mb3', 'b', 'ib2')],
    );
    const { merged, record } = planMerge(a, b, {}, NOW, 'm');
    expect(merged.identities.map((i) => [i.id, i.contactId])).toEqual([
      ['ia', 'a'],
      ['ib1', 'a'],
      ['ib2', 'a'],
    ]);
    expect(merged.messages.map((m) => [m.id, m.contactId, m.identityId])).toEqual([
      ['ma', 'a', 'ia'],
      ['mb1', 'a', 'ib1'],
      ['mb2', 'a', null],
      ['mb3', 'a', 'ib2'],
    ]);
    expect(record.movedIdentityIds).toEqual(['ib1', 'ib2']);
    expect(record.movedMessageIds).toEqual(['mb1', 'mb2', 'mb3']);
    expect(b.identities[0].contactId).toBe('b'); // inputs untouched
  });
});

describe('planMerge: state fields', () => {
  it('takes the earlier createdAt and the later activity with its channel', () => {
    const a = contact({
      id: 'a',
      createdAt: '2024-03-01T00:00:00Z',
      lastInteractionAt: '2024-05-01T00:00:00Z',
      lastInteractedChannelId: 'ch-a',
      lastIncomingAt: '2024-04-01T00:00:00Z',
    });
    const b = contact({
      id: 'b',
      createdAt: '2024-02-01T00:00:00Z',
      lastInteractionAt: '2024-05-02T00:00:00Z',
      lastInteractedChannelId: 'ch-b',
      lastIncomingAt: '2024-03-01T00:00:00Z',
    });
    const { merged, record } = planMerge(aggregate(a), aggregate(b), {}, NOW, 'm');
    expect(merged.contact).toMatchObject({
      createdAt: '2024-02-01T00:00:00Z',
      lastInteractionAt: '2024-05-02T00:00:00Z',
      lastInteractedChannelId: 'ch-b',
      lastIncomingAt: '2024-04-01T00:00:00Z',
    });
    expect(record.fieldsFromSecondary.map((w) => w.field)).toEqual([
      'createdAt',
      'lastInteractionAt',
      'lastInteractedChannelId',
    ]);
    // reversed: the primary's are kept; instants compare by time, not spelling
    const r = planMerge(aggregate(b), aggregate({ ...a, createdAt: '2024-02-01T01:00:00+02:00' }), {}, NOW, 'm');
    expect(r.merged.contact.createdAt).toBe('2024-02-01T01:00:00+02:00');
    expect(r.merged.contact.lastInteractedChannelId).toBe('ch-b');
    expect(r.merged.contact.lastIncomingAt).toBe('2024-04-01T00:00:00Z');
  });

  it('fills missing activity from the other contact', () => {
    const a = contact({ id: 'a' });
    const b = contact({ id: 'b', lastInteractionAt: '2024-05-02T00:00:00Z', lastInteractedChannelId: 'ch-b' });
    expect(planMerge(aggregate(a), aggregate(b), {}, NOW, 'm').merged.contact.lastInteractedChannelId).toBe('ch-b');
    expect(planMerge(aggregate(b), aggregate(a), {}, NOW, 'm').merged.contact.lastInteractedChannelId).toBe('ch-b');
  });

  it('opens the conversation when either is open (the earlier opening when both are)', () => {
    const open1 = contact({ id: 'a', conversationStatus: 'open', conversationOpenedAt: '2024-05-01T00:00:00Z' });
    const open2 = contact({ id: 'b', conversationStatus: 'open', conversationOpenedAt: '2024-04-01T00:00:00Z' });
    const closed = contact({ id: 'c', conversationStatus: 'closed', conversationOpenedAt: '2024-06-01T00:00:00Z' });
    expect(planMerge(aggregate(closed), aggregate(open1), {}, NOW, 'm').merged.contact).toMatchObject({
      conversationStatus: 'open',
      conversationOpenedAt: '2024-05-01T00:00:00Z',
    });
    expect(planMerge(aggregate(open1), aggregate(closed), {}, NOW, 'm').merged.contact).toMatchObject({
      conversationStatus: 'open',
      conversationOpenedAt: '2024-05-01T00:00:00Z',
    });
    expect(planMerge(aggregate(open1), aggregate(open2), {}, NOW, 'm').merged.contact.conversationOpenedAt).toBe(
      '2024-04-01T00:00:00Z',
    );
    const closed2 = contact({ id: 'd', conversationOpenedAt: '2024-01-01T00:00:00Z' });
    expect(planMerge(aggregate(closed2), aggregate(closed), {}, NOW, 'm').merged.contact).toMatchObject({
      conversationStatus: 'closed',
      conversationOpenedAt: '2024-06-01T00:00:00Z',
    });
  });

  it('is blocked when either is blocked (earlier blockedAt), and a blocked result is closed', () => {
    const blockedA = contact({ id: 'a', blocked: true, blockedAt: '2024-05-01T00:00:00Z' });
    const blockedB = contact({ id: 'b', blocked: true, blockedAt: '2024-04-01T00:00:00Z' });
    const open = contact({ id: 'c', conversationStatus: 'open', conversationOpenedAt: '2024-05-05T00:00:00Z' });
    expect(planMerge(aggregate(open), aggregate(blockedA), {}, NOW, 'm').merged.contact).toMatchObject({
      blocked: true,
      blockedAt: '2024-05-01T00:00:00Z',
      conversationStatus: 'closed',
    });
    expect(planMerge(aggregate(blockedA), aggregate(open), {}, NOW, 'm').merged.contact).toMatchObject({
      blocked: true,
      blockedAt: '2024-05-01T00:00:00Z',
      conversationStatus: 'closed',
    });
    expect(planMerge(aggregate(blockedA), aggregate(blockedB), {}, NOW, 'm').merged.contact.blockedAt).toBe(
      '2024-04-01T00:00:00Z',
    );
    expect(planMerge(aggregate(open), aggregate(contact({ id: 'd' })), {}, NOW, 'm').merged.contact.blocked).toBe(false);
  });
});

describe('planMerge: refusals and record', () => {
  it('refuses to merge a contact with itself', () => {
    const a = contact({ id: 'a' });
    const e = thrown(() => planMerge(aggregate(a), aggregate({ ...a }), {}, NOW, 'm'));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation_error');
    expect((e as DomainError).message).toMatch(/with itself/);
    expect((e as DomainError).details[0].path).toBe('secondaryId');
  });

  it('refuses aggregates holding identities or messages of another contact', () => {
    const a = contact({ id: 'a' });
    const b = contact({ id: 'b' });
    const e1 = thrown(() => planMerge(aggregate(a, [identity('i', 'x')]), aggregate(b), {}, NOW, 'm'));
    expect((e1 as DomainError).details[0].path).toBe('primary.identities');
    const e2 = thrown(() => planMerge(aggregate(a), aggregate(b, [], [message('m', 'x', null)]), {}, NOW, 'm'));
    expect((e2 as DomainError).details[0].path).toBe('secondary.messages');
  });

  it('produces a record that survives a JSON round trip through its schema', () => {
    const a = contact({ id: 'a', firstName: 'A', tags: ['x'], customFields: { k: 1 } });
    const b = contact({ id: 'b', lastName: 'B', tags: ['y'] });
    const { record } = planMerge(aggregate(a), aggregate(b, [identity('i', 'b')]), {}, NOW, 'merge-1');
    expect(record).toMatchObject({ id: 'merge-1', primaryId: 'a', secondaryId: 'b', mergedAt: NOW, unmergedAt: null });
    expect(record.primaryBefore).toEqual(a);
    expect(record.secondaryBefore).toEqual(b);
    expect(parseMergeRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('rejects a malformed stored record naming the path', () => {
    const e = thrown(() => parseMergeRecord({ id: 'x' }));
    expect((e as DomainError).details.map((d) => d.path)).toContain('mergeRecord.primaryBefore');
    const { record } = planMerge(aggregate(contact({ id: 'a' })), aggregate(contact({ id: 'b', firstName: 'B' })), {}, NOW, 'm');
    const bad = { ...record, fieldsFromSecondary: [{ field: 'displayName', value: 'x' }] };
    const e2 = thrown(() => parseMergeRecord(bad));
    expect((e2 as DomainError).details[0].path).toMatch(/^mergeRecord\.fieldsFromSecondary(\.0|\[0\])\.field$/);
  });
});
