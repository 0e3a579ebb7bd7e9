import type { IExecuteFunctions } from 'n8n-workflow';
import type { ListAnswer } from '../../../../src/client/api-types';

/** Fetches one page of at most `limit` records after `cursor`. */
export type PageFetcher<T> = (cursor: string | undefined, limit: number) => Promise<ListAnswer<T>>;

/**
 * Follows the hub's cursor pages until `max` records are collected or the last page is read.
 * `pageSize` is the route's largest page, so Return All takes as few requests as it can.
 */
export async function listPages<T>(fetchPage: PageFetcher<T>, max: number, pageSize: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  while (out.length < max) {
    const page = await fetchPage(cursor, Math.min(pageSize, max - out.length));
    out.push(...page.data);
    if (!page.nextCursor || page.data.length === 0) break;
    cursor = page.nextCursor;
  }
  return out.slice(0, max);
}

/** The item's Return All / Limit choice as a number of records (Infinity for all). */
export function returnLimit(ctx: IExecuteFunctions, itemIndex: number): number {
  const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
  return returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}
