import type { ChannelIdentity } from '../../domain/channel';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from './sql-values';

interface IdentityRow {
  id: string;
  contact_id: string;
  channel_id: string;
  address: string;
  connected_at: Date;
  last_interaction_at: Date | null;
}

const SELECT = 'select id, contact_id, channel_id, address, connected_at, last_interaction_at from channel_identities';

function rowToIdentity(r: IdentityRow): ChannelIdentity {
  return {
    id: r.id,
    contactId: r.contact_id,
    channelId: r.channel_id,
    address: r.address,
    connectedAt: iso(r.connected_at),
    lastInteractionAt: isoOrNull(r.last_interaction_at),
  };
}

/** The contact's identities on every channel, oldest connection first. */
export async function listContactIdentities(db: Queryable, workspaceId: string, contactId: string): Promise<ChannelIdentity[]> {
  const { rows } = await db.query<IdentityRow>(
    `${SELECT} where workspace_id = $1 and contact_id = $2 order by connected_at, id`,
    [workspaceId, contactId],
  );
  return rows.map(rowToIdentity);
}

/** The identity holding `address` on the channel (exact, as the unique constraint compares). */
export async function findIdentityByAddress(
  db: Queryable,
  workspaceId: string,
  channelId: string,
  address: string,
): Promise<ChannelIdentity | null> {
  const { rows } = await db.query<IdentityRow>(`${SELECT} where workspace_id = $1 and channel_id = $2 and address = $3`, [
    workspaceId,
    channelId,
    address,
  ]);
  return rows[0] ? rowToIdentity(rows[0]) : null;
}

/** Inserts an identity. A taken (channel, address) surfaces as a unique violation. */
export async function insertIdentity(db: Queryable, workspaceId: string, i: ChannelIdentity): Promise<void> {
  await db.query(
    `insert into channel_identities (workspace_id, id, contact_id, channel_id, address, connected_at, last_interaction_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [workspaceId, i.id, i.contactId, i.channelId, i.address, i.connectedAt, i.lastInteractionAt],
  );
}

/** Writes the identity's last interaction time. */
export async function updateIdentityInteraction(db: Queryable, workspaceId: string, i: ChannelIdentity): Promise<void> {
  await db.query('update channel_identities set last_interaction_at = $3 where workspace_id = $1 and id = $2', [
    workspaceId,
    i.id,
    i.lastInteractionAt,
  ]);
}

/** Deletes the identity. Its messages stay: the caller detaches them first. */
export async function deleteIdentity(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('delete from channel_identities where workspace_id = $1 and id = $2', [workspaceId, id]);
}
