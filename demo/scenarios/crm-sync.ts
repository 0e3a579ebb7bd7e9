import type { IDataObject } from 'n8n-workflow';
import { assertSucceeded, isErrorItem, pairedSource, plural } from '../report';
import type { Scenario } from '../scenario';

const START = 'Start sync';
const UPSERT = 'Create or update by external code';

/** 02: the CRM sync over the workflow's pinned CRM records, run twice to show it is repeatable. */
export const crmSync: Scenario = {
  file: '02-crm-sync-by-external-code.json',
  async run({ n8n, example, log }) {
    const records = example.pinData[START]?.length ?? 0;
    log(`   ${START}: ${plural(records, 'CRM record')} (the workflow's pinned data)`);
    const run = await n8n.runByHand(example);
    assertSucceeded(example.name, run);
    const outputs = run.nodes[UPSERT] ?? [];
    const created = outputs.filter((i) => !isErrorItem(i.json) && i.json.created === true);
    const updated = outputs.filter((i) => !isErrorItem(i.json) && i.json.created === false);
    const rejected = outputs.filter((i) => isErrorItem(i.json));
    const codes = (list: typeof outputs) => list.map((i) => String(i.json.externalCode)).join(', ');
    log(`   ${UPSERT}: ${created.length} created (${codes(created)}), ${updated.length} updated (${codes(updated)}), ${rejected.length} rejected`);
    for (const item of rejected) {
      const record = pairedSource(run, START, item);
      log(`     rejected ${String(record?.crmId ?? '?')}: ${String(item.json.error)}`);
    }
    // The custom field mapped from the record (a list field, checked by the hub against its options).
    const withTier = outputs.filter((i) => {
      const record = pairedSource(run, START, i);
      return !isErrorItem(i.json) && (i.json.customFields as IDataObject | undefined)?.loyaltyTier === record?.tier;
    }).length;
    const sample = updated[0]?.json;
    if (sample) {
      log(
        `     e.g. ${String(sample.externalCode)} now: ${String(sample.displayName)}, ${String(sample.email)}, tags ${(sample.tags as string[]).join(', ')}, tier ${String((sample.customFields as IDataObject | undefined)?.loyaltyTier)}`,
      );
    }

    const again = await n8n.runByHand(example);
    assertSucceeded(example.name, again);
    const second = again.nodes[UPSERT] ?? [];
    const createdAgain = second.filter((i) => !isErrorItem(i.json) && i.json.created === true).length;
    const updatedAgain = second.filter((i) => !isErrorItem(i.json) && i.json.created === false).length;
    const rejectedAgain = second.filter((i) => isErrorItem(i.json)).length;
    log(`   Run again: ${createdAgain} created, ${updatedAgain} updated, ${rejectedAgain} rejected (matched by external code: nothing is duplicated)`);
    return {
      records,
      created: created.length,
      updated: updated.length,
      rejected: rejected.length,
      withTier,
      createdOnSecondRun: createdAgain,
      updatedOnSecondRun: updatedAgain,
    };
  },
};
