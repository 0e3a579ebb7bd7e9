import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { tagChoice, tagIdParameter } from './tag-choice';

const show = { resource: ['tag'], operation: ['rename'] };

export const description: INodeProperties[] = [
  tagChoice('rename'),
  {
    displayName: 'New Name',
    name: 'newName',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. Event 2025',
    description: 'The new tag name; contacts keep the tag under it',
    displayOptions: { show },
  },
];

/** Renames a catalogue tag (PATCH /v1/tags/{tagId}); owners and managers only. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const tagId = tagIdParameter(this, i);
    const name = this.getNodeParameter('newName', i) as string;
    return (await client.updateTag(tagId, { name })) as IDataObject;
  });
}
