import { fieldError } from '../../domain/errors';

/**
 * Opaque cursors of keyset-paginated searches: base64url of JSON holding the sort, the sort
 * value and id of the last row of the page, and a digest of the query, so that a cursor given
 * to another query (other filter, other sort) is refused rather than silently misread.
 */
export interface SearchCursor {
  /** Sort field and direction the page was read with. */
  sort: string;
  /** The sort value of the last row (an ISO instant, a folded name, or null). */
  value: string | null;
  /** The id of the last row. */
  id: string;
  /** Digest of the query the cursor belongs to. */
  query: string;
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id, c.query]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks that it belongs to this query and sort; otherwise a 400 on `path`
 * telling the caller to pass the nextCursor of the previous page of the same query.
 */
export function decodeSearchCursor(text: string, expected: { sort: string; query: string }, path = 'cursor'): SearchCursor {
  const refuse = (why: string) => fieldError(path, `${why}; pass the nextCursor of the previous page of the same query, or leave it out`);
  let raw: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length > 2000) throw new Error('not base64url');
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse('is not a cursor');
  }
  if (!Array.isArray(raw) || raw.length !== 4) throw refuse('is not a cursor');
  const [sort, value, id, query] = raw as unknown[];
  if (typeof sort !== 'string' || (value !== null && typeof value !== 'string') || typeof id !== 'string' || typeof query !== 'string') {
    throw refuse('is not a cursor');
  }
  if (sort !== expected.sort) throw refuse(`belongs to a search sorted by ${sort}, not ${expected.sort}`);
  if (query !== expected.query) throw refuse('belongs to another query (filter, segment, text or includeBlocked differ)');
  return { sort, value, id, query };
}
