import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { workflowOf, type ImportedWorkflow, type StageContext } from '../support/context';
import type { ExecutionDetail, N8nRest } from '../support/n8n';
import { POSTGRES } from '../support/postgres';
import { waitFor } from '../support/processes';
import { deliverSigned } from '../support/signing';

interface HubWebhook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
}

/** The hub subscriptions an n8n workflow registered (their description names the workflow). */
export async function subscriptionsOf(ctx: StageContext, wf: ImportedWorkflow): Promise<HubWebhook[]> {
  const res = await ctx.hub.api<{ data: HubWebhook[] }>('GET', '/v1/webhooks?limit=200');
  assert.equal(res.status, 200);
  return res.body.data.filter((w) => w.description?.includes(`workflow "${wf.name}"`));
}

/** The trigger's stored subscription (webhook id and signing secret), from the workflow's static data. */
export async function triggerSecret(ctx: StageContext, rest: N8nRest, wf: ImportedWorkflow, triggerName: string): Promise<string> {
  const stored = await rest.workflow(wf.id);
  let staticData: unknown = stored.staticData;
  if (staticData === undefined || staticData === null) {
    // Not in this REST answer: read the row n8n saved.
    const c = new pg.Client({ ...POSTGRES, database: ctx.setup.db.name });
    await c.connect();
    try {
      staticData = (await c.query<{ s: unknown }>('select "staticData" as s from workflow_entity where id = $1', [wf.id])).rows[0]?.s;
    } finally {
      await c.end();
    }
  }
  const data = (typeof staticData === 'string' ? JSON.parse(staticData) : staticData) as Record<string, Record<string, unknown>> | null;
  const node = data?.[`node:${triggerName}`];
  const secret = node?.webhookSecret;
  assert.equal(typeof secret, 'string', `no stored webhook secret for "${triggerName}" in ${JSON.stringify(data)?.slice(0, 300)}`);
  return secret as string;
}

/** Waits for the workflow's execution count to reach `n` and for the newest to end; returns it. */
export async function awaitExecutions(rest: N8nRest, wf: ImportedWorkflow, n: number): Promise<ExecutionDetail> {
  const list = await waitFor(`${n} executions of "${wf.name}"`, async () => {
    const all = await rest.executions(wf.id);
    return all.length >= n ? all : undefined;
  }, 180_000, 500);
  assert.equal(list.length, n, `"${wf.name}" has ${list.length} executions, expected ${n}`);
  const newest = [...list].sort((a, b) => Number(b.id) - Number(a.id))[0];
  return await rest.finishedExecution(newest.id);
}

export function assertClean(run: ExecutionDetail, what: string): void {
  assert.equal(run.status, 'success', `${what}: execution ${run.id} ended ${run.status}: ${JSON.stringify(run.error)?.slice(0, 400)}`);
  for (const [node, outcome] of Object.entries(run.nodes)) {
    assert.equal(outcome.errorItems.length, 0, `${what}: node "${node}" output error items: ${JSON.stringify(outcome.errorItems).slice(0, 400)}`);
  }
}

export const ROUTING_TRIGGER = 'Incoming WhatsApp message';
const BLOCKING_TRIGGER = 'Contact tagged';

export interface TriggerOutcome {
  summary: string;
}

/**
 * The trigger in a real n8n (regular mode): activation registers the hub subscription for n8n's
 * webhook URL; a hub event starts one execution of example 04 with no error item; forged and
 * stale deliveries are refused (401) and start nothing; a redelivered event is answered 200 and
 * starts nothing; example 05 blocks a contact tagged spam; deactivation removes the subscriptions.
 */
