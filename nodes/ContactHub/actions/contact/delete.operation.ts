import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { toNodeError } from '../../transport/hub-error';
import { batches, batchSizeOption, httpCodeOf, itemApiError, ItemResults, type ItemFailure } from '../shared/batching';
import { contactLocator, contactRef } from '../shared/contactLocator';
import { readSelection, selectionProperties } from '../shared/selection';

const showOnly = { resource: ['contact'], operation: ['delete'] };
const byItem = { ...showOnly, deleteMode: ['byItem'] };
const bySelection = { ...showOnly, deleteMode: ['bySelection'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Delete',
    name: 'deleteMode',
    type: 'options',
    noDataExpression: true,
    default: 'byItem',
    options: [
      { name: 'The Contact of Each Item', value: 'byItem', description: 'Every input item names one contact to delete' },
      {
        name: 'All Contacts Matching',
        value: 'bySelection',
        description: 'Every contact of a segment, search text or filter, once (not per item)',
      },
    ],
    description: 'Which contacts to delete. Deleting cannot be undone: the contacts\' messages go too. Owners and managers only.',
    displayOptions: { show: showOnly },
  },
  contactLocator({ show: byItem, description: 'The contact to delete, with its messages' }),
  ...selectionProperties(bySelection),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: byItem },
    options: [batchSizeOption('A contact that does not exist fails alone.')],
  },
];

interface RefResult {
  ref: string;
  status: 'deleted' | 'not_found' | 'error' | 'changed' | 'unchanged';
  contactId?: string;
  error?: ItemFailure;
}

/** Deletes the contacts of the input items in batches: `POST /v1/contacts/bulk/delete` with their refs. */
async function deleteByItem(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const client = await hubClient(ctx);
  const results = new ItemResults(ctx);
  const outcome: Array<{ ok: IDataObject } | { error: unknown }> = new Array(items.length);
  const batchSize = ctx.getNodeParameter('options.batchSize', 0, 100) as number;
  for (const batch of batches(items.length, batchSize)) {
    const sent: number[] = [];
    const refs: string[] = [];
    for (const i of batch) {
      try {
        refs.push(contactRef(ctx, i));
        sent.push(i);
      } catch (error) {
        outcome[i] = { error: toNodeError(ctx.getNode(), error, i) };
      }
    }
    if (refs.length > 0) {
      try {
        const answer = (await client.bulkDeleteContacts({ refs })) as { results?: RefResult[] };
        (answer.results ?? []).forEach((result, k) => {
          const i = sent[k];
          if (i === undefined) return;
          if (result.status === 'deleted') {
            outcome[i] = { ok: { deleted: true, id: result.contactId ?? null, ref: result.ref } };
          } else {
            const failure = result.error ?? { code: 'not_found', message: `No contact matches the ref "${result.ref}"` };
            outcome[i] = { error: itemApiError(ctx, failure, i, httpCodeOf(failure.code)) };
          }
        });
      } catch (error) {
        for (const i of sent) outcome[i] = { error: toNodeError(ctx.getNode(), error, i) };
      }
    }
    if (!ctx.continueOnFail()) {
      const first = batch.find((i) => outcome[i] && 'error' in outcome[i]);
      if (first !== undefined) results.fail(first, (outcome[first] as { error: unknown }).error);
    }
  }
  for (let i = 0; i < items.length; i++) {
    const o = outcome[i];
    if (!o) results.fail(i, new NodeOperationError(ctx.getNode(), `The hub answered nothing for item ${i}`, { itemIndex: i }));
    else if ('ok' in o) results.ok(i, o.ok);
    else results.fail(i, o.error);
  }
  return results.items();
}

/** Deletes every contact of a selection, once: `POST /v1/contacts/bulk/delete` with `confirm: true`. */
async function deleteBySelection(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
  const client = await hubClient(ctx);
  const results = new ItemResults(ctx);
  try {
    const selection = readSelection(ctx, 0);
    const answer = (await client.bulkDeleteContacts({ ...selection, confirm: true })) as IDataObject;
    results.ok(0, { deleted: answer.deleted });
  } catch (error) {
    results.fail(0, toNodeError(ctx.getNode(), error, 0));
  }
  return results.items();
}

/**
 * Deletes contacts: the contact of each input item (batched by refs, one output item each:
 * `{ deleted: true, id }`), or every contact of a selection (one output item: `{ deleted: <count> }`).
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const mode = this.getNodeParameter('deleteMode', 0, 'byItem') as string;
  return mode === 'bySelection' ? await deleteBySelection(this) : await deleteByItem(this, items);
}
