import { tagKey } from '../../domain/tag-name';
import type { Queryable } from '../db/database';
import { newId } from '../ids';

export interface TagRow {
  id: string;
  name: string;
  name_key: string;
}

/**
 * The catalogue tags for these names, created when missing (adding a tag that does not
 * exist creates it). Keyed by tag key; an existing tag keeps its catalogue spelling.
 */
export async function ensureTags(db: Queryable, workspaceId: string, names: readonly string[]): Promise<Map<string, TagRow>> {
  const wanted = new Map<string, string>();
  for (const n of names) if (!wanted.has(tagKey(n))) wanted.set(tagKey(n), n);
  if (wanted.size === 0) return new Map();
  const keys = [...wanted.keys()];
  for (const [key, name] of wanted) {
    await db.query(
      'insert into tags (workspace_id, id, name, name_key) values ($1, $2, $3, $4) on conflict (workspace_id, name_key) do nothing',
      [workspaceId, newId('tag'), name, key],
    );
  }
  const { rows } = await db.query<TagRow>(
    'select id, name, name_key from tags where workspace_id = $1 and name_key = any($2::text[])',
    [workspaceId, keys],
  );
  return new Map(rows.map((r) => [r.name_key, r]));
}

/** Adds tags to a contact; returns the catalogue names that were newly added. */
export async function addContactTags(db: Queryable, workspaceId: string, contactId: string, names: readonly string[]): Promise<string[]> {
  const tags = await ensureTags(db, workspaceId, names);
  const added: string[] = [];
  for (const tag of tags.values()) {
    const r = await db.query(
      `insert into contact_tags (workspace_id, contact_id, tag_id) values ($1, $2, $3) on conflict do nothing`,
      [workspaceId, contactId, tag.id],
    );
    if (r.rowCount === 1) added.push(tag.name);
  }
  return added.sort((a, b) => (tagKey(a) < tagKey(b) ? -1 : tagKey(a) > tagKey(b) ? 1 : 0));
}

/** Removes tags from a contact (the catalogue keeps them); returns the names actually removed. */
export async function removeContactTags(db: Queryable, workspaceId: string, contactId: string, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await db.query<{ name: string }>(
    `delete from contact_tags ct using tags t
      where ct.workspace_id = $1 and ct.contact_id = $2 and t.workspace_id = ct.workspace_id and t.id = ct.tag_id
        and t.name_key = any($3::text[])
      returning t.name`,
    [workspaceId, contactId, names.map(tagKey)],
  );
  return rows.map((r) => r.name).sort((a, b) => (tagKey(a) < tagKey(b) ? -1 : tagKey(a) > tagKey(b) ? 1 : 0));
}

/** Makes the contact's tags exactly `names`. */
export async function setContactTags(db: Queryable, workspaceId: string, contactId: string, names: readonly string[]): Promise<void> {
  const keys = names.map(tagKey);
  await db.query(
    `delete from contact_tags ct using tags t
      where ct.workspace_id = $1 and ct.contact_id = $2 and t.workspace_id = ct.workspace_id and t.id = ct.tag_id
        and not (t.name_key = any($3::text[]))`,
    [workspaceId, contactId, keys],
  );
  await addContactTags(db, workspaceId, contactId, names);
}
