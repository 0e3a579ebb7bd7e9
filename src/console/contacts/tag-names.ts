import { useEffect, useState } from 'preact/hooks';
import type { ContactHubClient } from '../../client/contact-hub-client';
import type { ListAnswer } from '../../client/api-types';
import type { TagInfo } from '../api/hub-types';

/** Catalogue tags whose name contains `search` (GET /v1/tags?search=…), for type-to-search suggestions; none while not enabled. */
export function useTagSuggestions(client: ContactHubClient, search: string, limit = 20, enabled = true): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const answer = (await client.listTags({ search: search.trim() || undefined, limit })) as unknown as ListAnswer<TagInfo>;
        if (live) setNames(answer.data.map((t) => t.name));
      } catch {
        if (live) setNames([]);
      }
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, enabled]);
  return names;
}
