import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The saved segment a Count or Delete acts on (parameter `segmentId`). */
export function segmentChoice(operation: string): INodeProperties {
  return {
    displayName: 'Segment Name or ID',
    name: 'segmentId',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getSegments' },
    required: true,
    default: '',
    description:
      'The saved segment. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
    displayOptions: { show: { resource: ['segment'], operation: [operation] } },
  };
}

/** The chosen segment id of item `itemIndex`. */
export function segmentIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
  const segmentId = String(ctx.getNodeParameter('segmentId', itemIndex, '') ?? '').trim();
  if (!segmentId) throw new NodeOperationError(ctx.getNode(), 'Choose a segment', { itemIndex });
  return segmentId;
}
