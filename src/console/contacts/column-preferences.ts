/** The columns a person chose for the contacts table, remembered in this browser (localStorage). */
const KEY = 'contact-hub.console.columns';

export const DEFAULT_COLUMNS: readonly string[] = ['phone', 'email', 'tags', 'createdAt', 'lastInteractionAt', 'proactive', 'reactive'];

export function loadColumns(known: readonly string[]): string[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed.filter((c): c is string => typeof c === 'string' && known.includes(c));
    }
  } catch {
    // unreadable: the defaults
  }
  return DEFAULT_COLUMNS.filter((c) => known.includes(c));
}

export function saveColumns(columns: readonly string[]): void {
  window.localStorage.setItem(KEY, JSON.stringify(columns));
}
