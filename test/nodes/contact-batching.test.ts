import { chain, N8nHarness } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';
import { contactNode, emit, startCountingProxy, type CountingProxy } from './contact-support';

/** What an error item carries (a NodeApiError). */
interface ItemError {
  name: string;
  message: string;
  httpCode?: string;
  context?: { itemIndex?: number };
}

/** Contact: Create, Create or Update and Delete send their items to the bulk endpoints in batches. */
describe('Contact Hub node, Contact batching, in n8n’s engine', () => {
  let hub: TestHub;
  let proxy: CountingProxy;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    proxy = await startCountingProxy(hub.url);
    n8n = await N8nHarness.create({ hubUrl: proxy.url, apiKey: hub.keys.manager });
    const field = await hub.as('owner').post('/v1/custom-fields', { key: 'plan', label: 'Plan', type: 'list', options: ['Free', 'Pro'] });
    expect(field.status).toBe(201);
  });
  afterAll(async () => {
    await proxy.close();
    await hub.close();
  });

  const upsertFromItems = {
    matchBy: ['externalCode'],
    fields: { externalCode: '={{ $json.code }}', firstName: '={{ $json.name }}', phone: '={{ $json.phone }}' },
    customFieldValues: { mappingMode: 'defineBelow', value: { plan: '={{ $json.plan }}' }, matchingColumns: [], schema: [] },
  };

  it('1,000 items of Create or Update reach the hub in at most 10 requests, and all 1,000 contacts exist', async () => {
    const items = Array.from({ length: 1000 }, (_, k) => ({
      code: `CRM-${k}`,
      name: `Person ${k}`,
      phone: `+4474001${String(k).padStart(5, '0')}`,
      plan: k % 2 ? 'Pro' : 'Free',
    }));
    proxy.requests.length = 0;
    const result = await n8n.runWorkflow({
      nodes: [emit(items), contactNode('upsert', upsertFromItems)],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.error).toBeUndefined();
    const out = result.nodes['Contact Hub'].items;
    expect(out).toHaveLength(1000);
    out.forEach((item, k) => {
      expect(item.pairedItem).toEqual({ item: k });
      expect(item.json).toMatchObject({ externalCode: `CRM-${k}`, firstName: `Person ${k}`, created: true });
    });
    expect(proxy.requests.length).toBeLessThanOrEqual(10);
    expect(proxy.requests.every((r) => r.method === 'POST' && r.path === '/v1/contacts/bulk/upsert')).toBe(true);
    expect(proxy.requests).toHaveLength(10); // default batch size 100

    const count = await hub.as('owner').post('/v1/contacts/count', { filter: { field: 'externalCode', operator: 'startsWith', value: 'CRM-' } });
    expect(count.data).toEqual({ count: 1000 });
    const one = await hub.as('owner').get('/v1/contacts/external:CRM-737');
    expect(one.data).toMatchObject({ firstName: 'Person 737', phone: '+447400100737', customFields: { plan: 'Pro' } });

    // Run again: every item now updates its contact, with a batch size of 500 → 2 requests.
    proxy.requests.length = 0;
    const again = await n8n.runWorkflow({
      nodes: [
        emit(items.map((i) => ({ ...i, name: `${i.name}!` }))),
        contactNode('upsert', { ...upsertFromItems, options: { batchSize: 500 } }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(again.nodes['Contact Hub'].items.every((i) => i.json.created === false)).toBe(true);
    expect(proxy.requests).toHaveLength(2);
    expect((await hub.as('owner').get('/v1/contacts/external:CRM-5')).data.firstName).toBe('Person 5!');
  }, 600_000);

  const mixed = [
    { code: 'MIX-0', name: 'Good Zero', phone: '+447400200000', plan: 'Free' },
    { code: 'MIX-1', name: 'Bad Phone', phone: 'not a phone', plan: 'Free' },
    { code: 'MIX-2', name: 'Good Two', phone: '+447400200002', plan: 'Pro' },
    { code: 'MIX-3', name: 'Bad Field', phone: '+447400200003', plan: 'Free', extra: true },
    { code: 'MIX-4', name: 'Bad Plan', phone: '+447400200004', plan: 'Platinum' },
  ];
  /** Item 3 also sets an unknown custom field; item 4 a value its list field does not allow. */
  const mixedParams = {
    ...upsertFromItems,
    customFieldValues: {
      mappingMode: 'defineBelow',
      value: { plan: '={{ $json.plan }}', shoeSize: '={{ $json.extra ? 42 : "" }}' },
      matchingColumns: [],
      schema: [],
    },
    options: { batchSize: 2 },
  };

  it('continueOnFail: a batch holding bad items returns an error for each bad item, paired with it; the good items succeed', async () => {
    proxy.requests.length = 0;
    const result = await n8n.runWorkflow({
      nodes: [emit(mixed), contactNode('upsert', mixedParams, { continueOnFail: true })],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.status).toBe('success');
    const out = result.nodes['Contact Hub'].items;
    expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
    expect(proxy.requests).toHaveLength(3); // batches of 2: [0,1] [2,3] [4]

    expect(out[0].json).toMatchObject({ externalCode: 'MIX-0', created: true });
    expect(out[2].json).toMatchObject({ externalCode: 'MIX-2', created: true, customFields: { plan: 'Pro' } });
    for (const k of [1, 3, 4]) {
      expect(out[k].error).toBeDefined();
      expect(typeof out[k].json.error).toBe('string');
    }
    const failure = (k: number) => out[k].error as unknown as ItemError;
    expect(failure(1).message).toMatch(/^phone: /);
    expect(failure(3).message).toMatch(/customFields\.shoeSize/);
    expect(failure(4).message).toMatch(/customFields\.plan/);
    for (const k of [1, 3, 4]) {
      expect(failure(k).name).toBe('NodeApiError');
      expect(failure(k).httpCode).toBe('400');
      expect(failure(k).context?.itemIndex).toBe(k);
      expect(out[k].json).toEqual({ error: failure(k).message });
    }

    expect((await hub.as('owner').get('/v1/contacts/external:MIX-0')).status).toBe(200);
    expect((await hub.as('owner').get('/v1/contacts/external:MIX-2')).status).toBe(200);
    for (const code of ['MIX-1', 'MIX-3', 'MIX-4']) expect((await hub.as('owner').get(`/v1/contacts/external:${code}`)).status).toBe(404);
  });

  it('without continueOnFail the node fails with the hub’s message for the first bad item', async () => {
    const items = [
      { code: 'STOP-0', name: 'Fine', phone: '+447400300000', plan: 'Free' },
      { code: 'STOP-1', name: 'Broken', phone: 'not a phone', plan: 'Free' },
    ];
    const result = await n8n.runWorkflow({
      nodes: [emit(items), contactNode('upsert', upsertFromItems)],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.status).toBe('error');
    const error = result.nodes['Contact Hub'].error as { name?: string; message?: string; httpCode?: string; context?: { itemIndex?: number } };
    expect(error?.name).toBe('NodeApiError');
    const direct = await hub.as('owner').post('/v1/contacts/bulk/upsert', { matchBy: ['externalCode'], contacts: [{ externalCode: 'X', phone: 'not a phone' }] });
    expect(error?.message).toBe(direct.data.results[0].error.message);
    expect(error?.httpCode).toBe('400');
    expect(error?.context?.itemIndex).toBe(1);
  });

  it('Create sends its items in batches too and refuses a contact that already exists', async () => {
    proxy.requests.length = 0;
    const items = [
      { name: 'New One', phone: '+447400400001' },
      { name: 'Taken', phone: '+447400100737' }, // CRM-737's phone
      { name: 'New Two', phone: '+447400400002' },
    ];
    const result = await n8n.runWorkflow({
      nodes: [emit(items), contactNode('create', { fields: { firstName: '={{ $json.name }}', phone: '={{ $json.phone }}' } }, { continueOnFail: true })],
      connections: chain('Start', 'Contact Hub'),
    });
    const out = result.nodes['Contact Hub'].items;
    expect(proxy.requests).toEqual([{ method: 'POST', path: '/v1/contacts/bulk/upsert' }]);
    expect(out[0].json).toMatchObject({ firstName: 'New One', created: true });
    expect(out[2].json).toMatchObject({ firstName: 'New Two', created: true });
    expect(out[1].error).toBeDefined();
    expect((out[1].error as unknown as ItemError).httpCode).toBe('409');
    expect(String(out[1].json.error)).toMatch(/phone/);
    expect((await hub.as('owner').get('/v1/contacts/external:CRM-737')).data.firstName).toBe('Person 737!');
  });

  it('Delete sends the items’ refs in batches and reports each item', async () => {
    proxy.requests.length = 0;
    const items = [{ ref: 'CRM-1' }, { ref: 'NOBODY' }, { ref: 'CRM-2' }];
    const result = await n8n.runWorkflow({
      nodes: [
        emit(items),
        contactNode('delete', { contact: { __rl: true, mode: 'externalCode', value: '={{ $json.ref }}' } }, { continueOnFail: true }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(proxy.requests).toEqual([{ method: 'POST', path: '/v1/contacts/bulk/delete' }]);
    const out = result.nodes['Contact Hub'].items;
    expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(out[0].json).toMatchObject({ deleted: true, ref: 'external:CRM-1' });
    expect(out[2].json).toMatchObject({ deleted: true, ref: 'external:CRM-2' });
    expect(out[1].error).toBeDefined();
    expect((out[1].error as unknown as ItemError).httpCode).toBe('404');
    expect(String(out[1].json.error)).toMatch(/NOBODY/);
    expect((await hub.as('owner').get('/v1/contacts/external:CRM-1')).status).toBe(404);
  });
});
