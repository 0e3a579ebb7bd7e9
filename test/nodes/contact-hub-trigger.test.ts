import { randomUUID } from 'node:crypto';
import axios, { type AxiosResponse } from 'axios';
import type { IDataObject, Workflow } from 'n8n-workflow';
import { ContactHubTrigger } from '../../nodes/ContactHubTrigger/ContactHubTrigger.node';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from '../../src/domain/webhook-signature';
import { chain, CONTACT_HUB_TRIGGER_TYPE, EMIT_ITEMS_TYPE, N8nHarness } from '../support/n8n-harness';
import { WebhookReceiver } from '../support/n8n-webhooks';
import { startTestHub, type TestHub } from '../support/test-hub';

/** Polls `probe` until it gives a value (not undefined/false) or the deadline passes. */
async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface HubWebhook {
  id: string;
  url: string;
  events: string[];
}

interface HubDelivery {
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
}

let seq = 0;
const unique = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(seq += 1)}`;

describe('Contact Hub Trigger against a real hub', () => {
  let hub: TestHub;
  let n8n: N8nHarness;
  let receiver: WebhookReceiver;
  let tgA: string;
  let tgB: string;

  const ALL = 'Contacts and Messages';
  const TEXTS = 'Telegram A Texts';
  let wfAll: Workflow;
  let wfTexts: Workflow;
  let urlAll: string;
  let urlTexts: string;

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    // Webhooks need an owner or manager key: the trigger's credential is the manager's.
    n8n = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.keys.manager });
    n8n.addNodeType(CONTACT_HUB_TRIGGER_TYPE, new ContactHubTrigger());
    receiver = await WebhookReceiver.start(n8n);
    const channel = async (name: string): Promise<string> => {
      const res = await hub.as('owner').post('/v1/channels', { type: 'telegram', name });
      expect(res.status).toBe(201);
      return (res.data as { id: string }).id;
    };
    tgA = await channel('Telegram A');
    tgB = await channel('Telegram B');
    wfAll = n8n.workflow(
      [
        {
          name: ALL,
          type: CONTACT_HUB_TRIGGER_TYPE,
          webhookId: randomUUID(),
          parameters: { events: ['contact.created', 'message.received'] },
        },
        { name: 'Next', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"next": true}]' } },
      ],
      chain(ALL, 'Next'),
    );
    wfTexts = n8n.workflow([
      {
        name: TEXTS,
        type: CONTACT_HUB_TRIGGER_TYPE,
        webhookId: randomUUID(),
        parameters: { events: ['message.received'], filters: { channelIds: [tgA], messageTypes: ['text'] } },
      },
    ]);
  });
  afterAll(async () => {
    await receiver.close();
    await hub.close();
  });

  const staticDataOf = (workflow: Workflow, nodeName: string): IDataObject => {
    const node = workflow.getNode(nodeName);
    if (!node) throw new Error(`no node ${nodeName}`);
    return workflow.getStaticData('node', node);
  };
  const secretOf = (workflow: Workflow, nodeName: string): string => String(staticDataOf(workflow, nodeName).webhookSecret);
  const webhookIdOf = (workflow: Workflow, nodeName: string): string => String(staticDataOf(workflow, nodeName).webhookId);

  /** The events that started a run of the given trigger node, in the order the runs ended. */
  const startedEvents = (nodeName: string): IDataObject[] =>
    receiver.deliveries.flatMap((d) => (d.execution?.nodes[nodeName] ? d.execution.json(nodeName) : []));
  const runsFor = (nodeName: string, eventId: string): number => startedEvents(nodeName).filter((e) => e.id === eventId).length;

  const hubWebhooks = async (): Promise<HubWebhook[]> => {
    const res = await hub.as('owner').get('/v1/webhooks');
    expect(res.status).toBe(200);
    return (res.data as { data: HubWebhook[] }).data;
  };
  const hubDeliveries = async (webhookId: string): Promise<HubDelivery[]> => {
    const res = await hub.as('owner').get(`/v1/webhooks/${webhookId}`, { params: { deliveries: 100 } });
    expect(res.status).toBe(200);
    return (res.data as { deliveries: HubDelivery[] }).deliveries;
  };

  /** POSTs a body as the hub would, signed with `secret` at `t` (unix seconds). */
  const deliver = (url: string, body: string, secret: string, t = Math.floor(Date.now() / 1000)): Promise<AxiosResponse> =>
    axios.post(url, body, {
      headers: {
        'content-type': 'application/json',
        [EVENT_ID_HEADER]: (JSON.parse(body) as { id: string }).id,
        [SIGNATURE_HEADER]: signatureHeader(secret, t, body),
      },
      transformRequest: [(data: unknown) => data],
      validateStatus: () => true,
    });
  const eventBody = (id: string): string =>
    JSON.stringify({ id, type: 'contact.created', occurredAt: new Date().toISOString(), workspaceId: 'ws_test', contact: null });

  /** Delivers a valid probe event and waits for its run: requests sent before it have been answered. */
  const probe = async (): Promise<void> => {
    const id = unique('evt_probe_');
    const res = await deliver(urlAll, eventBody(id), secretOf(wfAll, ALL));
    expect(res.status).toBe(200);
    await until(`the run of probe ${id}`, () => runsFor(ALL, id) === 1);
  };

  it('lists the workspace channels for the Channel filter', async () => {
    const options = (await n8n.callMethod({ name: 'T', type: CONTACT_HUB_TRIGGER_TYPE }, 'loadOptions', 'getChannels')) as IDataObject[];
    expect(options).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Telegram A (telegram)', value: tgA }),
        expect.objectContaining({ name: 'Telegram B (telegram)', value: tgB }),
      ]),
    );
  });

  it('activation registers a subscription on the hub (checkExists, then create)', async () => {
    expect(await receiver.callWebhookMethod(wfAll, ALL, 'checkExists')).toBe(false);
    [{ url: urlAll }] = await receiver.activate(wfAll, ALL);
    [{ url: urlTexts }] = await receiver.activate(wfTexts, TEXTS);
    expect(urlAll).not.toBe(urlTexts);

    const listed = await hubWebhooks();
    const all = listed.find((w) => w.url === urlAll);
    const texts = listed.find((w) => w.url === urlTexts);
    expect(all?.events).toEqual(['contact.created', 'message.received']);
    expect(texts?.events).toEqual(['message.received']);
    expect(all?.id).toBe(webhookIdOf(wfAll, ALL));
    // The node generated the secret and keeps it; the hub never shows it again.
    expect(secretOf(wfAll, ALL).length).toBeGreaterThanOrEqual(32);
    expect(secretOf(wfAll, ALL)).not.toBe(secretOf(wfTexts, TEXTS));

    expect(await receiver.callWebhookMethod(wfAll, ALL, 'checkExists')).toBe(true);
    expect(await receiver.callWebhookMethod(wfTexts, TEXTS, 'checkExists')).toBe(true);
  });

  it('a contact created through the hub API starts a run whose data is the contact.created event', async () => {
    const email = `${unique('ana')}@example.com`;
    const res = await hub.as('owner').post('/v1/contacts', { firstName: 'Ana', lastName: 'Lima', email });
    expect(res.status).toBe(201);
    const contactId = ((res.data as { contact?: { id: string } }).contact ?? (res.data as { id: string })).id;

    const event = await until('the contact.created run', () =>
      startedEvents(ALL).find((e) => e.type === 'contact.created' && (e.contact as IDataObject | null)?.id === contactId),
    );
    expect(event).toMatchObject({
      type: 'contact.created',
      workspaceId: expect.any(String),
      occurredAt: expect.any(String),
      contact: expect.objectContaining({ id: contactId, firstName: 'Ana', lastName: 'Lima', email }),
    });
    expect(typeof event.id).toBe('string');
    const delivery = receiver.deliveries.find((d) => d.execution?.nodes[ALL] && d.execution.json(ALL)[0].id === event.id);
    expect(delivery?.status).toBe(200);
    expect(delivery?.execution?.status).toBe('success');
    expect(delivery?.execution?.json('Next')).toEqual([{ next: true }]);
    // The Texts trigger subscribed to messages only: the hub sent it nothing for this contact.
    expect(startedEvents(TEXTS)).toEqual([]);
  });

  it('an incoming message starts Incoming Message runs, honouring the channel and message type filters', async () => {
    const record = async (channelId: string, body: IDataObject): Promise<string> => {
      const res = await hub.as('agent').post(`/v1/channels/${channelId}/incoming`, {
        providerMessageId: unique('tg-'),
        from: { address: unique('chat'), name: 'Bea Costa' },
        ...body,
      });
      expect(res.status).toBe(201);
      return (res.data as { message: { id: string } }).message.id;
    };
    const onA = await record(tgA, { text: 'hello from A' });
    const onB = await record(tgB, { text: 'hello from B' });
    const imageOnA = await record(tgA, { type: 'image', payload: { url: 'https://cdn.example.com/p.jpg' } });
    const messageIdOf = (e: IDataObject): unknown => (e.message as IDataObject | undefined)?.id;

    // The all-events trigger gets every message.
    await until('three message.received runs of the all-events trigger', () =>
      [onA, onB, imageOnA].every((id) => startedEvents(ALL).some((e) => e.type === 'message.received' && messageIdOf(e) === id)),
    );
    // The filtered trigger: the hub delivered all three (each acknowledged), only the text on A started a run.
    const textsHook = webhookIdOf(wfTexts, TEXTS);
    await until('the hub to deliver the three messages to the filtered trigger', async () => {
      const ds = await hubDeliveries(textsHook);
      return ds.length === 3 && ds.every((d) => d.eventType === 'message.received' && d.status === 'delivered');
    });
    const started = await until('the run of the text on channel A', () => {
      const events = startedEvents(TEXTS);
      return events.length > 0 ? events : undefined;
    });
    await probe();
    expect(startedEvents(TEXTS)).toHaveLength(1);
    expect(started[0]).toMatchObject({
      type: 'message.received',
      message: expect.objectContaining({ id: onA, channelId: tgA, type: 'text', text: 'hello from A', direction: 'incoming' }),
      contact: expect.objectContaining({ firstName: 'Bea', lastName: 'Costa' }),
    });
  });

  it('a forged signature, a tampered body, a missing header or a timestamp older than 5 minutes is answered 401 and starts nothing', async () => {
    const secret = secretOf(wfAll, ALL);
    const refusedBefore = receiver.deliveries.filter((d) => d.status === 401).length;
    const ids = [unique('evt_forged_'), unique('evt_tampered_'), unique('evt_unsigned_'), unique('evt_stale_')];

    const forged = await deliver(urlAll, eventBody(ids[0]), 'not-the-secret-of-this-hook');
    const signed = eventBody(ids[1]);
    const t = Math.floor(Date.now() / 1000);
    const tampered = await axios.post(urlAll, signed.replace('"contact":null', '"contact":{"id":"ct_x"}'), {
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(secret, t, signed) },
      transformRequest: [(data: unknown) => data],
      validateStatus: () => true,
    });
    const unsigned = await axios.post(urlAll, eventBody(ids[2]), {
      headers: { 'content-type': 'application/json' },
      transformRequest: [(data: unknown) => data],
      validateStatus: () => true,
    });
    // The right secret, but signed six minutes ago.
    const stale = await deliver(urlAll, eventBody(ids[3]), secret, t - 6 * 60);

    for (const res of [forged, tampered, unsigned, stale]) {
      expect(res.status).toBe(401);
      expect(typeof (res.data as { message?: unknown }).message).toBe('string');
    }
    expect((stale.data as { message: string }).message).toMatch(/5 minutes/);
    expect((forged.data as { message: string }).message).toMatch(/does not match/);

    await probe();
    const refused = receiver.deliveries.filter((d) => d.status === 401);
    expect(refused).toHaveLength(refusedBefore + 4);
    expect(refused.every((d) => d.execution === undefined)).toBe(true);
    for (const id of ids) expect(runsFor(ALL, id)).toBe(0);
  });

  it('a redelivered event id starts no second run', async () => {
    const secret = secretOf(wfAll, ALL);
    const id = unique('evt_twice_');
    const body = eventBody(id);
    const first = await deliver(urlAll, body, secret);
    expect(first.status).toBe(200);
    await until(`the run of ${id}`, () => runsFor(ALL, id) === 1);

    // The same event again, freshly signed (as a hub retry is), twice.
    const second = await deliver(urlAll, body, secret);
    const third = await deliver(urlAll, body, secret, Math.floor(Date.now() / 1000) - 60);
    for (const res of [second, third]) {
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ received: true, eventId: id, started: false, reason: 'duplicate' });
    }
    await probe();
    expect(runsFor(ALL, id)).toBe(1);

    // Events the hub delivered are remembered too: redelivering one starts nothing.
    const delivered = startedEvents(ALL).find((e) => e.type === 'contact.created' && e.workspaceId !== 'ws_test');
    if (!delivered) throw new Error('no hub-delivered event to redeliver');
    const again = await deliver(urlAll, JSON.stringify(delivered), secret);
    expect(again.data).toMatchObject({ started: false, reason: 'duplicate' });
    await probe();
    expect(runsFor(ALL, String(delivered.id))).toBe(1);
  });

  it('claims each event at the hub: the claim is there after the run, and a claim made elsewhere first starts nothing', async () => {
    const secret = secretOf(wfAll, ALL);
    const webhookId = webhookIdOf(wfAll, ALL);
    const id = unique('evt_claimed_');
    expect((await deliver(urlAll, eventBody(id), secret)).status).toBe(200);
    await until(`the run of ${id}`, () => runsFor(ALL, id) === 1);
    const again = await hub.as('manager').post(`/v1/webhooks/${webhookId}/claims`, { eventId: id });
    expect(again.data).toMatchObject({ eventId: id, claimed: false });

    // Another n8n process (a queue-mode webhook process) claimed this one first.
    const elsewhere = unique('evt_elsewhere_');
    expect((await hub.as('manager').post(`/v1/webhooks/${webhookId}/claims`, { eventId: elsewhere })).data.claimed).toBe(true);
    const res = await deliver(urlAll, eventBody(elsewhere), secret);
    expect(res.data).toEqual({ received: true, eventId: elsewhere, started: false, reason: 'duplicate' });
    await probe();
    expect(runsFor(ALL, elsewhere)).toBe(0);
  });

  it('refuses with 503 when the hub cannot be reached to claim (the hub redelivers later), and starts it once when it can', async () => {
    const secret = secretOf(wfAll, ALL);
    const id = unique('evt_unreachable_');
    await n8n.useHubCredentials({ baseUrl: 'http://127.0.0.1:9', apiKey: hub.keys.manager });
    let refused: AxiosResponse;
    try {
      refused = await deliver(urlAll, eventBody(id), secret);
    } finally {
      await n8n.useHubCredentials({ baseUrl: hub.url, apiKey: hub.keys.manager });
    }
    expect(refused.status).toBe(503);
    expect((refused.data as { message: string }).message).toMatch(/Could not claim event .* it was not started/);
    await probe();
    expect(runsFor(ALL, id)).toBe(0);
    // The hub's retry, once it is reachable again, starts the workflow.
    expect((await deliver(urlAll, eventBody(id), secret)).status).toBe(200);
    await until(`the run of ${id}`, () => runsFor(ALL, id) === 1);
  });

  it('checkExists notices a changed event choice, and create replaces the old subscription', async () => {
    const node = wfTexts.getNode(TEXTS);
    if (!node) throw new Error('no node');
    const before = webhookIdOf(wfTexts, TEXTS);
    node.parameters.events = ['message.received', 'message.sent'];
    expect(await receiver.callWebhookMethod(wfTexts, TEXTS, 'checkExists')).toBe(false);
    expect(await receiver.callWebhookMethod(wfTexts, TEXTS, 'create')).toBe(true);
    const after = webhookIdOf(wfTexts, TEXTS);
    expect(after).not.toBe(before);
    const listed = await hubWebhooks();
    expect(listed.map((w) => w.id)).not.toContain(before);
    expect(listed.find((w) => w.id === after)).toMatchObject({ url: urlTexts, events: ['message.received', 'message.sent'] });
    expect(await receiver.callWebhookMethod(wfTexts, TEXTS, 'checkExists')).toBe(true);
  });

  it('deactivation removes the subscription; one already gone from the hub counts as removed', async () => {
    const allHook = webhookIdOf(wfAll, ALL);
    await receiver.deactivate(wfAll, ALL);
    expect((await hubWebhooks()).map((w) => w.id)).not.toContain(allHook);
    expect(staticDataOf(wfAll, ALL).webhookId).toBeUndefined();
    expect(staticDataOf(wfAll, ALL).webhookSecret).toBeUndefined();
    expect(await receiver.callWebhookMethod(wfAll, ALL, 'checkExists')).toBe(false);

    // Someone deleted the other subscription on the hub: deactivation still succeeds (the 404 counts as deleted).
    const textsHook = webhookIdOf(wfTexts, TEXTS);
    expect((await hub.as('owner').delete(`/v1/webhooks/${textsHook}`)).status).toBe(200);
    await receiver.deactivate(wfTexts, TEXTS);
    expect(staticDataOf(wfTexts, TEXTS).webhookId).toBeUndefined();
    expect(await hubWebhooks()).toEqual([]);

    // checkExists also notices a subscription deleted on the hub, and forgets it.
    await receiver.activate(wfTexts, TEXTS);
    const again = webhookIdOf(wfTexts, TEXTS);
    expect((await hub.as('owner').delete(`/v1/webhooks/${again}`)).status).toBe(200);
    expect(await receiver.callWebhookMethod(wfTexts, TEXTS, 'checkExists')).toBe(false);
    expect(staticDataOf(wfTexts, TEXTS).webhookId).toBeUndefined();
    await receiver.deactivate(wfTexts, TEXTS);
  });
});
