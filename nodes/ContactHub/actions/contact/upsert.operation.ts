import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { batchSizeOption } from '../shared/batching';
import { contactFieldsCollection, customFieldsMapper } from '../shared/contactFields';
import { bulkUpsertItems } from './bulkUpsert';

const showOnly = { resource: ['contact'], operation: ['upsert'] };

export const MATCH_KEY_OPTIONS = [
  { name: 'External Code', value: 'externalCode' },
  { name: 'Phone', value: 'phone' },
  { name: 'E-Mail', value: 'email' },
  { name: 'Contact ID', value: 'id' },
];

export const description: INodeProperties[] = [
  {
    displayName: 'Match By',
    name: 'matchBy',
    type: 'multiOptions',
    options: MATCH_KEY_OPTIONS,
    default: ['externalCode', 'phone', 'email'],
    description:
      'Fields that identify an existing contact, tried in this order: the first one the item has a value for that finds a contact wins. Without a match, the contact is created. Each item needs a value for at least one of them.',
    displayOptions: { show: showOnly },
  },
  contactFieldsCollection({ show: showOnly, withId: true }),
  customFieldsMapper(showOnly),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: showOnly },
    options: [
      batchSizeOption('Each item is created or updated on its own: a bad item fails alone.'),
      {
        displayName: 'Tags on Update',
        name: 'tagMode',
        type: 'options',
        default: 'replace',
        description: 'What the given tags do to a contact that already exists',
        options: [
          { name: 'Replace', value: 'replace', description: 'The given tags become the contact\'s tags' },
          { name: 'Add', value: 'add', description: 'The given tags are added to the contact\'s tags' },
        ],
      },
    ],
  },
];

/**
 * Creates or updates one contact per input item: the items go in batches to
 * `POST /v1/contacts/bulk/upsert`, matched by Match By. Each output item is the contact with
 * `created` true (new) or false (updated).
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const matchBy = this.getNodeParameter('matchBy', 0, []) as string[];
  const tagMode = this.getNodeParameter('options.tagMode', 0, 'replace') as 'replace' | 'add';
  return await bulkUpsertItems(this, items, { mode: 'upsert', matchBy, tagMode });
}
