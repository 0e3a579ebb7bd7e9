import axios from 'axios';
import { ECHO_WEBHOOK_TYPE, EchoWebhook } from '../support/n8n-echo-webhook-node';
import { chain, EMIT_ITEMS_TYPE, N8nHarness } from '../support/n8n-harness';
import { WebhookReceiver } from '../support/n8n-webhooks';

/** The harness's trigger plumbing, proven with a test trigger before the Contact Hub Trigger uses it. */
describe('n8n harness: webhook triggers over loopback', () => {
  let n8n: N8nHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    n8n = await N8nHarness.create({ hubUrl: 'http://127.0.0.1:9', apiKey: 'unused' });
    n8n.addNodeType(ECHO_WEBHOOK_TYPE, new EchoWebhook());
    receiver = await WebhookReceiver.start(n8n);
  });
  afterAll(() => receiver.close());

  it('activates, delivers to the workflow, refuses what the node refuses, and deactivates', async () => {
    const workflow = n8n.workflow(
      [
        { name: 'Echo', type: ECHO_WEBHOOK_TYPE, webhookId: 'b3f1c0de-0000-4000-8000-000000000001' },
        { name: 'After', type: EMIT_ITEMS_TYPE, parameters: { items: '[{"after": true}]' } },
      ],
      chain('Echo', 'After'),
    );
    expect(await receiver.callWebhookMethod(workflow, 'Echo', 'checkExists')).toBe(false);
    const [hook] = await receiver.activate(workflow, 'Echo');
    expect(hook.url).toBe(`${receiver.baseUrl}/b3f1c0de-0000-4000-8000-000000000001/echo`);
    expect(await receiver.callWebhookMethod(workflow, 'Echo', 'checkExists')).toBe(true);

    const ok = await axios.post(hook.url, { hello: 'world' }, { validateStatus: () => true });
    expect(ok.status).toBe(200);
    const refused = await axios.post(hook.url, { hello: 'no' }, { headers: { 'x-refuse': '1' }, validateStatus: () => true });
    expect(refused.status).toBe(401);
    const [first, second] = await receiver.waitForDeliveries(2);
    expect(first.execution?.status).toBe('success');
    expect(first.execution?.json('Echo')).toEqual([{ body: { hello: 'world' }, rawLength: 17 }]);
    expect(first.execution?.json('After')).toEqual([{ after: true }]);
    expect(second).toEqual({ status: 401 });

    await receiver.deactivate(workflow, 'Echo');
    expect(await receiver.callWebhookMethod(workflow, 'Echo', 'checkExists')).toBe(false);
    const gone = await axios.post(hook.url, {}, { validateStatus: () => true });
    expect(gone.status).toBe(404);
  });
});
