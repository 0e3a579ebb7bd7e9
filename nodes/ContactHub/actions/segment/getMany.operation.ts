import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { returnAllOrLimit } from '../shared/paging';
import { perItem } from '../shared/batching';
import { listPages, returnLimit } from '../shared/list-pages';

const show = { resource: ['segment'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  ...returnAllOrLimit(show, 'segments'),
  {
    displayName: 'Include Counts',
    name: 'withCounts',
    type: 'boolean',
    default: false,
    description: 'Whether to count the contacts of each segment too (slower on big workspaces)',
    displayOptions: { show },
  },
];

/** Lists the saved segments, ordered by name (GET /v1/segments), once per input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const withCounts = this.getNodeParameter('withCounts', i, false) as boolean;
    const segments = await listPages(
      (cursor, limit) => client.listSegments({ cursor, limit, withCounts: withCounts ? 'true' : undefined }),
      returnLimit(this, i),
      500,
    );
    return segments as IDataObject[];
  });
}
