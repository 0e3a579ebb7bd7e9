/** HTTP methods the Contact Hub API uses. */
export type HubMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Query string values; arrays repeat the key. Undefined values are left out. */
export type HubQuery = Record<string, string | number | boolean | string[] | undefined>;

/** One request to the hub, independent of the HTTP library that carries it. */
export interface HubRequestOptions {
  method: HubMethod;
  /** Path below the base URL, starting with `/v1/`. Refs inside it are already encoded. */
  path: string;
  query?: HubQuery;
  /** A JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A body sent as is (CSV for import); takes the place of `body`. */
  rawBody?: string | Buffer;
  /** Content type of `rawBody`, e.g. `text/csv`. */
  contentType?: string;
  /** `text` for answers that are not JSON (CSV export). Default `json`. */
  responseType?: 'json' | 'text';
}

/** The hub's answer, whatever its status: the transport never throws on a status code. */
export interface HubResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Carries requests to the hub. The n8n nodes build one on `httpRequestWithAuthentication`;
 * the CLI and tests build one on axios (`createAxiosTransport`). It answers every status
 * (including 4xx/5xx) instead of throwing; it throws only when no answer came.
 */
export type HubRequest = (req: HubRequestOptions) => Promise<HubResponse>;
