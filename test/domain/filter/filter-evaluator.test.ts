import type { CustomFieldValue } from '../../../src/domain/contact';
import { compileFilterPredicate, evaluateFilter } from '../../../src/domain/filter/filter-evaluator';
import type { Filter } from '../../../src/domain/filter/filter-schema';
import { TEST_EVALUATION_CONTEXT } from './arbitraries';
import { emptySubject, matches } from './fixtures';

// FILTER_TEST_NOW is 2025-06-15T12:00:00.000Z.
const cond = (field: string, operator: string, value?: unknown): Record<string, unknown> =>
  value === undefined ? { field, operator } : { field, operator, value };

describe('groups', () => {
  const s = emptySubject();
  it('empty and is true, empty or is false, not negates', () => {
    expect(matches({ and: [] }, s)).toBe(true);
    expect(matches({ or: [] }, s)).toBe(false);
    expect(matches({ not: { and: [] } }, s)).toBe(false);
    expect(matches({ and: [cond('blocked', 'is', false), cond('proactive', 'is', true)] }, s)).toBe(true);
    expect(matches({ and: [cond('blocked', 'is', false), cond('proactive', 'is', false)] }, s)).toBe(false);
    expect(matches({ or: [cond('blocked', 'is', true), cond('proactive', 'is', true)] }, s)).toBe(true);
  });

  it('compileFilterPredicate filters arrays', () => {
    const pred = compileFilterPredicate({ field: 'blocked', type: 'boolean', operator: 'is', value: true } as Filter, TEST_EVALUATION_CONTEXT);
    const list = [emptySubject({ id: 'a' }), emptySubject({ id: 'b', blocked: true })];
    expect(list.filter(pred).map((c) => c.id)).toEqual(['b']);
  });
});

