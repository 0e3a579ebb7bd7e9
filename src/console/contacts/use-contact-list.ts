import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactHubClient } from '../../client/contact-hub-client';
import type { ListAnswer } from '../../client/api-types';
import { errorText } from '../api/error-text';
import type { Contact } from '../api/hub-types';
import { selectionBody, type ContactQuery } from './contact-query';
import { takePrefetchedPage } from './first-page-prefetch';
import { PAGE_SIZE } from './page-size';


export interface ContactList {
  contacts: Contact[];
  /** How many contacts the query matches (POST /v1/contacts/count); null until counted. */
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => Promise<void>;
  reload: () => void;
  replace: (contact: Contact) => void;
}

/**
 * One query's contacts, a page at a time by keyset cursor (POST /v1/contacts/search), and their
 * count. A new query waits for typing to settle (250 ms) and drops answers to older queries.
 */
export function useContactList(client: ContactHubClient, query: ContactQuery): ContactList {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(async () => {
      const selection = selectionBody(query);
      try {
        // The page first, so the rows show as soon as they can; the count follows.
        const page = await (takePrefetchedPage(query) ??
          (client.searchContacts({ ...selection, sort: query.sort, limit: PAGE_SIZE }) as unknown as Promise<ListAnswer<Contact>>));
        if (mine !== seq.current) return;
        setContacts(page.data);
        setCursor(page.nextCursor ?? null);
        setTotal(null);
        setError(null);
        setLoading(false);
        const count = (await client.countContacts(selection)) as { count: number };
        if (mine !== seq.current) return;
        setTotal(count.count);
      } catch (e) {
        if (mine !== seq.current) return;
        setContacts([]);
        setCursor(null);
        setTotal(null);
        setError(errorText(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, generation === 0 && contacts.length === 0 ? 0 : 250);
    return () => clearTimeout(timer);
  }, [key, generation]);

  const loadMore = async () => {
    if (!cursor) return;
    const mine = seq.current;
    setLoading(true);
    try {
      const page = (await client.searchContacts({ ...selectionBody(query), sort: query.sort, limit: PAGE_SIZE, cursor })) as unknown as ListAnswer<Contact>;
      if (mine !== seq.current) return;
      setContacts((list) => [...list, ...page.data]);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  return {
    contacts,
    total,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore,
    reload: () => setGeneration((g) => g + 1),
    replace: (contact) => setContacts((list) => list.map((c) => (c.id === contact.id ? contact : c))),
  };
}
