import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { hubClient } from '../../transport';
import { toNodeError } from '../../transport/hub-error';
import { batches, httpCodeOf, itemApiError, ItemResults, type ItemFailure } from '../shared/batching';
import { readContactBody } from '../shared/contactFields';

/** One result of `POST /v1/contacts/bulk/upsert`. */
interface BulkResult {
  index: number;
  status: 'created' | 'updated' | 'error';
  contact?: IDataObject;
  error?: ItemFailure;
}

export interface BulkUpsertOptions {
  /** `create`: every item is created (an item naming an existing contact fails); `upsert`: matched by `matchBy`. */
  mode: 'create' | 'upsert';
  matchBy?: string[];
  tagMode?: 'replace' | 'add';
}

/**
 * Sends the items' contacts to `POST /v1/contacts/bulk/upsert` in batches of the node's Batch
 * Size. Each output item is its own result — the contact with `created` true/false — paired with
 * its input item; a failed item carries the hub's error for it. An item whose parameters cannot
 * be read fails alone and is not sent; a refused request fails every item of its batch.
 */
export async function bulkUpsertItems(
  ctx: IExecuteFunctions,
  items: INodeExecutionData[],
  opts: BulkUpsertOptions,
): Promise<INodeExecutionData[]> {
  const client = await hubClient(ctx);
  const results = new ItemResults(ctx);
  const batchSize = ctx.getNodeParameter('options.batchSize', 0, 100) as number;
  // Results are gathered per item first so the output keeps the input order.
  const outcome: Array<{ ok: IDataObject } | { error: unknown }> = new Array(items.length);
  for (const batch of batches(items.length, batchSize)) {
    const sent: number[] = [];
    const contacts: IDataObject[] = [];
    for (const i of batch) {
      try {
        contacts.push(readContactBody(ctx, i, items[i], { emptyClears: false }));
        sent.push(i);
      } catch (error) {
        outcome[i] = { error: toNodeError(ctx.getNode(), error, i) };
      }
    }
    if (contacts.length === 0) continue;
    const body: IDataObject = { contacts };
    if (opts.mode === 'create') body.mode = 'create';
    if (opts.matchBy && opts.matchBy.length > 0) body.matchBy = opts.matchBy;
    if (opts.tagMode) body.tagMode = opts.tagMode;
    try {
      const answer = (await client.bulkUpsertContacts(body)) as { results: BulkResult[] };
      for (const result of answer.results) {
        const i = sent[result.index];
        if (i === undefined) continue;
        if (result.status === 'error' || !result.contact) {
          const failure = result.error ?? { code: 'error', message: 'The hub reported no result for this item' };
          outcome[i] = { error: itemApiError(ctx, failure, i, httpCodeOf(failure.code)) };
        } else {
          outcome[i] = { ok: { ...result.contact, created: result.status === 'created' } };
        }
      }
    } catch (error) {
      for (const i of sent) outcome[i] = { error: toNodeError(ctx.getNode(), error, i) };
    }
    // Without continueOnFail the first failure stops the node (the batch's good items are kept by the hub).
    if (!ctx.continueOnFail()) {
      const first = batch.find((i) => outcome[i] && 'error' in outcome[i]);
      if (first !== undefined) results.fail(first, (outcome[first] as { error: unknown }).error);
    }
  }
  for (let i = 0; i < items.length; i++) {
    const o = outcome[i];
    if (!o) results.fail(i, new Error(`The hub answered nothing for item ${i}`));
    else if ('ok' in o) results.ok(i, o.ok);
    else results.fail(i, o.error);
  }
  return results.items();
}
