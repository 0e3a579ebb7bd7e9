import { z } from 'zod/v4';
import { DomainError } from '../../src/domain/errors';
import { parseOrThrow } from '../../src/domain/zod-issues';

describe('parseOrThrow', () => {
  const schema = z.object({ a: z.string(), b: z.array(z.number()) });

  it('returns the parsed data', () => {
    expect(parseOrThrow(schema, { a: 'x', b: [1] })).toEqual({ a: 'x', b: [1] });
  });

  it('throws a validation error listing every field, with the base path', () => {
    try {
      parseOrThrow(schema, { a: 1, b: [1, 'two'] }, 'body');
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('validation_error');
      expect(err.details.map((d) => d.path)).toEqual(['body.a', 'body.b[1]']);
      expect(err.message).toContain('body.a');
    }
  });
});
