import { useRef, useState } from 'preact/hooks';
import { errorText } from '../api/error-text';
import type { Contact } from '../api/hub-types';
import { useTagSuggestions } from '../contacts/tag-names';
import { useSession } from '../session/session';

interface Props {
  contact: Contact;
  onChanged: (contact: Contact) => void;
}

/** The contact's tags: type to search the catalogue, Enter adds (a new name creates the tag), × removes. */
export function TagEditor({ contact, onChanged }: Props) {
  const { client } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const suggestions = useTagSuggestions(client, text).filter((n) => !contact.tags.some((t) => t.toLowerCase() === n.toLowerCase()));
  const input = useRef<HTMLInputElement>(null);

  const add = async (name: string) => {
    if (name.trim() === '') return;
    try {
      onChanged(await client.addContactTags(`id:${contact.id}`, { tags: [name.trim()] }));
      setText('');
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async (name: string) => {
    try {
      onChanged(await client.removeContactTags(`id:${contact.id}`, { tags: [name] }));
      setError(null);
      input.current?.focus();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="tag-editor" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {contact.tags.length === 0 ? (
        <p class="hint">No tags yet.</p>
      ) : (
        <ul class="chips" aria-label="Tags of this contact">
          {contact.tags.map((t) => (
            <li class="chip">
              {t}
              <button type="button" class="chip-remove" aria-label={`Remove tag ${t}`} onClick={() => void remove(t)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for="tag-input">Add a tag</label>
      <input
        id="tag-input"
        ref={input}
        list="tag-input-suggestions"
        autoComplete="off"
        value={text}
        aria-describedby="tag-input-hint"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void add(text);
          }
        }}
      />
      <datalist id="tag-input-suggestions">
        {suggestions.map((s) => (
          <option value={s} />
        ))}
      </datalist>
      <span id="tag-input-hint" class="hint">
        Type to search the tags; Enter adds the tag (a new name creates it).
      </span>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
