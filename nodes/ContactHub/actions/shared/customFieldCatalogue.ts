import type { ContactHubClient } from '../../../../src/client/contact-hub-client';
import type { CustomFieldDefinition } from '../../../../src/domain/custom-field';
import { listPages } from './list-pages';

/** Every custom field definition of the workspace (`GET /v1/custom-fields`, all pages), ordered by key. */
export async function listAllCustomFields(client: ContactHubClient): Promise<CustomFieldDefinition[]> {
  const defs = await listPages((cursor, limit) => client.listCustomFields({ limit, ...(cursor ? { cursor } : {}) }), Infinity, 500);
  return defs as unknown as CustomFieldDefinition[];
}
