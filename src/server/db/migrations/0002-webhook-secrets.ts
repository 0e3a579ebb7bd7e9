/**
 * Migration 2: webhook signing secrets stored sealed (AES-256-GCM under the server key, see
 * secret-box.ts), keyset order for the webhook list, and the indexes the delivery worker's
 * housekeeping and the delivery history read by.
 */
export const sql = `
alter table webhooks add column secret_sealed text not null;
create index webhooks_workspace on webhooks (workspace_id, created_at, id);
create index webhook_deliveries_webhook_recent on webhook_deliveries (webhook_id, created_at desc, id desc);
create index idempotency_keys_created on idempotency_keys (created_at);
`;
