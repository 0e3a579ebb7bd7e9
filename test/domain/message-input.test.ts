import { DomainError } from '../../src/domain/errors';
import { MAX_OUTGOING_TEXT, parseSendMessage } from '../../src/domain/message-input';

function failure(input: unknown): DomainError {
  try {
    parseSendMessage(input);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected failure');
}

describe('parseSendMessage', () => {
  it('accepts a text message with defaults', () => {
    expect(parseSendMessage({ kind: 'reactive', text: 'Hi!' })).toEqual({
      channelId: null,
      kind: 'reactive',
      type: 'text',
      text: 'Hi!',
      payload: null,
    });
  });

  it('accepts media with a payload and an optional caption', () => {
    expect(parseSendMessage({ channelId: 'wa', kind: 'proactive', type: 'image', payload: { url: 'https://x/y.png' }, text: '' })).toEqual({
      channelId: 'wa',
      kind: 'proactive',
      type: 'image',
      text: null,
      payload: { url: 'https://x/y.png' },
    });
  });

  it('requires kind with a message explaining both values', () => {
    const e = failure({ text: 'Hi' });
    expect(e.code).toBe('validation_error');
    expect(e.details).toEqual([{ path: 'kind', message: expect.stringContaining('proactive') }]);
    expect(failure({ kind: 'broadcast', text: 'Hi' }).details[0].path).toBe('kind');
  });

  it.each([
    [{ kind: 'reactive' }, 'text'],
    [{ kind: 'reactive', text: '   ' }, 'text'],
    [{ kind: 'reactive', text: 'x'.repeat(MAX_OUTGOING_TEXT + 1) }, 'text'],
    [{ kind: 'reactive', type: 'template', text: 'x' }, 'payload'],
    [{ kind: 'reactive', type: 'gif', text: 'x' }, 'type'],
    [{ kind: 'reactive', channelId: '', text: 'x' }, 'channelId'],
  ])('rejects %j naming %s', (input, path) => {
    expect(failure(input).details.map((d) => d.path)).toContain(path);
  });

  it('accepts exactly the maximum text length', () => {
    expect(parseSendMessage({ kind: 'reactive', text: 'x'.repeat(MAX_OUTGOING_TEXT) }).text).toHaveLength(MAX_OUTGOING_TEXT);
  });
});
