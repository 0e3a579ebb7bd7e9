import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { segmentChoice, segmentIdParameter } from './segment-choice';

const show = { resource: ['segment'], operation: ['count'] };

export const description: INodeProperties[] = [
  segmentChoice('count'),
  {
    displayName: 'Include Blocked',
    name: 'includeBlocked',
    type: 'boolean',
    default: false,
    description: 'Whether to count blocked contacts too (left out unless the segment’s filter mentions "blocked")',
    displayOptions: { show },
  },
];

/**
 * Counts the contacts of a saved segment without fetching them: GET /v1/segments/{id}
 * (the segment with its count), or POST /v1/contacts/count with the segment id when
 * blocked contacts are to be counted too. Answers `{ segmentId, name, count }`.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const segmentId = segmentIdParameter(this, i);
    const segment = await client.getSegment(segmentId);
    let count = segment.count;
    if (this.getNodeParameter('includeBlocked', i, false) as boolean) {
      count = (await client.countContacts({ segmentId, includeBlocked: true })).count;
    }
    return { segmentId, name: segment.name, count } as IDataObject;
  });
}
