import type { INodeProperties } from 'n8n-workflow';
import { EVENT_OPTIONS, MESSAGE_TYPE_OPTIONS } from './event-options';

/** Parameters of the Contact Hub Trigger: the events, and filters for message events. */
export const properties: INodeProperties[] = [
  {
    displayName: 'Events',
    name: 'events',
    type: 'multiOptions',
    options: EVENT_OPTIONS,
    default: ['message.received'],
    required: true,
    description: 'The hub events that start this workflow. "All Events" also includes event types added to the hub later.',
  },
  {
    displayName: 'Filters',
    name: 'filters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    description: 'Narrow down message events (Incoming Message, Message Sent); other events are not affected',
    options: [
      {
        displayName: 'Channel Names or IDs',
        name: 'channelIds',
        type: 'multiOptions',
        typeOptions: { loadOptionsMethod: 'getChannels' },
        default: [],
        description:
          'Only messages on these channels start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
      },
      {
        displayName: 'Message Types',
        name: 'messageTypes',
        type: 'multiOptions',
        options: MESSAGE_TYPE_OPTIONS,
        default: [],
        description: 'Only messages of these types start the workflow',
      },
    ],
  },
];
