import { genFilter } from './fuzz-filters';
import type { FuzzValue } from './fuzz-json';
import { setOwn } from './fuzz-json';
import type { Random } from './fuzz-random';

export type JsonSchema = { [key: string]: unknown };

/** Records that exist in the fuzzed hub, so that well-formed requests reach past the lookups. */
export interface FuzzFixtures {
  refs: string[];
  contactIds: string[];
  channelIds: string[];
  tagIds: string[];
  tagNames: string[];
  webhookIds: string[];
  mergeIds: string[];
  segmentIds: string[];
  userIds: string[];
  customFieldKeys: string[];
  /** Real `nextCursor`s of list answers, by the path of the list. */
  cursors: Record<string, string[]>;
}

export interface GenContext {
  random: Random;
  fixtures: FuzzFixtures;
  /** The schema `$ref`s resolve against (`#/$defs/…` of the body schema, or the whole document). */
  root: JsonSchema;
  doc: JsonSchema;
}

function asSchema(v: unknown): JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonSchema) : {};
}

function resolveRef(ref: string, ctx: GenContext): JsonSchema {
  if (!ref.startsWith('#/')) return {};
  const parts = ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const base of [ctx.root, ctx.doc]) {
    let cur: unknown = base;
    for (const p of parts) cur = asSchema(cur)[p];
    if (cur !== undefined) return asSchema(cur);
  }
  return {};
}

function isoTime(random: Random, offsetDays = 0): string {
  const t = Date.UTC(2024, 0, 1) + random.int(0, 365 * 24 * 3600) * 1000 + offsetDays * 86_400_000;
  return new Date(t).toISOString();
}

/** Strings that fit the field by its name (phones, e-mails, refs, ids of fixtures). */
function stringFor(name: string, schema: JsonSchema, ctx: GenContext): string | undefined {
  const { random, fixtures } = ctx;
  const n = name.toLowerCase();
  const pickOr = (items: string[], fallback: string) => (items.length > 0 ? random.pick(items) : fallback);
  if (schema.format === 'date-time') return isoTime(random);
  if (schema.format === 'date') return isoTime(random).slice(0, 10);
  if (schema.format === 'uri' || schema.format === 'url') return `https://example.com/${random.word(1, 8)}`;
  if (n === 'ref' || n.endsWith('ref') || n === 'primary' || n === 'secondary' || n === 'other') return pickOr(fixtures.refs, 'id:nope');
  if (n === 'channelid') return pickOr(fixtures.channelIds, 'ch_nope');
  if (n === 'tagid') return pickOr(fixtures.tagIds, 'tag_nope');
  if (n === 'webhookid') return pickOr(fixtures.webhookIds, 'wh_nope');
  if (n === 'mergeid') return pickOr(fixtures.mergeIds, 'mrg_nope');
  if (n === 'segmentid') return pickOr(fixtures.segmentIds, 'seg_nope');
  if (n === 'assignee' || n === 'userid') return pickOr(fixtures.userIds, 'usr_nope');
  if (n.includes('phone') || n === 'address') return `${random.pick(['+447400', '+447500', '+447800', '+5511912'])}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  if (n.includes('email')) return `fz${random.word(3, 10)}@example.com`;
  if (n === 'country') return random.pick(['GB', 'BR', 'US', 'DE', 'gb']);
  if (n === 'language') return random.pick(['en', 'pt-BR', 'de', 'en-gb']);
  if (n.includes('url') || n.includes('pic')) return `https://example.com/${random.word(1, 8)}.jpg`;
  if (n === 'cursor') return pickOr(fixtures.cursors['/v1/contacts/search'] ?? [], '');
  if (n === 'key' || n === 'id' || n === 'externalcode') return `${random.word(1, 1)}${random.word(2, 12)}`;
  if (n.includes('at') && /(At|Before|After)$/.test(name)) return isoTime(random);
  if (n === 'field') return random.pick(['firstName', 'lastName', 'phone', 'email', 'tags', 'createdAt', 'country', 'blocked', ...fixtures.customFieldKeys]);
  if (n === 'name' || n === 'tag' || n === 'label') return `${random.pick(['VIP', 'Lead', 'fz'])} ${random.word(1, 6)}`;
  return undefined;
}

