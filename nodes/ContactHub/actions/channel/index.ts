import type { INodeProperties } from 'n8n-workflow';
import * as connect from './connect.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';

export { connect, getMany, remove };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['channel'] } },
    options: [
      {
        name: 'Connect',
        value: 'connect',
        description: 'Connect an inactive WhatsApp, SMS or e-mail channel by sending the contact a first message on it',
        action: 'Connect a channel to a contact',
      },
      {
        name: 'Get Many for a Contact',
        value: 'getMany',
        description: 'List every workspace channel with the contact’s state on it: active, inactive or unavailable',
        action: 'Get many channels of a contact',
      },
      {
        name: 'Remove From Contact',
        value: 'remove',
        description: 'Remove a channel identity from a contact; its messages are kept',
        action: 'Remove a channel from a contact',
      },
    ],
    default: 'getMany',
  },
  ...getMany.description,
  ...connect.description,
  ...remove.description,
];
