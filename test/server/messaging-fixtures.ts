import type { TestHub } from '../support/test-hub';

/** Helpers shared by the channel, message, incoming and blocking route tests. */

let counter = 0;
/** A value unique within the test run (for names, addresses, provider ids). */
export function unique(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

const phoneBase = Math.floor(Math.random() * 500_000);
/** A UK mobile number (+44 7400 …) unique within the run, in E.164. */
export function uniquePhone(): string {
  counter += 1;
  return `+447400${String((phoneBase + counter) % 1_000_000).padStart(6, '0')}`;
}

export function uniqueEmail(): string {
  return `${unique('p')}@example.com`;
}

/** Creates a contact through the API (POST /v1/contacts) and returns it. */
export async function createContact(hub: TestHub, fields: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const res = await hub.as('owner').post('/v1/contacts', fields);
  if (res.status !== 201) throw new Error(`creating a contact failed: ${res.status} ${JSON.stringify(res.data)}`);
  const body = res.data as { id?: string; contact?: { id: string } };
  return (body.contact ?? body) as Record<string, unknown> & { id: string };
}

/** Creates a channel of the main workspace and returns its id. */
export async function createChannel(hub: TestHub, type: string, name = `${type} ${unique()}`): Promise<string> {
  const res = await hub.as('owner').post('/v1/channels', { type, name });
  if (res.status !== 201) throw new Error(`creating a channel failed: ${res.status} ${JSON.stringify(res.data)}`);
  return (res.data as { id: string }).id;
}

/** The id of the main workspace. */
export async function mainWorkspaceId(hub: TestHub): Promise<string> {
  const res = await hub.as('owner').get('/v1/workspace');
  return (res.data as { workspace: { id: string } }).workspace.id;
}

/** Types of the events emitted for one contact, oldest first (events of one transaction share a time: then by type). */
export async function eventTypesOf(hub: TestHub, workspaceId: string, contactId: string): Promise<string[]> {
  const { rows } = await hub.server.db.query<{ type: string }>(
    `select type from events where workspace_id = $1 and payload->'contact'->>'id' = $2 order by created_at, type`,
    [workspaceId, contactId],
  );
  return rows.map((r) => r.type);
}

/** Posts an incoming message on a channel as the given role. */
export function incoming(hub: TestHub, channelId: string, body: Record<string, unknown>, who: 'owner' | 'manager' | 'agent' | 'other' = 'agent') {
  return hub.as(who).post(`/v1/channels/${encodeURIComponent(channelId)}/incoming`, body);
}

export function ref(id: string): string {
  return encodeURIComponent(`id:${id}`);
}
