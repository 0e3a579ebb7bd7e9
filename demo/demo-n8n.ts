import { randomUUID } from 'node:crypto';
import { WorkflowExecute } from 'n8n-core';
import {
  createRunExecutionData,
  Workflow,
  type IDataObject,
  type INode,
  type INodeExecutionData,
  type INodeParameters,
  type IRun,
  type IWorkflowBase,
  type WorkflowExecuteMode,
} from 'n8n-workflow';
import { ContactHubTrigger } from '../nodes/ContactHubTrigger/ContactHubTrigger.node';
import { createAdditionalData, createHooks } from '../test/support/n8n-additional-data';
import { CONTACT_HUB_TRIGGER_TYPE, N8nHarness } from '../test/support/n8n-harness';
import { WebhookReceiver, type Delivery } from '../test/support/n8n-webhooks';
import { startNodes, type ExampleWorkflow } from './example-files';
import { MANUAL_TRIGGER_TYPE, ManualTriggerStandIn, SCHEDULE_TRIGGER_TYPE, ScheduleTriggerStandIn } from './standard-triggers';

/** Parameter values the demo sets on a node after import, as a user picks them in the editor. */
export type Bindings = Record<string, INodeParameters>;

/** What one node did in a run: the JSON of its first output's items (error items included). */
export interface ExampleRun {
  run: IRun;
  status: IRun['status'];
  /** The JSON of each node's first-output items, by node name; a node that did not run is missing. */
  items: Record<string, IDataObject[]>;
  /** The same items whole (with pairedItem), by node name. */
  nodes: Record<string, INodeExecutionData[]>;
  /** The message of the error that ended the run, if one did. */
  error: string | null;
}

/** An activated trigger workflow: the real hub delivers signed events to it. */
export interface ActiveExample {
  workflow: Workflow;
  /** Waits (bounded) until `count` deliveries reached it since activation. */
  waitForDeliveries: (count: number, timeoutMs?: number) => Promise<Delivery[]>;
  /** Deliveries so far since activation. */
  deliveries: () => Delivery[];
  deactivate: () => Promise<void>;
}

function summarise(run: IRun): ExampleRun {
  const items: Record<string, IDataObject[]> = {};
  const nodes: Record<string, INodeExecutionData[]> = {};
  for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
    nodes[name] = tasks[0]?.data?.main?.[0] ?? [];
    items[name] = nodes[name].map((i) => i.json);
  }
  const error = run.data.resultData.error;
  return { run, status: run.status, items, nodes, error: error ? error.message : null };
}

/** Turns the workflow data of a webhook-started run into the same summary. */
export function summariseDelivery(delivery: Delivery): ExampleRun | null {
  return delivery.execution ? summarise(delivery.execution.run) : null;
}

/**
 * n8n's engine, set up for the examples: the test harness's WorkflowExecute wiring with this
 * package's real Contact Hub and Contact Hub Trigger nodes, stand-ins for n8n's Manual and
 * Schedule Triggers, a `contactHubApi` credential for every credential id the examples name,
 * and a webhook receiver on loopback that plays n8n's webhook server for trigger nodes.
 */
export class DemoN8n {
  private constructor(
    readonly harness: N8nHarness,
    readonly receiver: WebhookReceiver,
  ) {}

  static async start(hub: { url: string; apiKey: string }, examples: ExampleWorkflow[]): Promise<DemoN8n> {
    const harness = await N8nHarness.create({ hubUrl: hub.url, apiKey: hub.apiKey });
    harness
      .addNodeType(CONTACT_HUB_TRIGGER_TYPE, new ContactHubTrigger())
      .addNodeType(MANUAL_TRIGGER_TYPE, new ManualTriggerStandIn())
      .addNodeType(SCHEDULE_TRIGGER_TYPE, new ScheduleTriggerStandIn());
    const ids = new Set(examples.flatMap((e) => e.nodes.map((n) => n.credentials?.contactHubApi?.id).filter((id): id is string => !!id)));
    for (const id of ids) harness.credentialsHelper.set('contactHubApi', { baseUrl: hub.url, apiKey: hub.apiKey }, id);
    const receiver = await WebhookReceiver.start(harness);
    return new DemoN8n(harness, receiver);
  }

