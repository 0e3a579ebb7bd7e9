import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { workflowOf, type StageContext } from '../support/context';
import type { N8nProcess, N8nRest } from '../support/n8n';
import { waitFor } from '../support/processes';
import { deliverSigned } from '../support/signing';
import { assertClean, awaitExecutions, ROUTING_TRIGGER, subscriptionsOf, triggerSecret } from './trigger.check';

export interface QueueProcesses {
  main: N8nProcess;
  webhook: N8nProcess;
  worker: N8nProcess;
  rest: N8nRest;
}

/**
 * Exactly one execution per event with n8n in queue mode (a main, a worker and a webhook
 * process over Redis): the hub's delivery goes to the webhook process and runs on the worker;
 * redelivering it to the webhook process and to the main at once starts nothing; a new event
 * delivered to both at once starts exactly one execution. Asserted on n8n's executions list.
 */
export async function checkQueueModeRedelivery(ctx: StageContext, q: QueueProcesses): Promise<string> {
  const routing = workflowOf(ctx, '04-');
  const before = (await q.rest.executions(routing.id)).length;
  await q.rest.ensureInactive(routing.id);
  await q.rest.activate(routing.id);
  const [hook] = await waitFor('the queue-mode subscription of example 04', async () => {
    const subs = await subscriptionsOf(ctx, routing);
    return subs.length === 1 ? subs : undefined;
  });
  assert.ok(hook.url.startsWith(`${q.webhook.url}/webhook/`), `the subscription points at ${hook.url}, not the webhook process ${q.webhook.url}`);

  const incoming = await ctx.hub.api('POST', '/v1/channels/whatsapp/incoming', {
    providerMessageId: `wamid.e2e-queue-${randomBytes(4).toString('hex')}`,
    from: { address: '447700900456', name: 'Quentin Hale', phone: '+447700900456' },
    text: 'What are your opening hours?',
  });
  assert.equal(incoming.status, 201, JSON.stringify(incoming.body));
  const run = await awaitExecutions(q.rest, routing, before + 1);
  assertClean(run, 'example 04 in queue mode');
  const event = run.nodes[ROUTING_TRIGGER].items[0];
  const secret = await triggerSecret(ctx, q.rest, routing, ROUTING_TRIGGER);
  const onMain = hook.url.replace(q.webhook.url, q.main.url);

  // The hub's event redelivered to both processes at once, twice: every answer says duplicate.
  for (let i = 0; i < 2; i++) {
    const answers = await Promise.all([deliverSigned(hook.url, event, secret), deliverSigned(onMain, event, secret)]);
    for (const a of answers) assert.deepEqual(a.body, { received: true, eventId: event.id, started: false, reason: 'duplicate' }, JSON.stringify(a));
  }
  // A new event delivered to both processes at once: one starts it, the other answers duplicate.
  const fresh = { ...event, id: `evt_e2e_${randomBytes(6).toString('hex')}` };
  const both = await Promise.all([deliverSigned(hook.url, fresh, secret), deliverSigned(onMain, fresh, secret)]);
  assert.deepEqual(both.map((a) => a.status), [200, 200], JSON.stringify(both));
  const duplicates = both.filter((a) => a.body.reason === 'duplicate').length;
  assert.equal(duplicates, 1, `expected one duplicate answer of two: ${JSON.stringify(both)}`);
  const second = await awaitExecutions(q.rest, routing, before + 2);
  assertClean(second, 'the new event in queue mode');
  assert.equal(second.nodes[ROUTING_TRIGGER].items[0].id, fresh.id);
  // Once every delivery was answered, still exactly two executions: one per event.
  assert.equal((await q.rest.executions(routing.id)).length, before + 2);

  await q.rest.deactivate(routing.id);
  await waitFor('the queue-mode subscription to be removed', async () => (await subscriptionsOf(ctx, routing)).length === 0);
  return `hub delivery → webhook process → worker: 1 execution; redelivered 2× to webhook + main at once → 4 duplicates; a new event sent to both at once → 1 started, 1 duplicate; ${2} executions for 2 events`;
}
