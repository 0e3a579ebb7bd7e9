import { useEffect, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { Contact, MergeRecord } from '../api/hub-types';
import { fieldLabel } from '../labels/labels';
import { routeHref } from '../router/route';
import { useSession } from '../session/session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/notices';

interface Props {
  contact: Contact;
  onChanged: () => void;
}

/** The merges this contact took part in, each with what it took and moved, and Unmerge while it stands. */
export function MergeHistory({ contact, onChanged }: Props) {
  const session = useSession();
  const notify = useNotify();
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<MergeRecord | null>(null);
  const load = async () => {
    try {
      setMerges(((await session.client.listMerges(`id:${contact.id}`)) as unknown as ListAnswer<MergeRecord>).data);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), [contact.id, contact.updatedAt]);
  const canUnmerge = session.can('contacts.merge');
  const label = (f: string) => fieldLabel(f, session.catalogue.customLabels);

  return (
    <section aria-labelledby="merges-heading">
      <h2 id="merges-heading">Merge history</h2>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {merges.length === 0 && !error && <p class="hint">This contact has not been merged.</p>}
      <ol class="merge-list">
        {merges.map((m) => {
          const other = m.role === 'primary' ? m.absorbedBefore : m.primaryBefore;
          return (
            <li class="card" data-merge-id={m.id}>
              <p>
                {m.role === 'primary' ? 'Absorbed ' : 'Was absorbed into '}
                <a href={routeHref({ name: 'contact', id: other.id, tab: 'profile' })}>{other.displayName || other.id}</a> on{' '}
                {formatDateTime(m.mergedAt)}
                {m.unmergedAt && <span class="badge">Undone {formatDateTime(m.unmergedAt)}</span>}
              </p>
              <p class="hint">
                Fields taken from the other contact: {m.fieldsTaken.length === 0 ? 'none' : m.fieldsTaken.map((f) => label(f.field)).join(', ')}.
                {m.addedTags.length > 0 && ` Tags added: ${m.addedTags.join(', ')}.`} {m.movedMessageCount} messages and {m.movedIdentityIds.length}{' '}
                channel identities moved.
              </p>
              {canUnmerge && !m.unmergedAt && (
                <button type="button" onClick={() => setUndoing(m)}>
                  Unmerge
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {undoing && (
        <ConfirmDialog
          title="Unmerge these contacts?"
          confirmLabel="Unmerge"
          onClose={() => setUndoing(null)}
          onConfirm={async () => {
            try {
              const answer = (await session.client.unmerge(undoing.id)) as { restored: Contact; unmerge: { revertedFields: string[] } };
              notify(
                `Unmerged: ${answer.restored.displayName} is back; ${answer.unmerge.revertedFields.length === 0 ? 'no field' : answer.unmerge.revertedFields.map(label).join(', ')} restored`,
              );
              setUndoing(null);
              void load();
              onChanged();
            } catch (e) {
              notify(errorText(e), 'error');
            }
          }}
        >
          <p>
            {undoing.absorbedBefore.displayName || undoing.absorbedBefore.id} comes back under its own id with its profile, channels and their
            messages; {undoing.primaryBefore.displayName || undoing.primaryBefore.id} gets back the values the merge took, unless they changed since.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
