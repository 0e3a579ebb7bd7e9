import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bulkTagging, bulkTaggingDescription } from './bulk-tagging';

export const description: INodeProperties[] = bulkTaggingDescription('removeFromContact', 'remove');

/** Removes tags from contacts (POST /v1/contacts/bulk/tags, action remove), batching the items; the catalogue keeps them. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  return await bulkTagging(this, items, 'remove');
}
