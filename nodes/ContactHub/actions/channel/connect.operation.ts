import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { perItem } from '../shared/batching';
import { withRefusalReasons } from '../message/refusal-reason';
import { channelChoice, channelIdParameter } from './channel-choice';

const show = { resource: ['channel'], operation: ['connect'] };

export const description: INodeProperties[] = [
  contactLocator({ show }),
  channelChoice(show, {
    description:
      'The channel to connect: an inactive WhatsApp, SMS or e-mail channel the contact has the phone or e-mail address for',
  }),
  {
    displayName: 'First Message',
    name: 'text',
    type: 'string',
    typeOptions: { rows: 3 },
    required: true,
    default: '',
    placeholder: 'e.g. Hi Ana, this is Acme support on WhatsApp.',
    description: 'The text of the first message; sending it connects the channel',
    displayOptions: { show },
  },
  {
    displayName: 'Kind',
    name: 'kind',
    type: 'options',
    default: 'proactive',
    description: 'Whether the first message is proactive (the business writes first) or reactive (a reply); refused when the contact turned that permission off',
    options: [
      { name: 'Proactive', value: 'proactive', description: 'The business starts the conversation' },
      { name: 'Reactive', value: 'reactive', description: 'An automated reply to the contact' },
    ],
    displayOptions: { show },
  },
];

/**
 * Connects an inactive channel by sending the contact its first message on it
 * (POST /v1/contacts/{ref}/messages with the channel id). The answer says `connected: true`
 * when the channel was inactive; a refused send (blocked, permission off, channel unavailable)
 * fails with the hub's reason.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  const results = await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const channelId = channelIdParameter(this, i);
    const body: IDataObject = {
      channelId,
      kind: this.getNodeParameter('kind', i) as string,
      type: 'text',
      text: this.getNodeParameter('text', i) as string,
    };
    return (await client.sendMessage(ref, body)) as IDataObject;
  });
  return withRefusalReasons(results);
}
