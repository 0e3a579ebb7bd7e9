/**
 * Reusable fast-check arbitraries for filter tests: realistic contacts (with identities and custom
 * fields of every type, nulls, non-ASCII text, dates around {@link FILTER_TEST_NOW}) and valid filter
 * trees whose values are drawn from the same pools, so conditions match often enough to be telling.
 * The server's SQL-vs-evaluator property test reuses these.
 */
import fc from 'fast-check';
import type { Channel } from '../../../src/domain/channel';
import type { CustomFieldValue } from '../../../src/domain/contact';
import type { CustomFieldDefinition } from '../../../src/domain/custom-field';
import { DURATION_UNITS, parseDuration } from '../../../src/domain/filter/duration';
import { listFilterFields, type FilterFieldSpec } from '../../../src/domain/filter/filter-fields';
import {
  type Filter,
  type FilterCondition,
  type FilterOperator,
  OPERATORS_BY_TYPE,
} from '../../../src/domain/filter/filter-schema';
import type { FilterEvaluationContext, FilterSubject } from '../../../src/domain/filter/filter-evaluator';
import { validateFilter } from '../../../src/domain/filter/filter-validation';
import { parseInstant } from '../../../src/domain/filter/temporal-values';

/** The fixed evaluation instant of generated data. */
export const FILTER_TEST_NOW = new Date('2025-06-15T12:00:00.000Z');
const NOW = FILTER_TEST_NOW.getTime();
const DAY = DURATION_UNITS.d;

/** Workspace channels of generated data (two WhatsApp numbers, so types and ids differ). */
export const TEST_CHANNELS: Channel[] = [
  { id: 'ch-wa-1', type: 'whatsapp', name: 'WhatsApp main' },
  { id: 'ch-wa-2', type: 'whatsapp', name: 'WhatsApp support' },
  { id: 'ch-sms', type: 'sms', name: 'SMS' },
  { id: 'ch-mail', type: 'email', name: 'Mail' },
  { id: 'ch-tg', type: 'telegram', name: 'Telegram' },
];

/** One custom field definition of each type. */
export const TEST_CUSTOM_FIELDS: CustomFieldDefinition[] = [
  { key: 'nickname', label: 'Nickname', type: 'text', options: null },
  { key: 'score', label: 'Score', type: 'number', options: null },
  { key: 'vip', label: 'VIP', type: 'boolean', options: null },
  { key: 'birthday', label: 'Birthday', type: 'date', options: null },
  { key: 'renewalAt', label: 'Renewal', type: 'datetime', options: null },
  { key: 'workEmail', label: 'Work e-mail', type: 'email', options: null },
  { key: 'workPhone', label: 'Work phone', type: 'phone', options: null },
  { key: 'website', label: 'Website', type: 'url', options: null },
  { key: 'plan', label: 'Plan', type: 'list', options: ['Free', 'Pro', 'Enterprise'] },
];

/** Evaluation context matching the generated data. */
export const TEST_EVALUATION_CONTEXT: FilterEvaluationContext = { now: FILTER_TEST_NOW, channels: TEST_CHANNELS };

const NAMES = ['Ana', 'ana', 'Anabel', 'Émile', 'émile', 'ÉMILE', 'Zoë', 'straße', 'STRASSE', 'İlkay', 'ilkay', 'Ñandú', '李雷', "O'Brien", '50%_off'];
const EMAILS = ['ana@example.com', 'émile@exämple.org', 'zoë@test.io', 'bob@x.co', 'ana.b@example.com'];
const PHONES = ['+14155550123', '+5511987654321', '+442071838750', '+34612345678'];
const COUNTRIES = ['US', 'BR', 'GB', 'ES', 'DE'];
const LANGUAGES = ['en', 'pt-BR', 'es', 'de'];
const URLS = ['https://img.example.com/a.png', 'https://example.com/Ana', 'http://x.co/%20'];
const USERS = ['u1', 'u2', 'U1'];
const CONTACT_IDS = ['c1', 'c2', 'C3', 'c4', 'c-émile', 'c5', 'c6', 'c7', 'c8', 'c9'];
/** Tag catalogue: unique case-insensitively, like the real one. */
export const TEST_TAGS = ['VIP', 'Lead', 'customer', 'Ärger', 'newsletter', 'b2b'];
const DURATIONS = ['90s', '30m', '1h', '12h', '1d', '7d', '2w', '45d'];
const NUMBERS = [-5, 0, 7, 10, 10.5, 42, 99.99];
const PLANS = ['Free', 'Pro', 'Enterprise'];

/** Text without NUL (PostgreSQL text cannot hold it), ASCII and non-ASCII. */
const freeText = fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !s.includes('\u0000'));

/** Randomly flips the case of ASCII letters, keeping other characters. */
function caseVariant(s: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flips) =>
    [...s].map((ch, i) => (flips[i] && /[a-zA-Z]/.test(ch) ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join(''),
  );
}

function nullable<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arb, { nil: null, freq: 3 });
}

