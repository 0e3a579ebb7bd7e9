import { CONTACT_COLUMNS } from '../../../src/domain/contact-columns';
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { hubClient } from '../transport';
import { toNodeError } from '../transport/hub-error';
import { PROFILE_FIELDS } from '../../../src/domain/contact';
import { CUSTOM_FIELD_PREFIX } from '../../../src/domain/custom-field';
import { listFilterFields, resolveFilterField } from '../../../src/domain/filter/filter-fields';
import { labelFilterFields, OPERATOR_LABELS, VALUE_TYPE_LABELS } from '../../../src/domain/filter/filter-labels';
import { OPERATORS_BY_TYPE } from '../../../src/domain/filter/filter-schema';
import { listAllCustomFields } from '../actions/shared/customFieldCatalogue';
import { ALL_OPERATOR_OPTIONS, operatorOption } from '../actions/shared/filterBuilder';
import { listPages } from '../actions/shared/list-pages';

/** The users of the workspace, for choosing an assignee. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const { data } = await (await hubClient(this)).listUsers();
    return data.map((u) => ({ name: u.email ? `${u.name} (${u.email})` : u.name, value: u.id, description: u.role }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/** Every record of a paged catalogue list, as load options (errors carry the hub's message). */
async function catalogueOptions(
  ctx: ILoadOptionsFunctions,
  fetch: (client: Awaited<ReturnType<typeof hubClient>>, cursor: string | undefined, limit: number) => Promise<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>,
  toOption: (record: Record<string, unknown>) => INodePropertyOptions,
): Promise<INodePropertyOptions[]> {
  try {
    const client = await hubClient(ctx);
    const records = await listPages((cursor, limit) => fetch(client, cursor, limit), Infinity, 500);
    return records.map(toOption);
  } catch (error) {
    throw toNodeError(ctx.getNode(), error);
  }
}

/** The tag catalogue, valued by tag id (Tag: Rename, Delete). */
export async function getTagIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await catalogueOptions(this, (c, cursor, limit) => c.listTags({ cursor, limit }), (t) => ({
    name: String(t.name),
    value: String(t.id),
    description: `${String(t.contactCount)} contacts`,
  }));
}

/** The workspace channels, valued by channel id. */
export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await catalogueOptions(this, (c, cursor, limit) => c.listChannels({ cursor, limit }), (ch) => ({
    name: `${String(ch.name)} (${String(ch.type)})`,
    value: String(ch.id),
    description: String(ch.id),
  }));
}

/** The workspace channels, after "the default channel" (empty value: the last interacted one). */
export async function getChannelsWithDefault(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  const channels = await getChannels.call(this);
  return [
    { name: 'Default (Last Interacted Channel)', value: '', description: 'The channel the contact last interacted on' },
    ...channels,
  ];
}

// Contact resource: segments, tags, custom fields, filter fields and operators, merge fields, export columns.

/** The saved segments, for choosing the one a Count or Delete acts on. */
export async function getSegments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const client = await hubClient(this);
    const segments = (await listPages((cursor, limit) => client.listSegments({ limit, ...(cursor ? { cursor } : {}) }), Infinity, 500)) as Array<{
      id: string;
      name: string;
    }>;
    return segments.map((s) => ({ name: s.name, value: s.id }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/**
 * The saved segments after "all contacts" (the empty value), for the optional Segment of a
 * selection: the empty default is then a listed choice, which the editor accepts.
 */
export async function getSegmentsOrAll(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return [{ name: 'All Contacts (No Segment)', value: '', description: 'Do not restrict to a segment' }, ...(await getSegments.call(this))];
}

/** The tag catalogue. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const client = await hubClient(this);
    const tags = (await listPages((cursor, limit) => client.listTags({ limit, ...(cursor ? { cursor } : {}) }), Infinity, 500)) as Array<{
      name: string;
      contactCount?: number;
    }>;
    return tags.map((t) => ({
      name: t.name,
      value: t.name,
      ...(t.contactCount !== undefined ? { description: `${t.contactCount} contacts` } : {}),
    }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/** The custom field definitions, valued by key. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const defs = await listAllCustomFields(await hubClient(this));
    return defs.map((d) => ({ name: d.label, value: d.key, description: `${d.type} (customFields.${d.key})` }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/**
 * Every field a filter condition can test, labelled and grouped ("Contact: First Name",
 * "Conversation: Last Interaction At", …, "Custom Field: Loyalty tier"); the value stays the
 * filter name (`firstName`, `customFields.loyaltyTier`).
 */
export async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const defs = await listAllCustomFields(await hubClient(this));
    return labelFilterFields(listFilterFields(defs), defs).map((f) => ({
      name: `${f.groupLabel}: ${f.label}`,
      value: f.field,
      description: `${f.description}. ${VALUE_TYPE_LABELS[f.type]}: ${OPERATORS_BY_TYPE[f.type].map((op) => OPERATOR_LABELS[op].label).join(', ')}.`,
    }));
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/** The operators that fit the chosen Field of the same filter row (all operators until a field is chosen). */
export async function getFilterOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  const field = String(this.getCurrentNodeParameter('&field') ?? '').trim();
  if (!field) return ALL_OPERATOR_OPTIONS;
  try {
    const defs = field.startsWith(CUSTOM_FIELD_PREFIX) ? await listAllCustomFields(await hubClient(this)) : [];
    const spec = resolveFilterField(field, defs);
    if (!spec) return ALL_OPERATOR_OPTIONS;
    return OPERATORS_BY_TYPE[spec.type].map(operatorOption);
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

/** Fields whose value Merge can take from either contact: the profile fields and the custom fields. */
export async function getMergeFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const defs = await listAllCustomFields(await hubClient(this));
    return [
      ...PROFILE_FIELDS.map((f) => ({ name: f, value: f })),
      ...defs.map((d) => ({ name: `${d.label} (custom)`, value: CUSTOM_FIELD_PREFIX + d.key })),
    ];
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}


/** Columns Export can write: the standard columns and the custom fields. */
export async function getExportColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  try {
    const defs = await listAllCustomFields(await hubClient(this));
    return [
      ...CONTACT_COLUMNS.map((c) => ({ name: c, value: c })),
      ...defs.map((d) => ({ name: `${d.label} (custom)`, value: CUSTOM_FIELD_PREFIX + d.key })),
    ];
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
