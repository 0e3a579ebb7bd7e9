import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['customField'] } },
    options: [
      {
        name: 'Create',
        value: 'create',
        description: 'Define a custom field contacts can carry (key, label, type, list options)',
        action: 'Create a custom field',
      },
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List the custom field definitions of the workspace',
        action: 'Get many custom fields',
      },
    ],
    default: 'getMany',
  },
  ...create.description,
  ...getMany.description,
];
