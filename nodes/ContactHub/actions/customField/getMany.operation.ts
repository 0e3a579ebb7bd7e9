import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { returnAllOrLimit } from '../shared/paging';
import { listPages, returnLimit } from '../shared/list-pages';
import { perItem } from '../shared/batching';

const show = { resource: ['customField'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  ...returnAllOrLimit(show, 'custom fields'),
];

/** Lists the custom field definitions (GET /v1/custom-fields), ordered by key, once per input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const fields = await listPages((cursor, limit) => client.listCustomFields({ cursor, limit }), returnLimit(this, i), 500);
    return fields as IDataObject[];
  });
}
