/**
 * The merge compare view's model: the fields on which the two contacts differ, each with the
 * side the API would keep by default (the domain's rule: the primary's value when it has one).
 */
import { PROFILE_FIELDS } from '../../domain/contact';
import { defaultMergeSource, type MergeSource } from '../../domain/merge/merge-source';
import type { Contact, CustomFieldInfo, CustomFieldValue } from '../api/hub-types';

export interface MergeFieldRow {
  /** `firstName`, `customFields.tier` */
  path: string;
  primary: CustomFieldValue;
  secondary: CustomFieldValue;
  defaultSource: MergeSource;
}

function valueAt(contact: Contact, path: string): CustomFieldValue {
  if (path.startsWith('customFields.')) return contact.customFields[path.slice('customFields.'.length)] ?? null;
  return (contact as unknown as Record<string, CustomFieldValue>)[path] ?? null;
}

export function differingFields(primary: Contact, secondary: Contact, customFields: readonly CustomFieldInfo[]): MergeFieldRow[] {
  const paths = [...PROFILE_FIELDS, ...customFields.map((f) => `customFields.${f.key}`)];
  return paths
    .map((path) => {
      const p = valueAt(primary, path);
      const s = valueAt(secondary, path);
      return { path, primary: p, secondary: s, defaultSource: defaultMergeSource(p) };
    })
    .filter((row) => row.primary !== row.secondary);
}

/** Tags after the merge: the union, compared case-insensitively as the catalogue does. */
export function unitedTags(primary: Contact, secondary: Contact): { tag: string; from: 'both' | 'primary' | 'secondary' }[] {
  const lower = (list: string[]) => new Set(list.map((t) => t.toLowerCase()));
  const p = lower(primary.tags);
  const s = lower(secondary.tags);
  return [
    ...primary.tags.map((tag) => ({ tag, from: s.has(tag.toLowerCase()) ? ('both' as const) : ('primary' as const) })),
    ...secondary.tags.filter((t) => !p.has(t.toLowerCase())).map((tag) => ({ tag, from: 'secondary' as const })),
  ];
}
