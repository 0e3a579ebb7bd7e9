import type { ContactHubClient } from '../src/client/contact-hub-client';

/** What the demo counts in the hub before and after the workflows (POST /v1/contacts/count). */
export interface HubCounts {
  contacts: number;
  blocked: number;
  linkedToCrm: number;
  taggedSupport: number;
  taggedSales: number;
  taggedSpam: number;
  duplicatePairs: number;
}

export const COUNT_LABELS: Record<keyof HubCounts, string> = {
  contacts: 'contacts',
  blocked: 'blocked',
  linkedToCrm: 'with a CRM external code',
  taggedSupport: "tagged 'support'",
  taggedSales: "tagged 'sales'",
  taggedSpam: "tagged 'spam'",
  duplicatePairs: 'merge suggestions',
};

export async function countHub(client: ContactHubClient): Promise<HubCounts> {
  const count = async (filter?: Record<string, unknown>): Promise<number> => {
    const answer = (await client.countContacts({ includeBlocked: true, ...(filter ? { filter } : {}) })) as unknown as { count: number };
    return answer.count;
  };
  const tagged = (tag: string) => count({ and: [{ field: 'tags', operator: 'hasAny', value: [tag] }] });
  const duplicates = (await client.findDuplicates({ limit: 500 })) as unknown as { data: unknown[] };
  return {
    contacts: await count(),
    blocked: await count({ and: [{ field: 'blocked', operator: 'is', value: true }] }),
    linkedToCrm: await count({ and: [{ field: 'externalCode', operator: 'exists' }] }),
    taggedSupport: await tagged('support'),
    taggedSales: await tagged('sales'),
    taggedSpam: await tagged('spam'),
    duplicatePairs: duplicates.data.length,
  };
}
