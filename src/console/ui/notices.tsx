import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';

interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

type Notify = (text: string, kind?: 'info' | 'error') => void;

const NoticeContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NoticeContext);
}

let nextId = 1;

/** Messages about what just happened: read out by screen readers (status / alert), dismissable. */
export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback<Notify>((text, kind = 'info') => {
    const id = nextId++;
    setNotices((list) => [...list.slice(-2), { id, text, kind }]);
    // Information fades after a while; errors stay until dismissed.
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 10_000);
  }, []);
  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id));
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div class="notices">
        <div role="status" aria-live="polite">
          {notices
            .filter((n) => n.kind === 'info')
            .map((n) => (
              <p class="notice">
                {n.text}{' '}
                <button type="button" class="link-button" onClick={() => dismiss(n.id)} aria-label="Dismiss">
                  ×
                </button>
              </p>
            ))}
        </div>
        <div role="alert">
          {notices
            .filter((n) => n.kind === 'error')
            .map((n) => (
              <p class="notice error">
                {n.text}{' '}
                <button type="button" class="link-button" onClick={() => dismiss(n.id)} aria-label="Dismiss">
                  ×
                </button>
              </p>
            ))}
        </div>
      </div>
    </NoticeContext.Provider>
  );
}
