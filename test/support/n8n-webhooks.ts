import './n8n-environment';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import {
  UnexpectedError,
  type IDataObject,
  type INode,
  type IWebhookData,
  type IWebhookDescription,
  type Workflow,
  type WorkflowActivateMode,
} from 'n8n-workflow';
import { createAdditionalData } from './n8n-additional-data';
import type { N8nHarness, WorkflowRunResult } from './n8n-harness';

/** One webhook of an active trigger node: where n8n would serve it and what it is. */
export interface ActiveWebhook {
  url: string;
  data: IWebhookData;
}

/** A request as n8n's webhook server hands it to a node: parsed body, raw body, query. */
type WebhookRequest = IncomingMessage & { body: unknown; rawBody: Buffer; query: IDataObject; params: IDataObject };

/** What happened to one request the receiver got. */
export interface Delivery {
  status: number;
  /** The workflow run the request started, if the node returned workflow data. */
  execution?: WorkflowRunResult;
}

/**
 * Plays n8n's part around a trigger node with webhooks, over real HTTP on loopback:
 * activation calls the node's `webhookMethods` (checkExists, then create) in n8n-core's
 * HookContext; each request to a registered URL goes to the node's `webhook()` in a
 * WebhookContext, and workflow data it returns starts a run through WorkflowExecute from the
 * trigger node; deactivation calls `delete`. A node answers a request itself through
 * `getResponseObject()` with Node's `writeHead`/`end` (as under n8n's express), or by
 * returning `webhookResponse`.
 */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private readonly active = new Map<string, { workflow: Workflow; node: INode; webhook: IWebhookData }>();
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly harness: N8nHarness,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  /** Starts the receiver and makes the harness hand out webhook URLs under it. */
  static async start(harness: N8nHarness): Promise<WebhookReceiver> {
    // Requests can only arrive once the URL is known, after `receiver` below is set.
    const server = createServer((req, res) => {
      void receiver.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(harness, server, `http://127.0.0.1:${port}/webhook`);
    harness.webhookBaseUrl = receiver.baseUrl;
    return receiver;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private webhookData(workflow: Workflow, node: INode, description: IWebhookDescription): IWebhookData {
    return {
      httpMethod: description.httpMethod as IWebhookData['httpMethod'],
      node: node.name,
      path: String(description.path),
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: createAdditionalData({
        credentialsHelper: this.harness.credentialsHelper,
        webhookBaseUrl: this.baseUrl,
      }),
      webhookId: node.webhookId,
    };
  }

  /** Calls one of the node's webhook methods (`checkExists`, `create`, `delete`) as n8n does. */
  async callWebhookMethod(
    workflow: Workflow,
    nodeName: string,
    method: 'checkExists' | 'create' | 'delete',
    activation: WorkflowActivateMode = 'activate',
    webhookName: 'default' | 'setup' = 'default',
  ): Promise<boolean | undefined> {
    const node = this.node(workflow, nodeName);
    const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    const description = type.description.webhooks?.find((w) => w.name === webhookName);
    const fn = type.webhookMethods?.[webhookName]?.[method];
    if (!description || !fn) throw new UnexpectedError(`Node ${node.name} has no webhook method ${webhookName}.${method}`);
    const webhook = this.webhookData(workflow, node, description);
    const context = new HookContext(workflow, node, webhook.workflowExecuteAdditionalData, 'trigger', activation, webhook);
    return await fn.call(context);
  }

  /**
   * Activates a trigger node: for each of its webhooks, `checkExists` and, when it answers
   * false, `create`; then requests to the webhook's URL reach the node. Answers the URLs.
   */
  async activate(workflow: Workflow, nodeName: string): Promise<ActiveWebhook[]> {
    const node = this.node(workflow, nodeName);
    const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
    const out: ActiveWebhook[] = [];
    for (const description of type.description.webhooks ?? []) {
      const webhook = this.webhookData(workflow, node, description);
      const context = new HookContext(workflow, node, webhook.workflowExecuteAdditionalData, 'trigger', 'activate', webhook);
      const url = context.getNodeWebhookUrl(description.name);
      if (!url) throw new UnexpectedError(`Node ${node.name} gives no URL for webhook ${description.name}`);
      const methods = type.webhookMethods?.[description.name as 'default' | 'setup'];
      if (methods && !(await methods.checkExists.call(context))) await methods.create.call(context);
      this.active.set(`${description.httpMethod} ${new URL(url).pathname}`, { workflow, node, webhook });
      out.push({ url, data: webhook });
    }
    return out;
  }

  /** Deactivates a trigger node: `delete` for each of its webhooks; their URLs stop answering. */
  async deactivate(workflow: Workflow, nodeName: string): Promise<void> {
    for (const [key, entry] of [...this.active]) {
      if (entry.workflow !== workflow || entry.node.name !== nodeName) continue;
      const type = workflow.nodeTypes.getByNameAndVersion(entry.node.type, entry.node.typeVersion);
      const methods = type.webhookMethods?.[entry.webhook.webhookDescription.name as 'default' | 'setup'];
      const context = new HookContext(workflow, entry.node, entry.webhook.workflowExecuteAdditionalData, 'trigger', 'activate', entry.webhook);
      if (methods) await methods.delete.call(context);
      this.active.delete(key);
    }
  }

  /** Resolves once `count` deliveries have been handled (or rejects after `timeoutMs`). */
  async waitForDeliveries(count: number, timeoutMs = 10_000): Promise<Delivery[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.deliveries.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} deliveries, got ${this.deliveries.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.deliveries.slice(0, count);
  }

  private node(workflow: Workflow, nodeName: string): INode {
    const node = workflow.getNode(nodeName);
    if (!node) throw new UnexpectedError(`No node ${nodeName}`);
    return node;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const entry = this.active.get(`${req.method} ${url.pathname}`);
    const delivery: Delivery = { status: 404 };
    try {
      if (!entry) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'No active webhook here' }));
        return;
      }
      delivery.status = 200;
      const request = req as WebhookRequest;
      request.rawBody = Buffer.concat(chunks);
      const text = request.rawBody.toString('utf8');
      request.body = (req.headers['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text ? { data: text } : {};
      request.query = Object.fromEntries(url.searchParams);
      request.params = {};
      const { workflow, node, webhook } = entry;
      const additionalData = createAdditionalData({ credentialsHelper: this.harness.credentialsHelper, webhookBaseUrl: this.baseUrl });
      // n8n's webhook server passes express's Request/Response, which extend these Node objects
      // (express is not installed here, so n8n-workflow's typings leave these fields untyped).
      additionalData.httpRequest = request;
      additionalData.httpResponse = res;
      const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhook, [], null);
      const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
      if (!type.webhook) throw new UnexpectedError(`Node ${node.name} has no webhook()`);
      const answer = await type.webhook.call(context);
      if (!res.headersSent && !answer.noWebhookResponse) {
        const body = answer.webhookResponse ?? { message: 'Workflow was started' };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }
      delivery.status = res.statusCode;
      if (answer.workflowData) {
        delivery.execution = await this.harness.execute(workflow, node, answer.workflowData, 'webhook');
      }
    } catch (e) {
      delivery.status = 500;
      if (!res.headersSent) res.writeHead(500).end(String(e instanceof Error ? e.message : e));
    } finally {
      if (!res.writableEnded) res.end();
      this.deliveries.push(delivery);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }
}
