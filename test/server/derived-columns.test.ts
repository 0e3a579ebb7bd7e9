/**
 * The columns migration 3 derives on `contacts` (tag keys, channel keys, identity addresses, the
 * search document, folded custom fields) stay equal to what their sources say, whatever writes:
 * creation with tags, tag add / remove / replace, bulk tagging, catalogue rename and delete,
 * incoming messages (new identities), sends that connect a channel, channel removal, merge,
 * unmerge and delete. The truth is recomputed from `contact_tags`, `channel_identities` and the
 * row itself, and compared with what the triggers and generated columns left.
 */
import { STORES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, mainWorkspaceId, ref, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

/** Contacts whose derived columns differ from a recomputation from their sources. */
const DRIFT = `
  select c.id,
         c.tag_keys, array(select t.name_key from contact_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id
                            where ct.workspace_id = c.workspace_id and ct.contact_id = c.id order by t.name_key collate "C") as want_tags,
         c.channel_keys, array(select distinct v.k collate "C" from channel_identities ci
                                 join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id,
                                 lateral (values (ci.channel_id), (ch.type)) as v(k)
                                where ci.workspace_id = c.workspace_id and ci.contact_id = c.id order by 1) as want_channels,
         c.identity_addresses, array(select ci.address from channel_identities ci
                                      where ci.workspace_id = c.workspace_id and ci.contact_id = c.id
                                      order by ci.address collate "C") as want_addresses
    from contacts c
   where c.workspace_id = $1`;

describe.each(STORES)('derived filter columns on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  let wa: string;
  let mail: string;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    ws = await mainWorkspaceId(hub);
    wa = await createChannel(hub, 'whatsapp');
    mail = await createChannel(hub, 'email');
    expect((await hub.as('owner').post('/v1/custom-fields', { key: 'tier', label: 'Tier', type: 'text' })).status).toBe(201);
  });
  afterAll(() => hub.close());

  async function expectNoDrift(): Promise<void> {
    const { rows } = await hub.server.db.query<Record<string, string[]> & { id: string }>(DRIFT, [ws]);
    expect(rows.length).toBeGreaterThan(0);
    const drift = rows.filter(
      (r) =>
        JSON.stringify(r.tag_keys) !== JSON.stringify(r.want_tags) ||
        JSON.stringify(r.channel_keys) !== JSON.stringify(r.want_channels) ||
        JSON.stringify(r.identity_addresses) !== JSON.stringify(r.want_addresses),
    );
    expect(drift).toEqual([]);
  }

  async function searchDocument(id: string): Promise<string> {
    const { rows } = await hub.server.db.query<{ d: string }>('select search_document as d from contacts where workspace_id = $1 and id = $2', [ws, id]);
    return rows[0]?.d ?? '';
  }

  it('follows every kind of write', async () => {
    const owner = hub.as('owner');
    const a = await createContact(hub, { firstName: 'Ana', phone: uniquePhone(), tags: ['VIP', 'Lead'], customFields: { tier: 'Gold' } });
    const b = await createContact(hub, { firstName: 'Bea', email: uniqueEmail(), tags: ['lead'] });
    const c = await createContact(hub, { firstName: 'Cid', phone: uniquePhone(), email: uniqueEmail() });
    await expectNoDrift();

    expect((await owner.post(`/v1/contacts/${ref(a.id)}/tags`, { tags: ['Newsletter'] })).status).toBe(200);
    expect((await owner.delete(`/v1/contacts/${ref(a.id)}/tags`, { data: { tags: ['lead'] } })).status).toBe(200);
    expect((await owner.patch(`/v1/contacts/${ref(b.id)}`, { tags: ['VIP', 'Summer'] })).status).toBe(200);
    expect((await owner.post('/v1/contacts/bulk/tags', { action: 'add', tags: ['Bulk'], refs: [`id:${a.id}`, `id:${c.id}`] })).status).toBe(200);
    expect((await owner.post('/v1/contacts/bulk/tags', { action: 'remove', tags: ['VIP'], filter: { and: [] } })).status).toBe(200);
    await expectNoDrift();

    const tags = (await owner.get('/v1/tags', { params: { search: 'bulk' } })).data as { data: { id: string; name: string }[] };
    const bulk = tags.data.find((t) => t.name === 'Bulk');
    expect(bulk).toBeDefined();
    expect((await owner.patch(`/v1/tags/${bulk?.id}`, { name: 'Renamed' })).status).toBe(200);
    await expectNoDrift();
    expect((await owner.get(`/v1/contacts/${ref(c.id)}`)).data.tags).toEqual(['Renamed']);
    expect(
      (await owner.post('/v1/contacts/count', { filter: { field: 'tags', operator: 'hasAny', value: ['renamed'] } })).data.count,
    ).toBe(2);
    const summer = ((await owner.get('/v1/tags', { params: { search: 'summer' } })).data as { data: { id: string }[] }).data[0];
    expect((await owner.delete(`/v1/tags/${summer?.id}`)).status).toBe(200);
    await expectNoDrift();

    // Identities: an incoming message connects one, a send connects another.
    const waAddress = uniquePhone();
    expect((await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: waAddress, name: 'Dee Incoming' }, text: 'hi' })).status).toBe(201);
    const sent = await owner.post(`/v1/contacts/${ref(c.id)}/messages`, { channelId: mail, kind: 'proactive', type: 'text', text: 'Hello' });
    expect(sent.status).toBe(201);
    await expectNoDrift();
    expect(
      (await owner.post('/v1/contacts/count', { filter: { field: 'channels', operator: 'hasAll', value: ['email', mail] } })).data.count,
    ).toBe(1);

    const d = (await owner.get(`/v1/contacts/phone:${encodeURIComponent(waAddress)}`)).data as { id: string };
    expect(await searchDocument(d.id)).toContain(waAddress.toLowerCase());

    // Merge moves identities and unites tags; unmerge gives them back.
    const merged = await owner.post('/v1/contacts/merge', { primary: `id:${c.id}`, secondary: `id:${d.id}` });
    expect(merged.status).toBe(200);
    await expectNoDrift();
    expect(await searchDocument(c.id)).toContain(waAddress.toLowerCase());
    const mergeId = (merged.data as { merge: { id: string } }).merge.id;
    expect((await owner.post(`/v1/merges/${mergeId}/unmerge`)).status).toBe(200);
    await expectNoDrift();
    expect(await searchDocument(c.id)).not.toContain(waAddress.toLowerCase());

    expect((await owner.delete(`/v1/contacts/${ref(c.id)}/channels/${encodeURIComponent(mail)}`)).status).toBe(200);
    await expectNoDrift();
    expect((await owner.delete(`/v1/contacts/${ref(b.id)}`)).status).toBe(200);
    await expectNoDrift();

    // The folded custom fields and the document follow profile changes too.
    expect((await owner.patch(`/v1/contacts/${ref(a.id)}`, { firstName: 'Anabel', customFields: { tier: 'Platinum' } })).status).toBe(200);
    const { rows } = await hub.server.db.query<{ custom_folded: Record<string, unknown>; search_document: string }>(
      'select custom_folded, search_document from contacts where workspace_id = $1 and id = $2',
      [ws, a.id],
    );
    expect(rows[0]?.custom_folded).toEqual({ tier: 'platinum' });
    expect(rows[0]?.search_document.split('\n')).toEqual(expect.arrayContaining([a.id.toLowerCase(), 'anabel', 'platinum', 'newsletter']));
  });
});
