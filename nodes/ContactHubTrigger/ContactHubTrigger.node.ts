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
import { claimEvent } from './event-claim';
import { createSubscription, deleteSubscription, subscriptionExists } from './hub-subscription';
import { credentialTest, loadOptions } from './methods';
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
 * delivery (signature over the raw body, timestamp at most five minutes off), claims the event
 * at the hub (the first claim wins, so a redelivery starts nothing, whichever n8n process gets
 * it) and starts the workflow with the event.
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
    credentials: [{ name: 'contactHubApi', required: true, testedBy: 'contactHubApiTest' }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties,
  };

  methods = { loadOptions, credentialTest };

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
    const subscription = readSubscription(staticData);
    // n8n's webhook server keeps the unparsed body on the request as `rawBody`.
    const request = this.getRequestObject() as { rawBody?: Buffer };
    const refuse = (status: number, message: string): IWebhookResponseData => {
      const response = this.getResponseObject() as RefusableResponse;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
      return { noWebhookResponse: true };
    };
    const check = verifyDelivery({
      rawBody: request.rawBody,
      signature: this.getHeaderData()[SIGNATURE_HEADER],
      secret: subscription?.secret,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (!check.ok) return refuse(check.status, check.message);
    const event = check.event;
    if (!deliveryMatches(event, deliveryFilter(this))) {
      return { webhookResponse: { received: true, eventId: event.id, started: false, reason: 'filtered' } };
    }
    // verifyDelivery passed, so there is a subscription.
    const claim = await claimEvent(this, subscription?.webhookId ?? '', event.id);
    if (claim.kind === 'gone') return refuse(410, claim.message);
    if (claim.kind === 'unavailable') return refuse(503, claim.message);
    if (claim.kind === 'duplicate') {
      return { webhookResponse: { received: true, eventId: event.id, started: false, reason: 'duplicate' } };
    }
    return { workflowData: [[{ json: event }]] };
  }
}
