import { ContactHubApiError, ContactHubClient, createAxiosTransport } from '../../src/client';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('ContactHubClient over axios against a real hub', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  });
  afterAll(() => hub.close());

  it('reads the workspace and the users', async () => {
    const client = new ContactHubClient(createAxiosTransport(`${hub.url}/`, hub.keys.manager));
    const info = await client.getWorkspace();
    expect(info.role).toBe('manager');
    expect(info.workspace.name).toBe('main');
    const users = await client.listUsers();
    expect(users.data.map((u) => u.role).sort()).toEqual(['agent', 'manager', 'owner']);
  });

  it('rejects with ContactHubApiError carrying the hub’s status, code, message and details', async () => {
    const client = new ContactHubClient(createAxiosTransport(hub.url, 'not-a-key'));
    const error = await client.getWorkspace().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContactHubApiError);
    const apiError = error as ContactHubApiError;
    const raw = await hub.as('none').get('/v1/workspace', { headers: { Authorization: 'Bearer not-a-key' } });
    expect(apiError.status).toBe(401);
    expect(apiError.code).toBe(raw.data.error.code);
    expect(apiError.message).toBe(raw.data.error.message);
    expect(apiError.details).toEqual(raw.data.error.details);
    expect(apiError.describe()).toContain(raw.data.error.details[0].path);
  });

  it('encodes refs as one path segment and answers a 404 for an unknown contact', async () => {
    const paths: string[] = [];
    const transport = createAxiosTransport(hub.url, hub.keys.owner);
    const client = new ContactHubClient(async (req) => {
      paths.push(req.path);
      return await transport(req);
    });
    const error = await client.getContact('email:nobody+x/y@example.com').catch((e: unknown) => e);
    expect(paths).toEqual(['/v1/contacts/email%3Anobody%2Bx%2Fy%40example.com']);
    expect(error).toBeInstanceOf(ContactHubApiError);
    expect((error as ContactHubApiError).status).toBe(404);
  });

  it('raw() answers any status without throwing', async () => {
    const client = new ContactHubClient(createAxiosTransport(hub.url, hub.keys.agent));
    const res = await client.raw({ method: 'GET', path: '/v1/nothing-here' });
    expect(res.status).toBe(404);
    expect((res.body as { error: { code: string } }).error.code).toBe('not_found');
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
