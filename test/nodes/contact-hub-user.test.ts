import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub node, User: Get Many, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
  });
  afterAll(() => hub.close());

  const userGetMany = (parameters: Record<string, unknown> = {}) => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'user', operation: 'getMany', returnAll: true, ...parameters },
  });

  it('returns the hub’s users as items paired with the input item', async () => {
    const result = await n8n.runWorkflow({
      nodes: [{ name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"run": 1}]' } }, userGetMany()],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(result.order).toEqual(['Start', 'Contact Hub']);

    const expected = (await hub.as('owner').get('/v1/users')).data.data;
    const items = result.nodes['Contact Hub'].items;
    expect(items.map((i) => i.json)).toEqual(expected);
    expect(items.map((i) => i.json.role).sort()).toEqual(['agent', 'manager', 'owner']);
    for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
  });

  it('runs once per input item, pairing each user with its item, and honours Limit and Role', async () => {
    const result = await n8n.runWorkflow({
      nodes: [
        { name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"a": 1}, {"a": 2}]' } },
        userGetMany({ returnAll: false, limit: 2 }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    const items = result.nodes['Contact Hub'].items;
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);

    const managers = await n8n.runWorkflow({ nodes: [userGetMany({ role: 'manager' })] });
    expect(managers.json('Contact Hub').map((u) => u.role)).toEqual(['manager']);
  });

  it('a refused key fails the node with a NodeApiError carrying the hub’s message', async () => {
    const bad = await N8nHarness.create({ hubUrl: hub.url, apiKey: 'not-a-key' });
    const result = await bad.runWorkflow({ nodes: [userGetMany()] });
    expect(result.status).toBe('error');
    const error = result.nodes['Contact Hub'].error;
    expect(error?.name).toBe('NodeApiError');
    const hubAnswer = await hub.as('none').get('/v1/users', { headers: { Authorization: 'Bearer not-a-key' } });
    expect(error?.message).toBe(hubAnswer.data.error.message);
    expect((error as { httpCode?: string }).httpCode).toBe('401');
  });

  it('with continueOnFail, the failure becomes an error item paired with its input', async () => {
    const bad = await N8nHarness.create({ hubUrl: hub.url, apiKey: 'not-a-key' });
    const result = await bad.runWorkflow({
      nodes: [{ ...userGetMany(), continueOnFail: true }],
      items: [{ x: 1 }, { x: 2 }],
    });
    expect(result.status).toBe('success');
    const items = result.nodes['Contact Hub'].items;
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    for (const item of items) expect(typeof item.json.error).toBe('string');
  });

  it('load options list the workspace users for choosing an assignee', async () => {
    const options = (await n8n.callMethod(userGetMany(), 'loadOptions', 'getUsers')) as Array<{ name: string; value: string; description: string }>;
    const users = (await hub.as('owner').get('/v1/users')).data.data as Array<{ id: string; role: string }>;
    expect(options.map((o) => o.value)).toEqual(users.map((u) => u.id));
    expect(options.map((o) => o.description)).toEqual(users.map((u) => u.role));
  });
});
