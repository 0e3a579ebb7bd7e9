import assert from 'node:assert/strict';
import { workflowOf, type StageContext } from '../support/context';
import type { ExecutionDetail } from '../support/n8n';

/** Runs an imported example as the editor's "Execute workflow" does and asserts it succeeded with no error item. */
async function runExample(ctx: StageContext, filePrefix: string, trigger: string): Promise<ExecutionDetail> {
  const wf = workflowOf(ctx, filePrefix);
  const executionId = await ctx.rest.runManually(wf.id, trigger);
  const run = await ctx.rest.finishedExecution(executionId, 240_000);
  assert.equal(run.status, 'success', `${wf.file}: execution ${executionId} ended ${run.status}: ${JSON.stringify(run.error)?.slice(0, 500)}`);
  for (const [node, outcome] of Object.entries(run.nodes)) {
    assert.equal(outcome.error, undefined, `${wf.file}: node "${node}" failed: ${JSON.stringify(outcome.error)?.slice(0, 500)}`);
    assert.deepEqual(
      outcome.errorItems.map((e) => e.error),
      [],
      `${wf.file}: node "${node}" output ${outcome.errorItems.length} error items`,
    );
  }
  return run;
}

const count = (run: ExecutionDetail, node: string): number => run.nodes[node]?.items.length ?? 0;

/** 01: the broadcast to the seeded VIP segment (seg_demo_vip), unedited. */
export async function checkBroadcastExample(ctx: StageContext): Promise<string> {
  const run = await runExample(ctx, '01-', 'Every Monday at 9:00');
  const selected = count(run, 'Get segment contacts');
  assert.ok(selected > 0, 'the VIP segment selected no contact');
  assert.equal(count(run, 'Send broadcast'), selected, 'not every selected contact got a message');
  for (const item of run.nodes['Send broadcast'].items) assert.equal((item.message as { kind?: string } | undefined)?.kind, 'proactive');
  return `${selected} VIP contacts selected, ${selected} proactive messages sent, 0 error items`;
}

/** 02: the CRM sync over its pinned records, unedited; the mapped loyaltyTier lands. */
export async function checkCrmSyncExample(ctx: StageContext): Promise<string> {
  const run = await runExample(ctx, '02-', 'Start sync');
  const out = run.nodes['Create or update by external code']?.items ?? [];
  assert.equal(out.length, 9);
  const tiers = out.filter((c) => typeof (c.customFields as Record<string, unknown> | undefined)?.loyaltyTier === 'string').length;
  assert.equal(tiers, 9, 'every synced contact has its loyaltyTier');
  const created = out.filter((c) => c.created === true).length;
  return `9 CRM records: ${created} created, ${9 - created} updated, loyaltyTier set on all, 0 error items`;
}

/** 03: the dedupe over the seeded duplicates (clusters of three and more), unedited; none left after. */
export async function checkDedupeExample(ctx: StageContext): Promise<string> {
  const before = await ctx.hub.api<{ data: unknown[] }>('GET', '/v1/contacts/duplicates?limit=500');
  assert.equal(before.status, 200);
  const run = await runExample(ctx, '03-', 'Start dedupe');
  const planned = run.nodes['Find duplicates']?.items ?? [];
  const clusters = new Set(planned.map((m) => m.cluster));
  const biggest = Math.max(0, ...planned.map((m) => (m.clusterContactIds as unknown[]).length));
  assert.ok(planned.length > 0, 'the seeded data has no duplicates to merge');
  assert.equal(count(run, 'Merge pair'), planned.length);
  const after = await ctx.hub.api<{ data: unknown[] }>('GET', '/v1/contacts/duplicates?limit=500');
  assert.equal(after.body.data.length, 0, `${after.body.data.length} merge suggestions are left`);
  return `${before.body.data.length} suggested pairs in ${clusters.size} clusters (largest ${biggest} contacts) → ${planned.length} merges, 0 error items, 0 suggestions left`;
}
