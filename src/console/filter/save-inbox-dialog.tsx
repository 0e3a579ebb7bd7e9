import { useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { Segment } from '../api/hub-types';
import { useSession } from '../session/session';
import { ModalDialog } from '../ui/modal-dialog';

interface Props {
  filter: unknown;
  onSaved: (segment: Segment) => void;
  onClose: () => void;
}

/** Saves the current filter as a named segment: an inbox in the selector. */
export function SaveInboxDialog({ filter, onSaved, onClose }: Props) {
  const { client } = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const segment = (await client.createSegment({ name, filter })) as unknown as Segment;
      onSaved(segment);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <ModalDialog title="Save as inbox" onClose={onClose}>
      <form onSubmit={save} noValidate>
        <label for="inbox-name">Inbox name</label>
        <input
          id="inbox-name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'inbox-error' : undefined}
        />
        {error && (
          <p id="inbox-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={name.trim() === ''}>
            Save inbox
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
