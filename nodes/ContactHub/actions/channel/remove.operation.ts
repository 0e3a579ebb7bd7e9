import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { perItem } from '../shared/batching';
import { channelChoice, channelIdParameter } from './channel-choice';

const show = { resource: ['channel'], operation: ['remove'] };

export const description: INodeProperties[] = [
  contactLocator({ show }),
  channelChoice(show, { description: 'The active channel to remove from the contact' }),
];

/**
 * Removes a channel from a contact (DELETE /v1/contacts/{ref}/channels/{channelId}): deletes
 * the contact's identity on it and keeps the message history. Owners and managers only.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const channelId = channelIdParameter(this, i);
    return ((await client.removeContactChannel(ref, channelId)) ?? { removed: true, channelId }) as IDataObject;
  });
}
