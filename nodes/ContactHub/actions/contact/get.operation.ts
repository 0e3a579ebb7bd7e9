import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';

const showOnly = { resource: ['contact'], operation: ['get'] };

export const description: INodeProperties[] = [contactLocator({ show: showOnly, description: 'The contact to get' })];

/** Gets one contact per input item: `GET /v1/contacts/{ref}`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => (await client.getContact(contactRef(this, i))) as unknown as IDataObject);
}
