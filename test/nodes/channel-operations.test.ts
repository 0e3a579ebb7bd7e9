import type { INodePropertyOptions } from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness, type TestNode } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub node, Channel resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.owner });
    for (const channel of [
      { id: 'wa-main', type: 'whatsapp', name: 'WhatsApp' },
      { id: 'sms-main', type: 'sms', name: 'SMS' },
      { id: 'tg-main', type: 'telegram', name: 'Telegram' },
    ]) {
      expect((await hub.as('owner').post('/v1/channels', channel)).status).toBe(201);
    }
  });
  afterAll(() => hub.close());

  const channelNode = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'channel', ...parameters },
    ...extra,
  });
  const byPhone = (value: string) => ({ __rl: true, mode: 'phone', value });
  const states = async (ref: string): Promise<Record<string, string>> => {
    const { data } = await hub.as('owner').get(`/v1/contacts/${encodeURIComponent(ref)}/channels`);
    return Object.fromEntries((data.data as Array<{ channel: { id: string }; state: string }>).map((c) => [c.channel.id, c.state]));
  };

  it('Get Many for a Contact lists every workspace channel with the contact’s state, filtered by state', async () => {
    await hub.as('owner').post('/v1/contacts', { firstName: 'Paula', phone: '+447400200001' });
    const result = await n8n.runWorkflow({
      nodes: [
        { name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"phone": "+447400200001"}]' } },
        channelNode({ operation: 'getMany', contact: byPhone('={{ $json.phone }}') }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(result.error).toBeUndefined();
    const items = result.nodes['Contact Hub'].items;
    expect(items.map((i) => [(i.json.channel as { id: string }).id, i.json.state, i.json.identity])).toEqual([
      ['wa-main', 'inactive', null],
      ['sms-main', 'inactive', null],
      ['tg-main', 'unavailable', null],
    ]);
    for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });

    const unavailable = await n8n.runWorkflow({
      nodes: [channelNode({ operation: 'getMany', contact: byPhone('+447400200001'), states: ['unavailable'] })],
    });
    expect(unavailable.json('Contact Hub').map((c) => c.state)).toEqual(['unavailable']);
  });

  it('Connect sends the first message on an inactive channel, which becomes active', async () => {
    const contact = (await hub.as('owner').post('/v1/contacts', { firstName: 'Omar', phone: '+447400200002' })).data as { id: string };
    const result = await n8n.runWorkflow({
      nodes: [channelNode({ operation: 'connect', contact: byPhone('+447400200002'), channelId: 'sms-main', text: 'Hello from Acme by SMS' })],
    });
    expect(result.error).toBeUndefined();
    const [answer] = result.json('Contact Hub');
    expect(answer.connected).toBe(true);
    expect(answer.channel).toMatchObject({ id: 'sms-main', type: 'sms' });
    expect(answer.message).toMatchObject({ direction: 'outgoing', kind: 'proactive', text: 'Hello from Acme by SMS', channelId: 'sms-main' });
    expect((await states(`id:${contact.id}`))['sms-main']).toBe('active');
  });

  it('Connect on an unavailable channel is refused with the hub’s reason (an error, or an item with continueOnFail)', async () => {
    await hub.as('owner').post('/v1/contacts', { firstName: 'Ines', phone: '+447400200003' });
    const failed = await n8n.runWorkflow({
      nodes: [channelNode({ operation: 'connect', contact: byPhone('+447400200003'), channelId: 'tg-main', text: 'Hi' })],
    });
    expect(failed.status).toBe('error');
    const error = failed.nodes['Contact Hub'].error as { name?: string; httpCode?: string; message?: string } | undefined;
    expect(error?.name).toBe('NodeApiError');
    expect(error?.httpCode).toBe('422');
    expect(error?.message).toMatch(/Telegram/);

    const continued = await n8n.runWorkflow({
      nodes: [
        { name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"c": "tg-main"}, {"c": "wa-main"}]' } },
        channelNode({ operation: 'connect', contact: byPhone('+447400200003'), channelId: '={{ $json.c }}', text: 'Hi' }, { continueOnFail: true }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    const items = continued.nodes['Contact Hub'].items;
    expect(items[0].json).toMatchObject({ reason: 'no_usable_channel', code: 'rule_refused' });
    expect(items[0].pairedItem).toEqual({ item: 0 });
    expect(items[1].json).toMatchObject({ connected: true });
    expect(items[1].pairedItem).toEqual({ item: 1 });
  });

  it('Remove from Contact deletes the identity and keeps the messages (owners and managers only)', async () => {
    const contact = (await hub.as('owner').post('/v1/contacts', { firstName: 'Lena', phone: '+447400200004' })).data as { id: string };
    await hub.as('owner').post(`/v1/contacts/id:${contact.id}/messages`, { channelId: 'wa-main', kind: 'proactive', text: 'Welcome' });
    expect((await states(`id:${contact.id}`))['wa-main']).toBe('active');

    const agent = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
    const refused = await agent.runWorkflow({
      nodes: [channelNode({ operation: 'remove', contact: { __rl: true, mode: 'id', value: contact.id }, channelId: 'wa-main' })],
    });
    expect((refused.nodes['Contact Hub'].error as { httpCode?: string } | undefined)?.httpCode).toBe('403');

    const result = await n8n.runWorkflow({
      nodes: [channelNode({ operation: 'remove', contact: { __rl: true, mode: 'id', value: contact.id }, channelId: 'wa-main' })],
    });
    expect(result.error).toBeUndefined();
    const [answer] = result.json('Contact Hub');
    expect(answer.messagesKept).toBe(1);
    expect(answer.channel).toMatchObject({ state: 'inactive' });
    expect(answer.removedIdentity).toMatchObject({ address: '+447400200004' });
    expect((await states(`id:${contact.id}`))['wa-main']).toBe('inactive');
    const messages = (await hub.as('owner').get(`/v1/contacts/id:${contact.id}/messages`)).data.data as unknown[];
    expect(messages).toHaveLength(1);
  });

  it('load options list the workspace channels, with a default entry for Send', async () => {
    const options = (await n8n.callMethod(channelNode({ operation: 'connect' }), 'loadOptions', 'getChannels')) as Array<{ name: string; value: string }>;
    expect(options).toEqual([
      { name: 'WhatsApp (whatsapp)', value: 'wa-main', description: 'wa-main' },
      { name: 'SMS (sms)', value: 'sms-main', description: 'sms-main' },
      { name: 'Telegram (telegram)', value: 'tg-main', description: 'tg-main' },
    ]);
    const withDefault = (await n8n.callMethod(channelNode({ operation: 'connect' }), 'loadOptions', 'getChannelsWithDefault')) as Array<{ value: string }>;
    expect(withDefault.map((o) => o.value)).toEqual(['', 'wa-main', 'sms-main', 'tg-main']);
  });

  it('is offered in the node’s Resource list with every operation, each with an action an AI agent can pick', () => {
    const properties = new ContactHub().description.properties;
    const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
    expect(resources.map((o) => o.value)).toContain('channel');
    const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('channel'));
    const options = operation?.options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual(['connect', 'getMany', 'remove']);
    for (const o of options) expect(o.action && o.description).toBeTruthy();
  });
});
