import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';
import * as recordIncoming from './recordIncoming.operation';
import * as send from './send.operation';

export { getMany, recordIncoming, send };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['message'] } },
    options: [
      {
        name: 'Get Many',
        value: 'getMany',
        description: 'List a contact’s messages, newest first',
        action: 'Get many messages of a contact',
      },
      {
        name: 'Record Incoming',
        value: 'recordIncoming',
        description:
          'Store a message a channel received (from any provider trigger): finds or creates the contact and connects the channel',
        action: 'Record an incoming message',
      },
      {
        name: 'Send',
        value: 'send',
        description:
          'Send a message to a contact; refused with a reason when the contact is blocked or opted out of that kind of message',
        action: 'Send a message to a contact',
      },
    ],
    default: 'send',
  },
  ...send.description,
  ...getMany.description,
  ...recordIncoming.description,
];
