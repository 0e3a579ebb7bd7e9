import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import type { Contact } from '../../../src/client/api-types';
import { hubClient } from '../transport';
import { toNodeError } from '../transport/hub-error';

/** Contacts per page of the contact picker. */
const PAGE_SIZE = 50;

/**
 * The contact picker of the contact resource locator: contacts matching the typed text
 * (name, phone, e-mail, tags, …) by `POST /v1/contacts/search`, newest first, paged by the
 * hub's cursor. Blocked contacts are listed too, since one may be looking for them to unblock.
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
  try {
    const client = await hubClient(this);
    const text = (filter ?? '').trim();
    const page = await client.searchContacts({
      ...(text ? { text } : {}),
      includeBlocked: true,
      limit: PAGE_SIZE,
      ...(paginationToken ? { cursor: paginationToken } : {}),
    });
    const results = (page.data as Contact[]).map((c) => {
      const contactInfo = [c.phone, c.email].filter((v): v is string => typeof v === 'string' && v !== '').join(', ');
      return {
        name: contactInfo && contactInfo !== c.displayName ? `${c.displayName} (${contactInfo})` : c.displayName || c.id,
        value: c.id,
      };
    });
    return { results, ...(page.nextCursor ? { paginationToken: page.nextCursor } : {}) };
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
