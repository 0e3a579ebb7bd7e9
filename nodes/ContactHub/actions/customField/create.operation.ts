import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';

const show = { resource: ['customField'], operation: ['create'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Key',
    name: 'key',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. loyalty_tier',
    description:
      'Stable key used in contact payloads (customFields.&lt;key&gt;) and filters: a lower-case letter, then up to 63 letters, digits or "_"',
    displayOptions: { show },
  },
  {
    displayName: 'Label',
    name: 'label',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. Loyalty Tier',
    description: 'Label shown to people, 1–100 characters',
    displayOptions: { show },
  },
  {
    displayName: 'Type',
    name: 'fieldType',
    type: 'options',
    default: 'text',
    description: 'The type values must have; the hub rejects values of another type',
    options: [
      { name: 'Boolean', value: 'boolean' },
      { name: 'Date', value: 'date', description: 'A calendar date, YYYY-MM-DD' },
      { name: 'Date and Time', value: 'datetime', description: 'An instant, ISO 8601' },
      { name: 'E-Mail', value: 'email' },
      { name: 'List', value: 'list', description: 'One of a fixed set of options' },
      { name: 'Number', value: 'number' },
      { name: 'Phone', value: 'phone' },
      { name: 'Text', value: 'text' },
      { name: 'URL', value: 'url' },
    ],
    displayOptions: { show },
  },
  {
    displayName: 'Options',
    name: 'listOptions',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. Bronze, Silver, Gold',
    description: 'The allowed values of the list, separated by commas (or an array through an expression)',
    displayOptions: { show: { ...show, fieldType: ['list'] } },
  },
];

/** Splits a comma-separated text (or takes an array) into trimmed, non-empty values. */
function listValues(raw: unknown): string[] {
  const parts = Array.isArray(raw) ? raw.map((v) => String(v)) : String(raw ?? '').split(',');
  return parts.map((v) => v.trim()).filter((v) => v !== '');
}

/** Defines a custom field (POST /v1/custom-fields), one per input item; owners and managers only. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const type = this.getNodeParameter('fieldType', i) as string;
    const body: IDataObject = {
      key: (this.getNodeParameter('key', i) as string).trim(),
      label: this.getNodeParameter('label', i) as string,
      type,
    };
    if (type === 'list') body.options = listValues(this.getNodeParameter('listOptions', i));
    return (await client.createCustomField(body)) as IDataObject;
  });
}
