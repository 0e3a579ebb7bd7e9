import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';

const showOnly = { resource: ['contact'], operation: ['unblock'] };

export const description: INodeProperties[] = [
  contactLocator({
    show: showOnly,
    description: 'The contact to unblock: what it sends next is treated normally (messages hidden while blocked stay hidden)',
  }),
];

/** Unblocks one contact per input item: `POST /v1/contacts/{ref}/unblock`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => (await client.unblockContact(contactRef(this, i))) as unknown as IDataObject);
}
