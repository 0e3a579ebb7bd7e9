/**
 * The hub's base URL as the nodes call it: surrounding spaces and trailing slashes dropped, and a
 * trailing `/v1` too (people paste the API's address; every route path already starts with /v1).
 */
export function hubBaseUrl(raw: unknown): string {
  return String(raw ?? '')
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v1$/i, '')
    .replace(/\/+$/, '');
}
