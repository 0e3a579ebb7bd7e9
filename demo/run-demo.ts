import { DemoN8n } from './demo-n8n';
import { startEmbeddedHub, type EmbeddedHub } from './embedded-hub';
import { readExamples, type ExampleWorkflow } from './example-files';
import { COUNT_LABELS, countHub, type HubCounts } from './hub-counts';
import { plural, wrap } from './report';
import type { Scenario } from './scenario';
import { blockSpammers } from './scenarios/block-spammers';
import { broadcast } from './scenarios/broadcast';
import { crmSync } from './scenarios/crm-sync';
import { dedupe } from './scenarios/dedupe';
import { routing } from './scenarios/routing';
import { seedWorkspace, type SeededWorkspace } from './seed';

/** The example workflows in the order the demo runs them. */
export const SCENARIOS: readonly Scenario[] = [broadcast, crmSync, dedupe, routing, blockSpammers];

export interface ExampleOutcome {
  file: string;
  name: string;
  /** The numbers the account reports (sent, refused_proactive_off, created, merged, …). */
  counts: Record<string, number>;
  ms: number;
}

export interface DemoReport {
  hubUrl: string;
  seeded: SeededWorkspace;
  before: HubCounts;
  after: HubCounts;
  examples: ExampleOutcome[];
  ms: number;
}

export interface DemoOptions {
  /** Where the account goes, line by line (default: nowhere). */
  log?: (line: string) => void;
}

/** Pairs each scenario with its example file; every example must be part of the demo. */
function examplesInOrder(): Array<{ scenario: Scenario; example: ExampleWorkflow }> {
  const examples = readExamples();
  const unused = examples.filter((e) => !SCENARIOS.some((s) => s.file === e.file));
  if (unused.length > 0) throw new Error(`examples/ holds workflows the demo does not run: ${unused.map((e) => e.file).join(', ')}`);
  return SCENARIOS.map((scenario) => {
    const example = examples.find((e) => e.file === scenario.file);
    if (!example) throw new Error(`examples/${scenario.file} is missing`);
    return { scenario, example };
  });
}

/**
 * Starts an embedded Contact Hub, seeds a demo workspace through its API, runs every workflow of
 * examples/ through n8n's engine with this package's nodes, and tells what happened.
 */
export async function runDemo(opts: DemoOptions = {}): Promise<DemoReport> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const plan = examplesInOrder();
  log("Contact Hub demo: the workflows in examples/ run by n8n's workflow engine (n8n-core WorkflowExecute)");
  log("with this package's Contact Hub nodes, against a Contact Hub started here.");
  log("Note: n8n's Manual and Schedule Trigger nodes (n8n-nodes-base) are not installed with this package, so the");
  log('demo stands in for them and starts those workflows by hand, with their pinned data. Contact Hub Trigger');
  log("workflows are activated and started by the hub's real, signed webhook deliveries.");
  log('');

  let hub: EmbeddedHub | null = null;
  let n8n: DemoN8n | null = null;
  try {
    const booting = Date.now();
    hub = await startEmbeddedHub();
    log(`Hub: ${hub.url} (PGlite in memory, started in ${((Date.now() - booting) / 1000).toFixed(1)} s), workspace "${hub.workspace}", an owner API key`);
    const seeded = await seedWorkspace(hub.client);
    log(
      `Seeded through the API: ${plural(seeded.channels, 'channel')} (WhatsApp, SMS, e-mail), ${plural(seeded.contacts, 'contact')}, segment "${seeded.segment.name}", 1 blocked contact`,
    );
    const before = await countHub(hub.client);
    n8n = await DemoN8n.start({ url: hub.url, apiKey: hub.apiKey }, plan.map((p) => p.example));

    const examples: ExampleOutcome[] = [];
    for (const [i, { scenario, example }] of plan.entries()) {
      const t0 = Date.now();
      log('');
      log(`${i + 1}. ${example.name}   (examples/${example.file})`);
      for (const line of wrap(example.description, '   ')) log(line);
      const counts = await scenario.run({ hub, n8n, seeded, example, log });
      examples.push({ file: example.file, name: example.name, counts, ms: Date.now() - t0 });
    }

    const after = await countHub(hub.client);
    log('');
    log('The hub before → after the workflows:');
    for (const key of Object.keys(COUNT_LABELS) as Array<keyof HubCounts>) {
      log(`   ${COUNT_LABELS[key].padEnd(26)} ${String(before[key]).padStart(3)} → ${after[key]}`);
    }
    const ms = Date.now() - started;
    log('');
    log(`Done in ${(ms / 1000).toFixed(1)} s: ${plural(examples.length, 'example workflow')} ran through n8n's engine.`);
    return { hubUrl: hub.url, seeded, before, after, examples, ms };
  } finally {
    await n8n?.close();
    await hub?.close();
  }
}

if (require.main === module) {
  runDemo({ log: (line) => console.log(line) }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('');
      console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error && error.stack) console.error(error.stack.split('\n').slice(1, 6).join('\n'));
      process.exit(1);
    },
  );
}
