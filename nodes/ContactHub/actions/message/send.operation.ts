import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { channelChoice, optionalChannelIdParameter } from '../channel/channel-choice';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { perItem } from '../shared/batching';
import { withRefusalReasons } from './refusal-reason';
import { jsonObjectParameter, MESSAGE_TYPE_OPTIONS } from './message-types';

const show = { resource: ['message'], operation: ['send'] };

export const description: INodeProperties[] = [
  contactLocator({ show }),
  channelChoice(show, {
    allowDefault: true,
    description:
      'The channel to send on. Default: the channel the contact last interacted on (else another active one, else an inactive WhatsApp, SMS or e-mail channel, which the send connects).',
  }),
  {
    displayName: 'Kind',
    name: 'kind',
    type: 'options',
    default: 'proactive',
    description:
      'Proactive for broadcasts and scheduled messages, reactive for automated replies to the contact. The hub refuses a send whose permission the contact turned off.',
    options: [
      { name: 'Proactive', value: 'proactive', description: 'A broadcast or scheduled message the business starts' },
      { name: 'Reactive', value: 'reactive', description: 'An automated reply to a message of the contact' },
    ],
    displayOptions: { show },
  },
  {
    displayName: 'Type',
    name: 'messageType',
    type: 'options',
    default: 'text',
    description: 'The message type; every type other than text needs a payload',
    options: MESSAGE_TYPE_OPTIONS,
    displayOptions: { show },
  },
  {
    displayName: 'Text',
    name: 'text',
    type: 'string',
    typeOptions: { rows: 3 },
    default: '',
    placeholder: 'e.g. Your order has shipped',
    description: 'The message text (required for text messages; a caption for the others), at most 4096 characters',
    displayOptions: { show },
  },
  {
    displayName: 'Payload',
    name: 'payload',
    type: 'json',
    default: '{}',
    description: 'Provider payload as a JSON object: the media URL, a location, template name and parameters',
    displayOptions: { show: { ...show, messageType: ['audio', 'file', 'image', 'location', 'other', 'template', 'video'] } },
  },
];

/**
 * Sends a message to the contact of each item (POST /v1/contacts/{ref}/messages): the hub
 * records it and emits message.sent for a workflow to hand to the provider. A refused send
 * (blocked, proactive_off, reactive_off, no_usable_channel, unknown_channel) fails with the
 * hub's message; with continueOnFail its item carries `error` and `reason`.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  const results = await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const type = this.getNodeParameter('messageType', i) as string;
    const text = this.getNodeParameter('text', i, '') as string;
    const body: IDataObject = { kind: this.getNodeParameter('kind', i) as string, type };
    const channelId = optionalChannelIdParameter(this, i);
    if (channelId) body.channelId = channelId;
    if (text.trim() !== '') body.text = text;
    if (type !== 'text') {
      const payload = jsonObjectParameter(this, 'payload', i);
      if (payload) body.payload = payload;
    }
    return (await client.sendMessage(ref, body)) as IDataObject;
  });
  return withRefusalReasons(results);
}
