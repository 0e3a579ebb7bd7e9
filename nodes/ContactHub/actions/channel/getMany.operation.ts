import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { perItem } from '../shared/batching';

const show = { resource: ['channel'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  contactLocator({ show }),
  {
    displayName: 'States',
    name: 'states',
    type: 'multiOptions',
    default: [],
    description: 'Only channels the contact is in one of these states on. Leave empty for every workspace channel.',
    options: [
      { name: 'Active', value: 'active', description: 'The contact has an identity on the channel' },
      {
        name: 'Inactive',
        value: 'inactive',
        description: 'No identity yet, but sending a first message connects it (WhatsApp or SMS with a phone, e-mail with an address)',
      },
      { name: 'Unavailable', value: 'unavailable', description: 'Only the contact can open it, by writing first' },
    ],
    displayOptions: { show },
  },
];

/**
 * Lists every workspace channel with the contact's state on it — active, inactive (a send
 * connects it) or unavailable — and its identity when active (GET /v1/contacts/{ref}/channels).
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const states = this.getNodeParameter('states', i, []) as string[];
    const { data } = await client.listContactChannels(ref);
    return data.filter((c) => states.length === 0 || states.includes(String(c.state))) as IDataObject[];
  });
}
