import type { Contact } from '../../domain/contact';
import { type MergeCandidate, type MergeReason, suggestMerges } from '../../domain/merge';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { loadContacts } from '../repos/contact-repo';
import { listCustomFieldDefinitions } from '../repos/custom-field-repo';
import { candidateIdentities, duplicateCandidateIds } from '../repos/merge-repo';

/**
 * Merge suggestions (`GET /v1/contacts/duplicates`). The database narrows the workspace down
 * to the contacts that share a comparison key with another contact (GROUP BY … HAVING
 * count > 1, see merge-repo); only those and their phone/e-mail identities are loaded, and
 * the domain's `suggestMerges` builds, explains and ranks the pairs. Blocked contacts take
 * part: a blocked duplicate is still a duplicate, and merging keeps the block.
 */

/** Contacts loaded per query while gathering candidates. */
const LOAD_CHUNK = 1000;

/** A position in the ranked list: after the pair (a, b) with `reasons` reasons. */
export interface DuplicatePosition {
  reasons: number;
  a: string;
  b: string;
}

export interface DuplicateSuggestion {
  contactIds: [string, string];
  reasons: MergeReason[];
  contacts: [Contact, Contact];
}

export function encodeDuplicateCursor(p: DuplicatePosition): string {
  return Buffer.from(JSON.stringify([p.reasons, p.a, p.b]), 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one of this list. */
export function decodeDuplicateCursor(cursor: string): DuplicatePosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [reasons, a, b] = value as unknown[];
    if (typeof reasons !== 'number' || !Number.isInteger(reasons) || reasons < 1 || reasons > 1000) return null;
    if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '' || a.length > 200 || b.length > 200) return null;
    return { reasons, a, b };
  } catch {
    return null;
  }
}

function compareText(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The domain's ranking: more reasons first, then by the two ids. */
function comparePosition(x: DuplicatePosition, y: DuplicatePosition): number {
  return y.reasons - x.reasons || compareText(x.a, y.a) || compareText(x.b, y.b);
}

function positionOf(s: { contactIds: [string, string]; reasons: MergeReason[] }): DuplicatePosition {
  return { reasons: s.reasons.length, a: s.contactIds[0], b: s.contactIds[1] };
}

/** One page of merge suggestions, strongest first, after `after`. */
export async function listDuplicates(
  hub: Hub,
  auth: AuthContext,
  opts: { limit: number; after: DuplicatePosition | null },
): Promise<{ data: DuplicateSuggestion[]; nextCursor: string | null }> {
  const ws = auth.workspaceId;
  const definitions = await listCustomFieldDefinitions(hub.db, ws);
  const phoneKeys = definitions.filter((d) => d.type === 'phone').map((d) => d.key);
  const emailKeys = definitions.filter((d) => d.type === 'email').map((d) => d.key);
  const ids = await duplicateCandidateIds(hub.db, ws, phoneKeys, emailKeys);

  const contacts = new Map<string, Contact>();
  const candidates = new Map<string, MergeCandidate>();
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const chunk = ids.slice(i, i + LOAD_CHUNK);
    for (const c of await loadContacts(hub.db, ws, chunk)) {
      contacts.set(c.id, c);
      candidates.set(c.id, { contact: c, identities: [] });
    }
    for (const identity of await candidateIdentities(hub.db, ws, chunk)) {
      candidates.get(identity.contactId)?.identities.push({ channelType: identity.channelType, address: identity.address });
    }
  }

  const ranked = suggestMerges([...candidates.values()], definitions);
  const after = opts.after;
  const rest = after === null ? ranked : ranked.filter((s) => comparePosition(positionOf(s), after) > 0);
  const page = rest.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((s) => ({
      contactIds: s.contactIds,
      reasons: s.reasons,
      contacts: [contacts.get(s.contactIds[0]) as Contact, contacts.get(s.contactIds[1]) as Contact],
    })),
    nextCursor: rest.length > opts.limit && last ? encodeDuplicateCursor(positionOf(last)) : null,
  };
}
