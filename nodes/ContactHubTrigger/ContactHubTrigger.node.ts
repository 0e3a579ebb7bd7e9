import {
  NodeConnectionTypes,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { SIGNATURE_HEADER } from '../../src/domain/webhook-signature';
import { deliveryMatches } from './delivery-filter';
import { createSubscription, deleteSubscription, subscriptionExists } from './hub-subscription';
import { loadOptions } from './methods';
import { rememberEvent } from './seen-events';
import { readSubscription } from './subscription-state';
import { properties } from './trigger.description';
import { deliveryFilter } from './trigger-parameters';
import { verifyDelivery } from './verify-delivery';

/** The part of n8n's response object (express's, over Node's) used to refuse a delivery. */
interface RefusableResponse {
  writeHead(status: number, headers: Record<string, string>): { end(body: string): void };
}

/**
 * Contact Hub Trigger: subscribes to the hub's webhooks on activation, verifies every
 * delivery (signature over the raw body, timestamp at most five minutes off), drops
 * redeliveries by event id and starts the workflow with the event.
 */
export class ContactHubTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Contact Hub Trigger',
    name: 'contactHubTrigger',
    icon: { light: 'file:contactHub.svg', dark: 'file:contactHub.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["events"].join(", ")}}',
    description: 'Starts the workflow when contacts or messages change in a Contact Hub',
    documentationUrl: 'https://github.com/contact-hub/n8n-nodes-contact-hub#contact-hub-trigger',
    defaults: { name: 'Contact Hub Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'contactHubApi', required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties,
  };

  methods = { loadOptions };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return await subscriptionExists(this);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return await createSubscription(this);
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return await deleteSubscription(this);
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const staticData = this.getWorkflowStaticData('node');
    // n8n's webhook server keeps the unparsed body on the request as `rawBody`.
    const request = this.getRequestObject() as { rawBody?: Buffer };
    const check = verifyDelivery({
      rawBody: request.rawBody,
      signature: this.getHeaderData()[SIGNATURE_HEADER],
      secret: readSubscription(staticData)?.secret,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (!check.ok) {
      const response = this.getResponseObject() as RefusableResponse;
      response.writeHead(check.status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: check.message }));
      return { noWebhookResponse: true };
    }
    const event = check.event;
    if (rememberEvent(staticData, event.id) === 'seen') {
      return { webhookResponse: { received: true, eventId: event.id, started: false, reason: 'duplicate' } };
    }
    if (!deliveryMatches(event, deliveryFilter(this))) {
      return { webhookResponse: { received: true, eventId: event.id, started: false, reason: 'filtered' } };
    }
    return { workflowData: [[{ json: event }]] };
  }
}
