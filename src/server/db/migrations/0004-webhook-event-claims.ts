/**
 * Migration 4: event claims of webhook receivers. A receiver that several processes serve (n8n
 * in queue mode, or behind a load balancer) claims each event id before acting on it; the first
 * claim wins, so a redelivered event is acted on once. Claims are kept for a bounded time
 * (housekeeping prunes them by `claimed_at`) and go with their webhook.
 */
export const sql = `
create table webhook_event_claims (
  webhook_id text not null references webhooks(id) on delete cascade,
  event_id text not null,
  claimed_at timestamptz not null,
  primary key (webhook_id, event_id)
);
create index webhook_event_claims_claimed on webhook_event_claims (claimed_at);
`;
