import { selectionBody, type ContactQuery } from './contact-query';
import type { Selection } from './selection';

/** The contacts of a bulk call: ticked rows as refs, or the query itself for "everything matching". */
export function bulkTarget(selection: Selection, query: ContactQuery): Record<string, unknown> {
  if (selection.kind === 'all') return selectionBody(query);
  return { refs: [...selection.ids].map((id) => `id:${id}`) };
}

/**
 * Export takes a selection, not refs: ticked rows become an `id` "is any of" filter (blocked ones
 * included, since they were picked by hand).
 */
export function exportTarget(selection: Selection, query: ContactQuery): Record<string, unknown> {
  if (selection.kind === 'all') return selectionBody(query);
  return { filter: { field: 'id', operator: 'in', value: [...selection.ids] }, includeBlocked: true };
}
