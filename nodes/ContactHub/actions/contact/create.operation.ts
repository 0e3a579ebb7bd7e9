import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { batchSizeOption } from '../shared/batching';
import { contactFieldsCollection, customFieldsMapper } from '../shared/contactFields';
import { bulkUpsertItems } from './bulkUpsert';

const showOnly = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [
  contactFieldsCollection({ show: showOnly, withId: true }),
  customFieldsMapper(showOnly),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: showOnly },
    options: [batchSizeOption('Each item is created on its own: a bad item fails alone.')],
  },
];

/**
 * Creates one contact per input item, sending the items in batches to
 * `POST /v1/contacts/bulk/upsert` in create mode: an item whose ID, phone, e-mail or external
 * code already belongs to a contact fails with a conflict instead of updating it.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  return await bulkUpsertItems(this, items, { mode: 'create' });
}
