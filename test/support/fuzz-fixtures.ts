import type { AxiosInstance, AxiosResponse } from 'axios';
import type { FuzzOperation } from './fuzz-operations';
import type { FuzzFixtures } from './fuzz-schema-values';

const ok = (r: AxiosResponse) => r.status >= 200 && r.status < 300;

/** The first `id` found at the top of an answer or one level down (`{contact: {id}}`). */
function idOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  for (const v of Object.values(o)) {
    if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).id === 'string') return (v as Record<string, string>).id;
  }
  return null;
}

function listOf(data: unknown): Record<string, unknown>[] {
  const d = (data as { data?: unknown } | null)?.data;
  return Array.isArray(d) ? (d as Record<string, unknown>[]) : [];
}

const CONTACTS = 8;

function fixtureContact(i: number): Record<string, unknown> {
  return {
    firstName: `Fixture${i}`,
    lastName: 'Contact',
    phone: `+4474001${String(10_000 + i)}`,
    email: `fixture${i}@example.com`,
    externalCode: `FX-${i}`,
    tags: ['VIP', `fx${i % 3}`],
  };
}

export function emptyFuzzFixtures(): FuzzFixtures {
  return {
    refs: [],
    contactIds: [],
    channelIds: [],
    tagIds: [],
    tagNames: [],
    webhookIds: [],
    mergeIds: [],
    segmentIds: [],
    userIds: [],
    customFieldKeys: [],
    cursors: {},
  };
}

/**
 * Makes sure the records well-formed fuzz requests refer to exist (the fuzzer deletes some of
 * them on purpose): channels, contacts with refs of every kind, tags, custom fields, a webhook,
 * a segment, a merge to undo, users and real list cursors. Steps whose route is missing or
 * answers otherwise are left out, so the fuzzer runs against whatever exists.
 */
export async function refreshFuzzFixtures(owner: AxiosInstance, ops: readonly FuzzOperation[], round: number, previous?: FuzzFixtures): Promise<FuzzFixtures> {
  const f = emptyFuzzFixtures();
  const has = (method: string, path: string) => ops.some((o) => o.method === method && o.path === path);
  const channels = listOf((await owner.get('/v1/channels', { params: { limit: 100 } })).data);
  if (channels.length < 2) {
    for (const [type, name] of [['whatsapp', 'WhatsApp'], ['sms', 'SMS'], ['email', 'Mail'], ['telegram', 'Telegram']]) {
      const r = await owner.post('/v1/channels', { type, name });
      const id = ok(r) ? idOf(r.data) : null;
      if (id) f.channelIds.push(id);
    }
  } else {
    for (const c of channels) if (typeof c.id === 'string') f.channelIds.push(c.id);
  }
  if (!previous) {
    await owner.post('/v1/custom-fields', { key: 'tier', label: 'Tier', type: 'text' });
    await owner.post('/v1/custom-fields', { key: 'score', label: 'Score', type: 'number' });
  }
  for (const c of listOf((await owner.get('/v1/custom-fields', { params: { limit: 100 } })).data)) {
    if (typeof c.key === 'string') f.customFieldKeys.push(c.key);
  }

  for (let i = 0; i < CONTACTS; i++) {
    const fields = fixtureContact(i);
    const found = await owner.get(`/v1/contacts/${encodeURIComponent(`external:FX-${i}`)}`);
    let id = ok(found) ? idOf(found.data) : null;
    if (!id) {
      const created = await owner.post('/v1/contacts', { ...fields, ...(f.customFieldKeys.includes('tier') ? { customFields: { tier: 'gold' } } : {}) });
      id = ok(created) ? idOf(created.data) : null;
    }
    if (!id) continue;
    f.contactIds.push(id);
    f.refs.push(`id:${id}`, `phone:${String(fields.phone)}`, `email:${String(fields.email)}`, `external:FX-${i}`);
  }
  if (f.channelIds.length > 0) {
    for (let i = 0; i < 3; i++) {
      await owner.post(`/v1/channels/${encodeURIComponent(f.channelIds[0])}/incoming`, {
        providerMessageId: `fixture-msg-${round}-${i}`,
        from: { address: `+4474001${String(10_000 + i)}` },
        text: `hello ${i}`,
      });
    }
  }
  // A fresh merge each round, so unmerge has something to undo.
  f.mergeIds.push(...(previous?.mergeIds ?? []).slice(-5));
  if (has('POST', '/v1/contacts/merge')) {
    const a = await owner.post('/v1/contacts', { firstName: `MergeA${round}`, email: `merge-a-${round}@example.com` });
    const b = await owner.post('/v1/contacts', { firstName: `MergeB${round}`, email: `merge-b-${round}@example.com` });
    const [ida, idb] = [idOf(a.data), idOf(b.data)];
    if (ok(a) && ok(b) && ida && idb) {
      const m = await owner.post('/v1/contacts/merge', { primary: `id:${ida}`, secondary: `id:${idb}` });
      const body = m.data as { mergeId?: string; merge?: { id?: string } };
      const mergeId = ok(m) ? (body.mergeId ?? body.merge?.id ?? null) : null;
      if (mergeId) f.mergeIds.push(mergeId);
    }
  }
  const webhooks = listOf((await owner.get('/v1/webhooks')).data);
  if (webhooks.length === 0) {
    const wh = await owner.post('/v1/webhooks', { url: 'http://127.0.0.1:9/fuzz', events: ['*'] });
    const whId = ok(wh) ? idOf(wh.data) : null;
    if (whId) f.webhookIds.push(whId);
  } else {
    for (const w of webhooks) if (typeof w.id === 'string') f.webhookIds.push(w.id);
  }
  if (has('POST', '/v1/segments')) {
    const segments = listOf((await owner.get('/v1/segments')).data);
    if (segments.length === 0) {
      const s = await owner.post('/v1/segments', { name: `Fuzz VIPs ${round}`, filter: { and: [{ field: 'tags', operator: 'hasAny', value: ['VIP'] }] } });
      const sid = ok(s) ? idOf(s.data) : null;
      if (sid) f.segmentIds.push(sid);
    } else {
      for (const x of segments) if (typeof x.id === 'string') f.segmentIds.push(x.id);
    }
  }
  for (const u of listOf((await owner.get('/v1/users')).data)) if (typeof u.id === 'string') f.userIds.push(u.id);
  for (const t of listOf((await owner.get('/v1/tags', { params: { limit: 100 } })).data)) {
    if (typeof t.id === 'string') f.tagIds.push(t.id);
    if (typeof t.name === 'string') f.tagNames.push(t.name);
  }
  // Real cursors: the second page of every list that pages.
  const remember = (path: string, data: unknown) => {
    const next = (data as { nextCursor?: unknown } | null)?.nextCursor;
    if (typeof next === 'string') (f.cursors[path] ??= []).push(next);
  };
  for (const op of ops) {
    if (op.method !== 'GET' || !op.queryParams.some((p) => p.name === 'cursor')) continue;
    if (op.pathParams.some((p) => p.name !== 'ref') || (op.pathParams.length > 0 && f.contactIds.length === 0)) continue;
    const url = op.path.replace('{ref}', encodeURIComponent(`id:${f.contactIds[0]}`));
    remember(op.path, (await owner.get(url, { params: { limit: 1 } })).data);
  }
  if (has('POST', '/v1/contacts/search')) remember('/v1/contacts/search', (await owner.post('/v1/contacts/search', { limit: 1 })).data);
  return f;
}
