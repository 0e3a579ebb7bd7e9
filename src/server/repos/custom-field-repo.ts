import type { CustomFieldDefinition, CustomFieldType } from '../../domain/custom-field';
import type { Queryable } from '../db/database';
import { iso, jsonParam } from './sql-values';

interface CustomFieldRow {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  created_at: Date;
}

/** A stored custom field definition with its creation time. */
export interface StoredCustomField extends CustomFieldDefinition {
  createdAt: string;
}

function rowToField(r: CustomFieldRow): StoredCustomField {
  return { key: r.key, label: r.label, type: r.type, options: r.options ?? null, createdAt: iso(r.created_at) };
}

/**
 * Every custom field definition of the workspace (a workspace defines a bounded number of
 * fields; contact writes need them all to validate values).
 */
export async function listCustomFieldDefinitions(db: Queryable, workspaceId: string): Promise<CustomFieldDefinition[]> {
  const { rows } = await db.query<CustomFieldRow>(
    'select key, label, type, options, created_at from custom_fields where workspace_id = $1 order by key collate "C"',
    [workspaceId],
  );
  return rows.map((r) => {
    const { createdAt: _createdAt, ...def } = rowToField(r);
    return def;
  });
}

/** One page of definitions ordered by key, after the key `after` (keyset). */
export async function listCustomFieldsPage(
  db: Queryable,
  workspaceId: string,
  opts: { after: string | null; limit: number },
): Promise<StoredCustomField[]> {
  const { rows } = await db.query<CustomFieldRow>(
    `select key, label, type, options, created_at from custom_fields
      where workspace_id = $1 and ($2::text is null or key collate "C" > $2::text collate "C")
      order by key collate "C" limit $3`,
    [workspaceId, opts.after, opts.limit],
  );
  return rows.map(rowToField);
}

export async function findCustomField(db: Queryable, workspaceId: string, key: string): Promise<StoredCustomField | null> {
  const { rows } = await db.query<CustomFieldRow>(
    'select key, label, type, options, created_at from custom_fields where workspace_id = $1 and key = $2',
    [workspaceId, key],
  );
  return rows[0] ? rowToField(rows[0]) : null;
}

/** Inserts a definition; an existing key is a unique violation (custom_fields_pkey → 409 on `key`). */
export async function insertCustomField(
  db: Queryable,
  workspaceId: string,
  def: CustomFieldDefinition,
  createdAt: Date,
): Promise<StoredCustomField> {
  const { rows } = await db.query<CustomFieldRow>(
    `insert into custom_fields (workspace_id, key, label, type, options, created_at) values ($1, $2, $3, $4, $5, $6)
     returning key, label, type, options, created_at`,
    [workspaceId, def.key, def.label, def.type, def.options === null ? null : jsonParam(def.options), createdAt],
  );
  return rowToField(rows[0] as CustomFieldRow);
}
