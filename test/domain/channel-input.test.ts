import { parseCreateChannel } from '../../src/domain/channel-input';
import { DomainError } from '../../src/domain/errors';

function paths(input: unknown): string[] {
  try {
    parseCreateChannel(input);
  } catch (e) {
    if (e instanceof DomainError) return e.details.map((d) => d.path);
    throw e;
  }
  throw new Error('expected failure');
}

describe('parseCreateChannel', () => {
  it('accepts type and name, id optional', () => {
    expect(parseCreateChannel({ type: 'whatsapp', name: ' Sales WA ' })).toEqual({ id: null, type: 'whatsapp', name: 'Sales WA' });
    expect(parseCreateChannel({ id: 'wa-main:1', type: 'sms', name: 'x' }).id).toBe('wa-main:1');
  });

  it.each([
    [{ name: 'x' }, 'type'],
    [{ type: 'fax', name: 'x' }, 'type'],
    [{ type: 'sms' }, 'name'],
    [{ type: 'sms', name: '  ' }, 'name'],
    [{ type: 'sms', name: 'n'.repeat(101) }, 'name'],
    [{ id: 'has space', type: 'sms', name: 'x' }, 'id'],
    [{ id: '-lead', type: 'sms', name: 'x' }, 'id'],
    [{ id: 'a'.repeat(65), type: 'sms', name: 'x' }, 'id'],
  ])('rejects %j naming %s', (input, path) => {
    expect(paths(input)).toContain(path);
  });
});
