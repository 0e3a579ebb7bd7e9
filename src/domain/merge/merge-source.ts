/** Which contact's value a merge keeps for a field, and the default rule (no zod: the console bundles it). */
import type { CustomFieldValue } from '../contact';

/** Which contact's value a merge keeps for one field. */
export const MERGE_SOURCES = ['primary', 'secondary'] as const;
export type MergeSource = (typeof MERGE_SOURCES)[number];

/** True when a field value counts as "having a value" for the default rule (anything but null/absent). */
export function hasValue(value: CustomFieldValue | undefined): boolean {
  return value !== null && value !== undefined;
}

/**
 * The default source of a field: the primary's value when it has one, else the secondary's.
 * A boolean (`proactive`, `reactive`, boolean custom fields) always counts as a value, so the
 * primary's boolean wins by default.
 */
export function defaultMergeSource(primaryValue: CustomFieldValue | undefined): MergeSource {
  return hasValue(primaryValue) ? 'primary' : 'secondary';
}

/** The source a merge uses for a field: the caller's choice, else the default rule. */
export function resolveMergeSource(
  primaryValue: CustomFieldValue | undefined,
  choice: MergeSource | undefined,
): MergeSource {
  return choice ?? defaultMergeSource(primaryValue);
}
