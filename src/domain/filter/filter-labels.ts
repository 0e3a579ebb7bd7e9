/**
 * Human labels of the filter catalogue: every built-in field and operator and every value type,
 * with the group a field picker shows it under. The raw ids stay the values; people read these.
 * One table, shared by the n8n nodes' filter builder and the hub console.
 */
import type { CustomFieldDefinition } from '../custom-field';
import { CUSTOM_FIELD_PREFIX } from '../custom-field';
import type { FilterFieldSpec } from './filter-fields';
import type { FilterOperator, FilterValueType } from './filter-schema';

/** Groups of the field picker, in the order it shows them. */
export const FILTER_FIELD_GROUPS = ['identity', 'conversation', 'tagsAndChannels', 'consent', 'record', 'custom'] as const;
export type FilterFieldGroup = (typeof FILTER_FIELD_GROUPS)[number];

export const FILTER_FIELD_GROUP_LABELS: Readonly<Record<FilterFieldGroup, string>> = {
  identity: 'Contact',
  conversation: 'Conversation',
  tagsAndChannels: 'Tags & Channels',
  consent: 'Consent & Blocking',
  record: 'Record',
  custom: 'Custom Field',
};

export interface FilterFieldLabel {
  label: string;
  group: FilterFieldGroup;
  /** A hint on what the field holds. */
  description: string;
}

/** Every standard filter field (filter-fields.ts) by its filter name. A test keeps the two in step. */
export const STANDARD_FIELD_LABELS: Readonly<Record<string, FilterFieldLabel>> = {
  id: { label: 'Contact ID', group: 'identity', description: "The contact's id (ct_…)" },
  externalCode: { label: 'External Code', group: 'identity', description: 'The id of the contact in another system (CRM, shop)' },
  firstName: { label: 'First Name', group: 'identity', description: 'First name' },
  lastName: { label: 'Last Name', group: 'identity', description: 'Last name' },
  displayName: { label: 'Name', group: 'identity', description: 'The name shown for the contact' },
  email: { label: 'E-mail', group: 'identity', description: 'E-mail address (compared normalised)' },
  phone: { label: 'Phone', group: 'identity', description: 'Phone number, E.164 (compared normalised)' },
  country: { label: 'Country', group: 'identity', description: 'Two-letter country code, e.g. BR' },
  language: { label: 'Language', group: 'identity', description: 'Language tag, e.g. pt-BR' },
  profilePic: { label: 'Profile Picture URL', group: 'identity', description: 'Address of the profile picture' },
  assignee: { label: 'Assignee', group: 'conversation', description: 'The user id the contact is assigned to' },
  conversationStatus: { label: 'Conversation Status', group: 'conversation', description: 'open or closed' },
  conversationOpenedAt: { label: 'Conversation Opened At', group: 'conversation', description: 'When the conversation was last opened' },
  lastInteractionAt: { label: 'Last Interaction At', group: 'conversation', description: 'The last message in or out' },
  lastIncomingAt: { label: 'Last Incoming Message At', group: 'conversation', description: 'The last message from the contact' },
  timeSinceLastIncoming: {
    label: 'Time Since Last Incoming Message',
    group: 'conversation',
    description: 'How long ago the contact last wrote, e.g. 24h, 7d',
  },
  lastInteractedChannel: { label: 'Last Interacted Channel', group: 'conversation', description: 'Channel id of the last interaction' },
  tags: { label: 'Tags', group: 'tagsAndChannels', description: 'Tag names of the contact' },
  channels: { label: 'Channels', group: 'tagsAndChannels', description: 'Channel ids the contact can be reached on' },
  blocked: { label: 'Blocked', group: 'consent', description: 'Whether the contact is blocked' },
  proactive: { label: 'Accepts Broadcasts (Proactive)', group: 'consent', description: 'Whether proactive messages may be sent' },
  reactive: { label: 'Accepts Automated Replies (Reactive)', group: 'consent', description: 'Whether automated replies may be sent' },
  createdAt: { label: 'Created At', group: 'record', description: 'When the contact was created' },
  updatedAt: { label: 'Updated At', group: 'record', description: 'When the contact last changed' },
};

