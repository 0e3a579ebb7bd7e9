import {
  customFieldSpec,
  listFilterFields,
  resolveFilterField,
  STANDARD_FILTER_FIELD_NAMES,
} from '../../../src/domain/filter/filter-fields';
import { TEST_CUSTOM_FIELDS } from './arbitraries';

describe('filter field catalogue', () => {
  it('types the standard fields', () => {
    const types = Object.fromEntries(STANDARD_FILTER_FIELD_NAMES.map((f) => [f, resolveFilterField(f, [])?.type]));
    expect(types).toEqual({
      id: 'text',
      externalCode: 'text',
      firstName: 'text',
      lastName: 'text',
      displayName: 'text',
      email: 'text',
      phone: 'text',
      country: 'text',
      language: 'text',
      profilePic: 'text',
      assignee: 'id',
      conversationStatus: 'enum',
      createdAt: 'datetime',
      updatedAt: 'datetime',
      lastInteractionAt: 'datetime',
      lastIncomingAt: 'datetime',
      conversationOpenedAt: 'datetime',
      blocked: 'boolean',
      proactive: 'boolean',
      reactive: 'boolean',
      lastInteractedChannel: 'id',
      tags: 'tags',
      channels: 'channels',
      timeSinceLastIncoming: 'duration',
    });
  });

  it('maps lastInteractedChannel to lastInteractedChannelId and keeps enum options', () => {
    expect(resolveFilterField('lastInteractedChannel', [])?.source).toEqual({ kind: 'standard', property: 'lastInteractedChannelId' });
    expect(resolveFilterField('conversationStatus', [])?.options).toEqual(['open', 'closed']);
    expect(resolveFilterField('email', [])?.normalization).toBe('email');
  });

  it('types custom fields by their definition', () => {
    const types = Object.fromEntries(TEST_CUSTOM_FIELDS.map((d) => [d.type, customFieldSpec(d).type]));
    expect(types).toEqual({
      text: 'text',
      number: 'number',
      boolean: 'boolean',
      date: 'date',
      datetime: 'datetime',
      email: 'text',
      phone: 'text',
      url: 'text',
      list: 'enum',
    });
    expect(resolveFilterField('customFields.plan', TEST_CUSTOM_FIELDS)).toEqual({
      field: 'customFields.plan',
      type: 'enum',
      source: { kind: 'custom', key: 'plan', customType: 'list' },
      options: ['Free', 'Pro', 'Enterprise'],
    });
    expect(resolveFilterField('customFields.workPhone', TEST_CUSTOM_FIELDS)?.normalization).toBe('phone');
    expect(customFieldSpec({ key: 'k', label: 'K', type: 'list', options: null }).options).toEqual([]);
  });

  it('does not resolve unknown fields, undefined custom fields or prototype keys', () => {
    expect(resolveFilterField('nope', TEST_CUSTOM_FIELDS)).toBeUndefined();
    expect(resolveFilterField('customFields.nope', TEST_CUSTOM_FIELDS)).toBeUndefined();
    expect(resolveFilterField('toString', [])).toBeUndefined();
    expect(resolveFilterField('customFields', TEST_CUSTOM_FIELDS)).toBeUndefined();
  });

  it('lists standard then custom fields', () => {
    const fields = listFilterFields(TEST_CUSTOM_FIELDS).map((f) => f.field);
    expect(fields.slice(0, STANDARD_FILTER_FIELD_NAMES.length)).toEqual(STANDARD_FILTER_FIELD_NAMES);
    expect(fields).toContain('customFields.birthday');
    expect(fields).toHaveLength(STANDARD_FILTER_FIELD_NAMES.length + TEST_CUSTOM_FIELDS.length);
  });
});
