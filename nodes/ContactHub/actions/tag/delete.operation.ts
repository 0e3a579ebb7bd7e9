import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { tagChoice, tagIdParameter } from './tag-choice';

export const description: INodeProperties[] = [tagChoice('delete')];

/** Deletes a catalogue tag and removes it from every contact (DELETE /v1/tags/{tagId}); owners and managers only. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const tagId = tagIdParameter(this, i);
    return ((await client.deleteTag(tagId)) ?? { deleted: true, id: tagId }) as IDataObject;
  });
}
