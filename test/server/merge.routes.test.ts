import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, mainWorkspaceId, ref, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

type Json = Record<string, unknown>;

/** A contact without the field every write moves. */
function profile(c: Json): Json {
  const { updatedAt: _updatedAt, ...rest } = c;
  return rest;
}

describe.each(STORES)('merge and unmerge on %s', (kind) => {
  let hub: TestHub;
  let ws: string;
  let wa: string;
  let mail: string;
  // A clock that moves one second per reading, so every change has its own time.
  let clock = Date.parse('2024-03-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    ws = await mainWorkspaceId(hub);
    wa = await createChannel(hub, 'whatsapp');
    mail = await createChannel(hub, 'email');
    for (const [key, type] of [
      ['plan', 'text'],
      ['city', 'text'],
    ]) {
      const res = await hub.as('owner').post('/v1/custom-fields', { key, label: key, type });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => hub.close());

  const get = async (refText: string) => hub.as('agent').get(`/v1/contacts/${encodeURIComponent(refText)}`);

  /** Identities of a contact, straight from the store. */
  async function identitiesOf(contactId: string): Promise<Json[]> {
    const { rows } = await hub.server.db.query<Json>(
      `select id, contact_id, channel_id, address, connected_at, last_interaction_at from channel_identities
        where workspace_id = $1 and contact_id = $2 order by id`,
      [ws, contactId],
    );
    return rows;
  }

  /** Messages of a contact through the API (every page, hidden ones too). */
  async function messagesOf(contactId: string): Promise<Json[]> {
    const res = await hub.as('agent').get(`/v1/contacts/${ref(contactId)}/messages`, { params: { limit: 200, includeHidden: 'true' } });
    expect(res.status).toBe(200);
    return res.data.data as Json[];
  }

  async function eventsOf(type: string, mergeId: string): Promise<Json[]> {
    const { rows } = await hub.server.db.query<{ payload: Json }>(
      `select payload from events where workspace_id = $1 and type = $2 and payload->'merge'->>'mergeId' = $3`,
      [ws, type, mergeId],
    );
    return rows.map((r) => r.payload);
  }

  /**
   * Two contacts with profiles, tags, custom fields, identities and messages: A (the future
   * primary) talks on WhatsApp, B on WhatsApp and e-mail.
   */
  async function twoContacts() {
    const phoneA = uniquePhone();
    const phoneB = uniquePhone();
    const emailA = uniqueEmail();
    const emailB = uniqueEmail();
    const tagA = unique('tagA');
    const tagB = unique('tagB');
    const shared = unique('Shared');
    const a = await createContact(hub, {
      firstName: 'Ana',
      lastName: 'Primary',
      phone: phoneA,
      email: emailA,
      language: 'en',
      tags: [tagA, shared],
      customFields: { plan: 'gold' },
    });
    const b = await createContact(hub, {
      firstName: 'Bea',
      lastName: 'Second',
      phone: phoneB,
      email: emailB,
      externalCode: unique('CRM-'),
      language: 'pt-BR',
      tags: [tagB, shared.toLowerCase()],
      customFields: { plan: 'silver', city: 'Leeds' },
    });
    const sent = [
      await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: phoneA.slice(1) }, text: 'hello from A' }),
      await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: phoneB.slice(1) }, text: 'hello from B' }),
      await incoming(hub, mail, { providerMessageId: unique('mail.'), from: { address: emailB }, text: 'mail from B' }),
    ];
    for (const res of sent) expect(res.status).toBe(201);
    expect(sent.map((r) => r.data.contact.id)).toEqual([a.id, b.id, b.id]);
    const stored = async (id: string) => (await get(`id:${id}`)).data as Json & { id: string };
    return { a: await stored(a.id), b: await stored(b.id), phoneA, phoneB, emailA, emailB, tagA, tagB, shared };
  }

  it('merges with choices, then unmerge restores both contacts exactly', async () => {
    const { a, b, phoneA, phoneB, emailB, tagA, tagB, shared } = await twoContacts();
    const before = {
      a: { identities: await identitiesOf(a.id), messages: await messagesOf(a.id) },
      b: { identities: await identitiesOf(b.id), messages: await messagesOf(b.id) },
    };
    expect(before.b.identities).toHaveLength(2);
    expect(before.b.messages).toHaveLength(2);

    const merged = await hub.as('manager').post('/v1/contacts/merge', {
      primary: `id:${a.id}`,
      secondary: `phone:${phoneB}`,
      fields: { firstName: 'secondary', email: 'secondary', 'customFields.city': 'secondary' },
    });
    expect(merged.status).toBe(200);
    const merge = merged.data.merge;
    expect(merge).toMatchObject({ primaryId: a.id, absorbedId: b.id, unmergedAt: null, movedMessageCount: 2 });
    expect(merge.movedIdentityIds.sort()).toEqual(before.b.identities.map((i) => i.id).sort());
    expect(merge.absorbedBefore).toEqual(b);
    expect(merge.primaryBefore).toEqual(a);
    expect(merged.data.contact).toMatchObject({
      id: a.id,
      firstName: 'Bea',
      lastName: 'Primary',
      displayName: 'Bea Primary',
      email: emailB,
      phone: phoneA,
      externalCode: b.externalCode,
      language: 'en',
      customFields: { plan: 'gold', city: 'Leeds' },
    });
    expect(merged.data.contact.tags).toEqual(expect.arrayContaining([tagA, tagB, shared]));
    expect(merged.data.contact.tags).toHaveLength(3);
    expect(merge.fieldsTaken).toEqual(
      expect.arrayContaining([
        { field: 'firstName', value: 'Bea' },
        { field: 'email', value: emailB },
        { field: 'customFields.city', value: 'Leeds' },
      ]),
    );

    // The absorbed contact's id resolves to the primary; its own identities and messages moved.
    const viaAlias = await get(`id:${b.id}`);
    expect(viaAlias.status).toBe(200);
    expect(viaAlias.data.id).toBe(a.id);
    expect((await get(`phone:${phoneB}`)).status).toBe(404);
    expect((await identitiesOf(a.id)).map((i) => i.id).sort()).toEqual(
      [...before.a.identities, ...before.b.identities].map((i) => i.id).sort(),
    );
    expect(await messagesOf(a.id)).toHaveLength(3);
    const mergedEvents = await eventsOf('contact.merged', merge.id);
    expect(mergedEvents).toHaveLength(1);
    expect(mergedEvents[0]).toMatchObject({
      merge: { mergeId: merge.id, primaryId: a.id, absorbedId: b.id },
      contact: { id: a.id, firstName: 'Bea' },
    });

    const undone = await hub.as('owner').post(`/v1/merges/${merge.id}/unmerge`);
    expect(undone.status).toBe(200);
    expect(undone.data.merge.unmergedAt).not.toBeNull();
    expect(undone.data.unmerge.returnedMessageCount).toBe(2);
    expect(profile(undone.data.restored)).toEqual(profile(b));
    expect(profile(undone.data.primary)).toEqual(profile(a));
    expect(profile((await get(`id:${b.id}`)).data)).toEqual(profile(b));
    expect(profile((await get(`id:${a.id}`)).data)).toEqual(profile(a));
    expect(await identitiesOf(a.id)).toEqual(before.a.identities);
    expect(await identitiesOf(b.id)).toEqual(before.b.identities);
    expect(await messagesOf(a.id)).toEqual(before.a.messages);
    expect(await messagesOf(b.id)).toEqual(before.b.messages);
    const unmergedEvents = await eventsOf('contact.unmerged', merge.id);
    expect(unmergedEvents).toHaveLength(1);
    expect(unmergedEvents[0]).toMatchObject({ contact: { id: b.id, firstName: 'Bea', lastName: 'Second' } });

    // Both contacts list the merge, with the part they played.
    const listA = await hub.as('agent').get(`/v1/contacts/${ref(a.id)}/merges`);
    expect(listA.status).toBe(200);
    expect(listA.data.data).toHaveLength(1);
    expect(listA.data.data[0]).toMatchObject({ id: merge.id, role: 'primary', unmergedAt: undone.data.merge.unmergedAt });
    const listB = await hub.as('agent').get(`/v1/contacts/${ref(b.id)}/merges`);
    expect(listB.data.data[0]).toMatchObject({ id: merge.id, role: 'absorbed' });
  });

  it('keeps changes made after the merge and sends messages received since back with their identity', async () => {
    const { a, b, emailB } = await twoContacts();
    const merged = await hub.as('owner').post('/v1/contacts/merge', {
      primary: `id:${a.id}`,
      secondary: `id:${b.id}`,
      fields: { firstName: 'secondary', customFields: { plan: 'secondary' } },
    });
    expect(merged.status).toBe(200);
    expect(merged.data.contact).toMatchObject({ firstName: 'Bea', customFields: { plan: 'silver' } });

    const patched = await hub.as('agent').patch(`/v1/contacts/${ref(a.id)}`, { firstName: 'Zed' });
    expect(patched.status).toBe(200);
    // B's e-mail identity moved to A; a message on it after the merge belongs to B.
    const late = await incoming(hub, mail, { providerMessageId: unique('mail.'), from: { address: emailB }, text: 'still me, B' });
    expect(late.status).toBe(201);
    expect(late.data.contact.id).toBe(a.id);

    const undone = await hub.as('manager').post(`/v1/merges/${merged.data.merge.id}/unmerge`);
    expect(undone.status).toBe(200);
    expect(undone.data.unmerge.keptFields).toContain('firstName');
    expect(undone.data.unmerge.revertedFields).toContain('customFields.plan');
    expect(undone.data.primary).toMatchObject({ id: a.id, firstName: 'Zed', customFields: { plan: 'gold' } });
    expect(undone.data.restored).toMatchObject({
      id: b.id,
      firstName: 'Bea',
      customFields: { plan: 'silver', city: 'Leeds' },
      lastIncomingAt: late.data.message.createdAt,
      lastInteractionAt: late.data.message.createdAt,
      lastInteractedChannelId: mail,
    });
    const messagesB = await messagesOf(b.id);
    expect(messagesB.map((m) => m.id)).toContain(late.data.message.id);
    expect(messagesB).toHaveLength(3);
    expect(await messagesOf(a.id)).toHaveLength(1);
    // The primary's activity no longer counts B's message.
    expect(undone.data.primary.lastIncomingAt).toBe(a.lastIncomingAt);
  });

  it('sends a message on the absorbed WhatsApp number back with its identity when the primary has its own', async () => {
    const { a, b, phoneB } = await twoContacts();
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    expect(merged.status).toBe(200);
    // A now holds two WhatsApp identities: its own and B's. A message from B's number must ride B's.
    const late = await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: phoneB.slice(1) }, text: 'B again' });
    expect(late.status).toBe(201);
    expect(late.data.contact.id).toBe(a.id);
    const undone = await hub.as('owner').post(`/v1/merges/${merged.data.merge.id}/unmerge`);
    expect(undone.status).toBe(200);
    expect((await messagesOf(b.id)).map((m) => m.id)).toContain(late.data.message.id);
    expect((await messagesOf(a.id)).map((m) => m.id)).not.toContain(late.data.message.id);
  });

  it('refuses a second unmerge, and an unmerge of an unknown merge', async () => {
    const { a, b } = await twoContacts();
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    const id = merged.data.merge.id as string;
    expect((await hub.as('owner').post(`/v1/merges/${id}/unmerge`)).status).toBe(200);
    const again = await hub.as('owner').post(`/v1/merges/${id}/unmerge`);
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('conflict');
    expect(again.data.error.message).toMatch(/already undone/);
    const unknown = await hub.as('owner').post('/v1/merges/mrg_nope/unmerge');
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.details[0].path).toBe('mergeId');
  });

  it('refuses an unmerge when a third contact took the restored phone since, and changes nothing', async () => {
    const { a, b, phoneB } = await twoContacts();
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    const mergeId = merged.data.merge.id as string;
    const third = await createContact(hub, { firstName: 'Third', phone: phoneB });
    const primaryBefore = (await get(`id:${a.id}`)).data;
    const identitiesBefore = await identitiesOf(a.id);

    const res = await hub.as('owner').post(`/v1/merges/${mergeId}/unmerge`);
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('conflict');
    expect(res.data.error.details).toEqual([{ path: 'phone', message: expect.stringContaining(`id:${third.id}`) }]);

    expect((await get(`id:${a.id}`)).data).toEqual(primaryBefore);
    expect((await get(`id:${b.id}`)).data.id).toBe(a.id);
    expect(await identitiesOf(a.id)).toEqual(identitiesBefore);
    const list = await hub.as('agent').get(`/v1/contacts/${ref(a.id)}/merges`);
    expect(list.data.data[0]).toMatchObject({ id: mergeId, unmergedAt: null });
    expect(await eventsOf('contact.unmerged', mergeId)).toHaveLength(0);

    // Once the third contact gives the number up, the unmerge goes through.
    expect((await hub.as('owner').patch(`/v1/contacts/${ref(third.id)}`, { phone: null })).status).toBe(200);
    const retry = await hub.as('owner').post(`/v1/merges/${mergeId}/unmerge`);
    expect(retry.status).toBe(200);
    expect(retry.data.restored.phone).toBe(phoneB);
  });

  it('refuses to unmerge while the primary is absorbed in a later merge, and follows alias chains', async () => {
    const { a, b } = await twoContacts();
    const c = await createContact(hub, { firstName: 'Cleo', email: uniqueEmail() });
    const first = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    const second = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${c.id}`, secondary: `id:${a.id}` });
    expect(second.status).toBe(200);
    expect((await get(`id:${b.id}`)).data.id).toBe(c.id);
    expect((await get(`id:${a.id}`)).data.id).toBe(c.id);

    const blocked = await hub.as('owner').post(`/v1/merges/${first.data.merge.id}/unmerge`);
    expect(blocked.status).toBe(409);
    expect(blocked.data.error.message).toContain(`unmerge ${second.data.merge.id} first`);

    expect((await hub.as('owner').post(`/v1/merges/${second.data.merge.id}/unmerge`)).status).toBe(200);
    // B was absorbed into A before A went into C: its id follows A back.
    expect((await get(`id:${b.id}`)).data.id).toBe(a.id);
    expect((await get(`id:${c.id}`)).data.firstName).toBe('Cleo');
    const last = await hub.as('owner').post(`/v1/merges/${first.data.merge.id}/unmerge`);
    expect(last.status).toBe(200);
    expect((await get(`id:${b.id}`)).data.id).toBe(b.id);
    expect((await get(`id:${a.id}`)).data.firstName).toBe('Ana');
  });

  it('lets only owners and managers merge and unmerge', async () => {
    const { a, b } = await twoContacts();
    const denied = await hub.as('agent').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    expect(denied.status).toBe(403);
    expect(errorCode(denied)).toBe('forbidden');
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    const agentUnmerge = await hub.as('agent').post(`/v1/merges/${merged.data.merge.id}/unmerge`);
    expect(agentUnmerge.status).toBe(403);
    expect(errorCode(agentUnmerge)).toBe('forbidden');
    expect((await get(`id:${b.id}`)).data.id).toBe(a.id);
  });

  it("never reaches another workspace's contacts or merges", async () => {
    const { a, b } = await twoContacts();
    const merge = await hub.as('other').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    expect(merge.status).toBe(404);
    expect(errorCode(merge)).toBe('not_found');
    expect(merge.data.error.details[0].path).toBe('primary');
    const merged = await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` });
    const unmerge = await hub.as('other').post(`/v1/merges/${merged.data.merge.id}/unmerge`);
    expect(unmerge.status).toBe(404);
    const list = await hub.as('other').get(`/v1/contacts/${ref(a.id)}/merges`);
    expect(list.status).toBe(404);
    expect((await get(`id:${b.id}`)).data.id).toBe(a.id);
  });

  it('answers bad input with 400 naming the field', async () => {
    const { a, b, phoneA } = await twoContacts();
    const post = (body: unknown) => hub.as('owner').post('/v1/contacts/merge', body);

    const badRef = await post({ primary: a.id, secondary: `id:${b.id}` });
    expect(badRef.status).toBe(400);
    expect(badRef.data.error.details.map((d: Json) => d.path)).toEqual(['primary']);

    const missing = await post({ primary: `id:${a.id}` });
    expect(missing.status).toBe(400);
    expect(missing.data.error.details.map((d: Json) => d.path)).toEqual(['secondary']);

    const unknownField = await post({ primary: `id:${a.id}`, secondary: `id:${b.id}`, fields: { nickname: 'secondary' } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.data.error.details[0].path).toBe('fields.nickname');

    const unknownCustom = await post({ primary: `id:${a.id}`, secondary: `id:${b.id}`, fields: { 'customFields.shoeSize': 'primary' } });
    expect(unknownCustom.status).toBe(400);
    expect(unknownCustom.data.error.details[0].path).toBe('fields.customFields.shoeSize');

    const badChoice = await post({ primary: `id:${a.id}`, secondary: `id:${b.id}`, fields: { email: 'both' } });
    expect(badChoice.status).toBe(400);
    expect(badChoice.data.error.details[0].path).toBe('fields.email');

    const self = await post({ primary: `id:${a.id}`, secondary: `phone:${phoneA}` });
    expect(self.status).toBe(400);
    expect(self.data.error.details[0].path).toBe('secondary');

    const extra = await post({ primary: `id:${a.id}`, secondary: `id:${b.id}`, keep: 'all' });
    expect(extra.status).toBe(400);

    const unknownContact = await post({ primary: `id:${a.id}`, secondary: 'id:nobody-here' });
    expect(unknownContact.status).toBe(404);
    expect(unknownContact.data.error.details[0].path).toBe('secondary');

    const listBadRef = await hub.as('agent').get(`/v1/contacts/${encodeURIComponent('nope')}/merges`);
    expect(listBadRef.status).toBe(400);
    const listBadCursor = await hub.as('agent').get(`/v1/contacts/${ref(a.id)}/merges`, { params: { cursor: 'zzz' } });
    expect(listBadCursor.status).toBe(400);
    expect(listBadCursor.data.error.details[0].path).toBe('query.cursor');
    const listBadLimit = await hub.as('agent').get(`/v1/contacts/${ref(a.id)}/merges`, { params: { limit: 0 } });
    expect(listBadLimit.status).toBe(400);

    // Nothing was merged by any of these.
    expect((await get(`id:${b.id}`)).data.id).toBe(b.id);
  });

  it('gives one merge to two crossing merge requests of one pair, and honours Idempotency-Key', async () => {
    const { a, b } = await twoContacts();
    const [one, two] = await Promise.all([
      hub.as('owner').post('/v1/contacts/merge', { primary: `id:${a.id}`, secondary: `id:${b.id}` }),
      hub.as('manager').post('/v1/contacts/merge', { primary: `id:${b.id}`, secondary: `id:${a.id}` }),
    ]);
    const statuses = [one.status, two.status].sort();
    expect(statuses[0]).toBe(200);
    expect([400, 404, 409]).toContain(statuses[1]);
    const winner = one.status === 200 ? one : two;
    const survivor = winner.data.contact.id as string;
    expect((await get(`id:${a.id}`)).data.id).toBe(survivor);
    expect((await get(`id:${b.id}`)).data.id).toBe(survivor);
    expect((await messagesOf(survivor)).length).toBe(3);

    const { a: c, b: d } = await twoContacts();
    const key = unique('idem-');
    const body = { primary: `id:${c.id}`, secondary: `id:${d.id}` };
    const first = await hub.as('owner').post('/v1/contacts/merge', body, { headers: { 'Idempotency-Key': key } });
    const replay = await hub.as('owner').post('/v1/contacts/merge', body, { headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.data.merge.id).toBe(first.data.merge.id);
  });

  it('publishes the merge routes in the OpenAPI document', async () => {
    const res = await hub.as('none').get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.data.paths['/v1/contacts/merge'].post.operationId).toBe('mergeContacts');
    expect(res.data.paths['/v1/merges/{mergeId}/unmerge'].post.operationId).toBe('unmergeContacts');
    expect(res.data.paths['/v1/contacts/{ref}/merges'].get.operationId).toBe('listContactMerges');
    expect(res.data.paths['/v1/contacts/duplicates'].get.operationId).toBe('listDuplicateContacts');
  });

  it('pages the merges of a contact newest first', async () => {
    const hubContact = await createContact(hub, { firstName: 'Hub', phone: uniquePhone() });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const other = await createContact(hub, { firstName: `Dup ${i}`, email: uniqueEmail() });
      const res = await hub.as('manager').post('/v1/contacts/merge', { primary: `id:${hubContact.id}`, secondary: `id:${other.id}` });
      expect(res.status).toBe(200);
      ids.push(res.data.merge.id as string);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await hub.as('agent').get(`/v1/contacts/${ref(hubContact.id)}/merges`, { params: { limit: 2, cursor } });
      expect(res.status).toBe(200);
      seen.push(...res.data.data.map((m: Json) => m.id as string));
      cursor = res.data.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });
});
