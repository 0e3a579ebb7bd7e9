import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';

const showOnly = { resource: ['contact'], operation: ['unmerge'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Merge ID',
    name: 'mergeId',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. mrg_0a1b2c3d4e5f6g7h8i9j',
    description: 'The ID of the merge to undo, as output by Merge (merge.ID)',
    displayOptions: { show: showOnly },
  },
];

/**
 * Undoes one merge per input item: `POST /v1/merges/{mergeId}/unmerge`. The absorbed contact
 * comes back under its ID; the output holds both contacts, the merge record and what changed.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const mergeId = String(this.getNodeParameter('mergeId', i) ?? '').trim();
    if (!mergeId) throw new NodeOperationError(this.getNode(), 'Merge ID is empty', { itemIndex: i });
    return (await client.unmerge(mergeId)) as IDataObject;
  });
}
