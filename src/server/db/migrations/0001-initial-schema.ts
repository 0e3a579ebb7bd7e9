/**
 * Migration 1: the initial schema. Released migrations are never edited; add a new file.
 * Text comparisons that filters use are indexed as lower(x COLLATE "C") so that both stores
 * fold case the same way (ASCII only) whatever their locale.
 */
export const sql = `
create table workspaces (
  id text primary key,
  name text not null unique,
  default_country text,
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  email text,
  role text not null check (role in ('owner', 'manager', 'agent')),
  created_at timestamptz not null default now()
);
create index users_workspace on users (workspace_id, created_at, id);

create table api_keys (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  key_hash text not null unique,
  label text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table contacts (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  external_code text,
  first_name text,
  last_name text,
  display_name text not null default '',
  email text,
  phone text,
  country text,
  language text,
  profile_pic text,
  assignee text,
  conversation_status text not null default 'open' check (conversation_status in ('open', 'closed')),
  conversation_opened_at timestamptz,
  blocked boolean not null default false,
  blocked_at timestamptz,
  proactive boolean not null default true,
  reactive boolean not null default true,
  custom_fields jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  last_interaction_at timestamptz,
  last_incoming_at timestamptz,
  last_interacted_channel_id text,
  primary key (workspace_id, id)
);
create unique index contacts_phone_unique on contacts (workspace_id, phone) where phone is not null;
create unique index contacts_email_unique on contacts (workspace_id, email) where email is not null;
create unique index contacts_external_code_unique on contacts (workspace_id, external_code) where external_code is not null;
create index contacts_created on contacts (workspace_id, created_at, id);
create index contacts_updated on contacts (workspace_id, updated_at);
create index contacts_last_interaction on contacts (workspace_id, last_interaction_at, id);
create index contacts_last_incoming on contacts (workspace_id, last_incoming_at);
create index contacts_name on contacts (workspace_id, lower(display_name collate "C"), id);
create index contacts_first_name on contacts (workspace_id, lower(first_name collate "C"));
create index contacts_last_name on contacts (workspace_id, lower(last_name collate "C"));
create index contacts_country on contacts (workspace_id, country);
create index contacts_language on contacts (workspace_id, language);
create index contacts_assignee on contacts (workspace_id, assignee);
create index contacts_conversation on contacts (workspace_id, conversation_status, conversation_opened_at);
create index contacts_flags on contacts (workspace_id, blocked, proactive, reactive);
create index contacts_last_channel on contacts (workspace_id, last_interacted_channel_id);
create index contacts_custom_fields on contacts using gin (custom_fields jsonb_path_ops);

create table contact_aliases (
  workspace_id text not null,
  alias_id text not null,
  contact_id text not null,
  merge_id text not null,
  primary key (workspace_id, alias_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create index contact_aliases_contact on contact_aliases (workspace_id, contact_id);

create table tags (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  name_key text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, name_key)
);

create table contact_tags (
  workspace_id text not null,
  contact_id text not null,
  tag_id text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, contact_id, tag_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, tag_id) references tags (workspace_id, id) on delete cascade
);
create index contact_tags_tag on contact_tags (workspace_id, tag_id, contact_id);

create table custom_fields (
  workspace_id text not null references workspaces(id) on delete cascade,
  key text not null,
  label text not null,
  type text not null,
  options jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);

create table channels (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  type text not null,
  name text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

create table channel_identities (
  workspace_id text not null,
  id text not null,
  contact_id text not null,
  channel_id text not null,
  address text not null,
  connected_at timestamptz not null,
  last_interaction_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, channel_id, address),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, channel_id) references channels (workspace_id, id) on delete cascade
);
create index channel_identities_contact on channel_identities (workspace_id, contact_id, channel_id);
create index channel_identities_address on channel_identities (workspace_id, lower(address collate "C"));

create table messages (
  workspace_id text not null,
  id text not null,
  contact_id text not null,
  channel_id text not null,
  identity_id text,
  direction text not null check (direction in ('incoming', 'outgoing')),
  kind text check (kind in ('proactive', 'reactive')),
  type text not null,
  text text,
  payload jsonb,
  hidden boolean not null default false,
  provider_message_id text,
  created_at timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create unique index messages_provider_id on messages (workspace_id, channel_id, provider_message_id)
  where provider_message_id is not null;
create index messages_contact on messages (workspace_id, contact_id, created_at, id);
create index messages_identity on messages (workspace_id, identity_id);

create table merges (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  primary_id text not null,
  secondary_id text not null,
  record jsonb not null,
  merged_at timestamptz not null,
  unmerged_at timestamptz,
  primary key (workspace_id, id)
);
create index merges_primary on merges (workspace_id, primary_id, merged_at);
create index merges_secondary on merges (workspace_id, secondary_id, merged_at);

create table segments (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  name text not null,
  name_key text not null,
  filter jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (workspace_id, id),
  unique (workspace_id, name_key)
);

create table webhooks (
  workspace_id text not null references workspaces(id) on delete cascade,
  id text not null,
  url text not null,
  events jsonb not null,
  description text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index webhooks_id on webhooks (id);

create table events (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  type text not null,
  payload jsonb not null,
  created_at timestamptz not null
);
create index events_workspace on events (workspace_id, created_at);

create table webhook_deliveries (
  id text primary key,
  workspace_id text not null,
  webhook_id text not null references webhooks(id) on delete cascade,
  event_id text not null references events(id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  first_attempt_at timestamptz,
  delivered_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  unique (webhook_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at);

create table webhook_delivery_attempts (
  delivery_id text not null references webhook_deliveries(id) on delete cascade,
  attempt integer not null,
  attempted_at timestamptz not null,
  status_code integer,
  error text,
  duration_ms integer not null,
  primary key (delivery_id, attempt)
);

create table idempotency_keys (
  workspace_id text not null references workspaces(id) on delete cascade,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('in_progress', 'done')),
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);
`;
