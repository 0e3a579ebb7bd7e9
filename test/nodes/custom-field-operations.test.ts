import type { INodePropertyOptions } from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness, type TestNode } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub node, Custom Field resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.manager });
  });
  afterAll(() => hub.close());

  const fieldNode = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'customField', ...parameters },
    ...extra,
  });

  it('Create defines fields of each type; a list takes its comma-separated options', async () => {
    const result = await n8n.runWorkflow({
      nodes: [
        {
          name: 'Start',
          type: EMIT_ITEMS_TYPE,
          parameters: {
            items: JSON.stringify([
              { key: 'loyalty_tier', label: 'Loyalty tier', type: 'list', options: 'Bronze, Silver , Gold' },
              { key: 'birthday', label: 'Birthday', type: 'date' },
              { key: 'Bad Key', label: 'Bad', type: 'text' },
            ]),
          },
        },
        fieldNode(
          { operation: 'create', key: '={{ $json.key }}', label: '={{ $json.label }}', fieldType: '={{ $json.type }}', listOptions: '={{ $json.options }}' },
          { continueOnFail: true },
        ),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.status).toBe('success');
    const items = result.nodes['Contact Hub'].items;
    expect(items[0].json).toMatchObject({ key: 'loyalty_tier', label: 'Loyalty tier', type: 'list', options: ['Bronze', 'Silver', 'Gold'] });
    expect(items[1].json).toMatchObject({ key: 'birthday', type: 'date', options: null });
    expect(items[2].error?.name).toBe('NodeApiError');
    expect(String(items[2].json.error)).toMatch(/Bad Key/);
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

    // A contact can now carry the values, checked against their types.
    const contact = await hub.as('owner').post('/v1/contacts', { firstName: 'Ana', customFields: { loyalty_tier: 'gold', birthday: '1990-04-21' } });
    expect(contact.data.customFields).toEqual({ birthday: '1990-04-21', loyalty_tier: 'Gold' });
  });

  it('Create of a key that exists is a 409; an agent may not define fields (403)', async () => {
    const dup = await n8n.runWorkflow({ nodes: [fieldNode({ operation: 'create', key: 'birthday', label: 'Again', fieldType: 'date' })] });
    expect((dup.nodes['Contact Hub'].error as { httpCode?: string } | undefined)?.httpCode).toBe('409');
    const agent = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
    const refused = await agent.runWorkflow({ nodes: [fieldNode({ operation: 'create', key: 'nickname', label: 'Nickname', fieldType: 'text' })] });
    expect((refused.nodes['Contact Hub'].error as { httpCode?: string } | undefined)?.httpCode).toBe('403');
  });

  it('Get Many lists the definitions by key, with Limit; load options offer them by key', async () => {
    const all = await n8n.runWorkflow({ nodes: [fieldNode({ operation: 'getMany', returnAll: true })] });
    expect(all.json('Contact Hub').map((f) => f.key)).toEqual(['birthday', 'loyalty_tier']);
    const one = await n8n.runWorkflow({ nodes: [fieldNode({ operation: 'getMany', returnAll: false, limit: 1 })] });
    expect(one.json('Contact Hub').map((f) => f.key)).toEqual(['birthday']);

    const options = (await n8n.callMethod(fieldNode({ operation: 'getMany' }), 'loadOptions', 'getCustomFields')) as Array<{ name: string; value: string }>;
    expect(options.map((o) => [o.name, o.value])).toEqual([
      ['Birthday', 'birthday'],
      ['Loyalty tier', 'loyalty_tier'],
    ]);
  });

  it('is offered in the node’s Resource list with every operation, each with an action an AI agent can pick', () => {
    const properties = new ContactHub().description.properties;
    const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
    expect(resources.map((o) => o.value)).toContain('customField');
    const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('customField'));
    const options = operation?.options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual(['create', 'getMany']);
    for (const o of options) expect(o.action && o.description).toBeTruthy();
  });
});
