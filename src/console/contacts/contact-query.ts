/** What the contacts table shows: an inbox (segment), search text, the drawer's filter and the order. */
export type SortBy = 'name' | 'createdAt' | 'lastInteractionAt';

export interface ContactSort {
  by: SortBy;
  direction: 'asc' | 'desc';
}

export interface ContactQuery {
  segmentId: string | null;
  text: string;
  filter: Record<string, unknown> | undefined;
  sort: ContactSort;
}

/** The selection fields every API route over "contacts matching" takes (search, count, bulk, export). */
export function selectionBody(q: ContactQuery): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (q.segmentId) body.segmentId = q.segmentId;
  if (q.text.trim() !== '') body.text = q.text.trim();
  if (q.filter) body.filter = q.filter;
  return body;
}

/** The default direction of a column: names A→Z, dates newest first. */
export function defaultDirection(by: SortBy): 'asc' | 'desc' {
  return by === 'name' ? 'asc' : 'desc';
}