export async function checkTriggerLifecycle(ctx: StageContext): Promise<string> {
  const routing = workflowOf(ctx, '04-');
  const blocking = workflowOf(ctx, '05-');
  const rest = ctx.rest;

  try {
    await rest.activate(routing.id);
    const [hook] = await waitFor('the subscription of example 04', async () => {
      const subs = await subscriptionsOf(ctx, routing);
      return subs.length === 1 ? subs : undefined;
    });
    const stored = await rest.workflow(routing.id);
    const webhookId = stored.nodes.find((n) => n.name === ROUTING_TRIGGER)?.webhookId;
    assert.equal(hook.url, `${ctx.main.url}/webhook/${String(webhookId)}/webhook`);
    assert.deepEqual(hook.events, ['message.received']);

    // A real event: an incoming WhatsApp text from a new number.
    const incoming = await ctx.hub.api<{ contact: { id: string } }>('POST', '/v1/channels/whatsapp/incoming', {
      providerMessageId: `wamid.e2e-${randomBytes(4).toString('hex')}`,
      from: { address: '447700900123', name: 'Edith Tooley', phone: '+447700900123' },
      text: 'Hi, my order arrived broken. Can you help?',
    });
    assert.equal(incoming.status, 201, JSON.stringify(incoming.body));
    const run = await awaitExecutions(rest, routing, 1);
    assertClean(run, 'example 04');
    const event = run.nodes[ROUTING_TRIGGER].items[0];
    assert.equal(event.type, 'message.received');
    assert.deepEqual((run.nodes['Tag by topic'].items[0].tags as string[]).includes('support'), true);
    assert.equal((run.nodes['Auto-reply'].items[0].message as { kind: string }).kind, 'reactive');

    const secret = await triggerSecret(ctx, rest, routing, ROUTING_TRIGGER);
    // Forged (another secret) and stale (signed six minutes ago): refused, nothing started.
    const forged = await deliverSigned(hook.url, { ...event, id: `evt_forged_${randomBytes(4).toString('hex')}` }, 'not-the-secret-of-this-subscription');
    const stale = await deliverSigned(hook.url, { ...event, id: `evt_stale_${randomBytes(4).toString('hex')}` }, secret, Math.floor(Date.now() / 1000) - 360);
    assert.equal(forged.status, 401, JSON.stringify(forged.body));
    assert.match(String(forged.body.message), /does not match/);
    assert.equal(stale.status, 401, JSON.stringify(stale.body));
    assert.match(String(stale.body.message), /5 minutes/);
    // Redelivered twice, freshly signed as a hub retry is: answered, nothing started.
    for (let i = 0; i < 2; i++) {
      const again = await deliverSigned(hook.url, event, secret);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, { received: true, eventId: event.id, started: false, reason: 'duplicate' });
    }
    assert.equal((await rest.executions(routing.id)).length, 1, 'a refused or redelivered event started an execution');

    // Example 05 on a real contact.tagged event: the tagged contact ends blocked.
    await rest.activate(blocking.id);
    await waitFor('the subscription of example 05', async () => (await subscriptionsOf(ctx, blocking)).length === 1);
    const tagged = await ctx.hub.api('POST', `/v1/contacts/id:${incoming.body.contact.id}/tags`, { tags: ['spam'] });
    assert.equal(tagged.status, 200, JSON.stringify(tagged.body));
    const blockRun = await awaitExecutions(rest, blocking, 1);
    assertClean(blockRun, 'example 05');
    assert.equal(blockRun.nodes[BLOCKING_TRIGGER].items[0].type, 'contact.tagged');
    const after = await ctx.hub.api<{ blocked: boolean }>('GET', `/v1/contacts/id:${incoming.body.contact.id}`);
    assert.equal(after.body.blocked, true, 'example 05 did not block the contact tagged spam');

    // Deactivation removes both subscriptions from the hub.
    await rest.deactivate(routing.id);
    await rest.deactivate(blocking.id);
    await waitFor('the subscriptions to be removed', async () => (await subscriptionsOf(ctx, routing)).length + (await subscriptionsOf(ctx, blocking)).length === 0);
    return 'subscription registered for n8n’s webhook URL; 1 execution per event (04 tagged + replied, 05 blocked); forged/stale → 401; redelivered twice → 200 duplicate, still 1 execution; deactivation removed both subscriptions';
  } finally {
    // Leave nothing active after a failure: the queue-mode check activates 04 again.
    await rest.ensureInactive(routing.id).catch(() => undefined);
    await rest.ensureInactive(blocking.id).catch(() => undefined);
  }
}
