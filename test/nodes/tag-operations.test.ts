import type { INodePropertyOptions } from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness, type TestNode } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

/**
 * A loopback proxy in front of the hub that counts the requests passing through it, so a
 * test can show how many hub calls a node made.
 */
interface CountingProxy {
  url: string;
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  close: () => Promise<void>;
}

async function countingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Contact Hub node, Tag resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  let proxy: CountingProxy;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.owner });
    proxy = await countingProxy(hub.url);
  });
  afterAll(async () => {
    await proxy.close();
    await hub.close();
  });

  const tagNode = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'tag', ...parameters },
    ...extra,
  });
  const start = (items: unknown[]): TestNode => ({ name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: JSON.stringify(items) } });
  const byId = (value: string) => ({ __rl: true, mode: 'id', value });

  async function createContacts(prefix: string, count: number): Promise<string[]> {
    const res = await hub.as('owner').post('/v1/contacts/bulk/upsert', {
      matchBy: ['externalCode'],
      contacts: Array.from({ length: count }, (_, k) => ({ externalCode: `${prefix}-${k}`, firstName: `${prefix} ${k}` })),
    });
    expect(res.status).toBe(200);
    return (res.data.results as Array<{ contact: { id: string } }>).map((r) => r.contact.id);
  }
  const tagsOf = async (id: string): Promise<string[]> => (await hub.as('owner').get(`/v1/contacts/id:${id}`)).data.tags;

  it('Add to Contact: 120 items reach the hub in ceil(120 / 100) = 2 bulk requests, each result paired with its item', async () => {
    const ids = await createContacts('batch', 120);
    const via = await N8nHarness.create({ hubUrl: proxy.url, apiKey: hub.keys.owner });
    proxy.seen.length = 0;
    const result = await via.runWorkflow({
      nodes: [start(ids.map((id) => ({ id }))), tagNode({ operation: 'addToContact', contact: byId('={{ $json.id }}'), tags: ['Batch-A', 'vip'] })],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.error).toBeUndefined();
    expect(proxy.seen).toEqual(['POST /v1/contacts/bulk/tags', 'POST /v1/contacts/bulk/tags']);
    const items = result.nodes['Contact Hub'].items;
    expect(items).toHaveLength(120);
    items.forEach((item, k) => {
      expect(item.pairedItem).toEqual({ item: k });
      expect(item.json).toMatchObject({ ref: `id:${ids[k]}`, contactId: ids[k], action: 'add', changed: true });
    });
    expect(await tagsOf(ids[0])).toEqual(['Batch-A', 'vip']);
    expect(await tagsOf(ids[119])).toEqual(['Batch-A', 'vip']);

    // Batch Size 25 and two tag lists (80 and 40 items): each list goes in its own batches, ceil(80/25) + ceil(40/25) = 6 requests.
    proxy.seen.length = 0;
    const mixed = await via.runWorkflow({
      nodes: [
        start(ids.map((id, k) => ({ id, tags: k % 3 === 2 ? 'gold' : 'silver, bronze' }))),
        tagNode({ operation: 'addToContact', contact: byId('={{ $json.id }}'), tags: '={{ $json.tags }}', options: { batchSize: 25 } }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(mixed.error).toBeUndefined();
    expect(proxy.seen).toHaveLength(6);
    expect(await tagsOf(ids[0])).toEqual(['Batch-A', 'bronze', 'silver', 'vip']);
    expect(await tagsOf(ids[2])).toEqual(['Batch-A', 'gold', 'vip']);
    expect(mixed.nodes['Contact Hub'].items.map((i) => i.pairedItem)).toEqual(ids.map((_, k) => ({ item: k })));
  });

  it('with continueOnFail, a bad contact ref in the batch gets its own error while the others are tagged', async () => {
    const [a, b] = await createContacts('cof', 2);
    proxy.seen.length = 0;
    const via = await N8nHarness.create({ hubUrl: proxy.url, apiKey: hub.keys.owner });
    const result = await via.runWorkflow({
      nodes: [
        start([{ ref: `id:${a}` }, { ref: 'id:no-such-contact' }, { ref: `id:${b}` }, { ref: '' }]),
        tagNode({ operation: 'addToContact', contact: '={{ $json.ref }}', tags: ['Promo'] }, { continueOnFail: true }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.status).toBe('success');
    expect(proxy.seen).toEqual(['POST /v1/contacts/bulk/tags']);
    const items = result.nodes['Contact Hub'].items;
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
    expect(items[0].json).toMatchObject({ contactId: a, changed: true });
    expect(items[2].json).toMatchObject({ contactId: b, changed: true });
    expect(items[1].error?.name).toBe('NodeApiError');
    expect(String(items[1].json.error)).toMatch(/no-such-contact/);
    expect((items[1].error as { httpCode?: string }).httpCode).toBe('404');
    expect(items[3].error?.name).toBe('NodeOperationError');
    expect(await tagsOf(a)).toEqual(['Promo']);
    expect(await tagsOf(b)).toEqual(['Promo']);

    // Without continueOnFail the same bad ref fails the node with the hub's message.
    const strict = await n8n.runWorkflow({
      nodes: [start([{ ref: 'id:no-such-contact' }]), tagNode({ operation: 'addToContact', contact: '={{ $json.ref }}', tags: ['Promo'] })],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(strict.status).toBe('error');
    expect(strict.nodes['Contact Hub'].error?.name).toBe('NodeApiError');
    expect(strict.nodes['Contact Hub'].error?.message).toMatch(/no-such-contact/);
  });

  it('Remove from Contact untags each item’s contact (by phone, e-mail, external code) and keeps the catalogue tag', async () => {
    const made = await hub.as('owner').post('/v1/contacts', {
      firstName: 'Rita',
      phone: '+447400111222',
      email: 'rita@example.com',
      externalCode: 'RITA-1',
      tags: ['one', 'two', 'three'],
    });
    expect(made.status).toBe(201);
    const result = await n8n.runWorkflow({
      nodes: [
        start([{}]),
        tagNode({ operation: 'removeFromContact', contact: { __rl: true, mode: 'phone', value: '+447400111222' }, tags: ['ONE'] }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.json('Contact Hub')).toEqual([
      { ref: 'phone:+447400111222', contactId: made.data.id, action: 'remove', tags: ['ONE'], changed: true },
    ]);
    const byEmail = await n8n.runWorkflow({
      nodes: [tagNode({ operation: 'removeFromContact', contact: { __rl: true, mode: 'email', value: 'rita@example.com' }, tags: 'two, nope' })],
    });
    expect(byEmail.json('Contact Hub')[0]).toMatchObject({ changed: true });
    const byCode = await n8n.runWorkflow({
      nodes: [tagNode({ operation: 'removeFromContact', contact: { __rl: true, mode: 'externalCode', value: 'RITA-1' }, tags: ['nope'] })],
    });
    expect(byCode.json('Contact Hub')[0]).toMatchObject({ changed: false });
    expect(await tagsOf(made.data.id)).toEqual(['three']);
    const catalogue = (await hub.as('owner').get('/v1/tags', { params: { search: 'one' } })).data.data as Array<{ name: string }>;
    expect(catalogue.map((t) => t.name)).toContain('one');
  });

  it('Add / Remove for every contact matching a filter or a segment: one request per item, with counts', async () => {
    const ids = await createContacts('sel', 3);
    await hub.as('owner').post(`/v1/contacts/id:${ids[0]}/tags`, { tags: ['sel-source'] });
    await hub.as('owner').post(`/v1/contacts/id:${ids[1]}/tags`, { tags: ['sel-source'] });
    const result = await n8n.runWorkflow({
      nodes: [
        tagNode({
          operation: 'addToContact',
          applyTo: 'selection',
          tags: ['sel-target'],
          filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: 'sel-source' }] },
        }),
      ],
    });
    expect(result.error).toBeUndefined();
    expect(result.json('Contact Hub')).toEqual([{ action: 'add', tags: ['sel-target'], matched: 2, changed: 2, skipped: 0 }]);
    expect(await tagsOf(ids[0])).toEqual(['sel-source', 'sel-target']);
    expect(await tagsOf(ids[2])).toEqual([]);

    const segment = await hub.as('owner').post('/v1/segments', {
      name: 'Sel targets',
      filter: { and: [{ field: 'tags', operator: 'hasAny', value: ['sel-target'] }] },
    });
    expect(segment.status).toBe(201);
    const removed = await n8n.runWorkflow({
      nodes: [tagNode({ operation: 'removeFromContact', applyTo: 'selection', tags: ['sel-target'], segmentId: segment.data.id })],
    });
    expect(removed.json('Contact Hub')).toEqual([{ action: 'remove', tags: ['sel-target'], matched: 2, changed: 2, skipped: 0 }]);
    expect(await tagsOf(ids[1])).toEqual(['sel-source']);
  });

  it('Create, Get Many, Rename and Delete manage the catalogue', async () => {
    const created = await n8n.runWorkflow({
      nodes: [start([{ name: 'Cat Alpha' }, { name: 'Cat Beta' }, { name: 'cat alpha' }]), tagNode({ operation: 'create', name: '={{ $json.name }}' }, { continueOnFail: true })],
      connections: chain('Start', 'Contact Hub'),
    });
    const items = created.nodes['Contact Hub'].items;
    expect(items[0].json).toMatchObject({ name: 'Cat Alpha', contactCount: 0 });
    expect(items[1].json).toMatchObject({ name: 'Cat Beta' });
    expect((items[2].error as { httpCode?: string }).httpCode).toBe('409');
    expect(items[2].pairedItem).toEqual({ item: 2 });

    const listed = await n8n.runWorkflow({ nodes: [tagNode({ operation: 'getMany', returnAll: true, search: 'cat ' })] });
    expect(listed.json('Contact Hub').map((t) => t.name)).toEqual(['Cat Alpha', 'Cat Beta']);
    const limited = await n8n.runWorkflow({ nodes: [tagNode({ operation: 'getMany', returnAll: false, limit: 1, search: 'cat ' })] });
    expect(limited.json('Contact Hub').map((t) => t.name)).toEqual(['Cat Alpha']);

    const alphaId = String(items[0].json.id);
    const contact = await hub.as('owner').post('/v1/contacts', { firstName: 'Tagged', tags: ['Cat Alpha'] });
    const renamed = await n8n.runWorkflow({ nodes: [tagNode({ operation: 'rename', tagId: alphaId, newName: 'Cat Gamma' })] });
    expect(renamed.json('Contact Hub')[0]).toMatchObject({ id: alphaId, name: 'Cat Gamma', contactCount: 1 });
    expect(await tagsOf(contact.data.id)).toEqual(['Cat Gamma']);

    const deleted = await n8n.runWorkflow({ nodes: [tagNode({ operation: 'delete', tagId: alphaId })] });
    expect(deleted.json('Contact Hub')).toEqual([{ deleted: true, id: alphaId, name: 'Cat Gamma', untaggedContacts: 1 }]);
    expect(await tagsOf(contact.data.id)).toEqual([]);
  });

  it('an agent may not rename tags: a NodeApiError with the hub’s 403 message', async () => {
    const tag = await hub.as('owner').post('/v1/tags', { name: 'Agent Proof' });
    const agent = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
    const result = await agent.runWorkflow({ nodes: [tagNode({ operation: 'rename', tagId: tag.data.id, newName: 'Nope' })] });
    expect(result.status).toBe('error');
    const error = result.nodes['Contact Hub'].error as { name?: string; httpCode?: string } | undefined;
    expect(error?.name).toBe('NodeApiError');
    expect(error?.httpCode).toBe('403');
  });

  it('load options list the catalogue by id (Rename, Delete) and by name (Add, Remove)', async () => {
    const tags = (await hub.as('owner').get('/v1/tags', { params: { limit: 500 } })).data.data as Array<{ id: string; name: string }>;
    const byIdOptions = (await n8n.callMethod(tagNode({ operation: 'rename' }), 'loadOptions', 'getTagIds')) as Array<{ name: string; value: string }>;
    expect(byIdOptions.map((o) => o.value)).toEqual(tags.map((t) => t.id));
    const byName = (await n8n.callMethod(tagNode({ operation: 'addToContact' }), 'loadOptions', 'getTags')) as Array<{ value: string }>;
    expect(byName.map((o) => o.value)).toEqual(tags.map((t) => t.name));
  });

  it('is offered in the node’s Resource list with every operation, each with an action an AI agent can pick', () => {
    const properties = new ContactHub().description.properties;
    const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
    expect(resources.map((o) => o.value)).toContain('tag');
    const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('tag'));
    const options = operation?.options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual(['addToContact', 'create', 'delete', 'getMany', 'removeFromContact', 'rename']);
    for (const o of options) expect(o.action && o.description).toBeTruthy();
  });
});
