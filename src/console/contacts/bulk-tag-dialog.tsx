import { useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { BulkTagAnswer } from '../api/hub-types';
import { useSession } from '../session/session';
import { ModalDialog } from '../ui/modal-dialog';
import { plural } from '../ui/format';
import { useTagSuggestions } from './tag-names';

interface Props {
  target: Record<string, unknown>;
  /** "3 selected contacts", "all 120 matching contacts" */
  description: string;
  onDone: (answer: BulkTagAnswer, action: 'add' | 'remove', tags: string[]) => void;
  onClose: () => void;
}

/** Assign tags (or remove them) on the selected contacts or on everything the filter matches. */
export function BulkTagDialog({ target, description, onDone, onClose }: Props) {
  const { client } = useSession();
  const [tags, setTags] = useState('');
  const [action, setAction] = useState<'add' | 'remove'>('add');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lastWord = tags.split(',').pop() ?? '';
  const suggestions = useTagSuggestions(client, lastWord);
  const list = tags.split(',').map((t) => t.trim()).filter(Boolean);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const answer = (await client.bulkTagContacts({ action, tags: list, ...target })) as unknown as BulkTagAnswer;
      onDone(answer, action, list);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalDialog title="Assign tags" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>Applies to {description}.</p>
        <fieldset class="inline">
          <legend>Action</legend>
          <label class="check">
            <input type="radio" name="tag-action" checked={action === 'add'} onChange={() => setAction('add')} />
            Add tags
          </label>
          <label class="check">
            <input type="radio" name="tag-action" checked={action === 'remove'} onChange={() => setAction('remove')} />
            Remove tags
          </label>
        </fieldset>
        <label for="bulk-tags">Tags, separated by commas</label>
        <input
          id="bulk-tags"
          data-autofocus
          list="bulk-tag-suggestions"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'bulk-tag-error' : undefined}
        />
        <datalist id="bulk-tag-suggestions">
          {suggestions.map((s) => (
            <option value={[...tags.split(',').slice(0, -1), s].map((t) => t.trim()).join(', ')} />
          ))}
        </datalist>
        {error && (
          <p id="bulk-tag-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy || list.length === 0}>
            {action === 'add' ? `Add ${plural(list.length, 'tag')}` : `Remove ${plural(list.length, 'tag')}`}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
