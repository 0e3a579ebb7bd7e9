import { deleteExpiredEventClaims } from '../../src/server/outbox/housekeeping';
import { EVENT_CLAIM_TTL_MS } from '../../src/server/services/webhook-claim-service';
import { STORES } from '../support/databases';
import { errorCode, startTestHub, type TestHub } from '../support/test-hub';

const HOOK_URL = 'http://127.0.0.1:9/hooks';

describe.each(STORES)('webhook event claims on %s', (kind) => {
  let hub: TestHub;
  let webhookId: string;
  beforeAll(async () => {
    hub = await startTestHub(kind, { deliveries: false });
    const res = await hub.as('manager').post('/v1/webhooks', { url: HOOK_URL, events: ['contact.created'] });
    expect(res.status).toBe(201);
    webhookId = res.data.id;
  });
  afterAll(() => hub.close());

  const claim = (eventId: unknown, who: Parameters<TestHub['as']>[0] = 'manager', id = webhookId) =>
    hub.as(who).post(`/v1/webhooks/${id}/claims`, { eventId });

  it('answers claimed: true to the first claim of an event and claimed: false to every later one', async () => {
    const first = await claim('evt_first');
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ webhookId, eventId: 'evt_first', claimed: true, claimedAt: expect.any(String) });
    const again = await claim('evt_first', 'owner');
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ webhookId, eventId: 'evt_first', claimed: false, claimedAt: first.data.claimedAt });
    expect((await claim('evt_second')).data.claimed).toBe(true);
  });

  it('lets exactly one of many concurrent claims of one event win', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => claim('evt_race')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.data.claimed === true)).toHaveLength(1);
  });

  it('keeps claims per subscription: the same event id claims once at each webhook', async () => {
    const other = await hub.as('owner').post('/v1/webhooks', { url: `${HOOK_URL}/other`, events: ['*'] });
    expect((await claim('evt_shared')).data.claimed).toBe(true);
    expect((await claim('evt_shared', 'manager', other.data.id)).data.claimed).toBe(true);
    expect((await claim('evt_shared', 'manager', other.data.id)).data.claimed).toBe(false);
  });

  it('needs the role that registers webhooks, and sees only its own workspace', async () => {
    const agent = await claim('evt_agent', 'agent');
    expect(agent.status).toBe(403);
    expect(errorCode(agent)).toBe('forbidden');
    expect(agent.data.error.message).toMatch(/Claiming webhook events requires the owner or manager role/);
    const stranger = await claim('evt_other', 'other');
    expect(stranger.status).toBe(404);
    expect(errorCode(stranger)).toBe('not_found');
    expect((await claim('evt_none', 'none')).status).toBe(401);
    // The refused claims left nothing behind: the agent's event is still unclaimed.
    expect((await claim('evt_agent')).data.claimed).toBe(true);
  });

  it('refuses a missing, empty or over-long event id and an unknown webhook, naming the field', async () => {
    for (const eventId of [undefined, '', 'x'.repeat(201), 12]) {
      const res = await claim(eventId);
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('validation_error');
      expect(res.data.error.details[0].path).toBe('eventId');
    }
    const unknown = await claim('evt_x', 'manager', 'wh_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.details).toEqual([{ path: 'webhookId', message: 'no such webhook' }]);
  });

  it('forgets the claims of a deleted webhook', async () => {
    const made = await hub.as('owner').post('/v1/webhooks', { url: `${HOOK_URL}/gone`, events: ['*'] });
    expect((await claim('evt_gone', 'owner', made.data.id)).data.claimed).toBe(true);
    expect((await hub.as('owner').delete(`/v1/webhooks/${made.data.id}`)).status).toBe(200);
    const { rows } = await hub.server.db.query<{ n: number }>('select count(*)::int as n from webhook_event_claims where webhook_id = $1', [
      made.data.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('housekeeping prunes claims older than the retention, and keeps the rest', async () => {
    expect((await claim('evt_old')).data.claimed).toBe(true);
    await hub.server.db.query('update webhook_event_claims set claimed_at = $1 where event_id = $2', [
      new Date(Date.now() - EVENT_CLAIM_TTL_MS - 60_000),
      'evt_old',
    ]);
    const removed = await deleteExpiredEventClaims(hub.server.db, new Date());
    expect(removed).toBe(1);
    // Pruned: a (very late) redelivery would claim anew; the recent ones are still claimed.
    expect((await claim('evt_old')).data.claimed).toBe(true);
    expect((await claim('evt_first')).data.claimed).toBe(false);
  });

  it('publishes the route in the OpenAPI document', async () => {
    const doc = await hub.as('none').get('/v1/openapi.json');
    expect(doc.status).toBe(200);
    const op = doc.data.paths['/v1/webhooks/{webhookId}/claims'].post;
    expect(op.operationId).toBe('claimWebhookEvent');
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['eventId']);
  });
});
