import './n8n-environment';
import { randomUUID } from 'node:crypto';
import { LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
  createRunExecutionData,
  Workflow,
  type ICredentialDataDecryptedObject,
  type ICredentialType,
  type IConnections,
  type IDataObject,
  type INode,
  type INodeCredentials,
  type INodeExecutionData,
  type INodeParameters,
  type INodeType,
  type IRun,
  type IVersionedNodeType,
  type IWorkflowBase,
  type WorkflowExecuteMode,
} from 'n8n-workflow';
import { ContactHubApi } from '../../credentials/ContactHubApi.credentials';
import { ContactHub } from '../../nodes/ContactHub/ContactHub.node';
import { createAdditionalData, createHooks } from './n8n-additional-data';
import { HarnessCredentialsHelper } from './n8n-credentials-helper';
import { EMIT_ITEMS_TYPE, EmitItems } from './n8n-emit-items-node';
import { HarnessCredentialTypes, HarnessNodeTypes } from './n8n-node-types';

/** Full type names of this package's nodes, as n8n registers a community package's nodes. */
export const PACKAGE_NAME = 'n8n-nodes-contact-hub';
export const CONTACT_HUB_TYPE = `${PACKAGE_NAME}.contactHub`;
export const CONTACT_HUB_TRIGGER_TYPE = `${PACKAGE_NAME}.contactHubTrigger`;
export { EMIT_ITEMS_TYPE };

/** A node of a test workflow; the rest of n8n's INode is filled in. */
export interface TestNode {
  name: string;
  type: string;
  parameters?: INodeParameters;
  typeVersion?: number;
  credentials?: INodeCredentials;
  continueOnFail?: boolean;
  webhookId?: string;
  disabled?: boolean;
}

export interface RunWorkflowOptions {
  nodes: TestNode[];
  /** n8n connections; `chain('A', 'B')` builds the usual straight line. */
  connections?: IConnections;
  /** Input items of the start node (default: one empty item, as a manual run gives). */
  items?: IDataObject[];
  /** The node the execution starts at (default: the first node). */
  startNode?: string;
  mode?: WorkflowExecuteMode;
}

/** What one node did in the run (its first run). */
export interface NodeRunResult {
  /** Items of its first output. */
  items: INodeExecutionData[];
  /** Every output. */
  outputs: INodeExecutionData[][];
  /** The error that stopped it, when it failed without continueOnFail. */
  error?: IRun['data']['resultData']['error'];
}

export interface WorkflowRunResult {
  run: IRun;
  status: IRun['status'];
  /** The error that ended the execution, if any. */
  error: IRun['data']['resultData']['error'];
  /** Node names in the order they finished. */
  order: string[];
  nodes: Record<string, NodeRunResult>;
  /** The JSON of the first output's items of a node (throws if the node did not run). */
  json: (nodeName: string) => IDataObject[];
}

/** Connections of a straight line of nodes: each node's main output feeds the next one. */
export function chain(...names: string[]): IConnections {
  const connections: IConnections = {};
  for (let i = 0; i + 1 < names.length; i++) {
    connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
  }
  return connections;
}

export interface HarnessOptions {
  /** Contact Hub URL and key the `contactHubApi` credential serves. */
  hubUrl: string;
  apiKey: string;
  /** Base of webhook URLs nodes register (see n8n-webhook-receiver). */
  webhookBaseUrl?: string;
}

/**
 * Runs real workflows through n8n-core's WorkflowExecute with this package's real node
 * classes, credentials applied by their own `authenticate`, and real HTTP to the hub.
 */
export class N8nHarness {
  readonly nodeTypes = new HarnessNodeTypes();
  readonly credentialTypes = new HarnessCredentialTypes();
  readonly credentialsHelper = new HarnessCredentialsHelper(this.credentialTypes);
  webhookBaseUrl: string;
  private hubCredentials: INodeCredentials = {};

  private constructor(opts: HarnessOptions) {
    this.webhookBaseUrl = opts.webhookBaseUrl ?? 'http://127.0.0.1:5678/webhook';
    this.nodeTypes.add(CONTACT_HUB_TYPE, new ContactHub()).add(EMIT_ITEMS_TYPE, new EmitItems());
    this.credentialTypes.add(new ContactHubApi());
  }

  static async create(opts: HarnessOptions): Promise<N8nHarness> {
    const harness = new N8nHarness(opts);
    await harness.useHubCredentials({ baseUrl: opts.hubUrl, apiKey: opts.apiKey });
    return harness;
  }

  /** Registers another node type (the trigger, once it exists) under its full type name. */
  addNodeType(typeName: string, nodeType: INodeType | IVersionedNodeType): this {
    this.nodeTypes.add(typeName, nodeType);
    return this;
  }

  addCredentialType(type: ICredentialType): this {
    this.credentialTypes.add(type);
    return this;
  }

  /** Stores the `contactHubApi` credential every Contact Hub node of later runs uses. */
  async useHubCredentials(data: { baseUrl: string; apiKey: string }, id = 'contact-hub'): Promise<void> {
    const details = this.credentialsHelper.set('contactHubApi', data as ICredentialDataDecryptedObject, id);
    this.hubCredentials = { contactHubApi: details };
  }

