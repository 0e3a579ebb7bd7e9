/** Custom field definitions of a workspace. Validation of values lives in custom-field-value.ts. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'list',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  /** Stable key used in API payloads and filters, e.g. `birthday`. */
  key: string;
  label: string;
  type: CustomFieldType;
  /** Allowed options, for `list` only. */
  options: string[] | null;
}

/** How filters, merge choices and field paths name a custom field: `customFields.<key>`. */
export const CUSTOM_FIELD_PREFIX = 'customFields.';
