import { z } from 'zod/v4';
import { joinPath, zodIssuesToDetails } from '../../src/domain/zod-details';

describe('joinPath', () => {
  it('writes dotted keys and bracketed indices', () => {
    expect(joinPath('', ['a', 0, 'b'])).toBe('a[0].b');
    expect(joinPath('filter', ['and', 1, 'value'])).toBe('filter.and[1].value');
    expect(joinPath('', [])).toBe('');
  });
});

describe('zodIssuesToDetails', () => {
  const schema = z.strictObject({ a: z.string(), list: z.array(z.number()) });

  it('maps paths and unknown keys, listing the allowed ones when given', () => {
    const r = schema.safeParse({ a: 1, list: [1, 'x'], b: 1, c: 2 });
    expect(r.success).toBe(false);
    const details = zodIssuesToDetails(r.error?.issues ?? [], 'body', ['a', 'list']);
    expect(details.map((d) => d.path).sort()).toEqual(['body.a', 'body.b', 'body.c', 'body.list[1]']);
    expect(details.find((d) => d.path === 'body.b')?.message).toBe('unknown field "b"; allowed fields: a, list');
  });

  it('names the body for a root-level problem', () => {
    const r = schema.safeParse('nope');
    expect(zodIssuesToDetails(r.error?.issues ?? [])[0]?.path).toBe('(body)');
  });
});
