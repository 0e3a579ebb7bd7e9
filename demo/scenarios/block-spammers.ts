import type { IDataObject } from 'n8n-workflow';
import { summariseDelivery, type ExampleRun } from '../demo-n8n';
import { demoContact } from '../demo-data';
import { assertSucceeded, plural } from '../report';
import type { Scenario } from '../scenario';

const SWEEP = 'Unblocked contacts tagged spam';
const BLOCK = 'Block';

/** 05: activates the spam blocker, then an agent tags two contacts "spam" through the API. */
export const blockSpammers: Scenario = {
  file: '05-block-spammers.json',
  async run({ hub, n8n, seeded, example, log }) {
    const spammers = ['crypto', 'prize'].map((key) => ({ key, id: seeded.ids[key] }));
    const active = await n8n.activate(example);
    try {
      log('   Activated: "Contact tagged" subscribed to the hub\'s contact.tagged webhooks');
      await hub.client.bulkTagContacts({ action: 'add', tags: ['spam'], refs: spammers.map((s) => `id:${s.id}`) });
      log(`   Tagged ${plural(spammers.length, 'contact')} 'spam' through POST /v1/contacts/bulk/tags; waiting for the hub's webhook deliveries…`);
      await active.waitForDeliveries(spammers.length);
      const runs = active
        .deliveries()
        .map(summariseDelivery)
        .filter((r): r is ExampleRun => r !== null);
      for (const run of runs) assertSucceeded(example.name, run);
      for (const [i, run] of runs.entries()) {
        const event = run.items['Contact tagged']?.[0];
        const tagged = String((event?.contact as IDataObject | undefined)?.displayName ?? '?');
        const found = run.items[SWEEP] ?? [];
        const blocked = run.items[BLOCK] ?? [];
        log(
          `     run ${i + 1} (${tagged} tagged ${JSON.stringify(event?.tags ?? [])}): ${plural(found.length, 'unblocked spam contact')} found, ${blocked.length} blocked${found.length === 0 ? ' (the other run had blocked them already)' : ''}`,
        );
      }
      const blockedByRuns = new Set(runs.flatMap((r) => (r.items[BLOCK] ?? []).map((c: IDataObject) => String(c.id))));

      let blockedNow = 0;
      for (const spammer of spammers) {
        const contact = (await hub.client.getContact(`id:${spammer.id}`)) as unknown as IDataObject;
        if (contact.blocked === true) blockedNow += 1;
        log(`     ${String(contact.displayName)}: ${contact.blocked === true ? 'blocked' : 'NOT blocked'}, conversation ${String(contact.conversationStatus)}`);
      }
      // What blocking means from now on: their messages are hidden and start no workflows.
      const after = (await hub.client.recordIncoming('whatsapp', {
        providerMessageId: 'demo-spam-after-block',
        from: { address: demoContact('crypto').phone ?? '' },
        text: 'FREE BITCOIN!!! click here',
      })) as unknown as { message: { hidden: boolean } };
      log(`   Afterwards a WhatsApp message from Crypto Giveaway is ${after.message.hidden ? 'stored hidden and starts no workflow' : 'NOT hidden'}`);
      return { runs: runs.length, blockedByWorkflow: blockedByRuns.size, spammersBlocked: blockedNow, hiddenAfterBlock: after.message.hidden ? 1 : 0 };
    } finally {
      await active.deactivate();
      log('   Deactivated: the subscription was removed from the hub');
    }
  },
};