describe('text fields', () => {
  const ana = emptySubject({ firstName: 'ÉMILE Ana', lastName: '', email: 'ana@example.com', phone: '+14155550123' });
  it.each<[string, string, unknown, boolean]>([
    ['firstName', 'is', 'émile ana', false], // only A–Z fold: É ≠ é
    ['firstName', 'is', 'Émile ANA', true],
    ['firstName', 'isNot', 'Émile ana', false],
    ['firstName', 'isNot', 'Bob', true],
    ['firstName', 'contains', 'LE a', true],
    ['firstName', 'contains', 'émile', false],
    ['firstName', 'notContains', 'ana', false],
    ['firstName', 'notContains', 'bob', true],
    ['firstName', 'startsWith', 'Émi', true],
    ['firstName', 'startsWith', 'ana', false],
    ['firstName', 'in', ['bob', 'émile ana', 'ÉMILE ANA'], true],
    ['firstName', 'notIn', ['bob'], true],
    ['firstName', 'notIn', ['Émile ana'], false],
    ['firstName', 'exists', undefined, true],
    ['firstName', 'notExists', undefined, false],
    ['lastName', 'exists', undefined, false], // empty string is absent
    ['lastName', 'notExists', undefined, true],
    ['lastName', 'isNot', 'x', true],
    ['email', 'is', 'ANA@EXAMPLE.COM', true],
    ['phone', 'is', '+1 415-555-0123', true],
    ['phone', 'startsWith', '+1415', true],
    ['id', 'is', 'C1', true],
  ])('%s %s %j → %s', (field, operator, value, expected) => {
    expect(matches(cond(field, operator, value), ana)).toBe(expected);
  });

  it('treats % and _ literally', () => {
    const s = emptySubject({ firstName: '50%_off' });
    expect(matches(cond('firstName', 'contains', '%_'), s)).toBe(true);
    expect(matches(cond('firstName', 'contains', '5_%'), s)).toBe(false);
    expect(matches(cond('firstName', 'startsWith', '_'), s)).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    ['is', 'x', false],
    ['isNot', 'x', true],
    ['contains', 'x', false],
    ['notContains', 'x', true],
    ['startsWith', 'x', false],
    ['in', ['x'], false],
    ['notIn', ['x'], true],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('on null: %s → %s', (operator, value, expected) => {
    expect(matches(cond('firstName', operator, value), emptySubject())).toBe(expected);
  });
});

describe('id and enum fields', () => {
  const s = emptySubject({ assignee: 'u1', lastInteractedChannelId: 'ch-sms', conversationStatus: 'closed' });
  it.each<[string, string, unknown, boolean]>([
    ['assignee', 'is', 'u1', true],
    ['assignee', 'is', 'U1', false], // ids are case-sensitive
    ['assignee', 'isNot', 'U1', true],
    ['assignee', 'in', ['u2', 'u1'], true],
    ['assignee', 'notIn', ['u1'], false],
    ['assignee', 'exists', undefined, true],
    ['lastInteractedChannel', 'is', 'ch-sms', true],
    ['lastInteractedChannel', 'notExists', undefined, false],
    ['conversationStatus', 'is', 'Closed', true],
    ['conversationStatus', 'isNot', 'open', true],
    ['conversationStatus', 'in', ['open'], false],
    ['conversationStatus', 'notIn', ['open'], true],
    ['conversationStatus', 'exists', undefined, true],
  ])('%s %s %j → %s', (field, operator, value, expected) => {
    expect(matches(cond(field, operator, value), s)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['is', 'u1', false],
    ['isNot', 'u1', true],
    ['in', ['u1'], false],
    ['notIn', ['u1'], true],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('assignee null: %s → %s', (operator, value, expected) => {
    expect(matches(cond('assignee', operator, value), emptySubject())).toBe(expected);
  });

  it('list custom fields compare case-insensitively with their options', () => {
    const s2 = emptySubject({ customFields: { plan: 'pro' } });
    expect(matches(cond('customFields.plan', 'is', 'Pro'), s2)).toBe(true);
    expect(matches(cond('customFields.plan', 'in', ['Free']), s2)).toBe(false);
    expect(matches(cond('customFields.plan', 'isNot', 'Pro'), emptySubject())).toBe(true);
  });
});

describe('booleans', () => {
  it.each<[string, string, unknown, boolean]>([
    ['blocked', 'is', true, false],
    ['blocked', 'isNot', true, true],
    ['proactive', 'is', true, true],
    ['reactive', 'exists', undefined, true],
    ['customFields.vip', 'is', false, true],
    ['customFields.vip', 'isNot', false, false],
    ['customFields.vip', 'exists', undefined, true],
  ])('%s %s %j → %s', (field, operator, value, expected) => {
    expect(matches(cond(field, operator, value), emptySubject({ customFields: { vip: false } }))).toBe(expected);
  });

  it('a missing, null or wrongly typed custom boolean is absent', () => {
    for (const customFields of [{}, { vip: null }, { vip: 'true' }] as Array<Record<string, CustomFieldValue>>) {
      const s = emptySubject({ customFields });
      expect(matches(cond('customFields.vip', 'is', true), s)).toBe(false);
      expect(matches(cond('customFields.vip', 'is', false), s)).toBe(false);
      expect(matches(cond('customFields.vip', 'isNot', true), s)).toBe(true);
      expect(matches(cond('customFields.vip', 'notExists'), s)).toBe(true);
    }
  });
});

describe('numbers', () => {
  const s = emptySubject({ customFields: { score: 10 } });
  it.each<[string, unknown, boolean]>([
    ['is', 10, true],
    ['is', '10.0', true],
    ['isNot', 10, false],
    ['gt', 10, false],
    ['gt', 9.5, true],
    ['gte', 10, true],
    ['lt', 10, false],
    ['lte', 10, true],
    ['between', [10, 10], true],
    ['between', [-1, 9.99], false],
    ['in', [1, 10], true],
    ['notIn', [1, 10], false],
    ['exists', undefined, true],
  ])('10 %s %j → %s', (operator, value, expected) => {
    expect(matches(cond('customFields.score', operator, value), s)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['is', 0, false],
    ['isNot', 0, true],
    ['gt', -1, false],
    ['lte', 100, false],
    ['between', [-100, 100], false],
    ['in', [0], false],
    ['notIn', [0], true],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('absent or non-numeric %s %j → %s', (operator, value, expected) => {
    for (const customFields of [{}, { score: null }, { score: '10' }] as Array<Record<string, CustomFieldValue>>) {
      expect(matches(cond('customFields.score', operator, value), emptySubject({ customFields }))).toBe(expected);
    }
  });
});

describe('datetimes', () => {
  const s = emptySubject({ lastInteractionAt: '2025-06-08T12:00:00.000Z' }); // exactly 7 days before now
  it.each<[string, unknown, boolean]>([
    ['is', '2025-06-08T14:00:00+02:00', true],
    ['isNot', '2025-06-08T12:00:00.001Z', true],
    ['gt', '2025-06-08T11:59:59.999Z', true],
    ['gt', '2025-06-08T12:00:00Z', false],
    ['gte', '2025-06-08T12:00:00Z', true],
    ['lt', '2025-06-09', true],
    ['lte', '2025-06-08', false],
    ['between', ['2025-06-01', '2025-06-08T12:00:00Z'], true],
    ['between', ['2025-06-08T12:00:00.001Z', '2025-06-09'], false],
    ['withinLast', '7d', true], // boundary included
    ['withinLast', '167h', false],
    ['moreThan', '7d', false],
    ['moreThan', '6d', true],
    ['exists', undefined, true],
    ['notExists', undefined, false],
  ])('%s %j → %s', (operator, value, expected) => {
    expect(matches(cond('lastInteractionAt', operator, value), s)).toBe(expected);
  });

  it('counts future values as within the last period', () => {
    expect(matches(cond('createdAt', 'withinLast', '1h'), emptySubject({ createdAt: '2026-01-01T00:00:00Z' }))).toBe(true);
    expect(matches(cond('createdAt', 'moreThan', '1h'), emptySubject({ createdAt: '2026-01-01T00:00:00Z' }))).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    ['is', '2025-06-08', false],
    ['isNot', '2025-06-08', true],
    ['gt', '2000-01-01', false],
    ['lt', '2100-01-01', false],
    ['between', ['2000-01-01', '2100-01-01'], false],
    ['withinLast', '2w', false],
    ['moreThan', '1s', false],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('null %s %j → %s', (operator, value, expected) => {
    expect(matches(cond('conversationOpenedAt', operator, value), emptySubject())).toBe(expected);
  });

  it('custom datetimes compare as instants, whatever their spelling', () => {
    const c = emptySubject({ customFields: { renewalAt: '2025-06-15T14:00:00+02:00' } });
    expect(matches(cond('customFields.renewalAt', 'is', '2025-06-15T12:00:00.000Z'), c)).toBe(true);
    expect(matches(cond('customFields.renewalAt', 'withinLast', '1s'), c)).toBe(true);
    expect(matches(cond('customFields.renewalAt', 'exists'), emptySubject({ customFields: { renewalAt: 'soon' } }))).toBe(false);
  });
});

describe('dates', () => {
  const s = emptySubject({ customFields: { birthday: '2025-06-08' } });
  it.each<[string, unknown, boolean]>([
    ['is', '2025-06-08', true],
    ['isNot', '2025-06-08', false],
    ['gt', '2025-06-07', true],
    ['gte', '2025-06-08', true],
    ['lt', '2025-06-08', false],
    ['lte', '2025-06-08', true],
    ['between', ['2025-06-08', '2025-06-08'], true],
    ['between', ['2024-12-31', '2025-06-07'], false],
    // now − 7d = 2025-06-08T12:00Z → date 2025-06-08, which is included
    ['withinLast', '7d', true],
    ['moreThan', '7d', false],
    // now − 8d = 2025-06-07T12:00Z → date 2025-06-07
    ['moreThan', '8d', false],
    ['withinLast', '6d', false],
    ['moreThan', '6d', true],
    // now − 156h = 2025-06-09T00:00Z → date 2025-06-09
    ['withinLast', '156h', false],
    ['withinLast', '157h', true],
    ['exists', undefined, true],
  ])('2025-06-08 %s %j → %s', (operator, value, expected) => {
    expect(matches(cond('customFields.birthday', operator, value), s)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['is', '2025-06-08', false],
    ['isNot', '2025-06-08', true],
    ['gte', '0001-01-01', false],
    ['between', ['0001-01-01', '9999-12-31'], false],
    ['withinLast', '1d', false],
    ['moreThan', '1d', false],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('absent %s %j → %s', (operator, value, expected) => {
    for (const customFields of [{}, { birthday: null }, { birthday: 20250608 }, { birthday: 'June 8' }] as Array<Record<string, CustomFieldValue>>) {
      expect(matches(cond('customFields.birthday', operator, value), emptySubject({ customFields }))).toBe(expected);
    }
  });
});

describe('timeSinceLastIncoming', () => {
  const s = emptySubject({ lastIncomingAt: '2025-06-15T11:00:00.000Z' }); // one hour ago
  it.each<[string, unknown, boolean]>([
    ['gt', '59m', true],
    ['gt', '1h', false],
    ['gte', '1h', true],
    ['lt', '1h', false],
    ['lt', '61m', true],
    ['lte', '3600s', true],
    ['between', ['1h', '2h'], true],
    ['between', ['61m', '2h'], false],
    ['exists', undefined, true],
    ['notExists', undefined, false],
  ])('1h %s %j → %s', (operator, value, expected) => {
    expect(matches(cond('timeSinceLastIncoming', operator, value), s)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['gt', '0s', false],
    ['gte', '0s', false],
    ['lt', '100w', false],
    ['lte', '100w', false],
    ['between', ['0s', '100w'], false],
    ['exists', undefined, false],
    ['notExists', undefined, true],
  ])('never messaged: %s %j → %s', (operator, value, expected) => {
    expect(matches(cond('timeSinceLastIncoming', operator, value), emptySubject())).toBe(expected);
  });
});

describe('tags', () => {
  const s = emptySubject({ tags: ['Ärger', 'VIP', 'Lead'] });
  it.each<[string, unknown, boolean]>([
    ['hasAny', ['vip'], true],
    ['hasAny', ['ärger'], false], // Ä is not folded
    ['hasAny', ['Ärger', 'x'], true],
    ['hasAll', ['lead', 'VIP'], true],
    ['hasAll', ['lead', 'customer'], false],
    ['hasNone', ['customer'], true],
    ['hasNone', ['customer', 'LEAD'], false],
    ['exists', undefined, true],
    ['notExists', undefined, false],
  ])('%s %j → %s', (operator, value, expected) => {
    expect(matches(cond('tags', operator, value), s)).toBe(expected);
  });

  it('a contact without tags', () => {
    const none = emptySubject();
    expect(matches(cond('tags', 'hasAny', ['VIP']), none)).toBe(false);
    expect(matches(cond('tags', 'hasAll', ['VIP']), none)).toBe(false);
    expect(matches(cond('tags', 'hasNone', ['VIP']), none)).toBe(true);
    expect(matches(cond('tags', 'exists'), none)).toBe(false);
    expect(matches(cond('tags', 'notExists'), none)).toBe(true);
  });
});

describe('channels', () => {
  // ch-wa-2 is a WhatsApp channel; ch-gone is not in the workspace's channel list.
  const s = emptySubject({ identities: [{ channelId: 'ch-wa-2' }, { channelId: 'ch-gone' }] });
  it.each<[string, unknown, boolean]>([
    ['hasAny', ['whatsapp'], true],
    ['hasAny', ['WhatsApp'], true], // type names are normalised by validation
    ['hasAny', ['ch-wa-1'], false],
    ['hasAny', ['ch-wa-2'], true],
    ['hasAny', ['CH-WA-2'], false], // ids are exact
    ['hasAny', ['ch-gone'], true],
    ['hasAny', ['sms', 'email'], false],
    ['hasAll', ['whatsapp', 'ch-gone'], true],
    ['hasAll', ['whatsapp', 'sms'], false],
    ['hasNone', ['sms'], true],
    ['hasNone', ['sms', 'whatsapp'], false],
    ['exists', undefined, true],
    ['notExists', undefined, false],
  ])('%s %j → %s', (operator, value, expected) => {
    expect(matches(cond('channels', operator, value), s)).toBe(expected);
  });

  it('a contact without identities', () => {
    const none = emptySubject();
    expect(matches(cond('channels', 'hasAny', ['whatsapp']), none)).toBe(false);
    expect(matches(cond('channels', 'hasNone', ['whatsapp']), none)).toBe(true);
    expect(matches(cond('channels', 'exists'), none)).toBe(false);
  });

  it('uses the channels of the context to find types', () => {
    const f = { field: 'channels', type: 'channels', operator: 'hasAny', value: ['line'] } as Filter;
    const subject = emptySubject({ identities: [{ channelId: 'ch-gone' }] });
    expect(evaluateFilter(f, subject, TEST_EVALUATION_CONTEXT)).toBe(false);
    expect(evaluateFilter(f, subject, { ...TEST_EVALUATION_CONTEXT, channels: [{ id: 'ch-gone', type: 'line', name: 'Line' }] })).toBe(true);
  });
});

describe('custom text-like fields', () => {
  const s = emptySubject({ customFields: { nickname: 'Zoë', workEmail: 'zoë@test.io', workPhone: '+442071838750', website: 'https://Example.com' } });
  it.each<[string, string, unknown, boolean]>([
    ['customFields.nickname', 'is', 'ZOë', true],
    ['customFields.nickname', 'is', 'ZOË', false],
    ['customFields.workEmail', 'is', 'ZOË@TEST.IO', true], // the value is lower-cased by validation
    ['customFields.workPhone', 'in', ['+44 20 7183 8750'], true],
    ['customFields.website', 'startsWith', 'HTTPS://example', true],
    ['customFields.website', 'notContains', 'example', false],
  ])('%s %s %j → %s', (field, operator, value, expected) => {
    expect(matches(cond(field, operator, value), s)).toBe(expected);
  });

  it('a number stored in a text field is absent', () => {
    const wrong = emptySubject({ customFields: { nickname: 5 } });
    expect(matches(cond('customFields.nickname', 'exists'), wrong)).toBe(false);
    expect(matches(cond('customFields.nickname', 'notContains', '5'), wrong)).toBe(true);
  });
});
