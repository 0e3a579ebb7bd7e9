import type { Contact } from '../../src/domain/contact';
import { DomainError } from '../../src/domain/errors';
import {
  buildEvent,
  EVENT_TYPES,
  MERGE_EVENT_TYPES,
  MESSAGE_EVENT_TYPES,
  parseWebhookSubscription,
  subscriptionMatches,
  TAG_EVENT_TYPES,
  type EventType,
} from '../../src/domain/events';
import type { Message } from '../../src/domain/message';

const NOW = '2024-05-01T12:00:00.000Z';
const contact = { id: 'c1' } as Contact; // only identity matters to events
const message = { id: 'm1' } as Message;
const base = { id: 'e1', now: NOW, workspaceId: 'w1', contact };

describe('EVENT_TYPES', () => {
  it('holds the 11 events of the spec', () => {
    expect(EVENT_TYPES).toHaveLength(11);
    expect(new Set(EVENT_TYPES).size).toBe(11);
    expect(EVENT_TYPES).toEqual(expect.arrayContaining(['contact.created', 'contact.blocked', 'message.received', 'message.sent']));
  });
});

describe('buildEvent', () => {
  it('builds a plain contact event with id, type, time, workspace and contact', () => {
    expect(buildEvent('contact.created', base)).toEqual({
      id: 'e1',
      type: 'contact.created',
      occurredAt: NOW,
      workspaceId: 'w1',
      contact,
    });
  });

  it('carries message, merge, tags and changes when given', () => {
    const merge = { mergeId: 'mg1', primaryId: 'c1', absorbedId: 'c2' };
    expect(buildEvent('message.received', { ...base, message }).message).toBe(message);
    expect(buildEvent('contact.merged', { ...base, merge }).merge).toEqual(merge);
    expect(buildEvent('contact.tagged', { ...base, tags: ['vip'] }).tags).toEqual(['vip']);
    expect(buildEvent('contact.updated', { ...base, changes: ['firstName'] }).changes).toEqual(['firstName']);
    expect(buildEvent('contact.deleted', { ...base, contact: null }).contact).toBeNull();
  });

  it.each([
    ...MESSAGE_EVENT_TYPES.map((t) => [t, 'message'] as const),
    ...MERGE_EVENT_TYPES.map((t) => [t, 'merge'] as const),
    ...TAG_EVENT_TYPES.map((t) => [t, 'tags'] as const),
  ])('%s without its %s is refused', (type: EventType, field) => {
    expect(() => buildEvent(type, base)).toThrow(DomainError);
    expect(() => buildEvent(type, base)).toThrow(field);
  });
});

describe('subscriptionMatches', () => {
  it('matches listed types and * for all', () => {
    expect(subscriptionMatches(['contact.created'], 'contact.created')).toBe(true);
    expect(subscriptionMatches(['contact.created'], 'message.sent')).toBe(false);
    expect(EVENT_TYPES.every((t) => subscriptionMatches(['*'], t))).toBe(true);
  });
});

describe('parseWebhookSubscription', () => {
  it('accepts a valid subscription, dedupes and orders events', () => {
    expect(
      parseWebhookSubscription({
        url: ' https://n8n.example.com/webhook/abc ',
        events: ['message.received', 'contact.created', 'message.received'],
        description: '  ',
      }),
    ).toEqual({
      url: 'https://n8n.example.com/webhook/abc',
      events: ['contact.created', 'message.received'],
      description: null,
      secret: null,
    });
  });

  it('collapses * with others to ["*"] and keeps a secret', () => {
    const s = parseWebhookSubscription({ url: 'http://localhost:5678/x', events: ['contact.created', '*'], secret: 's'.repeat(16), description: 'n8n' });
    expect(s).toMatchObject({ events: ['*'], secret: 's'.repeat(16), description: 'n8n' });
  });

  it.each([
    [{ events: ['*'] }, 'url'],
    [{ url: 'ftp://x.y/z', events: ['*'] }, 'url'],
    [{ url: 'not a url', events: ['*'] }, 'url'],
    [{ url: 'https://x.y' }, 'events'],
    [{ url: 'https://x.y', events: [] }, 'events'],
    [{ url: 'https://x.y', events: ['contact.exploded'] }, 'events[0]'],
    [{ url: 'https://x.y', events: ['*'], secret: 'short' }, 'secret'],
    [{ url: 'https://x.y', events: ['*'], description: 'd'.repeat(501) }, 'description'],
  ])('rejects %j naming %s', (input, path) => {
    try {
      parseWebhookSubscription(input);
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.map((d) => d.path)).toContain(path);
    }
  });
});
