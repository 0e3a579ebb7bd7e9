import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bulkTagging, bulkTaggingDescription } from './bulk-tagging';

export const description: INodeProperties[] = bulkTaggingDescription('addToContact', 'add');

/** Adds tags to contacts (POST /v1/contacts/bulk/tags, action add), batching the items. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  return await bulkTagging(this, items, 'add');
}
