import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  onSignIn: (apiKey: string) => Promise<void>;
  /** Why the last attempt or the stored key failed. */
  error: string | null;
}

/** Asks for an API key; the key decides the workspace and the role. */
export function SignInScreen({ onSignIn, error }: Props) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [error]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSignIn(key.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <form class="card sign-in-card" onSubmit={submit} aria-describedby="sign-in-help">
        <h1>Contact Hub console</h1>
        <p id="sign-in-help">
          Sign in with an API key (<code>contact-hub keys create</code> makes one). The key stays in this browser tab only and
          acts with its user's role.
        </p>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          ref={input}
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
          required
        />
        {error && (
          <p id="sign-in-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
