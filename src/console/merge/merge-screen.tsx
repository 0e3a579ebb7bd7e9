import { useEffect, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import type { MergeSource } from '../../domain/merge/merge-source';
import { errorText } from '../api/error-text';
import type { Contact, ContactChannel, CustomFieldValue } from '../api/hub-types';
import { fieldLabel } from '../labels/labels';
import { navigate, routeHref } from '../router/route';
import { useSession } from '../session/session';
import { useNotify } from '../ui/notices';
import { differingFields, unitedTags } from './merge-draft';

interface Props {
  primaryId: string;
  secondaryId: string;
}

const show = (v: CustomFieldValue): string => (v === null || v === '' ? '(empty)' : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v));

/**
 * Merge compare: both profiles side by side, one choice per differing field (the API's defaults
 * preselected), the tags and channels that will be united, then Merge.
 */
export function MergeScreen({ primaryId, secondaryId }: Props) {
  const session = useSession();
  const notify = useNotify();
  const [pair, setPair] = useState<{ primary: Contact; secondary: Contact; channels: ContactChannel[][] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, MergeSource>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        const [primary, secondary] = await Promise.all([
          session.client.getContact(`id:${primaryId}`),
          session.client.getContact(`id:${secondaryId}`),
        ]);
        const channels = await Promise.all(
          [primary, secondary].map(async (c) => ((await session.client.listContactChannels(`id:${c.id}`)) as unknown as ListAnswer<ContactChannel>).data),
        );
        setPair({ primary, secondary, channels });
      } catch (e) {
        setError(errorText(e));
      }
    })();
  }, []);

  const label = (path: string) => fieldLabel(path, session.catalogue.customLabels);
  if (error || !pair) {
    return (
      <section>
        <h1 tabIndex={-1}>Merge contacts</h1>
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>
    );
  }
  const { primary, secondary } = pair;
  const rows = differingFields(primary, secondary, session.catalogue.customFields);
  const tags = unitedTags(primary, secondary);
  const active = pair.channels.map((list) => list.filter((c) => c.state === 'active'));
  const sourceOf = (path: string, fallback: MergeSource) => choices[path] ?? fallback;
  const canMerge = session.can('contacts.merge');

  const merge = async () => {
    setBusy(true);
    try {
      const fields = Object.fromEntries(rows.map((r) => [r.path, sourceOf(r.path, r.defaultSource)]));
      await session.client.mergeContacts({ primary: `id:${primary.id}`, secondary: `id:${secondary.id}`, fields });
      notify(`Merged ${secondary.displayName} into ${primary.displayName}`);
      navigate({ name: 'contact', id: primary.id, tab: 'merges' });
    } catch (e) {
      notify(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="merge-screen">
      <h1 tabIndex={-1}>Merge contacts</h1>
      <p>
        <strong>{primary.displayName}</strong> (primary) stays; <strong>{secondary.displayName}</strong> is absorbed into it. The merge can be undone
        from the merge history.{' '}
        <a href={routeHref({ name: 'merge', primaryId: secondary.id, secondaryId: primary.id })}>Keep the other one instead</a>
      </p>
      <table class="compare-table">
        <caption>Fields that differ: choose the value to keep</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{primary.displayName} (primary)</th>
            <th scope="col">{secondary.displayName}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={3}>The two profiles hold the same values.</td>
            </tr>
          )}
          {rows.map((r) => {
            const source = sourceOf(r.path, r.defaultSource);
            const name = `merge-${r.path}`;
            return (
              <tr data-field={r.path}>
                <th scope="row" id={`${name}-label`}>
                  {label(r.path)}
                </th>
                {(['primary', 'secondary'] as const).map((side) => (
                  <td class={source === side ? 'chosen' : undefined}>
                    <label class="check">
                      <input
                        type="radio"
                        name={name}
                        checked={source === side}
                        aria-label={`${label(r.path)}: keep ${show(side === 'primary' ? r.primary : r.secondary)} from ${side === 'primary' ? primary.displayName : secondary.displayName}`}
                        onChange={() => setChoices({ ...choices, [r.path]: side })}
                      />
                      {show(side === 'primary' ? r.primary : r.secondary)}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="merge-union">
        <section aria-labelledby="united-tags">
          <h2 id="united-tags">Tags after the merge</h2>
          {tags.length === 0 ? (
            <p class="hint">No tags.</p>
          ) : (
            <>
            {tags.some((t) => t.from === 'secondary') && <p class="hint">Green tags come from {secondary.displayName}.</p>}
            <ul class="chips">
              {tags.map((t) => (
                <li class={t.from === 'secondary' ? 'chip added' : 'chip'}>
                  {t.tag}
                  {t.from === 'secondary' && <span class="visually-hidden"> (added from {secondary.displayName})</span>}
                </li>
              ))}
            </ul>
            </>
          )}
        </section>
        <section aria-labelledby="united-channels">
          <h2 id="united-channels">Channels after the merge</h2>
          {active[0].length + active[1].length === 0 ? (
            <p class="hint">Neither contact has an active channel.</p>
          ) : (
            <ul>
              {active[0].map((c) => (
                <li>
                  {c.channel.name}: {c.identity?.address}
                </li>
              ))}
              {active[1].map((c) => (
                <li>
                  {c.channel.name}: {c.identity?.address} <span class="hint">(moves from {secondary.displayName})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {canMerge ? (
        <div class="form-actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void merge()}>
            Merge
          </button>
          <a href={routeHref({ name: 'contacts' })}>Cancel</a>
        </div>
      ) : (
        <p class="hint">Merging needs an owner or manager key.</p>
      )}
    </section>
  );
}
