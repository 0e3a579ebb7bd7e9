import type { INodePropertyOptions } from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness, type TestNode } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub node, Segment resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.owner });
    const people = [
      { firstName: 'Ana', country: 'BR', tags: ['seg-vip'] },
      { firstName: 'Bruno', country: 'BR', tags: ['seg-vip'] },
      { firstName: 'Carla', country: 'PT', tags: ['seg-vip'] },
      { firstName: 'Davi', country: 'BR', tags: [] },
    ];
    for (const p of people) expect((await hub.as('owner').post('/v1/contacts', p)).status).toBe(201);
    const bruno = (await hub.as('owner').post('/v1/contacts/search', { text: 'Bruno' })).data.data[0] as { id: string };
    await hub.as('owner').post(`/v1/contacts/id:${bruno.id}/block`, {});
  });
  afterAll(() => hub.close());

  const segmentNode = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'segment', ...parameters },
    ...extra,
  });

  let segmentId = '';

  it('Create saves the filter builder’s conditions (and a JSON filter) as a segment, answered with its count', async () => {
    const result = await n8n.runWorkflow({
      nodes: [
        segmentNode({
          operation: 'create',
          name: 'VIPs in Brazil',
          filters: { conditions: [{ field: 'tags', operator: 'hasAny', value: 'seg-vip' }] },
          filterMatch: 'all',
          filterJson: '{"field": "country", "operator": "is", "value": "BR"}',
        }),
      ],
    });
    expect(result.error).toBeUndefined();
    const [segment] = result.json('Contact Hub');
    expect(segment).toMatchObject({ name: 'VIPs in Brazil', count: 1 });
    segmentId = String(segment.id);

    const any = await n8n.runWorkflow({
      nodes: [
        segmentNode({
          operation: 'create',
          name: 'Portugal or untagged',
          filters: {
            conditions: [
              { field: 'country', operator: 'is', value: 'PT' },
              { field: 'tags', operator: 'notExists', value: '' },
            ],
          },
          filterMatch: 'any',
        }),
      ],
    });
    expect(any.json('Contact Hub')[0]).toMatchObject({ count: 2 });
  });

  it('Create with a filter the hub rejects fails with its message naming the condition; continueOnFail keeps the other items', async () => {
    const result = await n8n.runWorkflow({
      nodes: [
        { name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"op": "gt"}, {"op": "is"}]' } },
        segmentNode(
          {
            operation: 'create',
            name: '=Bad or good {{ $json.op }}',
            filters: { conditions: [{ field: 'firstName', operator: '={{ $json.op }}', value: 'Ana' }] },
          },
          { continueOnFail: true },
        ),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    const items = result.nodes['Contact Hub'].items;
    expect(items[0].error?.name).toBe('NodeApiError');
    expect(String(items[0].json.error)).toMatch(/filter/);
    expect(items[1].json).toMatchObject({ name: 'Bad or good is', count: 1 });
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
  });

  it('Get Many lists segments by name, with counts on request and Limit', async () => {
    const all = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'getMany', returnAll: true, withCounts: true })] });
    expect(all.json('Contact Hub').map((s) => [s.name, s.count])).toEqual([
      ['Bad or good is', 1],
      ['Portugal or untagged', 2],
      ['VIPs in Brazil', 1],
    ]);
    const one = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'getMany', returnAll: false, limit: 1 })] });
    expect(one.json('Contact Hub')).toHaveLength(1);
    expect(one.json('Contact Hub')[0].count).toBeUndefined();
  });

  it('Count counts a segment’s contacts without fetching them, blocked ones on request', async () => {
    const result = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'count', segmentId })] });
    expect(result.json('Contact Hub')).toEqual([{ segmentId, name: 'VIPs in Brazil', count: 1 }]);
    const withBlocked = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'count', segmentId, includeBlocked: true })] });
    expect(withBlocked.json('Contact Hub')).toEqual([{ segmentId, name: 'VIPs in Brazil', count: 2 }]);
  });

  it('load options list the segments; Delete removes one (owners and managers) and an unknown id is a 404', async () => {
    const options = (await n8n.callMethod(segmentNode({ operation: 'count' }), 'loadOptions', 'getSegments')) as Array<{ name: string; value: string }>;
    expect(options.map((o) => o.name)).toEqual(['Bad or good is', 'Portugal or untagged', 'VIPs in Brazil']);
    expect(options.find((o) => o.name === 'VIPs in Brazil')?.value).toBe(segmentId);

    const agent = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
    const refused = await agent.runWorkflow({ nodes: [segmentNode({ operation: 'delete', segmentId })] });
    expect((refused.nodes['Contact Hub'].error as { httpCode?: string } | undefined)?.httpCode).toBe('403');

    const deleted = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'delete', segmentId })] });
    expect(deleted.json('Contact Hub')).toEqual([{ deleted: true, id: segmentId }]);
    const again = await n8n.runWorkflow({ nodes: [segmentNode({ operation: 'count', segmentId })] });
    expect((again.nodes['Contact Hub'].error as { httpCode?: string } | undefined)?.httpCode).toBe('404');
  });

  it('is offered in the node’s Resource list with every operation, each with an action an AI agent can pick', () => {
    const properties = new ContactHub().description.properties;
    const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
    expect(resources.map((o) => o.value)).toContain('segment');
    const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('segment'));
    const options = operation?.options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual(['count', 'create', 'delete', 'getMany']);
    for (const o of options) expect(o.action && o.description).toBeTruthy();
  });
});
