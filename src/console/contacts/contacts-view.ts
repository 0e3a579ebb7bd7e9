import { EMPTY_DRAFT, type FilterDraft } from '../filter/filter-draft';
import type { ContactSort } from './contact-query';

/** What the contacts screen was showing, kept while the person visits a contact and comes back. */
export interface ContactsView {
  segmentId: string | null;
  text: string;
  draft: FilterDraft;
  sort: ContactSort;
  drawerOpen: boolean;
}

const INITIAL: ContactsView = {
  segmentId: null,
  text: '',
  draft: EMPTY_DRAFT,
  sort: { by: 'createdAt', direction: 'desc' },
  drawerOpen: false,
};

let current: ContactsView = INITIAL;

export function lastContactsView(): ContactsView {
  return current;
}

export function keepContactsView(view: ContactsView): void {
  current = view;
}

/** Signing out forgets it: another key may belong to another workspace. */
export function resetContactsView(): void {
  current = INITIAL;
}
