import type { DemoN8n } from './demo-n8n';
import type { EmbeddedHub } from './embedded-hub';
import type { ExampleWorkflow } from './example-files';
import type { SeededWorkspace } from './seed';

/** What a scenario gets: the hub, n8n's engine, the seeded workspace and its example workflow. */
export interface ScenarioContext {
  hub: EmbeddedHub;
  n8n: DemoN8n;
  seeded: SeededWorkspace;
  example: ExampleWorkflow;
  /** Writes one line of the demo's account. */
  log: (line: string) => void;
}

/**
 * One example workflow in the demo: how it is started (by hand, or activated and fed events
 * through the hub's API) and what the account says about its run. The numbers it answers are
 * what the demo's test checks.
 */
export interface Scenario {
  /** The example file it runs, in examples/. */
  file: string;
  run: (ctx: ScenarioContext) => Promise<Record<string, number>>;
}
