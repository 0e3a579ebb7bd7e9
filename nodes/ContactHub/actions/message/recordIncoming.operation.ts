import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { channelChoice, channelIdParameter } from '../channel/channel-choice';
import { perItem } from '../shared/batching';
import { jsonObjectParameter, MESSAGE_TYPE_OPTIONS } from './message-types';

const show = { resource: ['message'], operation: ['recordIncoming'] };

export const description: INodeProperties[] = [
  channelChoice(show, { description: 'The workspace channel the message arrived on' }),
  {
    displayName: 'Sender Address',
    name: 'senderAddress',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. +447400123456',
    description:
      'The sender’s address on the channel: phone number (WhatsApp, SMS), e-mail address, page-scoped ID or chat ID. The hub finds the contact by it, else by phone or e-mail, else creates one.',
    displayOptions: { show },
  },
  {
    displayName: 'Text',
    name: 'text',
    type: 'string',
    typeOptions: { rows: 3 },
    default: '',
    placeholder: 'e.g. Hi, where is my order?',
    description: 'The message text or caption (text or a payload is required)',
    displayOptions: { show },
  },
  {
    displayName: 'Additional Fields',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: { show },
    options: [
      {
        displayName: 'E-Mail',
        name: 'email',
        type: 'string',
        placeholder: 'name@email.com',
        default: '',
        description: 'The sender’s e-mail address, if the channel gives one',
      },
      {
        displayName: 'First Name',
        name: 'firstName',
        type: 'string',
        default: '',
      },
      {
        displayName: 'Language',
        name: 'language',
        type: 'string',
        default: '',
        placeholder: 'e.g. pt-BR',
        description: 'The sender’s language (BCP 47)',
      },
      {
        displayName: 'Last Name',
        name: 'lastName',
        type: 'string',
        default: '',
      },
      {
        displayName: 'Message Type',
        name: 'messageType',
        type: 'options',
        default: 'text',
        options: MESSAGE_TYPE_OPTIONS,
      },
      {
        displayName: 'Name',
        name: 'name',
        type: 'string',
        default: '',
        placeholder: 'e.g. Ana Souza',
        description: 'The sender’s full name as the channel gives it; split into first and last name for a new contact',
      },
      {
        displayName: 'Payload',
        name: 'payload',
        type: 'json',
        default: '{}',
        description: 'Provider payload as a JSON object: media URL, location, buttons',
      },
      {
        displayName: 'Phone',
        name: 'phone',
        type: 'string',
        default: '',
        placeholder: 'e.g. +447400123456',
        description: 'The sender’s phone number, if the channel gives one',
      },
      {
        displayName: 'Profile Picture URL',
        name: 'profilePic',
        type: 'string',
        default: '',
      },
      {
        displayName: 'Provider Message ID',
        name: 'providerMessageId',
        type: 'string',
        default: '',
        description: 'The provider’s message ID: the same ID on one channel is stored only once, so redeliveries are harmless',
      },
      {
        displayName: 'Received At',
        name: 'receivedAt',
        type: 'dateTime',
        default: '',
        description: 'When the provider received it; default: now',
      },
    ],
  },
];

const SENDER_FIELDS = ['name', 'firstName', 'lastName', 'phone', 'email', 'language', 'profilePic'] as const;

interface IncomingExtras {
  name?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  language?: string;
  profilePic?: string;
  messageType?: string;
  providerMessageId?: string;
  receivedAt?: string;
}

/**
 * Records a message a channel received (POST /v1/channels/{channelId}/incoming), so any
 * provider trigger can feed the hub: the hub finds or creates the contact, connects the
 * channel and stores the message once per provider message ID.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const channelId = channelIdParameter(this, i);
    const extras = this.getNodeParameter('additionalFields', i, {}) as IncomingExtras;
    const from: IDataObject = { address: this.getNodeParameter('senderAddress', i) as string };
    for (const key of SENDER_FIELDS) {
      const value = extras[key];
      if (typeof value === 'string' && value.trim() !== '') from[key] = value;
    }
    const body: IDataObject = { from };
    const text = this.getNodeParameter('text', i, '') as string;
    if (text.trim() !== '') body.text = text;
    if (extras.messageType) body.type = extras.messageType;
    if (extras.providerMessageId) body.providerMessageId = extras.providerMessageId;
    if (extras.receivedAt) body.receivedAt = new Date(extras.receivedAt).toISOString();
    if ('payload' in extras) {
      const payload = jsonObjectParameter(this, 'additionalFields.payload', i);
      if (payload) body.payload = payload;
    }
    return (await client.recordIncoming(channelId, body)) as IDataObject;
  });
}
