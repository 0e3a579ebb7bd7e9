import { z } from 'zod/v4';
import { PROFILE_FIELDS, type ProfileField } from '../contact';
import { type ErrorDetail, validationErrors } from '../errors';
import { MERGE_SOURCES, type MergeSource } from './merge-source';

export { MERGE_SOURCES, defaultMergeSource, hasValue, resolveMergeSource, type MergeSource } from './merge-source';

/**
 * The caller's choices: for each standard profile field and each custom field key, which
 * contact's value to keep. Fields left out follow the default rule (see `defaultMergeSource`).
 */
export type MergeChoices = { [F in ProfileField]?: MergeSource } & { customFields?: Record<string, MergeSource> };

const CUSTOM_PREFIX = 'customFields.';
const SOURCE_MESSAGE = 'must be "primary" or "secondary"';
const sourceSchema = z.enum(MERGE_SOURCES, { error: () => SOURCE_MESSAGE });

const profileShape = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, sourceSchema.optional()])) as Record<
  ProfileField,
  z.ZodOptional<typeof sourceSchema>
>;

/**
 * Accepts custom field choices both nested (`{ customFields: { birthday: 'secondary' } }`)
 * and flat (`{ 'customFields.birthday': 'secondary' }`, the form a list of field/choice rows
 * produces) and folds the flat form into the nested one. A key given both ways with two
 * different choices is left flat so that validation reports it.
 */
function foldFlatCustomFieldKeys(input: unknown): unknown {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  const nestedIn = (input as Record<string, unknown>).customFields;
  const nested: Record<string, unknown> =
    nestedIn && typeof nestedIn === 'object' && !Array.isArray(nestedIn) ? { ...(nestedIn as Record<string, unknown>) } : {};
  let sawFlat = false;
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length) {
      const customKey = key.slice(CUSTOM_PREFIX.length);
      if (customKey in nested && nested[customKey] !== value) {
        out[key] = value; // conflicting duplicate: reported as an error below
      } else {
        nested[customKey] = value;
        sawFlat = true;
      }
    } else if (key !== 'customFields') {
      out[key] = value;
    }
  }
  if (nestedIn !== undefined && (nestedIn === null || typeof nestedIn !== 'object' || Array.isArray(nestedIn))) {
    out.customFields = nestedIn; // not an object: let the schema report it
  } else if (nestedIn !== undefined || sawFlat) {
    out.customFields = nested;
  }
  return out;
}

/**
 * Zod schema of the merge choices (canonical nested form; the flat `customFields.<key>` form is
 * folded in first). Unknown keys are rejected; use `parseMergeChoices` for errors with one
 * detail per offending field path.
 */
export const mergeChoicesSchema = z.preprocess(
  foldFlatCustomFieldKeys,
  z.strictObject({
    ...profileShape,
    customFields: z.record(z.string().min(1, 'custom field key must not be empty'), sourceSchema).optional(),
  }),
);

const FIELD_LIST = `${PROFILE_FIELDS.join(', ')} or customFields.<key>`;

function join(base: string, ...parts: PropertyKey[]): string {
  return [base, ...parts.map((p) => String(p))].filter((p) => p !== '').join('.') || '(root)';
}

/**
 * Validates the caller's merge choices and returns them in the nested form.
 *
 * `undefined`/`null` means "all defaults". When `customFieldKeys` is given (the workspace's
 * custom field keys, or the keys present on either contact), a choice for any other custom
 * field key is an error too. `basePath` prefixes error paths (e.g. `choices`).
 *
 * @throws DomainError (`validation_error`) with one detail per offending path, e.g.
 *   `nickname: unknown merge field` or `customFields.birthday: must be "primary" or "secondary"`.
 */
export function parseMergeChoices(input: unknown, customFieldKeys?: Iterable<string>, basePath = ''): MergeChoices {
  const result = mergeChoicesSchema.safeParse(input);
  const details: ErrorDetail[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const message =
            key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length
            ? 'chosen twice with different values (flat and nested form)'
            : `unknown merge field; expected one of ${FIELD_LIST}`;
          details.push({ path: join(basePath, ...issue.path, key), message });
        }
      } else if (issue.path.length === 0 && issue.code === 'invalid_type') {
        details.push({ path: join(basePath), message: 'merge choices must be an object of field → "primary" | "secondary"' });
      } else {
        details.push({ path: join(basePath, ...issue.path), message: issue.message });
      }
    }
    throw validationErrors(details);
  }
  const choices = result.data as MergeChoices;
  if (customFieldKeys !== undefined && choices.customFields) {
    const known = new Set(customFieldKeys);
    for (const key of Object.keys(choices.customFields)) {
      if (!known.has(key)) {
        details.push({ path: join(basePath, 'customFields', key), message: 'unknown custom field' });
      }
    }
    if (details.length > 0) throw validationErrors(details);
  }
  return choices;
}
