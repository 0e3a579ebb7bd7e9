import { assertSucceeded, isErrorItem, nameOf, pairedSource, plural, tally } from '../report';
import type { Scenario } from '../scenario';

const SELECT = 'Get segment contacts';
const SEND = 'Send broadcast';

/** 01: the scheduled broadcast to the VIP segment, fired once by hand. */
export const broadcast: Scenario = {
  file: '01-scheduled-broadcast-to-segment.json',
  async run({ hub, n8n, seeded, example, log }) {
    const { segment } = seeded;
    log(`   Segment chosen in "${SELECT}" (as you would after importing): "${segment.name}" (${segment.id})`);
    const run = await n8n.runByHand(example, { [SELECT]: { segmentId: segment.id } });
    assertSucceeded(example.name, run);

    const selected = run.items[SELECT] ?? [];
    const withBlocked = (await hub.client.countContacts({ segmentId: segment.id, includeBlocked: true })) as unknown as { count: number };
    const leftOut = withBlocked.count - selected.length;
    log(`   ${SELECT}: ${plural(selected.length, 'contact')} in "${segment.name}"; the hub left ${plural(leftOut, 'blocked contact')} out`);

    const outputs = run.nodes[SEND] ?? [];
    const sent = outputs.filter((i) => !isErrorItem(i.json));
    const refused = outputs.filter((i) => isErrorItem(i.json));
    const channels = sent.map((i) => String((i.json.channel as { type?: string } | undefined)?.type ?? '?'));
    const reasons = refused.map((i) => String(i.json.reason ?? 'error'));
    const connected = sent.filter((i) => i.json.connected === true).length;
    log(`   ${SEND}: ${sent.length} sent (${tally(channels)}; ${connected} first messages connected the channel), ${refused.length} refused${refused.length ? ` (${tally(reasons)})` : ''}`);
    for (const item of refused) {
      log(`     refused: ${nameOf(pairedSource(run, SELECT, item))}: ${String(item.json.reason ?? '')} (${String(item.json.error)})`);
    }
    const counts: Record<string, number> = { selected: selected.length, leftOutBlocked: leftOut, sent: sent.length, refused: refused.length };
    for (const reason of reasons) counts[`refused_${reason}`] = (counts[`refused_${reason}`] ?? 0) + 1;
    return counts;
  },
};
