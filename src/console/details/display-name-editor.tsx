import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, fieldErrors } from '../api/error-text';
import type { Contact } from '../api/hub-types';
import { useSession } from '../session/session';

interface Props {
  contact: Contact;
  onSaved: (contact: Contact) => void;
}

/** The display name as the heading, edited in place: it is first + last name (SPEC §3). */
export function DisplayNameEditor({ contact, onSaved }: Props) {
  const { client } = useSession();
  const [editing, setEditing] = useState(false);
  const [first, setFirst] = useState(contact.firstName ?? '');
  const [last, setLast] = useState(contact.lastName ?? '');
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const firstInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) firstInput.current?.focus();
  }, [editing]);

  const stop = () => {
    setEditing(false);
    setError(null);
    setTimeout(() => editButton.current?.focus(), 0);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await client.updateContact(`id:${contact.id}`, { firstName: first.trim() || null, lastName: last.trim() || null });
      onSaved(saved);
      stop();
    } catch (err) {
      const byField = fieldErrors(err);
      setError(byField.get('firstName') ?? byField.get('lastName') ?? errorText(err));
    }
  };

  if (!editing) {
    return (
      <div class="display-name">
        <h1 tabIndex={-1}>{contact.displayName || contact.id}</h1>
        <button
          type="button"
          ref={editButton}
          class="link-button"
          onClick={() => {
            setFirst(contact.firstName ?? '');
            setLast(contact.lastName ?? '');
            setEditing(true);
          }}
        >
          Edit name
        </button>
      </div>
    );
  }
  return (
    <form
      class="display-name editing"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') stop();
      }}
      noValidate
    >
      <h1 class="visually-hidden" tabIndex={-1}>
        {contact.displayName}
      </h1>
      <label>
        First name
        <input value={first} onInput={(e) => setFirst(e.currentTarget.value)} ref={firstInput} />
      </label>
      <label>
        Last name
        <input value={last} onInput={(e) => setLast(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        Save name
      </button>
      <button type="button" onClick={stop}>
        Cancel
      </button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
