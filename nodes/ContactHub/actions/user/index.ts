import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['user'] } },
    options: [
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List the users of the workspace, who contacts can be assigned to',
        action: 'Get many users',
      },
    ],
    default: 'getMany',
  },
  ...getMany.description,
];
