import { useEffect, useState } from 'preact/hooks';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { DuplicatePair } from '../api/hub-types';
import { routeHref } from '../router/route';
import { useSession } from '../session/session';

const REASONS: Readonly<Record<DuplicatePair['reasons'][number]['kind'], string>> = {
  phone: 'Same phone',
  email: 'Same e-mail',
  externalCode: 'Same external code',
  nameAndCountry: 'Same name and country',
};

/** Merge suggestions (GET /v1/contacts/duplicates) with their reasons, each one click from the compare view. */
export function SuggestionsScreen() {
  const session = useSession();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (from: string | null) => {
    try {
      const page = (await session.client.findDuplicates({ limit: 50, cursor: from ?? undefined })) as unknown as ListAnswer<DuplicatePair>;
      setPairs((list) => (from && list ? [...list, ...page.data] : page.data));
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(null), []);
  const canMerge = session.can('contacts.merge');
  return (
    <section>
      <h1 tabIndex={-1}>Merge suggestions</h1>
      <p class="hint">Pairs of contacts that share a phone, an e-mail or an external code, or have the same name and country.</p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {pairs === null && !error && <p role="status">Loading…</p>}
      {pairs?.length === 0 && <p>No suggestions: no two contacts look alike.</p>}
      <ul class="suggestions">
        {pairs?.map((p) => {
          const [a, b] = p.contacts;
          return (
            <li class="card suggestion">
              <p class="pair">
                <a href={routeHref({ name: 'contact', id: a.id, tab: 'profile' })}>{a.displayName || a.id}</a>
                <span aria-hidden="true"> ⇄ </span>
                <span class="visually-hidden"> and </span>
                <a href={routeHref({ name: 'contact', id: b.id, tab: 'profile' })}>{b.displayName || b.id}</a>
              </p>
              <ul class="reasons">
                {p.reasons.map((r) => (
                  <li>
                    {REASONS[r.kind]}: <span class="mono">{r.value}</span>
                  </li>
                ))}
              </ul>
              {canMerge && (
                <a class="button" href={routeHref({ name: 'merge', primaryId: a.id, secondaryId: b.id })}>
                  Compare {a.displayName} and {b.displayName}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void load(cursor)}>
          More suggestions
        </button>
      )}
    </section>
  );
}
