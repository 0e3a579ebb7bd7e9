import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { segmentChoice, segmentIdParameter } from './segment-choice';

export const description: INodeProperties[] = [segmentChoice('delete')];

/** Deletes a saved segment (DELETE /v1/segments/{id}); its contacts are not touched. Owners and managers only. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const segmentId = segmentIdParameter(this, i);
    return ((await client.deleteSegment(segmentId)) ?? { deleted: true, id: segmentId }) as IDataObject;
  });
}