  /** Turns test nodes into n8n nodes; nodes that take our credential get it. */
  toNodes(nodes: TestNode[]): INode[] {
    return nodes.map((n, i) => {
      const type = this.nodeTypes.getByNameAndVersion(n.type, n.typeVersion);
      const wantsHub = type.description.credentials?.some((c) => c.name === 'contactHubApi') ?? false;
      const node: INode = {
        id: `node-${i}-${n.name.replace(/\W+/g, '-')}`,
        name: n.name,
        type: n.type,
        typeVersion: n.typeVersion ?? (Array.isArray(type.description.version) ? Math.max(...type.description.version) : type.description.version),
        position: [i * 220, 0],
        parameters: n.parameters ?? {},
      };
      const credentials = n.credentials ?? (wantsHub ? this.hubCredentials : undefined);
      if (credentials) node.credentials = credentials;
      if (n.continueOnFail) node.onError = 'continueRegularOutput';
      if (n.webhookId) node.webhookId = n.webhookId;
      if (n.disabled) node.disabled = true;
      return node;
    });
  }

  /** An n8n Workflow of the given nodes (parameters get their defaults, as n8n does on load). */
  workflow(nodes: TestNode[], connections: IConnections = {}, id = `wf-${randomUUID()}`): Workflow {
    return new Workflow({ id, name: 'Contact Hub test', nodes: this.toNodes(nodes), connections, active: false, nodeTypes: this.nodeTypes });
  }

  /**
   * Calls one of a node's `methods` (load options, list search, resource mapping) in n8n-core's
   * LoadOptionsContext, as the editor does while a user fills in the node.
   */
  async callMethod(
    node: TestNode,
    group: 'loadOptions' | 'listSearch' | 'resourceMapping',
    method: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const workflow = this.workflow([node]);
    const n8nNode = workflow.getNode(node.name);
    if (!n8nNode) throw new Error(`No node ${node.name}`);
    const type = this.nodeTypes.getByNameAndVersion(n8nNode.type, n8nNode.typeVersion);
    const fn = (type.methods?.[group] as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined)?.[method];
    if (!fn) throw new Error(`Node type ${node.type} has no ${group}.${method}`);
    const additionalData = createAdditionalData({ credentialsHelper: this.credentialsHelper, webhookBaseUrl: this.webhookBaseUrl });
    additionalData.currentNodeParameters = n8nNode.parameters;
    const context = new LoadOptionsContext(workflow, n8nNode, additionalData, 'parameters');
    return await fn.call(context, ...args);
  }

  /** Runs a workflow from its start node to the end and reports what every node did. */
  async runWorkflow(opts: RunWorkflowOptions): Promise<WorkflowRunResult> {
    const workflow = this.workflow(opts.nodes, opts.connections ?? {});
    const start = workflow.getNode(opts.startNode ?? opts.nodes[0].name);
    if (!start) throw new Error(`No start node ${opts.startNode ?? opts.nodes[0].name}`);
    const items = (opts.items ?? [{}]).map((json) => ({ json }));
    return await this.execute(workflow, start, [items], opts.mode ?? 'manual');
  }

  /**
   * Executes a workflow with the given input data on the start node's stack entry, the way
   * n8n starts a manual run or one a trigger's webhook produced.
   */
  async execute(workflow: Workflow, start: INode, input: INodeExecutionData[][], mode: WorkflowExecuteMode): Promise<WorkflowRunResult> {
    const executionId = randomUUID();
    const workflowData: IWorkflowBase = {
      id: workflow.id,
      name: workflow.name ?? 'Contact Hub test',
      active: false,
      isArchived: false,
      activeVersionId: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      nodes: Object.values(workflow.nodes),
      connections: workflow.connectionsBySourceNode,
    };
    const hooks = createHooks(mode, executionId, workflowData);
    const order: string[] = [];
    hooks.addHandler('nodeExecuteAfter', (nodeName) => {
      order.push(nodeName);
    });
    let finished: IRun | undefined;
    hooks.addHandler('workflowExecuteAfter', (run) => {
      finished = run;
    });
    const additionalData = createAdditionalData({
      credentialsHelper: this.credentialsHelper,
      hooks,
      executionId,
      webhookBaseUrl: this.webhookBaseUrl,
    });
    const runExecutionData = createRunExecutionData({
      executionData: { nodeExecutionStack: [{ node: start, data: { main: input }, source: null }] },
    });
    const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
    return summarise(finished ?? run, order);
  }
}

function summarise(run: IRun, order: string[]): WorkflowRunResult {
  const nodes: Record<string, NodeRunResult> = {};
  for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
    const first = tasks[0];
    const outputs = (first?.data?.main ?? []).map((o) => o ?? []);
    nodes[name] = { items: outputs[0] ?? [], outputs, error: first?.error };
  }
  return {
    run,
    status: run.status,
    error: run.data.resultData.error,
    order,
    nodes,
    json: (nodeName) => {
      const node = nodes[nodeName];
      if (!node) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(nodes).join(', ')}`);
      return node.items.map((i) => i.json);
    },
  };
}
