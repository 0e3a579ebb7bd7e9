import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The catalogue tag a Rename or Delete acts on, chosen from the catalogue by name. */
export function tagChoice(operation: string): INodeProperties {
  return {
    displayName: 'Tag Name or ID',
    name: 'tagId',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getTagIds' },
    required: true,
    default: '',
    description:
      'The catalogue tag. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
    displayOptions: { show: { resource: ['tag'], operation: [operation] } },
  };
}

/** The chosen tag id of item `itemIndex`. */
export function tagIdParameter(ctx: IExecuteFunctions, itemIndex: number): string {
  const tagId = String(ctx.getNodeParameter('tagId', itemIndex) ?? '').trim();
  if (!tagId) throw new NodeOperationError(ctx.getNode(), 'Choose a tag', { itemIndex });
  return tagId;
}
