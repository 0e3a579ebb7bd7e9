import axios from 'axios';
import type { HubQuery, HubRequest } from './hub-request';

/** Serialises a query the way the hub reads it: repeated keys for arrays, undefined left out. */
export function encodeQuery(query: HubQuery | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A HubRequest over axios, authenticated with the API key as a bearer token. */
export function createAxiosTransport(baseUrl: string, apiKey: string): HubRequest {
  const instance = axios.create({
    baseURL: baseUrl.replace(/\/+$/, ''),
    validateStatus: () => true,
    headers: { Authorization: `Bearer ${apiKey}` },
    maxContentLength: Infinity,
    maxBodyLength: Infinity,
  });
  return async (req) => {
    const headers: Record<string, string> = { ...req.headers };
    let data: unknown = req.body;
    if (req.rawBody !== undefined) {
      data = req.rawBody;
      headers['Content-Type'] = req.contentType ?? 'application/octet-stream';
    } else if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const res = await instance.request({
      method: req.method,
      url: req.path + encodeQuery(req.query),
      data,
      headers,
      responseType: 'text',
      // Keep the text as it came; JSON is parsed below so a non-JSON error page stays readable.
      transformResponse: [(raw: unknown) => raw],
    });
    const text = typeof res.data === 'string' ? res.data : '';
    let body: unknown = text;
    if (req.responseType !== 'text' || res.status >= 400) {
      const type = String(res.headers['content-type'] ?? '');
      if (text && type.includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      } else if (!text) {
        body = null;
      }
    }
    const headersOut: Record<string, string | string[] | undefined> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      headersOut[k.toLowerCase()] = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? undefined : String(v);
    }
    return { status: res.status, body, headers: headersOut };
  };
}
