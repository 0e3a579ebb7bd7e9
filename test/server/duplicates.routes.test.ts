import type { ChannelType } from '../../src/domain/channel';
import { suggestMerges } from '../../src/domain/merge';
import { loadContacts } from '../../src/server/repos/contact-repo';
import { listCustomFieldDefinitions } from '../../src/server/repos/custom-field-repo';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';
import { createChannel, createContact, incoming, mainWorkspaceId, ref, unique, uniqueEmail, uniquePhone } from './messaging-fixtures';

interface Suggestion {
  contactIds: [string, string];
  reasons: Array<{ kind: string; value: string }>;
  contacts: Array<{ id: string }>;
}

function pairKey(x: string, y: string): string {
  return [x, y].sort().join('|');
}

describe.each(STORES)('duplicate suggestions on %s', (kind) => {
  let hub: TestHub;
  let wa: string;
  let clock = Date.parse('2024-04-01T09:00:00.000Z');
  beforeAll(async () => {
    hub = await startTestHub(kind, { now: () => new Date((clock += 1000)) });
    wa = await createChannel(hub, 'whatsapp');
    for (const [key, type] of [
      ['altPhone', 'phone'],
      ['workEmail', 'email'],
    ]) {
      expect((await hub.as('owner').post('/v1/custom-fields', { key, label: key, type })).status).toBe(201);
    }
  });
  afterAll(() => hub.close());

  async function allSuggestions(limit = 500): Promise<Map<string, Suggestion>> {
    const out = new Map<string, Suggestion>();
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await hub.as('agent').get('/v1/contacts/duplicates', { params: { limit, cursor } });
      expect(res.status).toBe(200);
      for (const s of res.data.data as Suggestion[]) {
        expect(out.has(pairKey(...s.contactIds))).toBe(false);
        out.set(pairKey(...s.contactIds), s);
      }
      cursor = res.data.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return out;
  }

  it('finds a shared phone through a WhatsApp identity, a shared e-mail and the same name and country, each with its reason', async () => {
    // Y first wrote on WhatsApp from a number, then its profile phone was cleared; X has that number.
    const phone = uniquePhone();
    const first = await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: phone.slice(1), name: 'Yuri Ybarra' }, text: 'hi' });
    expect(first.status).toBe(201);
    const y = first.data.contact as { id: string };
    expect((await hub.as('agent').patch(`/v1/contacts/${ref(y.id)}`, { phone: null })).status).toBe(200);
    const x = await createContact(hub, { firstName: 'Xena', lastName: 'Xavier', phone });

    const email = uniqueEmail();
    const e1 = await createContact(hub, { firstName: 'Emma', email });
    const e2 = await createContact(hub, { firstName: 'Emil', customFields: { workEmail: email } });

    const last = unique('alvarez');
    const n1 = await createContact(hub, { firstName: 'José', lastName: `Álvarez ${last}`, country: 'ES' });
    const n2 = await createContact(hub, { firstName: 'jose', lastName: `alvarez  ${last}`, country: 'ES' });
    const n3 = await createContact(hub, { firstName: 'José', lastName: `Álvarez ${last}`, country: 'PT' });
    // A blocked duplicate is still suggested.
    expect((await hub.as('agent').post(`/v1/contacts/${ref(n2.id)}/block`, {})).status).toBe(200);

    const code = unique('CRM-');
    const c1 = await createContact(hub, { firstName: 'Carl', externalCode: code });
    const c2 = await createContact(hub, { firstName: 'Cora', externalCode: ` ${code.toLowerCase()}` });

    const altPhone = uniquePhone();
    const p1 = await createContact(hub, { firstName: 'Pia', phone: altPhone });
    const p2 = await createContact(hub, { firstName: 'Pat', customFields: { altPhone } });

    const loner = await createContact(hub, { firstName: 'Lonely', phone: uniquePhone(), email: uniqueEmail() });

    const all = await allSuggestions();
    expect(all.get(pairKey(x.id, y.id))?.reasons).toEqual([{ kind: 'phone', value: phone }]);
    expect(all.get(pairKey(e1.id, e2.id))?.reasons).toEqual([{ kind: 'email', value: email }]);
    expect(all.get(pairKey(n1.id, n2.id))?.reasons).toEqual([{ kind: 'nameAndCountry', value: `jose alvarez ${last.toLowerCase()} / ES` }]);
    expect(all.get(pairKey(c1.id, c2.id))?.reasons).toEqual([{ kind: 'externalCode', value: code.toLowerCase() }]);
    expect(all.get(pairKey(p1.id, p2.id))?.reasons).toEqual([{ kind: 'phone', value: altPhone }]);
    expect(all.has(pairKey(n1.id, n3.id))).toBe(false);
    expect([...all.values()].some((s) => s.contactIds.includes(loner.id))).toBe(false);
    const pair = all.get(pairKey(x.id, y.id)) as Suggestion;
    expect(pair.contacts.map((c) => c.id)).toEqual(pair.contactIds);
    expect(pair.contactIds).toEqual([x.id, y.id].sort());

    // Paging one suggestion at a time gives the same list, in the same order.
    const firstPage = await hub.as('agent').get('/v1/contacts/duplicates', { params: { limit: 500 } });
    const paged = await allSuggestions(1);
    expect([...paged.keys()]).toEqual((firstPage.data.data as Suggestion[]).map((s) => pairKey(...s.contactIds)));

    // Merged, the pair is no longer a suggestion.
    expect((await hub.as('owner').post('/v1/contacts/merge', { primary: `id:${x.id}`, secondary: `id:${y.id}` })).status).toBe(200);
    expect((await allSuggestions()).has(pairKey(x.id, y.id))).toBe(false);
  });

  it('ranks pairs with more reasons first', async () => {
    const phone = uniquePhone();
    const email = uniqueEmail();
    const a = await createContact(hub, { firstName: 'Rank', lastName: 'Twice', phone, country: 'GB' });
    const b = await createContact(hub, { firstName: 'Rank', lastName: 'Twice', country: 'GB', email, customFields: { altPhone: phone } });
    const res = await hub.as('agent').get('/v1/contacts/duplicates');
    expect(res.status).toBe(200);
    const data = res.data.data as Suggestion[];
    const index = data.findIndex((s) => pairKey(...s.contactIds) === pairKey(a.id, b.id));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(data[index].reasons.map((r) => r.kind)).toEqual(['phone', 'nameAndCountry']);
    for (let i = 1; i < data.length; i++) expect(data[i - 1].reasons.length).toBeGreaterThanOrEqual(data[i].reasons.length);
  });

  it('loses no pair the domain finds when it looks at the whole workspace', async () => {
    // Addresses spelled the ways channels give them, national numbers, odd e-mail case.
    const sms = await createChannel(hub, 'sms');
    const mail = await createChannel(hub, 'email');
    const n = uniquePhone();
    const m = uniquePhone();
    await createContact(hub, { firstName: 'Nat', phone: n, country: 'GB' });
    await incoming(hub, sms, { providerMessageId: unique('sms.'), from: { address: `whatsapp:+${n.slice(1, 3)} ${n.slice(3, 7)} ${n.slice(7)}` }, text: 'x' });
    await incoming(hub, wa, { providerMessageId: unique('wamid.'), from: { address: `${m.slice(1)}@s.whatsapp.net` }, text: 'x' });
    await createContact(hub, { firstName: 'Mo', customFields: { altPhone: `0${m.slice(3)}` }, country: 'GB' });
    const email = uniqueEmail();
    await incoming(hub, mail, { providerMessageId: unique('mail.'), from: { address: `  ${email.toUpperCase()} ` }, text: 'x' });
    await createContact(hub, { firstName: 'Ed', customFields: { workEmail: email } });
    await createContact(hub, { firstName: 'Zoë', lastName: 'Ng', country: 'fr' });
    await createContact(hub, { firstName: 'Zoe ', lastName: ' NG', country: 'FR' });

    const ws = await mainWorkspaceId(hub);
    const db = hub.server.db;
    const ids = (await db.query<{ id: string }>('select id from contacts where workspace_id = $1', [ws])).rows.map((r) => r.id);
    const identities = (
      await db.query<{ contact_id: string; type: ChannelType; address: string }>(
        `select ci.contact_id, ch.type, ci.address from channel_identities ci
           join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id where ci.workspace_id = $1`,
        [ws],
      )
    ).rows;
    const everyone = (await loadContacts(db, ws, ids)).map((contact) => ({
      contact,
      identities: identities.filter((i) => i.contact_id === contact.id).map((i) => ({ channelType: i.type, address: i.address })),
    }));
    const expected = suggestMerges(everyone, await listCustomFieldDefinitions(db, ws));
    const got = await hub.as('agent').get('/v1/contacts/duplicates', { params: { limit: 500 } });
    expect(got.status).toBe(200);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect((got.data.data as Suggestion[]).map(({ contactIds, reasons }) => ({ contactIds, reasons }))).toEqual(expected);
  });

  it('is not taken for a contact ref, and every role may read it', async () => {
    for (const role of ['owner', 'manager', 'agent'] as const) {
      const res = await hub.as(role).get('/v1/contacts/duplicates');
      expect(res.status).toBe(200);
      expect(Array.isArray(res.data.data)).toBe(true);
    }
    expect((await hub.as('none').get('/v1/contacts/duplicates')).status).toBe(401);
  });

  it("shows another workspace none of this workspace's contacts", async () => {
    const phone = uniquePhone();
    await createContact(hub, { firstName: 'Iso', phone });
    await createContact(hub, { firstName: 'Iso2', customFields: { altPhone: phone } });
    const res = await hub.as('other').get('/v1/contacts/duplicates');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ data: [], nextCursor: null });
  });

  it('answers bad paging input with 400 naming the parameter', async () => {
    for (const [params, path] of [
      [{ limit: 0 }, 'query.limit'],
      [{ limit: 501 }, 'query.limit'],
      [{ limit: 'many' }, 'query.limit'],
      [{ cursor: 'not-a-cursor' }, 'query.cursor'],
      [{ cursor: Buffer.from('[0,"a","b"]').toString('base64url') }, 'query.cursor'],
    ] as const) {
      const res = await hub.as('agent').get('/v1/contacts/duplicates', { params });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details[0].path).toBe(path);
    }
  });
});
