import type { ChannelType } from '../channel';
import type { Contact } from '../contact';
import type { CustomFieldDefinition, CustomFieldType } from '../custom-field';
import { emailKey, externalCodeKey, nameKey, phoneKey } from './duplicate-keys';

/** Why two contacts look like the same person, strongest first. */
export const MERGE_REASON_KINDS = ['phone', 'email', 'externalCode', 'nameAndCountry'] as const;
export type MergeReasonKind = (typeof MERGE_REASON_KINDS)[number];

export interface MergeReason {
  kind: MergeReasonKind;
  /** The shared normalised value: E.164 phone, lower-case e-mail or code, `name / COUNTRY`. */
  value: string;
}

export interface MergeSuggestion {
  /** The two contacts, sorted. */
  contactIds: [string, string];
  /** Every shared value, sorted by kind (as in MERGE_REASON_KINDS) then value. */
  reasons: MergeReason[];
}

/** A contact as the duplicate finder needs it: the contact and its identities' addresses. */
export interface MergeCandidate {
  contact: Contact;
  identities: Array<{ channelType: ChannelType; address: string }>;
}

/** Channel types whose address is a phone number. */
export const PHONE_CHANNEL_TYPES: readonly ChannelType[] = ['whatsapp', 'sms', 'viber'];

/**
 * Largest group of contacts sharing one value for which every pair is suggested. A bigger
 * group (a shared switchboard number, a generic `info@` address, a common name) yields only
 * the pairs of its first contact (by id) with each other one: n − 1 pairs instead of
 * n(n − 1)/2, enough to surface every member without flooding the list.
 */
export const MAX_FULL_GROUP_SIZE = 20;

const KIND_ORDER = new Map(MERGE_REASON_KINDS.map((k, i) => [k, i]));
const SEP = '\u0000';

function compareIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The keys (`kind␀value`) under which a candidate is grouped. */
function keysOf(candidate: MergeCandidate, fieldTypes: Map<string, CustomFieldType>): Set<string> {
  const keys = new Set<string>();
  const add = (kind: MergeReasonKind, value: string | null): void => {
    if (value !== null) keys.add(`${kind}${SEP}${value}`);
  };
  const c = candidate.contact;
  const phone = (value: string): string | null => phoneKey(value, c.country);
  if (c.phone) add('phone', phone(c.phone));
  if (c.email) add('email', emailKey(c.email));
  if (c.externalCode) add('externalCode', externalCodeKey(c.externalCode));
  for (const identity of candidate.identities) {
    if (PHONE_CHANNEL_TYPES.includes(identity.channelType)) add('phone', phone(identity.address));
    else if (identity.channelType === 'email') add('email', emailKey(identity.address));
  }
  for (const [key, value] of Object.entries(c.customFields)) {
    if (typeof value !== 'string') continue;
    const type = fieldTypes.get(key);
    if (type === 'phone') add('phone', phone(value));
    else if (type === 'email') add('email', emailKey(value));
  }
  const name = nameKey(c.firstName, c.lastName);
  const country = c.country?.trim().toUpperCase();
  if (name !== null && country) add('nameAndCountry', `${name} / ${country}`);
  return keys;
}

/**
 * Finds pairs of contacts that look like the same person: they share a normalised phone
 * (profile phone, WhatsApp/SMS/Viber identity addresses, phone-type custom fields; see
 * `phoneKey`), an e-mail
 * (profile, e-mail identities, email-type custom fields; case-insensitive), an external code
 * (trimmed, case-insensitive), or have the same name (first + last; case-, accent- and
 * spacing-insensitive; non-empty) and the same country (both set).
 *
 * One suggestion per pair with all its reasons; ordered by number of reasons (most first),
 * then by ids. Runs in time linear in the input plus the pairs produced: contacts are grouped
 * by key, never compared pairwise; groups larger than MAX_FULL_GROUP_SIZE contribute only
 * n − 1 pairs (see there). A contact listed twice counts once.
 */
export function suggestMerges(
  candidates: MergeCandidate[],
  customFields: CustomFieldDefinition[] = [],
): MergeSuggestion[] {
  const fieldTypes = new Map(customFields.map((d) => [d.key, d.type]));
  const groups = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    for (const key of keysOf(candidate, fieldTypes)) {
      let members = groups.get(key);
      if (!members) groups.set(key, (members = new Set()));
      members.add(candidate.contact.id);
    }
  }

  const pairs = new Map<string, MergeSuggestion>();
  const addPair = (a: string, b: string, reason: MergeReason): void => {
    const pairKey = `${a}${SEP}${b}`;
    let suggestion = pairs.get(pairKey);
    if (!suggestion) pairs.set(pairKey, (suggestion = { contactIds: [a, b], reasons: [] }));
    suggestion.reasons.push(reason);
  };
  for (const [key, memberSet] of groups) {
    if (memberSet.size < 2) continue;
    const sep = key.indexOf(SEP);
    const reason = { kind: key.slice(0, sep) as MergeReasonKind, value: key.slice(sep + 1) };
    const members = [...memberSet].sort(compareIds);
    if (members.length > MAX_FULL_GROUP_SIZE) {
      for (let j = 1; j < members.length; j++) addPair(members[0], members[j], { ...reason });
    } else {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) addPair(members[i], members[j], { ...reason });
      }
    }
  }

  const out = [...pairs.values()];
  for (const s of out) {
    s.reasons.sort(
      (x, y) => (KIND_ORDER.get(x.kind) ?? 0) - (KIND_ORDER.get(y.kind) ?? 0) || compareIds(x.value, y.value),
    );
  }
  return out.sort(
    (x, y) =>
      y.reasons.length - x.reasons.length ||
      compareIds(x.contactIds[0], y.contactIds[0]) ||
      compareIds(x.contactIds[1], y.contactIds[1]),
  );
}
