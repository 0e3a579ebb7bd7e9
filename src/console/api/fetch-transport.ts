import type { HubRequest } from '../../client/hub-request';

/**
 * The typed client's transport in the browser: `fetch` to the hub that served the page, with
 * the signed-in key as a bearer token. Like every HubRequest it answers each status, and throws
 * only when no answer came.
 */
export function createFetchTransport(apiKey: string): HubRequest {
  return async (req) => {
    const url = new URL(req.path, window.location.origin);
    for (const [name, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, v);
      else url.searchParams.set(name, String(value));
    }
    const headers = new Headers(req.headers);
    headers.set('authorization', `Bearer ${apiKey}`);
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (req.rawBody !== undefined) {
      body = typeof req.rawBody === 'string' ? req.rawBody : new Uint8Array(req.rawBody);
      headers.set('content-type', req.contentType ?? 'text/plain');
    } else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers.set('content-type', 'application/json');
    }
    const res = await fetch(url, { method: req.method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if (req.responseType !== 'text' || res.status >= 400) {
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { status: res.status, body: parsed, headers: responseHeaders };
  };
}
