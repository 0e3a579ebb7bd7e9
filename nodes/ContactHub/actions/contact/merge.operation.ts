import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';

const showOnly = { resource: ['contact'], operation: ['merge'] };

export const description: INodeProperties[] = [
  contactLocator({
    name: 'primary',
    displayName: 'Primary Contact',
    show: showOnly,
    description: 'The contact that survives the merge and keeps its ID',
  }),
  contactLocator({
    name: 'secondary',
    displayName: 'Secondary Contact',
    show: showOnly,
    description:
      'The contact absorbed into the primary: its tags, channel identities and messages move to the primary, and its ID then leads to the primary',
  }),
  {
    displayName: 'Field Choices',
    name: 'fieldChoices',
    type: 'fixedCollection',
    placeholder: 'Add Field Choice',
    typeOptions: { multipleValues: true },
    default: {},
    description:
      'Which contact\'s value to keep for a field. Fields not listed keep the primary\'s value when it has one, else the secondary\'s.',
    displayOptions: { show: showOnly },
    options: [
      {
        displayName: 'Choice',
        name: 'choices',
        values: [
          {
            displayName: 'Field Name or ID',
            name: 'field',
            type: 'options',
            typeOptions: { loadOptionsMethod: 'getMergeFields' },
            default: '',
            description:
              'A standard field or a custom field (customFields.&lt;key&gt;). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
          },
          {
            displayName: 'Keep Value Of',
            name: 'source',
            type: 'options',
            default: 'secondary',
            options: [
              { name: 'Primary Contact', value: 'primary' },
              { name: 'Secondary Contact', value: 'secondary' },
            ],
          },
        ],
      },
    ],
  },
];

/**
 * Merges two contacts per input item: `POST /v1/contacts/merge`. The output holds `merge` (its
 * `id` undoes it with Unmerge) and `contact`, the primary after the merge. Owners and managers only.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const primary = contactRef(this, i, 'primary');
    const secondary = contactRef(this, i, 'secondary');
    const rows = (this.getNodeParameter('fieldChoices.choices', i, []) as Array<{ field?: string; source?: string }>) ?? [];
    const fields: IDataObject = {};
    for (const row of rows) {
      const field = String(row.field ?? '').trim();
      if (field) fields[field] = row.source ?? 'secondary';
    }
    const body: IDataObject = { primary, secondary };
    if (Object.keys(fields).length > 0) body.fields = fields;
    return (await client.mergeContacts(body)) as IDataObject;
  });
}
