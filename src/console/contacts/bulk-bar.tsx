import { plural } from '../ui/format';
import type { Selection } from './selection';

interface Props {
  selection: Selection;
  total: number | null;
  shown: number;
  onSelectAll: () => void;
  onClear: () => void;
  onTag: () => void;
  /** Null when the role may not (the action is then not offered at all). */
  onExport: (() => void) | null;
  onDelete: (() => void) | null;
  onMerge: (() => void) | null;
}

/** Actions on the selected contacts, or on every contact the current inbox, search and filter match. */
export function BulkBar({ selection, total, shown, onSelectAll, onClear, onTag, onExport, onDelete, onMerge }: Props) {
  const canWiden = selection.kind === 'ids' && total !== null && selection.ids.size >= shown && total > selection.ids.size;
  return (
    <section class="bulk-bar" aria-label="Bulk actions">
      <p class="bulk-what" aria-live="polite">
        {selection.kind === 'all' ? `All ${plural(total ?? 0, 'matching contact')} selected` : `${plural(selection.ids.size, 'contact')} selected`}
      </p>
      {canWiden && (
        <button type="button" class="link-button" onClick={onSelectAll}>
          Select all {plural(total ?? 0, 'matching contact')}
        </button>
      )}
      <button type="button" class="link-button" onClick={onClear}>
        Clear selection
      </button>
      <span class="spacer" />
      <button type="button" onClick={onTag}>
        Assign tags
      </button>
      {onExport && (
        <button type="button" onClick={onExport}>
          Export CSV
        </button>
      )}
      {onMerge && (
        <button type="button" onClick={onMerge}>
          Merge
        </button>
      )}
      {onDelete && (
        <button type="button" class="danger" onClick={onDelete}>
          Delete
        </button>
      )}
    </section>
  );
}
