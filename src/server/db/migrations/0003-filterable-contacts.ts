/**
 * Migration 3: contacts shaped for filters, segments and search at a million contacts.
 *
 * Everything a filter or a free-text search reads is on the contact's own row, in a form an
 * index can answer, so the planner combines index scans instead of running sub-plans per row:
 *
 * - `tag_keys`: the keys (see `tagKey`) of the contact's tags; GIN-indexed (`&&`, `@>`).
 * - `channel_keys`: the channel ids and channel types of the contact's identities; GIN-indexed.
 * - `identity_addresses`: the addresses of those identities (free-text search reads them).
 *   The three arrays are sorted in the C collation (code point order) and hold no duplicates.
 * - `custom_folded`: the custom fields with string values folded like filters fold text (ASCII
 *   A–Z → a–z); GIN `jsonb_path_ops`, so equality on any custom field is `@>`.
 * - `search_document`: every value free text matches (id, names, e-mail, phone, external code,
 *   tag keys, custom field values, identity addresses), folded, one per line; trigram-indexed
 *   (`pg_trgm`), so `like '%term%'` is an index scan.
 *
 * The database keeps the derived columns right, whatever writes: `contact_tags` and
 * `channel_identities` are the truth, and statement-level triggers refresh the contacts a
 * statement touched (only where the value differs, so a writer that already wrote the right
 * value costs no second row version); renaming a tag refreshes the contacts that carry it.
 * `custom_folded` and `search_document` are generated columns. Existing rows are converted here.
 *
 * Text folds with `lower(x collate "C")`, as migration 1's indexes and the filter evaluator do.
 * Indexes that only served the old, non-sargable forms go; text fields that filters compare get
 * expression indexes in the folded form.
 */