/** Offsets around now, with the boundaries of the generated durations well represented. */
const offsetMs = fc.oneof(
  fc.integer({ min: -90 * DAY, max: 10 * DAY }),
  fc.constantFrom(...DURATIONS.map((d) => -parseDuration(d))),
  fc.constantFrom(...DURATIONS.map((d) => -parseDuration(d) - 1)),
  fc.constant(0),
);
const instantArb = offsetMs.map((o) => NOW + o);
const isoArb = instantArb.map((ms) => new Date(ms).toISOString());
const dateArb = instantArb.map((ms) => new Date(ms).toISOString().slice(0, 10));

const customValueArbs: Record<string, fc.Arbitrary<CustomFieldValue>> = {
  nickname: fc.oneof(fc.constantFrom(...NAMES), freeText),
  score: fc.oneof({ arbitrary: fc.constantFrom(...NUMBERS), weight: 5 }, fc.integer({ min: -5, max: 100 })),
  vip: fc.boolean(),
  birthday: dateArb,
  renewalAt: isoArb,
  workEmail: fc.constantFrom(...EMAILS),
  workPhone: fc.constantFrom(...PHONES),
  website: fc.constantFrom(...URLS),
  plan: fc.constantFrom(...PLANS),
};

/** Custom field values: each key absent, null or a valid value of its type. */
const customFieldsArb: fc.Arbitrary<Record<string, CustomFieldValue>> = fc.record(
  Object.fromEntries(Object.entries(customValueArbs).map(([k, arb]) => [k, nullable(arb)])),
  { requiredKeys: [] },
).map((record) => {
  // Absent keys stay absent (not undefined), like a value read back from JSON.
  const out: Record<string, CustomFieldValue> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
});

const tagsArb = fc
  .oneof(fc.constant([]), fc.subarray(TEST_TAGS))
  .map((tags) => [...tags].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

/** One realistic contact with its identities (id drawn from a small pool; see {@link subjectsArb}). */
export const subjectArb: fc.Arbitrary<FilterSubject> = fc
  .record({
    id: fc.constantFrom(...CONTACT_IDS),
    externalCode: nullable(fc.oneof(fc.constantFrom('CRM-1', 'crm-1', 'CRM-20'), freeText)),
    firstName: nullable(fc.oneof(fc.constantFrom(...NAMES), freeText)),
    lastName: nullable(fc.oneof(fc.constantFrom(...NAMES), freeText, fc.constant(''))),
    email: nullable(fc.constantFrom(...EMAILS)),
    phone: nullable(fc.constantFrom(...PHONES)),
    country: nullable(fc.constantFrom(...COUNTRIES)),
    language: nullable(fc.constantFrom(...LANGUAGES)),
    profilePic: nullable(fc.constantFrom(...URLS)),
    assignee: nullable(fc.constantFrom(...USERS)),
    proactive: fc.boolean(),
    reactive: fc.boolean(),
    customFields: customFieldsArb,
    tags: tagsArb,
    conversationStatus: fc.constantFrom('open' as const, 'closed' as const),
    conversationOpenedAt: nullable(isoArb),
    blocked: fc.boolean(),
    createdAt: instantArb,
    updatedAfter: fc.integer({ min: 0, max: 5 * DAY }),
    lastInteractionAt: nullable(isoArb),
    lastIncomingAt: nullable(isoArb),
    lastInteractedChannelId: nullable(fc.constantFrom(...TEST_CHANNELS.map((c) => c.id))),
    identities: fc.subarray(TEST_CHANNELS.map((c) => c.id)).map((ids) => ids.map((channelId) => ({ channelId }))),
  })
  .map(({ updatedAfter, createdAt, ...c }) => {
    const name = [c.firstName, c.lastName].filter((p) => p).join(' ');
    return {
      ...c,
      displayName: name || c.phone || c.email || '',
      blockedAt: c.blocked ? new Date(createdAt).toISOString() : null,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(createdAt + updatedAfter).toISOString(),
    };
  });

/** Several contacts with distinct ids. */
export const subjectsArb: fc.Arbitrary<FilterSubject[]> = fc.uniqueArray(subjectArb, {
  selector: (s) => s.id,
  maxLength: CONTACT_IDS.length,
});

/** Every field generated filters use: all standard fields and {@link TEST_CUSTOM_FIELDS}. */
export const TEST_FILTER_FIELDS: FilterFieldSpec[] = listFilterFields(TEST_CUSTOM_FIELDS);

function textPool(spec: FilterFieldSpec): string[] {
  const src = spec.source;
  const key = src.kind === 'standard' ? src.property : src.kind === 'custom' ? src.key : '';
  switch (key) {
    case 'id':
      return CONTACT_IDS;
    case 'externalCode':
      return ['CRM-1', 'crm', 'CRM-20', '-2'];
    case 'email':
    case 'workEmail':
      return [...EMAILS, 'example', 'ÉMILE@EXÄMPLE.ORG'];
    case 'phone':
    case 'workPhone':
      return [...PHONES, '+1 415 555 0123', '+55', '4155'];
    case 'country':
      return COUNTRIES;
    case 'language':
      return [...LANGUAGES, 'pt'];
    case 'profilePic':
    case 'website':
      return [...URLS, 'https://', '%20', '_'];
    default:
      return [...NAMES, 'an', 'ÉM', 'é', 'ss', '%', '_', 'Ana Zoë'];
  }
}

const nonBlank = (s: string): boolean => s.trim() !== '' && !s.includes('\u0000');

function scalarArb(spec: FilterFieldSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'text':
      return fc
        .oneof(fc.constantFrom(...textPool(spec)).chain(caseVariant), freeText)
        .filter(nonBlank);
    case 'id':
      return spec.field === 'assignee'
        ? fc.constantFrom(...USERS, 'u3')
        : fc.constantFrom(...TEST_CHANNELS.map((c) => c.id), 'ch-unknown');
    case 'enum':
      return fc.constantFrom(...(spec.options ?? [])).chain(caseVariant);
    case 'number':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...NUMBERS, '42', ' 7 ', '1e1'), weight: 5 },
        fc.integer({ min: -5, max: 100 }),
      );
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
    case 'date':
      return dateArb;
    case 'datetime':
      // Several spellings of an instant; validation normalises them.
      return fc.oneof(
        isoArb,
        dateArb,
        instantArb.map((ms) => new Date(ms + 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+02:00')),
      );
    case 'tags':
      return fc.oneof(fc.constantFrom(...TEST_TAGS, 'missing').chain(caseVariant), fc.constant(' VIP '));
    case 'channels':
      return fc.constantFrom(...TEST_CHANNELS.map((c) => c.id), 'whatsapp', 'SMS', 'email', 'telegram', 'line');
    case 'duration':
      return fc.constantFrom(...DURATIONS);
  }
}

