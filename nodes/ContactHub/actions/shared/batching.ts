import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { toNodeError } from '../../transport/hub-error';

/** The most items one bulk request of the hub takes. */
export const HUB_BULK_MAX = 1000;
export const DEFAULT_BATCH_SIZE = 100;

/** The Batch Size option of an operation whose items go to a bulk endpoint. */
export function batchSizeOption(what: string): INodeProperties {
  return {
    displayName: 'Batch Size',
    name: 'batchSize',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: HUB_BULK_MAX },
    default: DEFAULT_BATCH_SIZE,
    description: `How many input items go to the hub in one request (1–${HUB_BULK_MAX}). ${what}`,
  };
}

/** Splits item indexes into consecutive batches of at most `size`. */
export function batches(count: number, size: number): number[][] {
  const n = Math.max(1, Math.min(HUB_BULK_MAX, Math.floor(size) || DEFAULT_BATCH_SIZE));
  const out: number[][] = [];
  for (let start = 0; start < count; start += n) {
    out.push(Array.from({ length: Math.min(n, count - start) }, (_, k) => start + k));
  }
  return out;
}

/** One failed item as the hub reports it inside a bulk answer. */
export interface ItemFailure {
  code: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

/** A NodeApiError for one item of a bulk answer, carrying the hub's message and details. */
export function itemApiError(ctx: IExecuteFunctions, failure: ItemFailure, itemIndex: number, httpCode = '400'): NodeApiError {
  const details = (failure.details ?? []).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  const response: JsonObject = {
    message: failure.message,
    code: failure.code,
    details: (failure.details ?? []).map((d) => ({ path: d.path, message: d.message })),
  };
  return new NodeApiError(ctx.getNode(), response, {
    message: failure.message,
    description: details.length > 0 ? details.join('\n') : undefined,
    httpCode,
    itemIndex,
  });
}

/** The status code that fits a per-item error code of the hub. */
export function httpCodeOf(code: string): string {
  const byCode: Record<string, string> = {
    validation_error: '400',
    not_found: '404',
    conflict: '409',
    forbidden: '403',
    rule_refused: '422',
    unauthorized: '401',
  };
  return byCode[code] ?? '400';
}

/**
 * Collects the output of an operation: successes and failures keep their item's pairing.
 * A failure throws when the node does not continue on fail (the first one, naming its item),
 * else it becomes an error item `{ error, ...details }` paired with its input item.
 */
export class ItemResults {
  private readonly out: INodeExecutionData[] = [];

  constructor(private readonly ctx: IExecuteFunctions) {}

  /** Adds a successful result of input item `item`. */
  ok(item: number, json: INodeExecutionData['json'], binary?: INodeExecutionData['binary']): void {
    const entry: INodeExecutionData = { json, pairedItem: { item } };
    if (binary) entry.binary = binary;
    this.out.push(entry);
  }

  /** Adds the failure of input item `item` (throws without continueOnFail). */
  fail(item: number, error: unknown): void {
    const nodeError = error instanceof NodeApiError || error instanceof NodeOperationError ? error : toNodeError(this.ctx.getNode(), error, item);
    if (!this.ctx.continueOnFail()) throw nodeError;
    // n8n shows an error item as `{ error: <message> }`; the error itself carries details and status.
    const json: INodeExecutionData['json'] = { error: nodeError.message };
    this.out.push({ json, error: nodeError, pairedItem: { item } });
  }

  items(): INodeExecutionData[] {
    return this.out;
  }
}

/**
 * Runs `run` once per input item, collecting what it answers (one JSON or several) paired
 * with the item, and each item's own error.
 */
export async function perItem(
  ctx: IExecuteFunctions,
  items: INodeExecutionData[],
  run: (i: number) => Promise<INodeExecutionData['json'] | Array<INodeExecutionData['json']>>,
): Promise<INodeExecutionData[]> {
  const results = new ItemResults(ctx);
  for (let i = 0; i < items.length; i++) {
    try {
      const answer = await run(i);
      for (const json of Array.isArray(answer) ? answer : [answer]) results.ok(i, json);
    } catch (error) {
      results.fail(i, toNodeError(ctx.getNode(), error, i));
    }
  }
  return results.items();
}
