import { useEffect, useState } from 'preact/hooks';
import { ContactHubClient } from '../client/contact-hub-client';
import { createFetchTransport } from './api/fetch-transport';
import { errorText } from './api/error-text';
import { ContactScreen } from './details/contact-screen';
import { ContactsScreen } from './contacts/contacts-screen';
import { lastContactsView, resetContactsView } from './contacts/contacts-view';
import { prefetchFirstPage } from './contacts/first-page-prefetch';
import { ImportScreen } from './import/import-screen';
import { MergeScreen } from './merge/merge-screen';
import { SuggestionsScreen } from './merge/suggestions-screen';
import { routeHref, type Route } from './router/route';
import { useRoute } from './router/use-route';
import { loadCatalogue } from './session/catalogue';
import { makeSession, SessionContext, type Session } from './session/session';
import { forgetApiKey, storeApiKey, storedApiKey } from './session/session-store';
import { SignInScreen } from './session/sign-in-screen';
import { NoticeProvider } from './ui/notices';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'contacts':
      return <ContactsScreen />;
    case 'contact':
      return <ContactScreen key={route.id} id={route.id} tab={route.tab} />;
    case 'merge':
      return <MergeScreen key={`${route.primaryId}/${route.secondaryId}`} primaryId={route.primaryId} secondaryId={route.secondaryId} />;
    case 'suggestions':
      return <SuggestionsScreen />;
    case 'import':
      return <ImportScreen />;
  }
}

const NAV: { route: Route; label: string }[] = [
  { route: { name: 'contacts' }, label: 'Contacts' },
  { route: { name: 'suggestions' }, label: 'Merge suggestions' },
  { route: { name: 'import' }, label: 'Import' },
];

function Shell({ session, route }: { session: Session; route: Route }) {
  // A new screen moves the focus to its heading (once it has loaded), so keyboard and screen
  // reader users start there.
  useEffect(() => {
    const main = document.getElementById('main');
    const focusHeading = () => {
      const h1 = main?.querySelector<HTMLElement>('h1');
      h1?.focus();
      return h1 !== null && h1 !== undefined;
    };
    if (!main || focusHeading()) return undefined;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [route.name, route.name === 'contact' ? route.id : '', route.name === 'merge' ? route.primaryId + route.secondaryId : '']);
  const current = route.name === 'contact' || route.name === 'merge' ? 'contacts' : route.name;
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.querySelector<HTMLElement>('main h1')?.focus();
      }}>
        Skip to content
      </a>
      <header class="top-bar">
        <span class="brand">Contact Hub</span>
        <nav aria-label="Console">
          <ul>
            {NAV.map((n) => (
              <li>
                <a href={routeHref(n.route)} aria-current={n.route.name === current ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who" data-testid="who">
          {session.info.workspace.name} · {session.info.user.name} <span class="role-badge">{session.info.role}</span>
        </span>
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <Screen route={route} />
      </main>
    </>
  );
}

/** The console: sign in with an API key, then the screens of the hub's contacts module. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(() => storedApiKey() !== null);

  const signOut = () => {
    forgetApiKey();
    resetContactsView();
    setSession(null);
    setError(null);
  };

  const signIn = async (apiKey: string) => {
    const client = new ContactHubClient(createFetchTransport(apiKey));
    const view = lastContactsView();
    if (route.name === 'contacts' && view.draft.conditions.length === 0) {
      prefetchFirstPage(client, { segmentId: view.segmentId, text: view.text, filter: undefined, sort: view.sort });
    }
    try {
      const [info, catalogue] = await Promise.all([client.getWorkspace(), loadCatalogue(client)]);
      storeApiKey(apiKey);
      setError(null);
      setSession(makeSession(client, info, catalogue, signOut));
    } catch (e) {
      forgetApiKey();
      setError(errorText(e));
    }
  };

  useEffect(() => {
    const stored = storedApiKey();
    if (stored) void signIn(stored).finally(() => setRestoring(false));
  }, []);

  if (restoring) return <p class="loading" role="status">Loading…</p>;
  return (
    <NoticeProvider>
      {session ? (
        <SessionContext.Provider value={session}>
          <Shell session={session} route={route} />
        </SessionContext.Provider>
      ) : (
        <SignInScreen onSignIn={signIn} error={error} />
      )}
    </NoticeProvider>
  );
}
