import { z } from 'zod/v4';
import { CUSTOM_FIELD_TYPES } from './custom-field';
import type { CustomFieldDefinition } from './custom-field';
import { validationErrors } from './errors';
import type { ErrorDetail } from './errors';
import { zodIssuesToDetails } from './zod-details';

/** Custom field keys: a lower-case letter, then up to 63 letters, digits or `_` (camelCase or snake_case). */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;
export const CUSTOM_FIELD_LABEL_MAX_LENGTH = 100;
export const CUSTOM_FIELD_OPTION_MAX_LENGTH = 100;
export const CUSTOM_FIELD_MAX_OPTIONS = 500;

/** Case-insensitive identity of a list option (Unicode lower case). */
export function optionKey(option: string): string {
  return option.toLowerCase();
}

/** The body of `POST /v1/custom-fields`. */
export const customFieldDefinitionSchema = z
  .strictObject({
    key: z
      .string()
      .describe('Stable key used in payloads and filters: a lower-case letter, then up to 63 letters, digits or "_".')
      .meta({ examples: ['birthday', 'loyalty_tier'] }),
    label: z.string().describe('Label shown to people, 1–100 characters.').meta({ examples: ['Birthday'] }),
    type: z.enum(CUSTOM_FIELD_TYPES).describe('Value type.'),
    options: z
      .array(z.string())
      .nullable()
      .optional()
      .describe('Allowed values: required (non-empty, unique case-insensitively) for "list", forbidden otherwise.')
      .meta({ examples: [['Bronze', 'Silver', 'Gold']] }),
  })
  .describe('A custom field definition.');

/**
 * Validates a custom field definition: key pattern, label 1–100 characters (trimmed), a
 * known type, and `options` — required, non-empty, each 1–100 characters (trimmed) and unique
 * case-insensitively for `list`; absent or null for every other type. Unknown keys are errors.
 * Returns the definition with `options: null` for non-list types.
 *
 * @throws DomainError (`validation_error`) with every problem found.
 */
export function validateCustomFieldDefinition(raw: unknown): CustomFieldDefinition {
  const parsed = customFieldDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw validationErrors(zodIssuesToDetails(parsed.error.issues));
  const { key, type } = parsed.data;
  const errors: ErrorDetail[] = [];
  if (!CUSTOM_FIELD_KEY_PATTERN.test(key)) {
    errors.push({
      path: 'key',
      message: `"${key}" is not a valid key: start with a lower-case letter, then up to 63 letters, digits or "_"`,
    });
  }
  const label = parsed.data.label.trim();
  if (label === '') errors.push({ path: 'label', message: 'must not be empty' });
  else if (label.length > CUSTOM_FIELD_LABEL_MAX_LENGTH) {
    errors.push({ path: 'label', message: `is too long (at most ${CUSTOM_FIELD_LABEL_MAX_LENGTH} characters)` });
  }

  let options: string[] | null = null;
  const rawOptions = parsed.data.options ?? null;
  if (type === 'list') {
    if (rawOptions === null || rawOptions.length === 0) {
      errors.push({ path: 'options', message: 'a list field needs at least one option' });
    } else if (rawOptions.length > CUSTOM_FIELD_MAX_OPTIONS) {
      errors.push({ path: 'options', message: `a list field has at most ${CUSTOM_FIELD_MAX_OPTIONS} options` });
    } else {
      options = [];
      const seen = new Map<string, number>();
      rawOptions.forEach((o, i) => {
        const option = o.trim();
        const path = `options[${i}]`;
        if (option === '') errors.push({ path, message: 'an option must not be empty' });
        else if (option.length > CUSTOM_FIELD_OPTION_MAX_LENGTH) {
          errors.push({ path, message: `an option is at most ${CUSTOM_FIELD_OPTION_MAX_LENGTH} characters` });
        } else if (seen.has(optionKey(option))) {
          errors.push({
            path,
            message: `"${option}" repeats options[${seen.get(optionKey(option))}] (options are compared case-insensitively)`,
          });
        } else {
          seen.set(optionKey(option), i);
          options?.push(option);
        }
      });
    }
  } else if (rawOptions !== null) {
    errors.push({ path: 'options', message: `only "list" fields have options; remove "options" for a "${type}" field` });
  }

  if (errors.length > 0) throw validationErrors(errors);
  return { key, label, type, options };
}
