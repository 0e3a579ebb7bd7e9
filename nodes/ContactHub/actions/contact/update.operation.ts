import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { contactFieldsCollection, customFieldsMapper, readContactBody } from '../shared/contactFields';
import { contactLocator, contactRef } from '../shared/contactLocator';

const showOnly = { resource: ['contact'], operation: ['update'] };

export const description: INodeProperties[] = [
  contactLocator({ show: showOnly, description: 'The contact to change' }),
  contactFieldsCollection({ show: showOnly, withId: false, name: 'updateFields' }),
  customFieldsMapper(showOnly),
];

/**
 * Changes one contact per input item: `PATCH /v1/contacts/{ref}`. Only the fields given
 * change; an empty value clears a standard field; Tags replace the contact's tags.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const ref = contactRef(this, i);
    const body = readContactBody(this, i, items[i], { emptyClears: true, fieldsName: 'updateFields' });
    return (await client.updateContact(ref, body)) as unknown as IDataObject;
  });
}
