import { decodeKeyCursor, encodeKeyCursor } from '../http/keyset-cursor';
import { DomainError } from '../../domain/errors';
import { validateCustomFieldDefinition } from '../../domain/custom-field-definition';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { findCustomField, insertCustomField, listCustomFieldsPage, type StoredCustomField } from '../repos/custom-field-repo';
import { inTransaction } from './contact-service';

/**
 * Custom field definitions. A key may equal a standard field name (`email`, `country`): values
 * live under `customFields.<key>` in payloads and filters, so the two never collide.
 */


/** `GET /v1/custom-fields`: definitions ordered by key, keyset pages. */
export async function listCustomFields(
  hub: Hub,
  auth: AuthContext,
  opts: { cursor?: string; limit: number },
): Promise<{ data: StoredCustomField[]; nextCursor: string | null }> {
  const after = opts.cursor ? decodeKeyCursor(opts.cursor) : null;
  const rows = await listCustomFieldsPage(hub.db, auth.workspaceId, { after, limit: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > opts.limit && last ? encodeKeyCursor(last.key) : null };
}

/** `POST /v1/custom-fields`: the definition is validated by the domain; 409 on an existing key. */
export async function createCustomField(hub: Hub, auth: AuthContext, body: unknown): Promise<StoredCustomField> {
  const def = validateCustomFieldDefinition(body);
  return inTransaction(hub.db, async (tx) => {
    const existing = await findCustomField(tx, auth.workspaceId, def.key);
    if (existing) {
      throw new DomainError('conflict', `key: a custom field with the key "${def.key}" already exists (${existing.type}, "${existing.label}")`, [
        { path: 'key', message: `a custom field with the key "${def.key}" already exists` },
      ]);
    }
    return insertCustomField(tx, auth.workspaceId, def, hub.now());
  });
}
