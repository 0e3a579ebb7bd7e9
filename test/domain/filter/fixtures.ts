/** Hand-written fixtures for filter unit tests. */
import type { FilterSubject } from '../../../src/domain/filter/filter-evaluator';
import { evaluateFilter } from '../../../src/domain/filter/filter-evaluator';
import { validateFilter } from '../../../src/domain/filter/filter-validation';
import { TEST_CUSTOM_FIELDS, TEST_EVALUATION_CONTEXT } from './arbitraries';
import { contactFixture } from '../../support/contact-fixture';

/** A contact with every optional value null and no tags, identities or custom fields. */
export function emptySubject(overrides: Partial<FilterSubject> = {}): FilterSubject {
  const { identities = [], ...contact } = overrides;
  return {
    ...contactFixture({
      displayName: '',
      conversationStatus: 'open',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...contact,
    }),
    identities,
  };
}

/** Validates a raw filter against the test custom fields and evaluates it at FILTER_TEST_NOW. */
export function matches(raw: unknown, subject: FilterSubject): boolean {
  return evaluateFilter(validateFilter(raw, { customFields: TEST_CUSTOM_FIELDS }), subject, TEST_EVALUATION_CONTEXT);
}
