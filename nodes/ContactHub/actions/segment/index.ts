import type { INodeProperties } from 'n8n-workflow';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteSegment from './delete.operation';
import * as getMany from './getMany.operation';

export { count, create, deleteSegment as delete, getMany };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['segment'] } },
    options: [
      {
        name: 'Count',
        value: 'count',
        description: 'Count the contacts of a saved segment without fetching them',
        action: 'Count the contacts of a segment',
      },
      {
        name: 'Create',
        value: 'create',
        description: 'Save a filter of contacts under a name, to list, count or broadcast to later',
        action: 'Create a segment',
      },
      {
        name: 'Delete',
        value: 'delete',
        description: 'Delete a saved segment; its contacts are not touched',
        action: 'Delete a segment',
      },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List the saved segments, optionally with their contact counts',
        action: 'Get many segments',
      },
    ],
    default: 'getMany',
  },
  ...create.description,
  ...getMany.description,
  ...count.description,
  ...deleteSegment.description,
];
