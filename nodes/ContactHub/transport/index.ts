import type {
  IDataObject,
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  IWebhookFunctions,
} from 'n8n-workflow';
import { ContactHubClient } from '../../../src/client/contact-hub-client';
import type { HubRequest, HubResponse } from '../../../src/client/hub-request';
import { hubBaseUrl } from './base-url';

/** Every n8n context that can call the hub with the node's credential. */
export type HubContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'contactHubApi';

interface FullResponse {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  statusCode: number;
}

/** Reads a text answer as JSON when it is JSON (error bodies of CSV routes). */
function parseMaybeJson(text: unknown, contentType: string): unknown {
  if (typeof text !== 'string' || !contentType.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A HubRequest over n8n's `httpRequestWithAuthentication`: the credential's generic auth adds
 * the bearer key, n8n's outbound HTTP carries the call (proxies, SSRF policy, cancellation),
 * and every status comes back as an answer so the client can turn hub errors into ours.
 */
export async function hubTransport(ctx: HubContext): Promise<HubRequest> {
  const credentials = await ctx.getCredentials<{ baseUrl: string }>(CREDENTIAL_TYPE);
  const baseUrl = hubBaseUrl(credentials.baseUrl);
  return async (req): Promise<HubResponse> => {
    const headers: IDataObject = { ...req.headers };
    const options: IHttpRequestOptions = {
      method: req.method,
      url: `${baseUrl}${req.path}`,
      headers,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      arrayFormat: 'repeat',
    };
    if (req.query) {
      const qs: IDataObject = {};
      for (const [k, v] of Object.entries(req.query)) if (v !== undefined) qs[k] = v;
      options.qs = qs;
    }
    if (req.rawBody !== undefined) {
      options.body = req.rawBody;
      headers['Content-Type'] = req.contentType ?? 'application/octet-stream';
    } else if (req.body !== undefined) {
      options.body = req.body as IDataObject;
      options.json = true;
    }
    if (req.responseType === 'text') options.encoding = 'text';
    else options.json = true;
    const res = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as FullResponse;
    const contentType = String(res.headers['content-type'] ?? '');
    const body = req.responseType === 'text' && res.statusCode >= 400 ? parseMaybeJson(res.body, contentType) : res.body;
    return { status: res.statusCode, body: body === '' ? null : body, headers: res.headers };
  };
}

/** A Contact Hub client for this execution, authenticated by the node's credential. */
export async function hubClient(ctx: HubContext): Promise<ContactHubClient> {
  return new ContactHubClient(await hubTransport(ctx));
}
