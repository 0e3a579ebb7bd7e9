import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { listPages } from '../shared/list-pages';
import { returnAllOrLimit } from '../shared/paging';
import { readSelection, selectionProperties } from '../shared/selection';

const showOnly = { resource: ['contact'], operation: ['getMany'] };

/** Contacts asked for per search request. */
const PAGE_SIZE = 500;

export const description: INodeProperties[] = [
  ...returnAllOrLimit(showOnly, 'contacts'),
  ...selectionProperties(showOnly),
  {
    displayName: 'Sort By',
    name: 'sortBy',
    type: 'options',
    default: 'createdAt',
    options: [
      { name: 'Created At', value: 'createdAt' },
      { name: 'Last Interaction At', value: 'lastInteractionAt' },
      { name: 'Name', value: 'name' },
    ],
    description: 'The order of the contacts (contacts without a last interaction come last)',
    displayOptions: { show: showOnly },
  },
  {
    displayName: 'Sort Direction',
    name: 'sortDirection',
    type: 'options',
    default: 'desc',
    options: [
      { name: 'Descending (Newest / Z First)', value: 'desc' },
      { name: 'Ascending (Oldest / A First)', value: 'asc' },
    ],
    displayOptions: { show: showOnly },
  },
];

/**
 * Lists the contacts of a segment, search text and filter: `POST /v1/contacts/search`, page by
 * page through the hub's cursor until Limit (or all). Runs once per input item; every contact
 * is an output item paired with it.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
    const max = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
    const selection = readSelection(this, i);
    const sort = {
      by: this.getNodeParameter('sortBy', i, 'createdAt') as string,
      direction: this.getNodeParameter('sortDirection', i, 'desc') as string,
    };
    const contacts = await listPages(
      async (cursor, limit) => await client.searchContacts({ ...selection, sort, limit, ...(cursor ? { cursor } : {}) }),
      max,
      PAGE_SIZE,
    );
    return contacts as unknown as IDataObject[];
  });
}
