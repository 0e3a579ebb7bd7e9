import type { Channel, ChannelType } from '../../domain/channel';
import { DomainError } from '../../domain/errors';
import type { Queryable } from '../db/database';
import { iso } from './sql-values';

/** A workspace channel with the time it was added (the domain's Channel has no time). */
export interface StoredChannel extends Channel {
  createdAt: string;
}

interface ChannelRow {
  id: string;
  type: ChannelType;
  name: string;
  created_at: Date;
}

const SELECT = 'select id, type, name, created_at from channels';

function rowToChannel(r: ChannelRow): StoredChannel {
  return { id: r.id, type: r.type, name: r.name, createdAt: iso(r.created_at) };
}

/** Every channel of the workspace, oldest first (a workspace has a handful of channels). */
export async function listAllChannels(db: Queryable, workspaceId: string): Promise<StoredChannel[]> {
  const { rows } = await db.query<ChannelRow>(`${SELECT} where workspace_id = $1 order by created_at, id`, [workspaceId]);
  return rows.map(rowToChannel);
}

/** One page of the workspace's channels, oldest first, after the keyset position `after`. */
export async function listChannelsPage(
  db: Queryable,
  workspaceId: string,
  opts: { limit: number; after: { createdAt: string; id: string } | null },
): Promise<StoredChannel[]> {
  const params: (string | number)[] = [workspaceId, opts.limit];
  let where = 'workspace_id = $1';
  if (opts.after) {
    params.push(opts.after.createdAt, opts.after.id);
    where += ' and (created_at, id) > ($3::timestamptz, $4)';
  }
  const { rows } = await db.query<ChannelRow>(`${SELECT} where ${where} order by created_at, id limit $2`, params);
  return rows.map(rowToChannel);
}

export async function findChannel(db: Queryable, workspaceId: string, id: string): Promise<StoredChannel | null> {
  const { rows } = await db.query<ChannelRow>(`${SELECT} where workspace_id = $1 and id = $2`, [workspaceId, id]);
  return rows[0] ? rowToChannel(rows[0]) : null;
}

/** The channel, or a 404 naming it on `path`. */
export async function requireChannel(
  db: Queryable,
  workspaceId: string,
  id: string,
  path = 'channelId',
): Promise<StoredChannel> {
  const channel = await findChannel(db, workspaceId, id);
  if (!channel) {
    throw new DomainError('not_found', `No channel "${id}" in this workspace; GET /v1/channels lists them`, [
      { path, message: `no channel "${id}" in this workspace` },
    ]);
  }
  return channel;
}

/** Inserts a channel; a taken id surfaces as a 409 on `id` (channels_pkey). */
export async function insertChannel(db: Queryable, workspaceId: string, c: StoredChannel): Promise<void> {
  await db.query('insert into channels (workspace_id, id, type, name, created_at) values ($1, $2, $3, $4, $5)', [
    workspaceId,
    c.id,
    c.type,
    c.name,
    c.createdAt,
  ]);
}
