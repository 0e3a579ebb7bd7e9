import { STANDARD_FILTER_FIELD_NAMES } from '../../src/domain/filter/filter-fields';
import { FILTER_OPERATORS, OPERATORS_BY_TYPE, type FilterValueType } from '../../src/domain/filter/filter-schema';
import type { FuzzValue } from './fuzz-json';
import type { Random } from './fuzz-random';
import type { FuzzFixtures } from './fuzz-schema-values';

/** Value types of the standard fields, for picking operators that fit most of the time. */
const FIELD_TYPES: Partial<Record<string, FilterValueType>> = {
  assignee: 'id',
  lastInteractedChannel: 'id',
  conversationStatus: 'enum',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  lastInteractionAt: 'datetime',
  lastIncomingAt: 'datetime',
  conversationOpenedAt: 'datetime',
  blocked: 'boolean',
  proactive: 'boolean',
  reactive: 'boolean',
  tags: 'tags',
  channels: 'channels',
  timeSinceLastIncoming: 'duration',
};

function scalar(type: FilterValueType | 'any', random: Random, fixtures: FuzzFixtures): FuzzValue {
  switch (type) {
    case 'number':
      return random.pick<FuzzValue>([0, 1, -1, 3.5, 1e308, -1e308, 2 ** 63, '5', 'abc']);
    case 'boolean':
      return random.pick<FuzzValue>([true, false, 'true', 1, null]);
    case 'date':
      return random.pick<FuzzValue>(['2024-01-01', '2024-02-30', '0000-01-01', '9999-12-31', '2024-01-01T00:00:00Z', 'today', 20240101]);
    case 'datetime':
      return random.pick<FuzzValue>([
        '2024-01-01T00:00:00Z',
        '2024-06-01T12:00:00+02:00',
        '1970-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '-271821-04-20T00:00:00.000Z',
        '+275760-09-13T00:00:00.000Z',
        '2024-13-01T00:00:00Z',
        '2024-01-01',
        'yesterday',
        0,
        1e20,
      ]);
    case 'duration':
      return random.pick<FuzzValue>(['7d', '12h', '0s', '90s', '2w', '36500d', '36501d', '999999999999d', '-1d', '1y', '7 d', ' 7D ', 7, '']);
    case 'tags':
    case 'channels':
      return random.pick<FuzzValue>([
        fixtures.tagNames.length > 0 ? random.pick(fixtures.tagNames) : 'VIP',
        fixtures.channelIds.length > 0 ? random.pick(fixtures.channelIds) : 'ch_x',
        'whatsapp',
        'email',
        '',
        'vip',
      ]);
    case 'enum':
      return random.pick<FuzzValue>(['open', 'closed', 'OPEN', 'pending', '']);
    case 'id':
      return random.pick<FuzzValue>([...fixtures.userIds, ...fixtures.channelIds, 'usr_x', '', 'ch_%']);
    case 'text':
      return random.pick<FuzzValue>([
        'ana',
        'Fixture1',
        '+447400110001',
        '07400 110001',
        'fixture1@example.com',
        'FIXTURE1@EXAMPLE.COM',
        '%',
        '_',
        '\\',
        "'",
        'é',
        '',
        'x'.repeat(1001),
        'GB',
      ]);
    default:
      return random.pick<FuzzValue>(['x', 1, true, null, [], {}]);
  }
}

function valueFor(type: FilterValueType | 'any', operator: string, random: Random, fixtures: FuzzFixtures): FuzzValue | undefined {
  if (operator === 'exists' || operator === 'notExists') return random.chance(0.8) ? undefined : scalar(type, random, fixtures);
  if (['in', 'notIn', 'hasAny', 'hasAll', 'hasNone'].includes(operator)) {
    if (random.chance(0.1)) return scalar(type, random, fixtures);
    return Array.from({ length: random.pick([0, 1, 2, 3, 501]) }, () => scalar(type, random, fixtures));
  }
  if (operator === 'between') {
    if (random.chance(0.1)) return scalar(type, random, fixtures);
    return Array.from({ length: random.pick([2, 2, 2, 1, 3]) }, () => scalar(type, random, fixtures));
  }
  if (operator === 'withinLast' || operator === 'moreThan') return scalar(random.chance(0.8) ? 'duration' : type, random, fixtures);
  return scalar(type, random, fixtures);
}

function condition(random: Random, fixtures: FuzzFixtures): FuzzValue {
  const custom = [...fixtures.customFieldKeys, 'nope'];
  const field = random.chance(0.75)
    ? random.pick(STANDARD_FILTER_FIELD_NAMES)
    : random.pick([...custom, ...custom.map((k) => `customFields.${k}`), '', 'FirstName', '__proto__']);
  const type: FilterValueType | 'any' =
    (Object.hasOwn(FIELD_TYPES, field) ? FIELD_TYPES[field] : undefined) ?? (STANDARD_FILTER_FIELD_NAMES.includes(field) ? 'text' : field.endsWith('score') ? 'number' : field.endsWith('tier') ? 'text' : 'any');
  // Mostly an operator the field's type accepts; sometimes any operator (a 400 is due).
  const fitting = type === 'any' ? FILTER_OPERATORS : OPERATORS_BY_TYPE[type];
  const operator = random.chance(0.85) ? random.pick(fitting) : random.pick([...FILTER_OPERATORS, 'like', '']);
  const out: { [key: string]: FuzzValue } = { field, operator };
  const value = valueFor(type, operator, random, fixtures);
  if (value !== undefined) out.value = value;
  return out;
}

/** A filter tree: mostly meaningful, with fields, operators and values that sometimes do not fit. */
export function genFilter(random: Random, fixtures: FuzzFixtures, depth = 0): FuzzValue {
  const r = random.next();
  if (depth >= 11 || r < 0.45) return condition(random, fixtures);
  if (r < 0.55) return { not: genFilter(random, fixtures, depth + 1) };
  const n = random.pick([0, 1, 2, 3, 4]);
  return { [random.chance(0.5) ? 'and' : 'or']: Array.from({ length: n }, () => genFilter(random, fixtures, depth + (random.chance(0.2) ? 3 : 1))) };
}
