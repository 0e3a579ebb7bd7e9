import { useState } from 'preact/hooks';
import { CONTACT_COLUMNS } from '../../domain/contact-columns';
import { errorText } from '../api/error-text';
import { fieldLabel } from '../labels/labels';
import { useSession } from '../session/session';
import { ModalDialog } from '../ui/modal-dialog';

interface Props {
  target: Record<string, unknown>;
  description: string;
  onClose: () => void;
}

const PRESET = ['phone', 'email', 'country', 'tags', 'createdAt'];

/** Export CSV with chosen columns (the name always first), downloaded as a file. */
export function ExportDialog({ target, description, onClose }: Props) {
  const { client, catalogue } = useSession();
  const columns = [
    ...CONTACT_COLUMNS.filter((c) => c !== 'name').map((c) => ({ key: c as string, label: fieldLabel(c) })),
    ...catalogue.customFields.map((f) => ({ key: `customFields.${f.key}`, label: f.label })),
  ];
  const [picked, setPicked] = useState<string[]>(PRESET);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const csv = await client.exportContacts({ ...target, columns: ['name', ...columns.map((c) => c.key).filter((k) => picked.includes(k))] });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `contacts-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalDialog title="Export CSV" onClose={onClose} wide>
      <form onSubmit={download}>
        <p>Exports {description}.</p>
        <fieldset class="column-list columns-3">
          <legend>Columns</legend>
          <label class="check">
            <input type="checkbox" checked disabled />
            Name (always first)
          </label>
          {columns.map((c) => (
            <label class="check">
              <input
                type="checkbox"
                checked={picked.includes(c.key)}
                onChange={(ev) => setPicked(ev.currentTarget.checked ? [...picked, c.key] : picked.filter((k) => k !== c.key))}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            Download CSV
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
