/** Which contacts a bulk action applies to: rows ticked by hand, or everything the query matches. */
export type Selection = { kind: 'ids'; ids: ReadonlySet<string> } | { kind: 'all' };

export const NO_SELECTION: Selection = { kind: 'ids', ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

export function toggled(selection: Selection, id: string, visibleIds: readonly string[]): Selection {
  const ids = new Set(selection.kind === 'all' ? visibleIds : selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids };
}

export function selectionSize(selection: Selection, total: number | null): number {
  return selection.kind === 'all' ? (total ?? 0) : selection.ids.size;
}