export const sql = `
create extension if not exists pg_trgm;

create function contact_hub_fold_custom_fields(fields jsonb) returns jsonb
language sql immutable parallel safe as $fn$
  select coalesce(jsonb_object_agg(f.key,
           case when jsonb_typeof(f.value) = 'string' then to_jsonb(lower((f.value #>> '{}') collate "C")) else f.value end),
         '{}'::jsonb)
    from jsonb_each(coalesce(fields, '{}'::jsonb)) as f
$fn$;

create function contact_hub_search_document(id text, display_name text, first_name text, last_name text, email text,
    phone text, external_code text, tag_keys text[], custom_fields jsonb, identity_addresses text[]) returns text
language sql immutable parallel safe as $fn$
  select lower(concat_ws(E'\\n', id, display_name, first_name, last_name, email, phone, external_code,
           array_to_string(tag_keys, E'\\n'),
           (select string_agg(f.value, E'\\n') from jsonb_each_text(coalesce(custom_fields, '{}'::jsonb)) as f),
           array_to_string(identity_addresses, E'\\n')) collate "C")
$fn$;

alter table contacts add column tag_keys text[] not null default '{}';
alter table contacts add column channel_keys text[] not null default '{}';
alter table contacts add column identity_addresses text[] not null default '{}';

update contacts c set tag_keys = x.keys
  from (select ct.workspace_id, ct.contact_id, array_agg(t.name_key order by t.name_key collate "C") as keys
          from contact_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id
         group by ct.workspace_id, ct.contact_id) x
 where c.workspace_id = x.workspace_id and c.id = x.contact_id;

update contacts c set channel_keys = x.channel_keys, identity_addresses = x.addresses
  from (select ci.workspace_id, ci.contact_id,
               array(select distinct k collate "C" from unnest(array_agg(ci.channel_id) || array_agg(ch.type)) as k order by 1) as channel_keys,
               array_agg(ci.address order by ci.address collate "C") as addresses
          from channel_identities ci join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id
         group by ci.workspace_id, ci.contact_id) x
 where c.workspace_id = x.workspace_id and c.id = x.contact_id;

alter table contacts add column custom_folded jsonb
  generated always as (contact_hub_fold_custom_fields(custom_fields)) stored;
alter table contacts add column search_document text
  generated always as (contact_hub_search_document(id, display_name, first_name, last_name, email, phone,
    external_code, tag_keys, custom_fields, identity_addresses)) stored;

create function contact_hub_refresh_tag_keys() returns trigger
language plpgsql as $fn$
begin
  update contacts c set tag_keys = x.keys
    from (select a.workspace_id, a.contact_id,
                 array(select t.name_key from contact_tags ct
                         join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id
                        where ct.workspace_id = a.workspace_id and ct.contact_id = a.contact_id
                        order by t.name_key collate "C") as keys
            from (select distinct workspace_id, contact_id from changed_tags) a) x
   where c.workspace_id = x.workspace_id and c.id = x.contact_id and c.tag_keys is distinct from x.keys;
  return null;
end
$fn$;

create trigger contact_tags_inserted after insert on contact_tags
  referencing new table as changed_tags for each statement execute function contact_hub_refresh_tag_keys();
create trigger contact_tags_deleted after delete on contact_tags
  referencing old table as changed_tags for each statement execute function contact_hub_refresh_tag_keys();
create trigger contact_tags_updated_old after update on contact_tags
  referencing old table as changed_tags for each statement execute function contact_hub_refresh_tag_keys();
create trigger contact_tags_updated_new after update on contact_tags
  referencing new table as changed_tags for each statement execute function contact_hub_refresh_tag_keys();

create function contact_hub_rename_tag_keys() returns trigger
language plpgsql as $fn$
begin
  update contacts c
     set tag_keys = array(select k from unnest(array_replace(c.tag_keys, old.name_key, new.name_key)) as k
                           order by k collate "C")
   where c.workspace_id = new.workspace_id and c.tag_keys @> array[old.name_key];
  return null;
end
$fn$;

create trigger tags_renamed after update of name_key on tags
  for each row when (old.name_key is distinct from new.name_key) execute function contact_hub_rename_tag_keys();

create function contact_hub_refresh_channel_keys() returns trigger
language plpgsql as $fn$
begin
  update contacts c set channel_keys = x.channel_keys, identity_addresses = x.addresses
    from (select a.workspace_id, a.contact_id,
                 array(select distinct v.k collate "C" from channel_identities ci
                         join channels ch on ch.workspace_id = ci.workspace_id and ch.id = ci.channel_id,
                         lateral (values (ci.channel_id), (ch.type)) as v(k)
                        where ci.workspace_id = a.workspace_id and ci.contact_id = a.contact_id
                        order by 1) as channel_keys,
                 array(select ci.address from channel_identities ci
                        where ci.workspace_id = a.workspace_id and ci.contact_id = a.contact_id
                        order by ci.address collate "C") as addresses
            from (select distinct workspace_id, contact_id from changed_identities) a) x
   where c.workspace_id = x.workspace_id and c.id = x.contact_id
     and (c.channel_keys is distinct from x.channel_keys or c.identity_addresses is distinct from x.addresses);
  return null;
end
$fn$;

create trigger channel_identities_inserted after insert on channel_identities
  referencing new table as changed_identities for each statement execute function contact_hub_refresh_channel_keys();
create trigger channel_identities_deleted after delete on channel_identities
  referencing old table as changed_identities for each statement execute function contact_hub_refresh_channel_keys();
create trigger channel_identities_updated_old after update on channel_identities
  referencing old table as changed_identities for each statement execute function contact_hub_refresh_channel_keys();
create trigger channel_identities_updated_new after update on channel_identities
  referencing new table as changed_identities for each statement execute function contact_hub_refresh_channel_keys();

drop index contacts_custom_fields;
drop index contacts_flags;
drop index contacts_country;
drop index contacts_language;
create index contacts_tag_keys on contacts using gin (tag_keys);
create index contacts_channel_keys on contacts using gin (channel_keys);
create index contacts_custom_folded on contacts using gin (custom_folded jsonb_path_ops);
create index contacts_search_document on contacts using gin (search_document gin_trgm_ops);
create index contacts_country_folded on contacts (workspace_id, lower(country collate "C"));
create index contacts_language_folded on contacts (workspace_id, lower(language collate "C"));
create index contacts_email_folded on contacts (workspace_id, lower(email collate "C"));
create index contacts_blocked on contacts (workspace_id) where blocked;
`;
