import { useState } from 'preact/hooks';
import { errorText, fieldErrors } from '../api/error-text';
import type { Contact } from '../api/hub-types';
import { useSession } from '../session/session';
import { useNotify } from '../ui/notices';
import { FieldControl } from './field-control';
import { changesOf, profileFields, toFormText } from './profile-fields';

interface Props {
  contact: Contact;
  onSaved: (contact: Contact) => void;
}

/**
 * Standard and custom fields, each with the control of its type. The form sends only what
 * changed; the hub validates, and its message for each field is shown beside that field.
 */
export function ProfileForm({ contact, onSaved }: Props) {
  const { client, catalogue } = useSession();
  const notify = useNotify();
  const { standard, custom } = profileFields(catalogue);
  const all = [...standard, ...custom];
  const initial = () => Object.fromEntries(all.map((f) => [f.path, toFormText(contact, f)]));
  const [texts, setTexts] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changes = changesOf(contact, all, texts);
  const dirty = Object.keys(changes).length > 0;

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await client.updateContact(`id:${contact.id}`, changes);
      setErrors(new Map());
      setMessage(null);
      onSaved(saved);
      setTexts(Object.fromEntries(all.map((f) => [f.path, toFormText(saved, f)])));
      notify('Saved the contact');
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      setMessage(errorText(err));
      const first = [...byField.keys()][0];
      if (first) document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  const control = (f: (typeof all)[number]) => (
    <FieldControl field={f} value={texts[f.path] ?? ''} error={errors.get(f.path)} onChange={(v) => setTexts({ ...texts, [f.path]: v })} />
  );
  return (
    <form class="profile-form" onSubmit={save} noValidate aria-label="Profile">
      {message && (
        <p class="field-error" role="alert">
          {message}
        </p>
      )}
      <fieldset>
        <legend>Standard fields</legend>
        <div class="form-grid">{standard.map(control)}</div>
      </fieldset>
      {custom.length > 0 && (
        <fieldset>
          <legend>Custom fields</legend>
          <div class="form-grid">{custom.map(control)}</div>
        </fieldset>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || !dirty}>
          Save changes
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setTexts(initial());
            setErrors(new Map());
            setMessage(null);
          }}
        >
          Discard changes
        </button>
      </div>
    </form>
  );
}