  async close(): Promise<void> {
    await this.receiver.close();
  }

  /** The n8n Workflow of an example, as n8n builds it on import, with the given parameter bindings. */
  workflow(example: ExampleWorkflow, bindings: Bindings = {}): Workflow {
    const nodes: INode[] = example.nodes.map((node) => {
      const copy = structuredClone(node);
      const bound = bindings[node.name];
      if (bound) copy.parameters = { ...copy.parameters, ...bound };
      return copy;
    });
    for (const name of Object.keys(bindings)) {
      if (!nodes.some((n) => n.name === name)) throw new Error(`${example.file} has no node "${name}" to bind`);
    }
    return new Workflow({
      id: `demo-${randomUUID()}`,
      name: example.name,
      nodes,
      connections: example.connections,
      active: false,
      nodeTypes: this.harness.nodeTypes,
      settings: example.settings,
      pinData: example.pinData,
    });
  }

  /**
   * Runs a workflow that starts with a Manual or Schedule Trigger, as clicking "Execute
   * workflow" does: from its trigger node, with the workflow's pinned data in place of the
   * output of the nodes it pins.
   */
  async runByHand(example: ExampleWorkflow, bindings: Bindings = {}): Promise<ExampleRun> {
    const workflow = this.workflow(example, bindings);
    const [first, ...more] = startNodes(example);
    if (!first || more.length > 0) throw new Error(`${example.file} must have exactly one start node`);
    const start = workflow.getNode(first.name) as INode;
    const mode: WorkflowExecuteMode = start.type === SCHEDULE_TRIGGER_TYPE ? 'trigger' : 'manual';
    const executionId = randomUUID();
    const workflowData: IWorkflowBase = {
      id: workflow.id,
      name: example.name,
      active: false,
      isArchived: false,
      activeVersionId: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      nodes: Object.values(workflow.nodes),
      connections: workflow.connectionsBySourceNode,
    };
    const hooks = createHooks(mode, executionId, workflowData);
    let finished: IRun | undefined;
    hooks.addHandler('workflowExecuteAfter', (run) => {
      finished = run;
    });
    const additionalData = createAdditionalData({
      credentialsHelper: this.harness.credentialsHelper,
      hooks,
      executionId,
      webhookBaseUrl: this.receiver.baseUrl,
    });
    const runExecutionData = createRunExecutionData({
      resultData: { runData: {}, pinData: example.pinData },
      executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] },
    });
    const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
    return summarise(finished ?? run);
  }

  /**
   * Activates a workflow that starts with a Contact Hub Trigger, as n8n does when it is switched
   * active: the node subscribes to the hub's webhooks, and each signed delivery starts a run.
   */
  async activate(example: ExampleWorkflow, bindings: Bindings = {}): Promise<ActiveExample> {
    const workflow = this.workflow(example, bindings);
    const trigger = example.nodes.find((n) => n.type === CONTACT_HUB_TRIGGER_TYPE);
    if (!trigger) throw new Error(`${example.file} has no Contact Hub Trigger`);
    const from = this.receiver.deliveries.length;
    await this.receiver.activate(workflow, trigger.name);
    // One trigger workflow is active at a time in the demo: every later delivery is this one's.
    const mine = (): Delivery[] => this.receiver.deliveries.slice(from);
    return {
      workflow,
      deliveries: mine,
      waitForDeliveries: async (count, timeoutMs = 15_000) => {
        const deadline = Date.now() + timeoutMs;
        while (mine().length < count) {
          if (Date.now() > deadline) {
            throw new Error(`"${example.name}" expected ${count} webhook deliveries from the hub within ${timeoutMs / 1000} s, got ${mine().length}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return mine();
      },
      deactivate: async () => await this.receiver.deactivate(workflow, trigger.name),
    };
  }
}