function durationArb(): fc.Arbitrary<string> {
  return fc.constantFrom(...DURATIONS);
}

function sortKey(spec: FilterFieldSpec, v: unknown): number | string {
  if (spec.type === 'duration') return parseDuration(v);
  if (spec.type === 'number') return Number(v);
  if (spec.type === 'datetime') return parseInstant(String(v)) ?? 0;
  return String(v);
}

function valueArb(spec: FilterFieldSpec, op: FilterOperator): fc.Arbitrary<unknown> {
  switch (op) {
    case 'exists':
    case 'notExists':
      return fc.constant(undefined);
    case 'withinLast':
    case 'moreThan':
      return durationArb();
    case 'between':
      return fc.tuple(scalarArb(spec), scalarArb(spec)).map(([a, b]) => (sortKey(spec, a) <= sortKey(spec, b) ? [a, b] : [b, a]));
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return fc.array(scalarArb(spec), { minLength: 1, maxLength: 3 });
    default:
      return scalarArb(spec);
  }
}

/**
 * A raw (unvalidated JSON) condition that validates against {@link TEST_CUSTOM_FIELDS}; with
 * `operators`, only conditions using one of them (on the fields that accept them).
 */
export function rawConditionArbFor(operators?: readonly FilterOperator[]): fc.Arbitrary<Record<string, unknown>> {
  const choices = TEST_FILTER_FIELDS.flatMap((spec) =>
    OPERATORS_BY_TYPE[spec.type]
      .filter((op) => !operators || operators.includes(op))
      .map((operator) => ({ spec, operator })),
  );
  return fc
    .constantFrom(...choices)
    .chain(({ spec, operator }) =>
      valueArb(spec, operator).map((value) =>
        value === undefined ? { field: spec.field, operator } : { field: spec.field, operator, value },
      ),
    );
}

/** Any raw condition; see {@link rawConditionArbFor}. */
export const rawConditionArb: fc.Arbitrary<Record<string, unknown>> = rawConditionArbFor();

/** A raw filter tree (JSON) of at most `maxDepth` group levels that validates against {@link TEST_CUSTOM_FIELDS}. */
export function rawFilterArb(maxDepth = 3): fc.Arbitrary<unknown> {
  const { node } = fc.letrec<{ node: unknown; and: unknown; or: unknown; not: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth, depthIdentifier: 'filter-tree' }, rawConditionArb, tie('and'), tie('or'), tie('not')),
    and: fc.record({ and: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'filter-tree' }) }),
    or: fc.record({ or: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'filter-tree' }) }),
    not: fc.record({ not: tie('node') }),
  }));
  return node;
}

/** A validated filter tree (see {@link rawFilterArb}). */
export function filterArb(maxDepth = 3): fc.Arbitrary<Filter> {
  return rawFilterArb(maxDepth).map((raw) => validateFilter(raw, { customFields: TEST_CUSTOM_FIELDS }));
}

/** A single validated condition, optionally restricted to some operators. */
export function conditionArbFor(operators?: readonly FilterOperator[]): fc.Arbitrary<FilterCondition> {
  return rawConditionArbFor(operators).map(
    (raw) => validateFilter(raw, { customFields: TEST_CUSTOM_FIELDS }) as FilterCondition,
  );
}

/** Any single validated condition. */
export const conditionArb: fc.Arbitrary<FilterCondition> = conditionArbFor();