export interface OperatorLabel {
  label: string;
  description: string;
}

/** Every filter operator. */
export const OPERATOR_LABELS: Readonly<Record<FilterOperator, OperatorLabel>> = {
  is: { label: 'Is', description: 'Equal to the value (text ignores case and accents)' },
  isNot: { label: 'Is Not', description: 'Not equal to the value' },
  contains: { label: 'Contains', description: 'Text contains the value' },
  notContains: { label: 'Does Not Contain', description: 'Text does not contain the value' },
  startsWith: { label: 'Starts With', description: 'Text starts with the value' },
  exists: { label: 'Exists', description: 'Has a value (leave Value empty)' },
  notExists: { label: 'Does Not Exist', description: 'Has no value (leave Value empty)' },
  in: { label: 'Is Any Of', description: 'Equal to one of the comma-separated values' },
  notIn: { label: 'Is None Of', description: 'Equal to none of the comma-separated values' },
  gt: { label: 'Greater Than', description: 'Number, date or duration after the value' },
  gte: { label: 'Greater Than or Equal', description: 'Number, date or duration at or after the value' },
  lt: { label: 'Less Than', description: 'Number, date or duration before the value' },
  lte: { label: 'Less Than or Equal', description: 'Number, date or duration at or before the value' },
  between: { label: 'Is Between', description: 'Within two comma-separated bounds, inclusive: "10,20" or "2024-01-01,2024-06-30"' },
  withinLast: { label: 'Within Last', description: 'Date within the last duration, e.g. 7d, 12h, 30m, 2w' },
  moreThan: { label: 'More Than … Ago', description: 'Date longer ago than the duration, e.g. 30d' },
  hasAny: { label: 'Has Any Of', description: 'Tags/channels: has at least one of the comma-separated values' },
  hasAll: { label: 'Has All Of', description: 'Tags/channels: has every one of the comma-separated values' },
  hasNone: { label: 'Has None Of', description: 'Tags/channels: has none of the comma-separated values' },
};

/** Every value type, as people call it. */
export const VALUE_TYPE_LABELS: Readonly<Record<FilterValueType, string>> = {
  text: 'Text',
  id: 'ID',
  enum: 'Choice',
  number: 'Number',
  boolean: 'Yes/No',
  date: 'Date',
  datetime: 'Date and Time',
  tags: 'Tags',
  channels: 'Channels',
  duration: 'Duration',
};

/** A field of the picker: its filter name (the value), label, group and hint. */
export interface LabelledFilterField {
  field: string;
  label: string;
  group: FilterFieldGroup;
  groupLabel: string;
  description: string;
  type: FilterValueType;
}

/**
 * The fields of `listFilterFields`, labelled and ordered by group (custom fields last, by
 * label); within a group the catalogue's order stays.
 */
export function labelFilterFields(specs: readonly FilterFieldSpec[], customFields: readonly CustomFieldDefinition[]): LabelledFilterField[] {
  const labelled = specs.map((spec): LabelledFilterField => {
    const standard = Object.prototype.hasOwnProperty.call(STANDARD_FIELD_LABELS, spec.field) ? STANDARD_FIELD_LABELS[spec.field] : undefined;
    if (standard) {
      return { field: spec.field, ...standard, groupLabel: FILTER_FIELD_GROUP_LABELS[standard.group], type: spec.type };
    }
    const key = spec.field.startsWith(CUSTOM_FIELD_PREFIX) ? spec.field.slice(CUSTOM_FIELD_PREFIX.length) : spec.field;
    const def = customFields.find((d) => d.key === key);
    return {
      field: spec.field,
      label: def?.label ?? key,
      group: 'custom',
      groupLabel: FILTER_FIELD_GROUP_LABELS.custom,
      description: `Custom field ${key}`,
      type: spec.type,
    };
  });
  const rank = (f: LabelledFilterField): number => FILTER_FIELD_GROUPS.indexOf(f.group);
  return labelled
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || (a.f.group === 'custom' ? a.f.label.localeCompare(b.f.label) : 0) || a.i - b.i)
    .map(({ f }) => f);
}
