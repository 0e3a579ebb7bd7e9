import type { INodePropertyOptions } from 'n8n-workflow';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { chain, CONTACT_HUB_TYPE, EMIT_ITEMS_TYPE, N8nHarness, type TestNode } from '../support/n8n-harness';
import { startTestHub, type TestHub } from '../support/test-hub';

describe('Contact Hub node, Message resource, in n8n’s engine', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.agent });
    for (const channel of [
      { id: 'wa', type: 'whatsapp', name: 'WhatsApp' },
      { id: 'mail', type: 'email', name: 'Support mailbox' },
    ]) {
      expect((await hub.as('owner').post('/v1/channels', channel)).status).toBe(201);
    }
  });
  afterAll(() => hub.close());

  const messageNode = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
    name: 'Contact Hub',
    type: CONTACT_HUB_TYPE,
    parameters: { resource: 'message', ...parameters },
    ...extra,
  });
  const start = (items: unknown[]): TestNode => ({ name: 'Start', type: EMIT_ITEMS_TYPE, parameters: { items: JSON.stringify(items) } });
  const byPhone = (value: string) => ({ __rl: true, mode: 'phone', value });

  it('Record Incoming stores a provider’s message, creating the contact; Get Many then shows it; a redelivery is stored once', async () => {
    // What a provider trigger (WhatsApp, Telegram, Twilio) hands on, mapped with expressions.
    const providerEvent = { from: '+447400300001', profile: { name: 'Maria Lopes' }, id: 'wamid.001', body: 'Hi, where is my order?' };
    const recordNode = messageNode({
      operation: 'recordIncoming',
      channelId: 'wa',
      senderAddress: '={{ $json.from }}',
      text: '={{ $json.body }}',
      additionalFields: { name: '={{ $json.profile.name }}', phone: '={{ $json.from }}', providerMessageId: '={{ $json.id }}' },
    });
    const result = await n8n.runWorkflow({ nodes: [start([providerEvent]), recordNode], connections: chain('Start', 'Contact Hub') });
    expect(result.error).toBeUndefined();
    const [answer] = result.json('Contact Hub');
    expect(answer).toMatchObject({ created: true, duplicate: false });
    expect(answer.contact).toMatchObject({ firstName: 'Maria', lastName: 'Lopes', phone: '+447400300001', lastInteractedChannelId: 'wa' });
    expect(answer.message).toMatchObject({ direction: 'incoming', text: 'Hi, where is my order?', providerMessageId: 'wamid.001' });

    const again = await n8n.runWorkflow({ nodes: [start([providerEvent]), recordNode], connections: chain('Start', 'Contact Hub') });
    expect(again.json('Contact Hub')[0]).toMatchObject({ created: false, duplicate: true });

    const listed = await n8n.runWorkflow({
      nodes: [messageNode({ operation: 'getMany', contact: byPhone('+447400300001'), returnAll: true })],
    });
    expect(listed.json('Contact Hub')).toEqual([answer.message]);
  });

  it('Send goes on the last interacted channel by default; Get Many pages newest first with Limit and filters', async () => {
    await hub.as('owner').post('/v1/channels/wa/incoming', { from: { address: '+447400300002', name: 'Tom Reed' }, text: 'Hello?' });
    const sent = await n8n.runWorkflow({
      nodes: [
        start([{ text: 'Thanks for writing, Tom' }, { text: 'We will call you' }]),
        messageNode({ operation: 'send', contact: byPhone('+447400300002'), kind: 'reactive', text: '={{ $json.text }}' }),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(sent.error).toBeUndefined();
    const items = sent.nodes['Contact Hub'].items;
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    for (const item of items) {
      expect(item.json.channel).toMatchObject({ id: 'wa' });
      expect(item.json.message).toMatchObject({ direction: 'outgoing', kind: 'reactive', channelId: 'wa' });
    }

    const image = await n8n.runWorkflow({
      nodes: [
        messageNode({
          operation: 'send',
          contact: byPhone('+447400300002'),
          channelId: 'wa',
          kind: 'reactive',
          messageType: 'image',
          text: 'Your invoice',
          payload: '{"url": "https://example.com/invoice.png"}',
        }),
      ],
    });
    expect(image.json('Contact Hub')[0].message).toMatchObject({ type: 'image', text: 'Your invoice', payload: { url: 'https://example.com/invoice.png' } });

    const latestTwo = await n8n.runWorkflow({
      nodes: [messageNode({ operation: 'getMany', contact: byPhone('+447400300002'), returnAll: false, limit: 2 })],
    });
    expect(latestTwo.json('Contact Hub').map((m) => m.text)).toEqual(['Your invoice', 'We will call you']);
    const incoming = await n8n.runWorkflow({
      nodes: [
        messageNode({ operation: 'getMany', contact: byPhone('+447400300002'), returnAll: true, messageFilters: { direction: 'incoming', channelId: 'wa' } }),
      ],
    });
    expect(incoming.json('Contact Hub').map((m) => m.text)).toEqual(['Hello?']);
  });

  it('a send to a blocked contact is refused with reason "blocked": a NodeApiError, or an item carrying the reason with continueOnFail', async () => {
    const contact = (await hub.as('owner').post('/v1/contacts', { firstName: 'Spam', phone: '+447400300003' })).data as { id: string };
    expect((await hub.as('owner').post(`/v1/contacts/id:${contact.id}/block`, {})).status).toBe(200);

    const failed = await n8n.runWorkflow({ nodes: [messageNode({ operation: 'send', contact: byPhone('+447400300003'), text: 'Big sale!' })] });
    expect(failed.status).toBe('error');
    const error = failed.nodes['Contact Hub'].error as { name?: string; httpCode?: string; message?: string; errorResponse?: { reason?: string } } | undefined;
    expect(error?.name).toBe('NodeApiError');
    expect(error?.httpCode).toBe('422');
    expect(error?.errorResponse?.reason).toBe('blocked');
    const direct = await hub.as('agent').post(`/v1/contacts/id:${contact.id}/messages`, { kind: 'proactive', text: 'Big sale!' });
    expect(error?.message).toBe(direct.data.error.message);

    // A broadcast over three contacts: the blocked one and an opted-out one come back with their reasons, the third is sent.
    const optedOut = (await hub.as('owner').post('/v1/contacts', { firstName: 'Quiet', phone: '+447400300004', proactive: false })).data as { id: string };
    const fine = (await hub.as('owner').post('/v1/contacts', { firstName: 'Fine', email: 'fine@example.com' })).data as { id: string };
    const broadcast = await n8n.runWorkflow({
      nodes: [
        start([{ id: contact.id }, { id: optedOut.id }, { id: fine.id }]),
        messageNode(
          { operation: 'send', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, kind: 'proactive', text: 'Big sale!' },
          { continueOnFail: true },
        ),
      ],
      connections: chain('Start', 'Contact Hub'),
    });
    expect(broadcast.status).toBe('success');
    const items = broadcast.nodes['Contact Hub'].items;
    expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(items[0].json).toMatchObject({ reason: 'blocked', code: 'rule_refused' });
    expect(typeof items[0].json.error).toBe('string');
    expect(items[1].json).toMatchObject({ reason: 'proactive_off' });
    expect(items[2].json).toMatchObject({ connected: true, channel: { id: 'mail' } });
  });

  it('a send the hub rejects as bad input names the field', async () => {
    await hub.as('owner').post('/v1/contacts', { firstName: 'Empty', phone: '+447400300005' });
    const result = await n8n.runWorkflow({ nodes: [messageNode({ operation: 'send', contact: byPhone('+447400300005'), text: '' })] });
    expect(result.status).toBe('error');
    const error = result.nodes['Contact Hub'].error as { httpCode?: string; message?: string } | undefined;
    expect(error?.httpCode).toBe('400');
    expect(error?.message).toMatch(/^text: /);
  });

  it('is offered in the node’s Resource list with every operation, each with an action an AI agent can pick', () => {
    const properties = new ContactHub().description.properties;
    const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
    expect(resources.map((o) => o.value)).toContain('message');
    const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('message'));
    const options = operation?.options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual(['getMany', 'recordIncoming', 'send']);
    for (const o of options) expect(o.action && o.description).toBeTruthy();
  });
});
