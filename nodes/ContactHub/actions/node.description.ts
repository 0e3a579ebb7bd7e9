import type { INodeProperties } from 'n8n-workflow';
import * as user from './user';

/**
 * The node's parameters: the resource selector, then each resource's operations and fields.
 * The rest of the description (name, icon, credentials, usableAsTool) stays in the node class,
 * where n8n's community-node lint rules read it.
 */
export const properties: INodeProperties[] = [
  {
    displayName: 'Resource',
    name: 'resource',
    type: 'options',
    noDataExpression: true,
    options: [{ name: 'User', value: 'user' }],
    default: 'user',
  },
  ...user.description,
];
