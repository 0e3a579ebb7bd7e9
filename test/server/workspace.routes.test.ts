import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

describe.each(STORES)('workspace and users on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub.close());

  it('GET /v1/workspace answers the key workspace, user and role', async () => {
    const res = await hub.as('agent').get('/v1/workspace');
    expect(res.status).toBe(200);
    expect(res.data.workspace.name).toBe('main');
    expect(res.data.workspace.defaultCountry).toBe('GB');
    expect(res.data.role).toBe('agent');
    expect(res.data.user.role).toBe('agent');
  });

  it('another workspace key sees its own workspace only', async () => {
    const res = await hub.as('other').get('/v1/workspace');
    expect(res.status).toBe(200);
    expect(res.data.workspace.name).toBe('other');
    const users = await hub.as('other').get('/v1/users');
    expect(users.data.data).toHaveLength(1);
  });

  it('refuses a missing or unknown key with 401 and the error shape', async () => {
    const none = await hub.as('none').get('/v1/workspace');
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('unauthorized');
    const bad = await hub.as('none').get('/v1/workspace', { headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(bad.data.error.details[0].path).toBe('headers.authorization');
  });

  it('GET /v1/users lists the users of the workspace for every role', async () => {
    const res = await hub.as('manager').get('/v1/users');
    expect(res.status).toBe(200);
    expect(res.data.data.map((u: { role: string }) => u.role).sort()).toEqual(['agent', 'manager', 'owner']);
  });

  it('unknown routes answer 404 with the error shape', async () => {
    const res = await hub.as('owner').get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('not_found');
  });

  it('serves OpenAPI 3.1 without a key', async () => {
    const res = await hub.as('none').get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.data.openapi).toBe('3.1.0');
    expect(res.data.paths['/v1/workspace'].get.operationId).toBe('getWorkspace');
  });
});
