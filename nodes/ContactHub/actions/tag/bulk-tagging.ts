import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { toNodeError } from '../../transport/hub-error';
import { batchSizeOption, batches, httpCodeOf, itemApiError, ItemResults, type ItemFailure } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { readSelection, selectionProperties } from '../shared/selection';
import { tagListKey, tagNamesParameter, tagNamesProperty } from './tag-names';

export type TagAction = 'add' | 'remove';

/** One contact's result inside a bulk tags answer (POST /v1/contacts/bulk/tags). */
interface RefResult {
  ref: string;
  status: 'changed' | 'unchanged' | 'deleted' | 'not_found' | 'error';
  contactId?: string;
  error?: ItemFailure;
}

interface BulkTagsAnswer {
  matched: number;
  changed: number;
  skipped: number;
  results?: RefResult[];
}

type NodeError = NodeApiError | NodeOperationError;
type Outcome = { json: IDataObject } | { error: NodeError };

/** The parameters of Add to Contact (`add`) or Remove from Contact (`remove`). */
export function bulkTaggingDescription(operation: string, action: TagAction): INodeProperties[] {
  const show = { resource: ['tag'], operation: [operation] };
  const verb = action === 'add' ? 'Tag' : 'Untag';
  return [
    {
      displayName: 'Apply To',
      name: 'applyTo',
      type: 'options',
      noDataExpression: true,
      default: 'contact',
      description: 'Which contacts to change',
      options: [
        {
          name: 'The Contact of Each Item',
          value: 'contact',
          description: `${verb} the contact each input item names; items go to the hub in batches`,
        },
        {
          name: 'Every Contact Matching a Filter',
          value: 'selection',
          description: `${verb} every contact of a saved segment, search text or filter, once per input item`,
        },
      ],
      displayOptions: { show },
    },
    contactLocator({ show: { ...show, applyTo: ['contact'] } }),
    tagNamesProperty(show, action),
    ...selectionProperties({ ...show, applyTo: ['selection'] }),
    {
      displayName: 'Options',
      name: 'options',
      type: 'collection',
      placeholder: 'Add Option',
      default: {},
      displayOptions: { show: { ...show, applyTo: ['contact'] } },
      options: [batchSizeOption('Items naming the same tags share a request.')],
    },
  ];
}

/**
 * Tags or untags the contact of each item through POST /v1/contacts/bulk/tags. Items are
 * grouped by their tag list (order and case ignored), and each group goes in batches of
 * Batch Size refs, so N items naming the same tags take ceil(N / Batch Size) requests. The
 * hub answers one result per ref, in order: each goes back to its item (pairedItem), and a
 * ref naming no contact becomes that item's own error while the others are changed.
 */
async function tagEachContact(ctx: IExecuteFunctions, items: INodeExecutionData[], action: TagAction): Promise<INodeExecutionData[]> {
  const outcomes: Array<Outcome | undefined> = new Array(items.length);
  const fail = (item: number, error: NodeError): void => {
    if (!ctx.continueOnFail()) throw error;
    outcomes[item] = { error };
  };

  // Read every item; group the good ones by tag list, in order of first appearance.
  const groups = new Map<string, { tags: string[]; members: Array<{ item: number; ref: string }> }>();
  for (let i = 0; i < items.length; i++) {
    try {
      const ref = contactRef(ctx, i);
      const tags = tagNamesParameter(ctx, i);
      const key = tagListKey(tags);
      const group = groups.get(key) ?? { tags, members: [] };
      group.members.push({ item: i, ref });
      groups.set(key, group);
    } catch (error) {
      fail(i, toNodeError(ctx.getNode(), error, i));
    }
  }

  const client = await hubClient(ctx);
  for (const group of groups.values()) {
    const size = (ctx.getNodeParameter('options.batchSize', group.members[0].item, 100) as number) || 100;
    for (const batch of batches(group.members.length, size)) {
      const members = batch.map((k) => group.members[k]);
      let answer: BulkTagsAnswer;
      try {
        answer = (await client.bulkTagContacts({ action, tags: group.tags, refs: members.map((m) => m.ref) })) as unknown as BulkTagsAnswer;
      } catch (error) {
        // The whole request was refused (a bad tag name, the key's role): every item of the batch shares the error.
        for (const m of members) fail(m.item, toNodeError(ctx.getNode(), error, m.item));
        continue;
      }
      members.forEach((m, k) => {
        const result = answer.results?.[k];
        if (!result) {
          fail(m.item, new NodeOperationError(ctx.getNode(), 'Contact Hub answered no result for this contact', { itemIndex: m.item }));
        } else if (result.status === 'changed' || result.status === 'unchanged') {
          outcomes[m.item] = {
            json: { ref: result.ref, contactId: result.contactId ?? null, action, tags: group.tags, changed: result.status === 'changed' },
          };
        } else {
          const failure: ItemFailure = result.error ?? { code: 'not_found', message: `No contact matches ${m.ref}` };
          fail(m.item, itemApiError(ctx, failure, m.item, httpCodeOf(failure.code)));
        }
      });
    }
  }

  const results = new ItemResults(ctx);
  outcomes.forEach((outcome, i) => {
    if (!outcome) return;
    if ('json' in outcome) results.ok(i, outcome.json);
    else results.fail(i, outcome.error);
  });
  return results.items();
}

/** Tags or untags every contact of each item's selection (segment, text, filter): one request per item. */
async function tagSelection(ctx: IExecuteFunctions, items: INodeExecutionData[], action: TagAction): Promise<INodeExecutionData[]> {
  const client = await hubClient(ctx);
  const results = new ItemResults(ctx);
  for (let i = 0; i < items.length; i++) {
    try {
      const tags = tagNamesParameter(ctx, i);
      const selection = readSelection(ctx, i);
      const answer = (await client.bulkTagContacts({ action, tags, ...selection })) as unknown as BulkTagsAnswer;
      results.ok(i, { action, tags, matched: answer.matched, changed: answer.changed, skipped: answer.skipped });
    } catch (error) {
      results.fail(i, toNodeError(ctx.getNode(), error, i));
    }
  }
  return results.items();
}

/** Runs Add to Contact / Remove from Contact in the mode the node is set to. */
export async function bulkTagging(ctx: IExecuteFunctions, items: INodeExecutionData[], action: TagAction): Promise<INodeExecutionData[]> {
  const applyTo = ctx.getNodeParameter('applyTo', 0, 'contact') as string;
  return applyTo === 'selection' ? await tagSelection(ctx, items, action) : await tagEachContact(ctx, items, action);
}
