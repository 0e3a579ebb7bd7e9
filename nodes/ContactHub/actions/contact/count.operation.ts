import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { readSelection, selectionProperties } from '../shared/selection';

const showOnly = { resource: ['contact'], operation: ['count'] };

export const description: INodeProperties[] = [...selectionProperties(showOnly)];

/** Counts the contacts of a segment, search text and filter without fetching them: `POST /v1/contacts/count`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => (await client.countContacts({ ...readSelection(this, i) })) as IDataObject);
}
