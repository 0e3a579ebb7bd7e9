/**
 * Saved segments (the product's "custom inboxes"): a named filter, validated against the
 * workspace's custom fields when saved and again when used. Names are unique case-insensitively
 * (A–Z folded, like tags).
 */
import { decodeKeyCursor, encodeKeyCursor } from '../http/keyset-cursor';
import { DomainError, fieldError } from '../../domain/errors';
import { asciiFold } from '../../domain/filter/ascii-fold';
import type { Queryable } from '../db/database';
import type { AuthContext } from '../http/auth-context';
import type { Hub } from '../hub';
import { newId } from '../ids';
import {
  deleteSegment as deleteSegmentRow,
  findSegment,
  findSegmentByNameKey,
  insertSegment,
  listSegmentsPage,
  updateSegment,
  type StoredSegment,
} from '../repos/segment-repo';
import { inTransaction, isUniqueViolation } from './contact-service';
import { countSelection, resolveSelection, validateWorkspaceFilter } from './contact-query-service';

export const SEGMENT_NAME_MAX_LENGTH = 100;

export interface SegmentAnswer extends StoredSegment {
  /** Contacts the segment holds now (blocked ones left out unless its filter mentions `blocked`). */
  count?: number;
}

/** Trims a segment name and collapses inner whitespace; 1–100 characters. */
export function normalizeSegmentName(raw: string, path = 'name'): string {
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw fieldError(path, 'must not be empty');
  if ([...name].length > SEGMENT_NAME_MAX_LENGTH) throw fieldError(path, `is longer than ${SEGMENT_NAME_MAX_LENGTH} characters`);
  return name;
}

function notFound(segmentId: string): DomainError {
  return new DomainError('not_found', `No segment has the id "${segmentId}"`, [{ path: 'segmentId', message: `no segment has the id "${segmentId}"` }]);
}

function nameTaken(existing: StoredSegment): DomainError {
  return new DomainError('conflict', `name: the segment "${existing.name}" (${existing.id}) already exists; segment names are compared case-insensitively`, [
    { path: 'name', message: `the segment "${existing.name}" already exists (names are compared case-insensitively)` },
  ]);
}

async function assertNameFree(tx: Queryable, workspaceId: string, nameKey: string, selfId: string | null): Promise<void> {
  const existing = await findSegmentByNameKey(tx, workspaceId, nameKey);
  if (existing && existing.id !== selfId) throw nameTaken(existing);
}

/** A unique violation on the name (a concurrent create) answers like the check does. */
async function guardName<T>(fn: () => Promise<T>, name: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new DomainError('conflict', `name: a segment named "${name}" already exists`, [
        { path: 'name', message: `a segment named "${name}" already exists (names are compared case-insensitively)` },
      ]);
    }
    throw e;
  }
}

export async function segmentCount(hub: Hub, auth: AuthContext, segmentId: string): Promise<number> {
  return countSelection(hub.db, await resolveSelection(hub.db, auth, { segmentId }, { now: hub.now() }));
}

/** `GET /v1/segments`: ordered by name (case-insensitively), keyset pages; counts on request. */
export async function listSegments(
  hub: Hub,
  auth: AuthContext,
  opts: { cursor?: string; limit: number; withCounts: boolean },
): Promise<{ data: SegmentAnswer[]; nextCursor: string | null }> {
  let afterKey: string | null = null;
  if (opts.cursor !== undefined && opts.cursor !== '') {
    afterKey = decodeKeyCursor(opts.cursor);
  }
  const rows = await listSegmentsPage(hub.db, auth.workspaceId, { afterKey, limit: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const data: SegmentAnswer[] = [];
  for (const { nameKey: _nameKey, ...s } of page) {
    data.push(opts.withCounts ? { ...s, count: await segmentCount(hub, auth, s.id) } : s);
  }
  const last = page[page.length - 1];
  return { data, nextCursor: rows.length > opts.limit && last ? encodeKeyCursor(last.nameKey) : null };
}

/** `GET /v1/segments/{segmentId}`, with its count. */
export async function getSegment(hub: Hub, auth: AuthContext, segmentId: string): Promise<SegmentAnswer> {
  const segment = await findSegment(hub.db, auth.workspaceId, segmentId);
  if (!segment) throw notFound(segmentId);
  return { ...segment, count: await segmentCount(hub, auth, segmentId) };
}

/** `POST /v1/segments`: 400 naming `filter.…` for a bad filter, 409 on a taken name. */
export async function createSegment(hub: Hub, auth: AuthContext, body: { name: string; filter: unknown }): Promise<SegmentAnswer> {
  const name = normalizeSegmentName(body.name);
  const filter = await validateWorkspaceFilter(hub.db, auth.workspaceId, body.filter, 'filter');
  const id = newId('seg');
  await guardName(
    () =>
      inTransaction(hub.db, async (tx) => {
        await assertNameFree(tx, auth.workspaceId, asciiFold(name), null);
        await insertSegment(tx, auth.workspaceId, { id, name, nameKey: asciiFold(name), filter, at: hub.now() });
      }),
    name,
  );
  return getSegment(hub, auth, id);
}

/** `PATCH /v1/segments/{segmentId}`: a new name and/or filter. */
export async function patchSegment(
  hub: Hub,
  auth: AuthContext,
  segmentId: string,
  body: { name?: string; filter?: unknown },
): Promise<SegmentAnswer> {
  const name = body.name === undefined ? undefined : normalizeSegmentName(body.name);
  const filter = body.filter === undefined ? undefined : await validateWorkspaceFilter(hub.db, auth.workspaceId, body.filter, 'filter');
  await guardName(
    () =>
      inTransaction(hub.db, async (tx) => {
        const current = await findSegment(tx, auth.workspaceId, segmentId, true);
        if (!current) throw notFound(segmentId);
        const nextName = name ?? current.name;
        if (name !== undefined) await assertNameFree(tx, auth.workspaceId, asciiFold(name), segmentId);
        const nextFilter = filter ?? current.filter;
        if (nextName === current.name && JSON.stringify(nextFilter) === JSON.stringify(current.filter)) return;
        await updateSegment(tx, auth.workspaceId, { id: segmentId, name: nextName, nameKey: asciiFold(nextName), filter: nextFilter, at: hub.now() });
      }),
    name ?? '',
  );
  return getSegment(hub, auth, segmentId);
}

/** `DELETE /v1/segments/{segmentId}`. */
export async function deleteSegment(hub: Hub, auth: AuthContext, segmentId: string): Promise<void> {
  if (!(await deleteSegmentRow(hub.db, auth.workspaceId, segmentId))) throw notFound(segmentId);
}
