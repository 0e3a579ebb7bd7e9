import { ContactHubApi } from '../../credentials/ContactHubApi.credentials';
import { testCredentials } from '../support/n8n-credential-test';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { ContactHubTrigger } from '../../nodes/ContactHubTrigger/ContactHubTrigger.node';
import { CONTACT_HUB_TYPE, N8nHarness } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub API credential', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
  });
  afterAll(() => hub.close());

  it('declares base URL and a password API key, bearer auth, and is tested by both nodes', () => {
    const type = new ContactHubApi();
    expect(type.name).toBe('contactHubApi');
    expect(type.displayName).toBe('Contact Hub API');
    expect(type.properties.map((p) => p.name)).toEqual(['baseUrl', 'apiKey']);
    expect(type.properties.find((p) => p.name === 'baseUrl')?.default).toBe('http://127.0.0.1:8787');
    expect(type.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
    expect((type as { test?: unknown }).test).toBeUndefined();
    for (const node of [new ContactHub(), new ContactHubTrigger()]) {
      expect(node.description.credentials).toEqual([{ name: 'contactHubApi', required: true, testedBy: 'contactHubApiTest' }]);
      expect(typeof node.methods.credentialTest.contactHubApiTest).toBe('function');
    }
  });

  it.each(['owner', 'manager', 'agent'] as const)('passes n8n’s credential test with a good %s key', async (role) => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: hub.keys[role] });
    expect(result).toEqual({ status: 'OK', message: `Connected to workspace "main" as ${role}` });
  });

  it.each(['/', '/v1', '/v1/', '/V1//'])('passes with a base URL that ends in "%s" (stripped)', async (tail) => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: `${hub.url}${tail}`, apiKey: hub.keys.owner });
    expect(result).toEqual({ status: 'OK', message: 'Connected to workspace "main" as owner' });
  });

  it('the nodes strip a trailing /v1 too: a node with such a credential works', async () => {
    const other = await N8nHarness.create({ hubUrl: `${hub.url}/v1/`, apiKey: hub.keys.agent });
    const run = await other.runWorkflow({ nodes: [{ name: 'Tags', type: CONTACT_HUB_TYPE, parameters: { resource: 'tag', operation: 'getMany', returnAll: true } }] });
    expect(run.error).toBeUndefined();
  });

  it('fails with a bad key', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: 'ch_not-a-real-key' });
    expect(result).toEqual({ status: 'Error', message: 'Unknown or revoked API key (HTTP 401)' });
  });

  it('fails with no key at all, with the hub’s message', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: '' });
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/^Missing API key/);
  });

  it('says to use the hub address when the base URL has another path, and refuses one that is not http(s)', async () => {
    const wrongPath = await testCredentials(n8n, 'contactHubApi', { baseUrl: `${hub.url}/api`, apiKey: hub.keys.owner });
    expect(wrongPath.status).toBe('Error');
    expect(wrongPath.message).toMatch(/\(HTTP 404\): .*\/api has no Contact Hub API; the Base URL is the hub's address without a path/);
    const noScheme = await testCredentials(n8n, 'contactHubApi', { baseUrl: 'hub.example.com', apiKey: hub.keys.owner });
    expect(noScheme).toEqual({ status: 'Error', message: 'Base URL must start with http:// or https:// (got "hub.example.com")' });
  });

  it('fails when nothing listens at the base URL', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: 'http://127.0.0.1:9', apiKey: hub.keys.owner });
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/^Cannot reach a Contact Hub at http:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/);
  });
});
