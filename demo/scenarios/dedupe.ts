import type { IDataObject } from 'n8n-workflow';
import { assertSucceeded, isErrorItem, nameOf, pairedSource } from '../report';
import type { Scenario } from '../scenario';

const FIND = 'Find duplicates';
const MERGE = 'Merge pair';

const REASON_NAMES: Record<string, string> = {
  phone: 'phone',
  email: 'e-mail',
  externalCode: 'external code',
  nameAndCountry: 'name and country',
};

/** `same name and country "ana souza / BR"` for the reasons of a merge suggestion. */
function reasonText(reasons: unknown): string {
  if (!Array.isArray(reasons)) return '';
  return reasons.map((r: IDataObject) => `same ${REASON_NAMES[String(r.kind)] ?? String(r.kind)} "${String(r.value)}"`).join(', ');
}

/** 03: finds the hub's merge suggestions, grouped into clusters, and merges each cluster into its oldest contact. */
export const dedupe: Scenario = {
  file: '03-dedupe-merge-suggestions.json',
  async run({ n8n, example, log }) {
    const run = await n8n.runByHand(example);
    assertSucceeded(example.name, run);
    const merges = run.items[FIND] ?? [];
    const clusters = new Set(merges.map((m) => m.cluster)).size;
    log(`   ${FIND}: ${merges.length} merges planned in ${clusters} clusters of duplicates`);
    const outputs = run.nodes[MERGE] ?? [];
    let merged = 0;
    for (const item of outputs) {
      const planned = pairedSource(run, FIND, item);
      const who = `${nameOf(planned?.secondary as IDataObject | undefined)} into ${nameOf(planned?.primary as IDataObject | undefined)} (${reasonText(planned?.reasons)})`;
      if (isErrorItem(item.json)) {
        log(`     not merged: ${who}: ${String(item.json.error)}`);
        continue;
      }
      merged += 1;
      const survivor = item.json.contact as IDataObject | undefined;
      const tags = Array.isArray(survivor?.tags) ? (survivor.tags as string[]).join(', ') : '';
      const kept = [survivor?.phone, survivor?.email, survivor?.externalCode ? `external code ${String(survivor.externalCode)}` : null, tags ? `tags ${tags}` : null]
        .filter((v) => typeof v === 'string' && v !== '')
        .join(', ');
      log(`     merged: ${who} → ${nameOf(survivor)} (${String(survivor?.id)}): ${kept}`);
    }
    log(`   ${MERGE}: ${merged} merged, ${outputs.length - merged} not merged; each merge can be undone (Contact → Unmerge)`);
    return { suggestions: merges.length, merged, notMerged: outputs.length - merged };
  },
};
