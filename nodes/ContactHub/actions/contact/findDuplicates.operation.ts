import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { listPages } from '../shared/list-pages';
import { returnAllOrLimit } from '../shared/paging';

const showOnly = { resource: ['contact'], operation: ['findDuplicates'] };

export const description: INodeProperties[] = [...returnAllOrLimit(showOnly, 'pairs of contacts')];

/**
 * Lists merge suggestions: pairs of contacts that share a phone number, e-mail address or
 * external code, or have the same name and country (`GET /v1/contacts/duplicates`). Each output
 * item is one pair: `contactIds`, `reasons` and both `contacts`, ready for Merge.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
    const max = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
    const pairs = await listPages(
      async (cursor, limit) => await client.findDuplicates({ limit, ...(cursor ? { cursor } : {}) }),
      max,
      500,
    );
    return pairs as IDataObject[];
  });
}
