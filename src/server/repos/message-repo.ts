import type { Message, MessageDirection, MessageKind, MessageType } from '../../domain/message';
import type { Queryable, SqlValue } from '../db/database';
import { iso, jsonParam } from './sql-values';

interface MessageRow {
  id: string;
  contact_id: string;
  channel_id: string;
  identity_id: string | null;
  direction: MessageDirection;
  kind: MessageKind | null;
  type: MessageType;
  text: string | null;
  payload: Record<string, unknown> | null;
  hidden: boolean;
  provider_message_id: string | null;
  created_at: Date;
}

const SELECT = `select id, contact_id, channel_id, identity_id, direction, kind, type, text, payload, hidden,
  provider_message_id, created_at from messages`;

function rowToMessage(r: MessageRow): Message {
  return {
    id: r.id,
    contactId: r.contact_id,
    channelId: r.channel_id,
    identityId: r.identity_id,
    direction: r.direction,
    kind: r.kind,
    type: r.type,
    text: r.text,
    payload: r.payload,
    hidden: r.hidden,
    providerMessageId: r.provider_message_id,
    createdAt: iso(r.created_at),
  };
}

/** Inserts a message. A repeated provider message id on one channel surfaces as a unique violation. */
export async function insertMessage(db: Queryable, workspaceId: string, m: Message): Promise<void> {
  await db.query(
    `insert into messages (workspace_id, id, contact_id, channel_id, identity_id, direction, kind, type, text, payload,
       hidden, provider_message_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      workspaceId,
      m.id,
      m.contactId,
      m.channelId,
      m.identityId,
      m.direction,
      m.kind,
      m.type,
      m.text,
      m.payload === null ? null : jsonParam(m.payload),
      m.hidden,
      m.providerMessageId,
      m.createdAt,
    ],
  );
}

/** The message stored for a provider's message id on a channel, or null. */
export async function findMessageByProviderId(
  db: Queryable,
  workspaceId: string,
  channelId: string,
  providerMessageId: string,
): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(
    `${SELECT} where workspace_id = $1 and channel_id = $2 and provider_message_id = $3`,
    [workspaceId, channelId, providerMessageId],
  );
  return rows[0] ? rowToMessage(rows[0]) : null;
}

export interface MessageListOptions {
  limit: number;
  /** Keyset position: only messages strictly older than it (newest first). */
  before: { createdAt: string; id: string } | null;
  channelId: string | null;
  direction: MessageDirection | null;
  includeHidden: boolean;
}

/** One page of a contact's messages, newest first (keyset on created_at, id; served by messages_contact). */
export async function listContactMessages(
  db: Queryable,
  workspaceId: string,
  contactId: string,
  opts: MessageListOptions,
): Promise<Message[]> {
  const params: SqlValue[] = [workspaceId, contactId];
  const where = ['workspace_id = $1', 'contact_id = $2'];
  const add = (clause: (n: number) => string, value: SqlValue) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (opts.channelId !== null) add((n) => `channel_id = $${n}`, opts.channelId);
  if (opts.direction !== null) add((n) => `direction = $${n}`, opts.direction);
  if (!opts.includeHidden) where.push('not hidden');
  if (opts.before) {
    params.push(opts.before.createdAt, opts.before.id);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(opts.limit);
  const { rows } = await db.query<MessageRow>(
    `${SELECT} where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  return rows.map(rowToMessage);
}

/**
 * Detaches the messages that travelled on an identity (their `identity_id` becomes null), so
 * that deleting the identity keeps the history. Returns how many messages were detached.
 */
export async function detachIdentityMessages(db: Queryable, workspaceId: string, identityId: string): Promise<number> {
  const r = await db.query('update messages set identity_id = null where workspace_id = $1 and identity_id = $2', [
    workspaceId,
    identityId,
  ]);
  return r.rowCount;
}
