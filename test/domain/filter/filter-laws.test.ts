import fc from 'fast-check';
import { evaluateFilter, type FilterSubject } from '../../../src/domain/filter/filter-evaluator';
import type { Filter, FilterCondition, FilterOperator } from '../../../src/domain/filter/filter-schema';
import { filterConditions, validateFilter } from '../../../src/domain/filter/filter-validation';
import {
  conditionArb,
  conditionArbFor,
  filterArb,
  rawConditionArb,
  rawFilterArb,
  subjectArb,
  TEST_CUSTOM_FIELDS,
  TEST_EVALUATION_CONTEXT,
} from './arbitraries';

const ev = (f: Filter, s: FilterSubject): boolean => evaluateFilter(f, s, TEST_EVALUATION_CONTEXT);
const fa = filterArb(3);
const runs = { numRuns: 300 };

describe('filter evaluator obeys the laws of Boolean algebra', () => {
  it('De Morgan: not(and(a,b)) ≡ or(not a, not b) and not(or(a,b)) ≡ and(not a, not b)', () => {
    fc.assert(
      fc.property(fa, fa, subjectArb, (a, b, s) => {
        expect(ev({ not: { and: [a, b] } }, s)).toBe(ev({ or: [{ not: a }, { not: b }] }, s));
        expect(ev({ not: { or: [a, b] } }, s)).toBe(ev({ and: [{ not: a }, { not: b }] }, s));
      }),
      runs,
    );
  });

  it('double negation: not(not a) ≡ a', () => {
    fc.assert(fc.property(fa, subjectArb, (a, s) => expect(ev({ not: { not: a } }, s)).toBe(ev(a, s))), runs);
  });

  it('commutativity and associativity of and / or', () => {
    fc.assert(
      fc.property(fa, fa, fa, subjectArb, (a, b, c, s) => {
        expect(ev({ and: [a, b] }, s)).toBe(ev({ and: [b, a] }, s));
        expect(ev({ or: [a, b] }, s)).toBe(ev({ or: [b, a] }, s));
        expect(ev({ and: [{ and: [a, b] }, c] }, s)).toBe(ev({ and: [a, { and: [b, c] }] }, s));
        expect(ev({ or: [{ or: [a, b] }, c] }, s)).toBe(ev({ or: [a, { or: [b, c] }] }, s));
        expect(ev({ and: [a, b, c] }, s)).toBe(ev({ and: [{ and: [a, b] }, c] }, s));
      }),
      runs,
    );
  });

  it('idempotence, absorption and identities', () => {
    fc.assert(
      fc.property(fa, fa, subjectArb, (a, b, s) => {
        const va = ev(a, s);
        expect(ev({ and: [a, a] }, s)).toBe(va);
        expect(ev({ or: [a, a] }, s)).toBe(va);
        expect(ev({ and: [a, { or: [a, b] }] }, s)).toBe(va);
        expect(ev({ or: [a, { and: [a, b] }] }, s)).toBe(va);
        expect(ev({ and: [a, { and: [] }] }, s)).toBe(va);
        expect(ev({ or: [a, { or: [] }] }, s)).toBe(va);
        expect(ev({ and: [a, { or: [] }] }, s)).toBe(false);
        expect(ev({ or: [a, { and: [] }] }, s)).toBe(true);
        expect(ev({ and: [a, { not: a }] }, s)).toBe(false);
        expect(ev({ or: [a, { not: a }] }, s)).toBe(true);
      }),
      runs,
    );
  });
});

const POSITIVE: FilterOperator[] = ['is', 'in', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'between', 'withinLast', 'moreThan', 'hasAny'];

const NEGATIONS: Record<string, string> = {
  isNot: 'is',
  notIn: 'in',
  notContains: 'contains',
  hasNone: 'hasAny',
  notExists: 'exists',
};

describe('operator laws', () => {
  it('each negative operator is exactly the negation of its positive twin (nulls included)', () => {
    fc.assert(
      fc.property(conditionArbFor(Object.keys(NEGATIONS) as FilterOperator[]), subjectArb, (cond, s) => {
        const twin = NEGATIONS[cond.operator];
        const positive = { ...cond, operator: twin } as FilterCondition;
        expect(ev(cond, s)).toBe(!ev(positive, s));
      }),
      { numRuns: 1000 },
    );
  });

  it('between [a, b] ≡ gte a and lte b', () => {
    fc.assert(
      fc.property(conditionArbFor(['between']), subjectArb, (cond, s) => {
        const [from, to] = (cond as { value: [unknown, unknown] }).value;
        const gte = { ...cond, operator: 'gte', value: from } as FilterCondition;
        const lte = { ...cond, operator: 'lte', value: to } as FilterCondition;
        expect(ev(cond, s)).toBe(ev({ and: [gte, lte] }, s));
      }),
      { numRuns: 1000 },
    );
  });

  it('on a date or datetime, withinLast d and moreThan d split the present values', () => {
    fc.assert(
      fc.property(conditionArbFor(['withinLast']), subjectArb, (cond, s) => {
        const moreThan = { ...cond, operator: 'moreThan' } as FilterCondition;
        const exists = { field: cond.field, type: cond.type, operator: 'exists' } as FilterCondition;
        expect(ev({ or: [cond, moreThan] }, s)).toBe(ev(exists, s));
        expect(ev({ and: [cond, moreThan] }, s)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('a positive operator is false when the field does not exist', () => {
    fc.assert(
      fc.property(conditionArbFor(POSITIVE), subjectArb, (cond, s) => {
        const exists = { field: cond.field, type: cond.type, operator: 'exists' } as FilterCondition;
        if (!ev(exists, s)) expect(ev(cond, s)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('validation is a normal form', () => {
  it('validating a validated filter gives the same filter', () => {
    fc.assert(
      fc.property(rawFilterArb(4), (raw) => {
        const once = validateFilter(raw, { customFields: TEST_CUSTOM_FIELDS });
        const twice = validateFilter(JSON.parse(JSON.stringify(once)), { customFields: TEST_CUSTOM_FIELDS });
        expect(twice).toEqual(once);
      }),
      runs,
    );
  });

  it('every generated condition is valid and keeps its field and operator', () => {
    fc.assert(
      fc.property(rawConditionArb, (raw) => {
        const [c] = filterConditions(validateFilter(raw, { customFields: TEST_CUSTOM_FIELDS }));
        expect(c.field).toBe(raw.field);
        expect(c.operator).toBe(raw.operator);
      }),
      runs,
    );
  });
});

describe('generated data is telling', () => {
  it('every operator both matches and misses some generated contacts', () => {
    const outcomes = new Map<string, Set<boolean>>();
    const pairs = fc.sample(fc.tuple(conditionArb, subjectArb), { numRuns: 12000, seed: 7 });
    for (const [c, s] of pairs) {
      const key = `${c.type}:${c.operator}`;
      const seen = outcomes.get(key) ?? new Set<boolean>();
      seen.add(ev(c, s));
      outcomes.set(key, seen);
    }
    const oneSided = [...outcomes].filter(([, seen]) => seen.size < 2).map(([k]) => k);
    expect(oneSided).toEqual([]);
  });
});
