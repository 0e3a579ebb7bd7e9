/** The console's screens, addressed by the URL's hash so the hub serves one page (`/console#/…`). */
export type ContactTab = 'profile' | 'tags' | 'messages' | 'channels' | 'merges';
export const CONTACT_TABS: readonly ContactTab[] = ['profile', 'tags', 'messages', 'channels', 'merges'];

export type Route =
  | { name: 'contacts' }
  | { name: 'contact'; id: string; tab: ContactTab }
  | { name: 'merge'; primaryId: string; secondaryId: string }
  | { name: 'suggestions' }
  | { name: 'import' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'contact': {
      const tab = CONTACT_TABS.find((t) => t === parts[2]) ?? 'profile';
      return parts[1] ? { name: 'contact', id: parts[1], tab } : { name: 'contacts' };
    }
    case 'merge':
      return parts[1] && parts[2] ? { name: 'merge', primaryId: parts[1], secondaryId: parts[2] } : { name: 'contacts' };
    case 'suggestions':
      return { name: 'suggestions' };
    case 'import':
      return { name: 'import' };
    default:
      return { name: 'contacts' };
  }
}

export function routeHref(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'contacts':
      return '#/contacts';
    case 'contact':
      return `#/contact/${e(route.id)}/${route.tab}`;
    case 'merge':
      return `#/merge/${e(route.primaryId)}/${e(route.secondaryId)}`;
    case 'suggestions':
      return '#/suggestions';
    case 'import':
      return '#/import';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
