import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const HOOK_URL = 'http://127.0.0.1:9/hooks';

describe.each(STORES)('webhook routes on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    // No worker: these tests look at the subscriptions, not at deliveries.
    hub = await startTestHub(kind, { deliveries: false });
  });
  afterAll(() => hub.close());

  it('POST /v1/webhooks creates a subscription and returns a generated secret once', async () => {
    const res = await hub.as('owner').post('/v1/webhooks', {
      url: HOOK_URL,
      events: ['contact.updated', 'contact.created', 'contact.created'],
      description: 'CRM sync',
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ url: HOOK_URL, events: ['contact.created', 'contact.updated'], description: 'CRM sync' });
    expect(res.data.id).toMatch(/^wh_/);
    expect(res.data.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const list = await hub.as('owner').get('/v1/webhooks');
    expect(list.status).toBe(200);
    const listed = list.data.data.find((w: { id: string }) => w.id === res.data.id);
    expect(listed).toEqual({
      id: res.data.id,
      url: HOOK_URL,
      events: ['contact.created', 'contact.updated'],
      description: 'CRM sync',
      createdAt: res.data.createdAt,
    });
    expect(JSON.stringify(list.data)).not.toContain(res.data.secret);

    const one = await hub.as('manager').get(`/v1/webhooks/${res.data.id}`);
    expect(one.status).toBe(200);
    expect(one.data).toMatchObject({ id: res.data.id, deliveryStats: { pending: 0, delivered: 0, failed: 0 }, deliveries: [] });
    expect(one.data.secret).toBeUndefined();
    expect(JSON.stringify(one.data)).not.toContain(res.data.secret);
  });

  it('keeps a client secret, sealed: the database never holds it in clear', async () => {
    const secret = 'my-own-signing-secret-0123456789';
    const res = await hub.as('manager').post('/v1/webhooks', { url: HOOK_URL, events: ['*', 'contact.created'], secret });
    expect(res.status).toBe(201);
    expect(res.data.secret).toBe(secret);
    expect(res.data.events).toEqual(['*']);
    const { rows } = await hub.server.db.query<{ row: string; secret_sealed: string }>(
      'select w::text as row, secret_sealed from webhooks w where id = $1',
      [res.data.id],
    );
    expect(rows[0].secret_sealed).toMatch(/^v1\./);
    expect(rows[0].row).not.toContain(secret);
    expect(rows[0].row).not.toContain(Buffer.from(secret).toString('base64url'));
  });

  it('honours Idempotency-Key: the replay carries the same webhook and secret, the stored answer does not', async () => {
    const headers = { 'Idempotency-Key': `wh-create-${kind}` };
    const body = { url: HOOK_URL, events: ['message.received'] };
    const first = await hub.as('owner').post('/v1/webhooks', body, { headers });
    expect(first.status).toBe(201);
    const again = await hub.as('owner').post('/v1/webhooks', body, { headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.data).toEqual(first.data);
    const stored = await hub.server.db.query<{ response: string }>(
      'select response::text as response from idempotency_keys where key = $1',
      [`wh-create-${kind}`],
    );
    expect(stored.rows[0].response).not.toContain(first.data.secret);
    const other = await hub.as('owner').post('/v1/webhooks', { ...body, events: ['message.sent'] }, { headers });
    expect(other.status).toBe(409);
    expect(errorCode(other)).toBe('conflict');
    const count = await hub.server.db.query<{ n: number }>('select count(*)::int as n from webhooks where url = $1 and events ? $2', [
      HOOK_URL,
      'message.received',
    ]);
    expect(count.rows[0].n).toBe(1);
  });

  it('lists with keyset pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await hub.as('owner').post('/v1/webhooks', { url: `${HOOK_URL}/page/${i}`, events: ['contact.tagged'] });
      ids.push(r.data.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; data: { data: { id: string }[]; nextCursor: string | null } } = await hub
        .as('owner')
        .get('/v1/webhooks', { params: { limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      expect(page.data.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.data.map((w) => w.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(seen.slice(-3)).toEqual(ids);
  });

  it('DELETE removes the webhook; then it is gone', async () => {
    const c = await hub.as('owner').post('/v1/webhooks', { url: HOOK_URL, events: ['contact.deleted'] });
    const del = await hub.as('manager').delete(`/v1/webhooks/${c.data.id}`);
    expect(del.status).toBe(200);
    expect(del.data).toEqual({ id: c.data.id, deleted: true, droppedPendingDeliveries: 0 });
    const gone = await hub.as('owner').get(`/v1/webhooks/${c.data.id}`);
    expect(gone.status).toBe(404);
    expect(errorCode(gone)).toBe('not_found');
    const again = await hub.as('owner').delete(`/v1/webhooks/${c.data.id}`);
    expect(again.status).toBe(404);
  });

  it('agents may not manage webhooks (403 on every route)', async () => {
    const c = await hub.as('owner').post('/v1/webhooks', { url: HOOK_URL, events: ['contact.created'] });
    const agent = hub.as('agent');
    for (const res of [
      await agent.get('/v1/webhooks'),
      await agent.post('/v1/webhooks', { url: HOOK_URL, events: ['contact.created'] }),
      await agent.get(`/v1/webhooks/${c.data.id}`),
      await agent.delete(`/v1/webhooks/${c.data.id}`),
    ]) {
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
      expect(res.data.error.message).toMatch(/owner or manager/);
    }
    expect((await hub.as('owner').get(`/v1/webhooks/${c.data.id}`)).status).toBe(200);
    const none = await hub.as('none').get('/v1/webhooks');
    expect(none.status).toBe(401);
  });

  it('another workspace sees none of these webhooks and cannot delete them', async () => {
    const c = await hub.as('owner').post('/v1/webhooks', { url: HOOK_URL, events: ['contact.created'] });
    const other = hub.as('other');
    const list = await other.get('/v1/webhooks');
    expect(list.status).toBe(200);
    expect(list.data.data).toEqual([]);
    const get = await other.get(`/v1/webhooks/${c.data.id}`);
    expect(get.status).toBe(404);
    expect(errorCode(get)).toBe('not_found');
    const del = await other.delete(`/v1/webhooks/${c.data.id}`);
    expect(del.status).toBe(404);
    expect((await hub.as('owner').get(`/v1/webhooks/${c.data.id}`)).status).toBe(200);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const owner = hub.as('owner');
    const cases: { body: unknown; path: string }[] = [
      { body: { url: 'ftp://example.com/x', events: ['contact.created'] }, path: 'url' },
      { body: { url: 'not a url', events: ['contact.created'] }, path: 'url' },
      { body: { events: ['contact.created'] }, path: 'url' },
      { body: { url: HOOK_URL, events: ['contact.exploded'] }, path: 'events[0]' },
      { body: { url: HOOK_URL, events: [] }, path: 'events' },
      { body: { url: HOOK_URL }, path: 'events' },
      { body: { url: HOOK_URL, events: ['contact.created'], secret: 'short' }, path: 'secret' },
      { body: { url: HOOK_URL, events: ['contact.created'], description: 'x'.repeat(501) }, path: 'description' },
    ];
    for (const c of cases) {
      const res = await owner.post('/v1/webhooks', c.body);
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(c.path);
    }
    const notJson = await owner.post('/v1/webhooks', '{"url":', { headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const badLimit = await owner.get('/v1/webhooks', { params: { limit: 0 } });
    expect(badLimit.status).toBe(400);
    expect(badLimit.data.error.details[0].path).toBe('query.limit');
    const badCursor = await owner.get('/v1/webhooks', { params: { cursor: 'garbage' } });
    expect(badCursor.status).toBe(400);
    expect(badCursor.data.error.details[0].path).toBe('query.cursor');
    const badDeliveries = await owner.get('/v1/webhooks/wh_x', { params: { deliveries: 1000 } });
    expect(badDeliveries.status).toBe(400);
    expect(badDeliveries.data.error.details[0].path).toBe('query.deliveries');
  });

  it('refuses loopback and private URLs when CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS is off', async () => {
    const saved = process.env.CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS;
    process.env.CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS = 'false';
    try {
      for (const url of ['http://127.0.0.1:5678/x', 'http://localhost/x', 'http://[::1]/x', 'https://10.1.2.3/x', 'http://192.168.0.10/x', 'http://169.254.169.254/latest']) {
        const res = await hub.as('owner').post('/v1/webhooks', { url, events: ['contact.created'] });
        expect(res.status).toBe(422);
        expect(errorCode(res)).toBe('rule_refused');
        expect(res.data.error.details[0].path).toBe('url');
      }
      const ok = await hub.as('owner').post('/v1/webhooks', { url: 'https://hooks.example.com/contact-hub', events: ['contact.created'] });
      expect(ok.status).toBe(201);
    } finally {
      if (saved === undefined) delete process.env.CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS;
      else process.env.CONTACT_HUB_ALLOW_PRIVATE_WEBHOOKS = saved;
    }
  });

  it('publishes the webhook routes in OpenAPI', async () => {
    const res = await hub.as('none').get('/v1/openapi.json');
    expect(res.data.paths['/v1/webhooks'].post.operationId).toBe('createWebhook');
    expect(res.data.paths['/v1/webhooks'].get.operationId).toBe('listWebhooks');
    expect(res.data.paths['/v1/webhooks/{webhookId}'].get.operationId).toBe('getWebhook');
    expect(res.data.paths['/v1/webhooks/{webhookId}'].delete.operationId).toBe('deleteWebhook');
  });
});
