import {
  NodeConnectionTypes,
  type IDataObject,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';

/** Node type name of EchoWebhook in test workflows. */
export const ECHO_WEBHOOK_TYPE = 'contactHubTest.echoWebhook';

/**
 * A test trigger that proves the harness's webhook plumbing (not a stand-in for the Contact
 * Hub Trigger): activation records its URL in the workflow's static data, a POST starts the
 * workflow with the JSON body, a request with `x-refuse: 1` is answered 401 and starts nothing.
 */
export class EchoWebhook implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Echo Webhook',
    name: 'echoWebhook',
    group: ['trigger'],
    version: 1,
    description: 'Starts the workflow with the JSON body it receives',
    defaults: { name: 'Echo Webhook' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'echo' }],
    properties: [],
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return Boolean(this.getWorkflowStaticData('node').registeredUrl);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        this.getWorkflowStaticData('node').registeredUrl = this.getNodeWebhookUrl('default');
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        delete this.getWorkflowStaticData('node').registeredUrl;
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    if (this.getHeaderData()['x-refuse'] === '1') {
      this.getResponseObject().writeHead(401).end('refused');
      return { noWebhookResponse: true };
    }
    const raw = (this.getRequestObject() as { rawBody?: Buffer }).rawBody;
    return { workflowData: [[{ json: { body: this.getBodyData() as IDataObject, rawLength: raw?.length ?? 0 } }]] };
  }
}
