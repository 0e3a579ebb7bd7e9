import { useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { ImportAnswer } from '../api/hub-types';
import { routeHref } from '../router/route';
import { useSession } from '../session/session';
import { plural } from '../ui/format';

const MATCH_KEYS: { value: string; label: string }[] = [
  { value: 'externalCode,phone,email', label: 'External code, then phone, then e-mail (default)' },
  { value: 'externalCode', label: 'External code' },
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'E-mail' },
  { value: 'id', label: 'ID' },
];

const STATUS_LABELS: Readonly<Record<string, string>> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', failed: 'Failed' };

/** CSV import: a file, the match key, then each row's result with its line number (POST /v1/contacts/import). */
export function ImportScreen() {
  const { client, info } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [matchBy, setMatchBy] = useState(MATCH_KEYS[0].value);
  const [country, setCountry] = useState(info.workspace.defaultCountry ?? '');
  const [tagMode, setTagMode] = useState<'add' | 'replace'>('add');
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const csv = await file.text();
      const answer = (await client.importContacts(csv, {
        matchBy,
        defaultCountry: country.trim() || undefined,
        tagMode,
      })) as unknown as ImportAnswer;
      setResult(answer);
      setError(null);
      setTimeout(() => document.getElementById('import-results')?.focus(), 0);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="import-screen">
      <h1 tabIndex={-1}>Import contacts</h1>
      <p class="hint">
        A CSV whose first line names the columns (<code>externalCode</code>, <code>firstName</code>, <code>lastName</code>, <code>email</code>,{' '}
        <code>phone</code>, <code>tags</code> separated by <code>;</code>, <code>customFields.&lt;key&gt;</code>, …). Each row creates a contact or
        updates the one it matches; bad rows are reported with their line and good rows are kept.
      </p>
      <form class="card import-form" onSubmit={submit} noValidate>
        <label for="import-file">CSV file</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <fieldset>
          <legend>Match existing contacts by</legend>
          {MATCH_KEYS.map((k) => (
            <label class="check">
              <input type="radio" name="match-by" value={k.value} checked={matchBy === k.value} onChange={() => setMatchBy(k.value)} />
              {k.label}
            </label>
          ))}
        </fieldset>
        <div class="form-grid">
          <div class="form-field">
            <label for="import-country">Country of national phone numbers</label>
            <input id="import-country" value={country} maxLength={2} onInput={(e) => setCountry(e.currentTarget.value)} />
          </div>
          <div class="form-field">
            <label for="import-tag-mode">Tags of updated contacts</label>
            <select id="import-tag-mode" value={tagMode} onChange={(e) => setTagMode(e.currentTarget.value as 'add' | 'replace')}>
              <option value="add">Add to their tags</option>
              <option value="replace">Replace their tags</option>
            </select>
          </div>
        </div>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !file}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {result && (
        <section id="import-results" tabIndex={-1} aria-labelledby="import-results-heading" class="import-results">
          <h2 id="import-results-heading">Results</h2>
          <p data-testid="import-summary">
            {plural(result.summary.created, 'contact')} created, {result.summary.updated} updated, {result.summary.unchanged} unchanged,{' '}
            {plural(result.summary.failed, 'row')} failed.
            {result.ignoredColumns.length > 0 && ` Columns skipped: ${result.ignoredColumns.join(', ')}.`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Result</th>
                <th scope="col">Contact or problem</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr data-line={r.line} class={r.status === 'failed' ? 'failed-row' : undefined}>
                  <th scope="row">{r.line}</th>
                  <td>
                    <span class={r.status === 'failed' ? 'badge danger-badge' : 'badge'}>{STATUS_LABELS[r.status] ?? r.status}</span>
                  </td>
                  <td>
                    {r.status === 'failed' ? (
                      r.error?.message
                    ) : r.contactId ? (
                      <a href={routeHref({ name: 'contact', id: r.contactId, tab: 'profile' })}>{r.contactId}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
