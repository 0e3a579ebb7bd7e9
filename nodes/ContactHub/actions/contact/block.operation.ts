import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';

const showOnly = { resource: ['contact'], operation: ['block'] };

export const description: INodeProperties[] = [
  contactLocator({
    show: showOnly,
    description:
      'The contact to block: its conversation closes, its messages are stored hidden and start no workflows, and sends to it are refused',
  }),
];

/** Blocks one contact per input item: `POST /v1/contacts/{ref}/block`. Blocking a blocked contact changes nothing. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => (await client.blockContact(contactRef(this, i))) as unknown as IDataObject);
}
