import assert from 'node:assert/strict';
import type { StageContext } from '../support/context';

/** The credential the examples name (imported with this id). */
export const CREDENTIAL_ID = 'contact-hub-demo';

interface TestResult {
  status: 'OK' | 'Error';
  message: string;
}

/**
 * n8n's credential test (the editor's Test button, POST /rest/credentials/test on the stored
 * credential with edited values): a good key passes, a bad key shows the hub's own message, and
 * a base URL ending in /v1 is accepted while one with another path says what to fix.
 */
export async function checkCredentialTest(ctx: StageContext): Promise<string> {
  const test = async (data: Record<string, string>): Promise<TestResult> =>
    await ctx.rest.data<TestResult>('POST', '/rest/credentials/test', {
      credentials: { id: CREDENTIAL_ID, name: 'Contact Hub account', type: 'contactHubApi', data },
    });
  const good = await test({ baseUrl: ctx.hub.url, apiKey: ctx.hub.ownerKey });
  assert.deepEqual(good, { status: 'OK', message: 'Connected to workspace "demo" as owner' });
  const bad = await test({ baseUrl: ctx.hub.url, apiKey: 'chub_not-a-real-key' });
  assert.deepEqual(bad, { status: 'Error', message: 'Unknown or revoked API key (HTTP 401)' });
  const withV1 = await test({ baseUrl: `${ctx.hub.url}/v1`, apiKey: ctx.hub.ownerKey });
  assert.equal(withV1.status, 'OK', `a base URL ending in /v1: ${withV1.message}`);
  const wrongPath = await test({ baseUrl: `${ctx.hub.url}/api`, apiKey: ctx.hub.ownerKey });
  assert.equal(wrongPath.status, 'Error');
  assert.match(wrongPath.message, /HTTP 404\): .* has no Contact Hub API; the Base URL is the hub's address without a path/);
  const nobody = await test({ baseUrl: 'http://127.0.0.1:9', apiKey: ctx.hub.ownerKey });
  assert.equal(nobody.status, 'Error');
  assert.match(nobody.message, /^Cannot reach a Contact Hub at http:\/\/127\.0\.0\.1:9/);
  return `good key OK; bad key "${bad.message}"; /v1 accepted; wrong path "${wrongPath.message.slice(0, 60)}…"`;
}
