import type { INodeProperties } from 'n8n-workflow';
import * as contact from './contact';
import * as channel from './channel';
import * as customField from './customField';
import * as message from './message';
import * as segment from './segment';
import * as tag from './tag';
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
    options: [
      { name: 'Channel', value: 'channel' },
      { name: 'Contact', value: 'contact' },
      { name: 'Custom Field', value: 'customField' },
      { name: 'Message', value: 'message' },
      { name: 'Segment', value: 'segment' },
      { name: 'Tag', value: 'tag' },
      { name: 'User', value: 'user' },
    ],
    default: 'contact',
  },
  ...contact.description,
  ...tag.description,
  ...channel.description,
  ...message.description,
  ...segment.description,
  ...customField.description,
  ...user.description,
];
