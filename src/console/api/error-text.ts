import { ContactHubApiError, type ApiErrorDetail } from '../../client/contact-hub-api-error';

/** What to tell a person about a failed call: the hub's own message, or why no answer came. */
export function errorText(e: unknown): string {
  if (e instanceof ContactHubApiError) return e.message;
  if (e instanceof Error) return `The hub could not be reached (${e.message})`;
  return 'Something went wrong';
}

/** The hub's per-field messages of a 400, by path (`phone`, `customFields.birthday`, …). */
export function fieldErrors(e: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (e instanceof ContactHubApiError) {
    for (const d of e.details as ApiErrorDetail[]) if (d.path && !out.has(d.path)) out.set(d.path, d.message);
  }
  return out;
}
