import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { hubBaseUrl } from '../transport/base-url';

interface LegacyFullResponse {
  statusCode: number;
  body: unknown;
}

interface WorkspaceAnswer {
  workspace?: { name?: unknown };
  user?: { name?: unknown };
  role?: unknown;
}

/** The hub's own message of an error answer (`{"error": {"message"}}`), if it is one. */
function hubMessage(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
}

/**
 * The credential test n8n runs when a user presses Test on a Contact Hub API credential:
 * `GET /v1/workspace` with the key. Success names the workspace and the key's role; a refusal
 * passes the hub's own message through ("Unknown or revoked API key"); an address that is not a
 * hub says so. A base URL ending in /v1 is accepted (the nodes strip it).
 */
export async function contactHubApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
  const data = credential.data ?? {};
  const baseUrl = hubBaseUrl(data.baseUrl);
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
    return { status: 'Error', message: `Base URL must start with http:// or https:// (got "${String(data.baseUrl ?? '')}")` };
  }
  let response: LegacyFullResponse;
  try {
    // ICredentialTestFunctions offers only this helper; it goes through n8n's outbound HTTP (proxies, SSRF policy).
    // eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
    response = (await this.helpers.request({
      method: 'GET',
      uri: `${baseUrl}/v1/workspace`,
      headers: { Authorization: `Bearer ${String(data.apiKey ?? '')}`, Accept: 'application/json' },
      json: true,
      simple: false,
      resolveWithFullResponse: true,
      timeout: 15_000,
    })) as LegacyFullResponse;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'Error', message: `Cannot reach a Contact Hub at ${baseUrl}: ${reason}` };
  }
  const { statusCode, body } = response;
  if (statusCode >= 200 && statusCode < 300) {
    const answer = (body ?? {}) as WorkspaceAnswer;
    if (typeof answer.workspace?.name !== 'string') {
      return { status: 'Error', message: `${baseUrl} answered, but not as a Contact Hub does: check the Base URL` };
    }
    return { status: 'OK', message: `Connected to workspace "${answer.workspace.name}" as ${String(answer.role)}` };
  }
  const message = hubMessage(body);
  if (statusCode === 404) {
    const said = message ? `${message} ` : '';
    return { status: 'Error', message: `${said}(HTTP 404): ${baseUrl} has no Contact Hub API; the Base URL is the hub's address without a path, e.g. https://hub.example.com` };
  }
  if (message) return { status: 'Error', message: `${message} (HTTP ${statusCode})` };
  return { status: 'Error', message: `${baseUrl} answered HTTP ${statusCode}, not as a Contact Hub does: check the Base URL` };
}
