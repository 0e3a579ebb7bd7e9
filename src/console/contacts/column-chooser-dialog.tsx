import { useState } from 'preact/hooks';
import { ModalDialog } from '../ui/modal-dialog';
import type { ColumnDef } from './table-columns';

interface Props {
  columns: readonly ColumnDef[];
  chosen: readonly string[];
  onSave: (chosen: string[]) => void;
  onClose: () => void;
}

/** Customize columns: a checkbox per column; Name is always shown and cannot be deselected. */
export function ColumnChooserDialog({ columns, chosen, onSave, onClose }: Props) {
  const [picked, setPicked] = useState<string[]>([...chosen]);
  return (
    <ModalDialog title="Customize columns" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Keep the table's order, whatever order the boxes were ticked in.
          onSave(columns.map((c) => c.key).filter((k) => picked.includes(k)));
        }}
      >
        <fieldset class="column-list">
          <legend>Columns to show</legend>
          <label class="check">
            <input type="checkbox" checked disabled aria-describedby="name-always" />
            Name
            <span id="name-always" class="hint">
              (always shown)
            </span>
          </label>
          {columns.map((c) => (
            <label class="check">
              <input
                type="checkbox"
                checked={picked.includes(c.key)}
                onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, c.key] : picked.filter((k) => k !== c.key))}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Apply
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
