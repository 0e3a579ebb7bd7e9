import type { StageHub } from './hub';
import type { N8nProcess, N8nRest, N8nSetup } from './n8n';

/** An imported example workflow: its file, its name and the id n8n gave it. */
export interface ImportedWorkflow {
  file: string;
  name: string;
  id: string;
}

/** What the checks share: the running hub and n8n, and the imported examples. */
export interface StageContext {
  repoRoot: string;
  workDir: string;
  artifactsDir: string;
  hub: StageHub;
  setup: N8nSetup;
  main: N8nProcess;
  rest: N8nRest;
  owner: { email: string; password: string };
  workflows: ImportedWorkflow[];
  log: (line: string) => void;
}

export function workflowOf(ctx: StageContext, filePrefix: string): ImportedWorkflow {
  const wf = ctx.workflows.find((w) => w.file.startsWith(filePrefix));
  if (!wf) throw new Error(`no imported workflow from examples/${filePrefix}*.json`);
  return wf;
}
