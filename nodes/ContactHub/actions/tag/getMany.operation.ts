import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { returnAllOrLimit } from '../shared/paging';
import { listPages, returnLimit } from '../shared/list-pages';
import { perItem } from '../shared/batching';

const show = { resource: ['tag'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  ...returnAllOrLimit(show, 'tags'),
  {
    displayName: 'Search',
    name: 'search',
    type: 'string',
    default: '',
    placeholder: 'e.g. vip',
    description: 'Only tags whose name contains this text (case-insensitive). Leave empty for every tag.',
    displayOptions: { show },
  },
];

/** Lists the workspace's tag catalogue (GET /v1/tags), with how many contacts carry each tag, once per input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const search = (this.getNodeParameter('search', i, '') as string).trim();
    const tags = await listPages(
      (cursor, limit) => client.listTags({ cursor, limit, search: search || undefined }),
      returnLimit(this, i),
      500,
    );
    return tags as IDataObject[];
  });
}
