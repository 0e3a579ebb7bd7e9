/**
 * Every human label the console shows for a field, an operator, a channel type or state, in
 * one place, so it can be swapped for the domain's own table of labels when there is one.
 * Custom fields are labelled by their definition's `label`.
 */
import type { FilterOperator } from '../../domain/filter/filter-schema';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  id: 'ID',
  externalCode: 'External code',
  firstName: 'First name',
  lastName: 'Last name',
  displayName: 'Display name',
  email: 'E-mail',
  phone: 'Phone',
  country: 'Country',
  language: 'Language',
  profilePic: 'Profile picture URL',
  assignee: 'Assignee',
  conversationStatus: 'Conversation status',
  conversationOpenedAt: 'Conversation opened',
  createdAt: 'Created',
  updatedAt: 'Updated',
  lastInteractionAt: 'Last interaction',
  lastIncomingAt: 'Last incoming message',
  lastInteractedChannel: 'Last interacted channel',
  lastInteractedChannelId: 'Last interacted channel',
  timeSinceLastIncoming: 'Time since last incoming message',
  blocked: 'Blocked',
  blockedAt: 'Blocked at',
  proactive: 'Proactive',
  reactive: 'Reactive',
  tags: 'Tags',
  channels: 'Channels',
};

export const OPERATOR_LABELS: Readonly<Record<FilterOperator, string>> = {
  is: 'is',
  isNot: 'is not',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  exists: 'is set',
  notExists: 'is not set',
  in: 'is any of',
  notIn: 'is none of',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  withinLast: 'within the last',
  moreThan: 'more than … ago',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
};

/** Date operators read differently from number ones. */
export const DATE_OPERATOR_LABELS: Readonly<Partial<Record<FilterOperator, string>>> = {
  gt: 'is after',
  gte: 'is on or after',
  lt: 'is before',
  lte: 'is on or before',
};

export const CHANNEL_TYPE_LABELS: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'E-mail',
  messenger: 'Messenger',
  instagram: 'Instagram',
  telegram: 'Telegram',
  line: 'LINE',
  viber: 'Viber',
  wechat: 'WeChat',
  webchat: 'Web chat',
  custom: 'Custom',
};

export const CHANNEL_STATE_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  unavailable: 'Unavailable',
};

export const DURATION_UNIT_LABELS: Readonly<Record<string, string>> = {
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
};

/** A field's label: the table above, a custom field's own label, else the name as it is. */
export function fieldLabel(field: string, customLabels: ReadonlyMap<string, string> = new Map()): string {
  if (field.startsWith('customFields.')) return customLabels.get(field.slice('customFields.'.length)) ?? field.slice(13);
  return FIELD_LABELS[field] ?? field;
}

export function operatorLabel(operator: FilterOperator, valueType: string): string {
  if (valueType === 'date' || valueType === 'datetime') return DATE_OPERATOR_LABELS[operator] ?? OPERATOR_LABELS[operator];
  return OPERATOR_LABELS[operator];
}
