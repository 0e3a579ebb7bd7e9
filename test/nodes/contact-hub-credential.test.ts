import { ContactHubApi } from '../../credentials/ContactHubApi.credentials';
import { testCredentials } from '../support/n8n-credential-test';
import { N8nHarness } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub API credential', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
  });
  afterAll(() => hub.close());

  it('declares base URL and a password API key, bearer auth and a test on GET /v1/workspace', () => {
    const type = new ContactHubApi();
    expect(type.name).toBe('contactHubApi');
    expect(type.displayName).toBe('Contact Hub API');
    expect(type.properties.map((p) => p.name)).toEqual(['baseUrl', 'apiKey']);
    expect(type.properties.find((p) => p.name === 'baseUrl')?.default).toBe('http://127.0.0.1:8787');
    expect(type.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
    expect(type.test.request.url).toBe('/v1/workspace');
  });

  it.each(['owner', 'manager', 'agent'] as const)('passes n8n’s credential test with a good %s key', async (role) => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: hub.keys[role] });
    expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
  });

  it('passes with a base URL that ends in a slash', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: `${hub.url}/`, apiKey: hub.keys.owner });
    expect(result.status).toBe('OK');
  });

  it('fails with a bad key', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: 'ch_not-a-real-key' });
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/401|Unauthorized/i);
  });

  it('fails with no key at all', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: hub.url, apiKey: '' });
    expect(result.status).toBe('Error');
  });

  it('fails when nothing listens at the base URL', async () => {
    const result = await testCredentials(n8n, 'contactHubApi', { baseUrl: 'http://127.0.0.1:9', apiKey: hub.keys.owner });
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/ECONNREFUSED/);
  });
});
