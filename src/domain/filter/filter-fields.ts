/** The catalogue of filterable fields and their value types. */
import { CONVERSATION_STATUSES, type Contact } from '../contact';
import type { CustomFieldDefinition, CustomFieldType } from '../custom-field';
import type { FilterValueType } from './filter-schema';

/** Prefix of custom field names in filters: `customFields.<key>`. */
import { CUSTOM_FIELD_PREFIX } from '../custom-field';

/** Normalisation applied to `is`/`isNot`/`in`/`notIn` values of a text field. */
export type TextNormalization = 'email' | 'phone';

/** Where a field's value comes from. */
export type FilterFieldSource =
  /** A property of the contact (`lastInteractedChannel` reads `lastInteractedChannelId`). */
  | { kind: 'standard'; property: keyof Contact }
  | { kind: 'custom'; key: string; customType: CustomFieldType }
  | { kind: 'tags' }
  | { kind: 'channels' }
  /** now − `lastIncomingAt`. */
  | { kind: 'timeSinceLastIncoming' };

export interface FilterFieldSpec {
  /** Name used in filters. */
  field: string;
  type: FilterValueType;
  source: FilterFieldSource;
  /** Allowed values, for `enum` fields. */
  options?: readonly string[];
  normalization?: TextNormalization;
}

type StandardSpec = Omit<FilterFieldSpec, 'field'>;

function std(
  property: keyof Contact,
  type: FilterValueType,
  extra: Pick<FilterFieldSpec, 'options' | 'normalization'> = {},
): StandardSpec {
  return { type, source: { kind: 'standard', property }, ...extra };
}

/** Every filterable field that is not a custom field, by filter name. */
export const STANDARD_FILTER_FIELDS: Readonly<Record<string, StandardSpec>> = {
  id: std('id', 'text'),
  externalCode: std('externalCode', 'text'),
  firstName: std('firstName', 'text'),
  lastName: std('lastName', 'text'),
  displayName: std('displayName', 'text'),
  email: std('email', 'text', { normalization: 'email' }),
  phone: std('phone', 'text', { normalization: 'phone' }),
  country: std('country', 'text'),
  language: std('language', 'text'),
  profilePic: std('profilePic', 'text'),
  assignee: std('assignee', 'id'),
  conversationStatus: std('conversationStatus', 'enum', { options: CONVERSATION_STATUSES }),
  createdAt: std('createdAt', 'datetime'),
  updatedAt: std('updatedAt', 'datetime'),
  lastInteractionAt: std('lastInteractionAt', 'datetime'),
  lastIncomingAt: std('lastIncomingAt', 'datetime'),
  conversationOpenedAt: std('conversationOpenedAt', 'datetime'),
  blocked: std('blocked', 'boolean'),
  proactive: std('proactive', 'boolean'),
  reactive: std('reactive', 'boolean'),
  lastInteractedChannel: std('lastInteractedChannelId', 'id'),
  tags: { type: 'tags', source: { kind: 'tags' } },
  channels: { type: 'channels', source: { kind: 'channels' } },
  timeSinceLastIncoming: { type: 'duration', source: { kind: 'timeSinceLastIncoming' } },
};

/** Names of the standard filter fields, in catalogue order. */
export const STANDARD_FILTER_FIELD_NAMES: readonly string[] = Object.keys(STANDARD_FILTER_FIELDS);

const CUSTOM_TYPE_TO_VALUE_TYPE: Readonly<Record<CustomFieldType, FilterValueType>> = {
  text: 'text',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  email: 'text',
  phone: 'text',
  url: 'text',
  list: 'enum',
};

/** The filter spec of one custom field definition (`customFields.<key>`). */
export function customFieldSpec(def: CustomFieldDefinition): FilterFieldSpec {
  const spec: FilterFieldSpec = {
    field: CUSTOM_FIELD_PREFIX + def.key,
    type: CUSTOM_TYPE_TO_VALUE_TYPE[def.type],
    source: { kind: 'custom', key: def.key, customType: def.type },
  };
  if (def.type === 'list') spec.options = def.options ?? [];
  if (def.type === 'email' || def.type === 'phone') spec.normalization = def.type;
  return spec;
}

/**
 * Looks a filter field up: a standard field name or `customFields.<key>` of a defined custom field.
 * Returns undefined for an unknown field.
 */
export function resolveFilterField(
  field: string,
  customFields: readonly CustomFieldDefinition[],
): FilterFieldSpec | undefined {
  if (Object.prototype.hasOwnProperty.call(STANDARD_FILTER_FIELDS, field)) {
    return { field, ...STANDARD_FILTER_FIELDS[field] };
  }
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    const def = customFields.find((d) => d.key === key);
    return def ? customFieldSpec(def) : undefined;
  }
  return undefined;
}

/** Every field a workspace can filter on (standard fields, then custom fields), e.g. for a UI field picker. */
export function listFilterFields(customFields: readonly CustomFieldDefinition[]): FilterFieldSpec[] {
  return [
    ...STANDARD_FILTER_FIELD_NAMES.map((field) => ({ field, ...STANDARD_FILTER_FIELDS[field] })),
    ...customFields.map(customFieldSpec),
  ];
}
