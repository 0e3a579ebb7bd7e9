import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';

const show = { resource: ['tag'], operation: ['create'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Name',
    name: 'name',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. VIP',
    description: 'The tag name: 1–64 characters, unique in the workspace ignoring case',
    displayOptions: { show },
  },
];

/** Adds a tag to the catalogue (POST /v1/tags), one per input item. A name that exists is a 409. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const name = this.getNodeParameter('name', i) as string;
    return (await client.createTag({ name })) as IDataObject;
  });
}
