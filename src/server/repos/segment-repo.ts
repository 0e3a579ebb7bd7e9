import type { Queryable } from '../db/database';
import { iso, jsonParam } from './sql-values';

/** A saved segment as stored: the filter is the validated (normalised) tree. */
export interface StoredSegment {
  id: string;
  name: string;
  filter: unknown;
  createdAt: string;
  updatedAt: string;
}

interface SegmentRow {
  id: string;
  name: string;
  name_key: string;
  filter: unknown;
  created_at: Date;
  updated_at: Date;
}

const SELECT = 'select id, name, name_key, filter, created_at, updated_at from segments';

function rowToSegment(r: SegmentRow): StoredSegment {
  return { id: r.id, name: r.name, filter: r.filter, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) };
}

export async function findSegment(db: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<StoredSegment | null> {
  const { rows } = await db.query<SegmentRow>(`${SELECT} where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [
    workspaceId,
    id,
  ]);
  return rows[0] ? rowToSegment(rows[0]) : null;
}

/** The segment holding a name key, if any. */
export async function findSegmentByNameKey(db: Queryable, workspaceId: string, nameKey: string): Promise<StoredSegment | null> {
  const { rows } = await db.query<SegmentRow>(`${SELECT} where workspace_id = $1 and name_key = $2`, [workspaceId, nameKey]);
  return rows[0] ? rowToSegment(rows[0]) : null;
}

/** One page of segments ordered by name key (C collation), after `afterKey` (keyset). */
export async function listSegmentsPage(
  db: Queryable,
  workspaceId: string,
  opts: { afterKey: string | null; limit: number },
): Promise<(StoredSegment & { nameKey: string })[]> {
  const { rows } = await db.query<SegmentRow>(
    `${SELECT} where workspace_id = $1 and ($2::text is null or name_key collate "C" > $2::text collate "C")
      order by name_key collate "C" limit $3`,
    [workspaceId, opts.afterKey, opts.limit],
  );
  return rows.map((r) => ({ ...rowToSegment(r), nameKey: r.name_key }));
}

export async function insertSegment(
  db: Queryable,
  workspaceId: string,
  s: { id: string; name: string; nameKey: string; filter: unknown; at: Date },
): Promise<void> {
  await db.query(
    `insert into segments (workspace_id, id, name, name_key, filter, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)`,
    [workspaceId, s.id, s.name, s.nameKey, jsonParam(s.filter), s.at],
  );
}

export async function updateSegment(
  db: Queryable,
  workspaceId: string,
  s: { id: string; name: string; nameKey: string; filter: unknown; at: Date },
): Promise<void> {
  await db.query(
    `update segments set name = $3, name_key = $4, filter = $5, updated_at = $6 where workspace_id = $1 and id = $2`,
    [workspaceId, s.id, s.name, s.nameKey, jsonParam(s.filter), s.at],
  );
}

/** Deletes a segment; false when there was none. */
export async function deleteSegment(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const r = await db.query('delete from segments where workspace_id = $1 and id = $2 returning id', [workspaceId, id]);
  return r.rows.length > 0;
}