function genString(name: string, schema: JsonSchema, ctx: GenContext): string {
  const { random } = ctx;
  const examples = Array.isArray(schema.examples) ? schema.examples.filter((e) => typeof e === 'string') : [];
  const byName = stringFor(name, schema, ctx);
  if (byName !== undefined && random.chance(0.8)) return byName;
  if (examples.length > 0 && random.chance(0.7)) return random.pick(examples);
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, min + 20) : min + 12;
  return byName ?? random.word(Math.max(min, 1), Math.max(max, min, 1));
}

function genNumber(schema: JsonSchema, ctx: GenContext, integer: boolean): number {
  const lo = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
  const hiRaw = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : lo + 100;
  const hi = Math.min(hiRaw, lo + 1000);
  const v = lo + ctx.random.next() * (hi - lo);
  return integer ? Math.round(Math.min(Math.max(v, Math.ceil(lo)), Math.floor(hi))) : v;
}

/**
 * A value that should satisfy `schema` (JSON Schema as zod emits it): examples, enums, and
 * field-name heuristics make most generated requests well-formed; the rest still exercise
 * the validators.
 */
export function genValue(schemaIn: unknown, ctx: GenContext, name = '', depth = 0): FuzzValue {
  let schema = asSchema(schemaIn);
  if (typeof schema.$ref === 'string') schema = { ...resolveRef(schema.$ref, ctx), ...schema, $ref: undefined };
  const { random } = ctx;
  if (name === 'filter' && random.chance(0.85)) return genFilter(random, ctx.fixtures);
  if ('const' in schema) return schema.const as FuzzValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return random.pick(schema.enum as FuzzValue[]);
  if (Array.isArray(schema.allOf)) {
    const merged: JsonSchema = { ...schema, allOf: undefined };
    for (const part of schema.allOf) {
      const s = asSchema(part);
      merged.type ??= s.type;
      merged.properties = { ...asSchema(merged.properties), ...asSchema(s.properties) };
      merged.required = [...((merged.required as string[] | undefined) ?? []), ...((s.required as string[] | undefined) ?? [])];
    }
    return genValue(merged, ctx, name, depth);
  }
  const branches = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as unknown[] | null;
  if (branches && branches.length > 0) {
    const nonNull = branches.filter((b) => asSchema(b).type !== 'null');
    // Deep inside recursive schemas (filter trees) prefer the first, usually simplest, branch.
    const choice = depth > 4 ? (nonNull[nonNull.length - 1] ?? branches[0]) : nonNull.length > 0 && random.chance(0.9) ? random.pick(nonNull) : random.pick(branches);
    return genValue({ ...asSchema(choice), description: schema.description }, ctx, name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? random.pick(schema.type as string[]) : schema.type;
  if (schema.default !== undefined && random.chance(0.1)) return schema.default as FuzzValue;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return random.chance(0.5);
    case 'integer':
      return genNumber(schema, ctx, true);
    case 'number':
      return genNumber(schema, ctx, false);
    case 'string':
      return genString(name, schema, ctx);
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, min + 3) : min + 3;
      const n = depth > 6 ? min : random.int(min, Math.max(min, max));
      const singular = name.endsWith('s') ? name.slice(0, -1) : name;
      const items = Array.from({ length: n }, () => genValue(schema.items, ctx, singular, depth + 1));
      // Lists of options (match orders, event types) take each option once.
      const enumItems = Array.isArray(asSchema(schema.items).enum);
      return enumItems ? [...new Set(items)].slice(0, Math.max(min, 1)) : items;
    }
    case 'object':
    case undefined: {
      const props = asSchema(schema.properties);
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const out: { [key: string]: FuzzValue } = {};
      if (type === undefined && Object.keys(props).length === 0) {
        // `{}`: any value.
        return random.pick<FuzzValue>(['text', 42, true, null, { a: 1 }]);
      }
      for (const [key, sub] of Object.entries(props)) {
        if (required.has(key) || (depth < 5 && random.chance(0.5))) setOwn(out, key, genValue(sub, ctx, key, depth + 1));
      }
      if (Object.keys(props).length === 0 && schema.additionalProperties !== false && random.chance(0.5)) {
        const keys = name === 'customFields' && ctx.fixtures.customFieldKeys.length > 0 ? ctx.fixtures.customFieldKeys : ['note'];
        setOwn(out, random.pick(keys), genValue(schema.additionalProperties ?? { type: 'string' }, ctx, 'value', depth + 1));
      }
      return out;
    }
    default:
      return null;
  }
}
