import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { planClusterMerges, type ClusterContact, type SuggestedPair } from '../../../../src/domain/merge/duplicate-clusters';
import { hubClient } from '../../transport';
import { perItem } from '../shared/batching';
import { listPages } from '../shared/list-pages';
import { returnAllOrLimit } from '../shared/paging';

const showOnly = { resource: ['contact'], operation: ['findDuplicates'] };

export const description: INodeProperties[] = [
  ...returnAllOrLimit(showOnly, 'pairs of contacts'),
  {
    displayName: 'Output',
    name: 'output',
    type: 'options',
    default: 'pairs',
    options: [
      {
        name: 'One Item per Suggested Pair',
        value: 'pairs',
        description: 'Each item is one pair: contactIds, reasons and both contacts',
      },
      {
        name: 'One Item per Merge (Whole Clusters)',
        value: 'clusterMerges',
        description:
          'Contacts that are duplicates of each other, directly or through another one, form a cluster; each item merges one of them (secondaryId) into the cluster\'s oldest contact (primaryId), so merging every item leaves one contact per cluster',
      },
    ],
    description: 'What each output item is. Use One Item per Merge to feed Contact → Merge when three or more contacts are the same person.',
    displayOptions: { show: showOnly },
  },
];

type HubContact = ClusterContact & IDataObject;
type HubPair = SuggestedPair<HubContact, IDataObject> & IDataObject;

/**
 * Lists merge suggestions: pairs of contacts that share a phone number, e-mail address or
 * external code, or have the same name and country (`GET /v1/contacts/duplicates`). Each output
 * item is one pair, or (Output: One Item per Merge) one merge of a cluster: `primaryId`,
 * `secondaryId`, both contacts, the cluster's contact ids and the reasons.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(this);
  return await perItem(this, items, async (i) => {
    const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
    const max = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
    const pairs = (await listPages(
      async (cursor, limit) => await client.findDuplicates({ limit, ...(cursor ? { cursor } : {}) }),
      max,
      500,
    )) as unknown as HubPair[];
    if (this.getNodeParameter('output', i, 'pairs') !== 'clusterMerges') return pairs;
    return planClusterMerges(pairs).map((m) => ({ ...m }) as IDataObject);
  });
}
