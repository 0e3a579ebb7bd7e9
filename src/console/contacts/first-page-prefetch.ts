import type { ContactHubClient } from '../../client/contact-hub-client';
import type { ListAnswer } from '../../client/api-types';
import type { Contact } from '../api/hub-types';
import { selectionBody, type ContactQuery } from './contact-query';
import { PAGE_SIZE } from './page-size';

let pending: { key: string; page: Promise<ListAnswer<Contact>> } | null = null;

/**
 * Asks for the first page of the contacts table while sign-in still loads the workspace and its
 * catalogue, so the first screen waits for one round trip less.
 */
export function prefetchFirstPage(client: ContactHubClient, query: ContactQuery): void {
  const page = client.searchContacts({ ...selectionBody(query), sort: query.sort, limit: PAGE_SIZE }) as unknown as Promise<ListAnswer<Contact>>;
  page.catch(() => undefined);
  pending = { key: JSON.stringify(query), page };
}

/** The prefetched page of exactly this query, once; null when there is none. */
export function takePrefetchedPage(query: ContactQuery): Promise<ListAnswer<Contact>> | null {
  if (!pending || pending.key !== JSON.stringify(query)) return null;
  const { page } = pending;
  pending = null;
  return page;
}
