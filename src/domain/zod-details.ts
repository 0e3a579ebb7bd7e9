import type { z } from 'zod/v4';
import type { ErrorDetail } from './errors';

/** Joins a zod issue path as the hub writes paths: `customFields.birthday`, `tags[2]`. */
export function joinPath(prefix: string, parts: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/**
 * Turns zod issues into error details with hub paths. An unknown key of a strict object
 * becomes one detail per key, on the key's own path, listing the keys that are allowed
 * when `allowedKeys` is given.
 */
export function zodIssuesToDetails(
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
  allowedKeys?: readonly string[],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = allowedKeys ? `; allowed fields: ${allowedKeys.join(', ')}` : '';
        details.push({ path: joinPath(prefix, [...issue.path, key]), message: `unknown field "${key}"${allowed}` });
      }
    } else {
      details.push({ path: joinPath(prefix, issue.path) || '(body)', message: issue.message });
    }
  }
  return details;
}
