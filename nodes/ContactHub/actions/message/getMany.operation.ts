import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { returnAllOrLimit } from '../shared/paging';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { listPages, returnLimit } from '../shared/list-pages';
import { perItem } from '../shared/batching';

const show = { resource: ['message'], operation: ['getMany'] };

export const description: INodeProperties[] = [
  contactLocator({ show }),
  ...returnAllOrLimit(show, 'messages'),
  {
    displayName: 'Filters',
    name: 'messageFilters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    displayOptions: { show },
    options: [
      {
        displayName: 'Channel Name or ID',
        name: 'channelId',
        type: 'options',
        typeOptions: { loadOptionsMethod: 'getChannels' },
        default: '',
        description:
          'Only messages on this channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
      },
      {
        displayName: 'Direction',
        name: 'direction',
        type: 'options',
        default: 'incoming',
        description: 'Only messages from the contact (incoming) or to it (outgoing)',
        options: [
          { name: 'Incoming', value: 'incoming' },
          { name: 'Outgoing', value: 'outgoing' },
        ],
      },
      {
        displayName: 'Include Hidden',
        name: 'includeHidden',
        type: 'boolean',
        default: false,
        description: 'Whether to include messages stored hidden because the contact was blocked',
      },
    ],
  },
];

interface MessageFilters {
  channelId?: string;
  direction?: string;
  includeHidden?: boolean;
}

/** Lists the contact's messages, newest first (GET /v1/contacts/{ref}/messages), once per input item. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const filters = this.getNodeParameter('messageFilters', i, {}) as MessageFilters;
    const messages = await listPages(
      (cursor, limit) =>
        client.listContactMessages(ref, {
          cursor,
          limit,
          channelId: filters.channelId || undefined,
          direction: filters.direction || undefined,
          includeHidden: filters.includeHidden ? 'true' : undefined,
        }),
      returnLimit(this, i),
      200,
    );
    return messages as IDataObject[];
  });
}
