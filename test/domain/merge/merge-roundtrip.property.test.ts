import fc from 'fast-check';
import type { ChannelIdentity } from '../../../src/domain/channel';
import { type Contact, type CustomFieldValue, PROFILE_FIELDS } from '../../../src/domain/contact';
import { displayName } from '../../../src/domain/display-name';
import type { Message } from '../../../src/domain/message';
import type { ContactAggregate } from '../../../src/domain/merge/contact-aggregate';
import { MERGE_SOURCES, type MergeChoices } from '../../../src/domain/merge/merge-choices';
import { planMerge } from '../../../src/domain/merge/merge-plan';
import { parseMergeRecord } from '../../../src/domain/merge/merge-record';
import { planUnmerge } from '../../../src/domain/merge/unmerge-plan';
import { tagKey, uniqueTags } from '../../../src/domain/tag-name';

const INSTANTS = [
  '2024-01-01T00:00:00.000Z',
  '2024-02-01T00:00:00.000Z',
  '2024-03-01T00:00:00.000Z',
  '2024-03-01T02:00:00+02:00', // same instant as the previous one, spelt differently
  '2024-04-01T00:00:00.000Z',
];
const TAG_POOL = ['VIP', 'vip', 'Vip', 'Lead', 'lead', 'b2b', 'B2B', 'churn', 'Alpha'];
const CUSTOM_KEYS = ['plan', 'score', 'vip', 'birthday'];

const instant = fc.constantFrom(...INSTANTS);
const maybeInstant = fc.option(instant, { nil: null });
const small = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: null });
const customValue: fc.Arbitrary<CustomFieldValue> = fc.oneof(
  fc.constantFrom('a', 'b', ''),
  fc.integer({ min: -2, max: 2 }),
  fc.boolean(),
  fc.constant(null),
);

/** Case-insensitively unique tags, sorted like Contact.tags. */
const tags = fc.shuffledSubarray(TAG_POOL).map(uniqueTags);

function contactArb(id: string): fc.Arbitrary<Contact> {
  return fc
    .record({
      externalCode: small(['X1', 'X2']),
      firstName: small(['Ana', 'Bo']),
      lastName: small(['Silva', 'Li']),
      email: small(['a@x.com', 'b@x.com']),
      phone: small(['+447400123456', '+5511999990000']),
      country: small(['GB', 'BR']),
      language: small(['en', 'pt-BR']),
      profilePic: small(['https://p/1.png']),
      assignee: small(['u1', 'u2']),
      proactive: fc.boolean(),
      reactive: fc.boolean(),
      customFields: fc.dictionary(fc.constantFrom(...CUSTOM_KEYS), customValue, { maxKeys: 4 }),
      tags,
      conversationStatus: fc.constantFrom('open' as const, 'closed' as const),
      conversationOpenedAt: maybeInstant,
      blocked: fc.boolean(),
      blockedAt: maybeInstant,
      createdAt: instant,
      updatedAt: instant,
      lastInteractionAt: maybeInstant,
      lastIncomingAt: maybeInstant,
      lastInteractedChannelId: small(['ch-1', 'ch-2']),
    })
    .map((c) => ({ ...c, id, displayName: displayName(c) }));
}

function aggregateArb(id: string): fc.Arbitrary<ContactAggregate> {
  return fc
    .record({
      contact: contactArb(id),
      identityCount: fc.integer({ min: 0, max: 3 }),
      messages: fc.array(
        fc.record({
          identityIndex: fc.integer({ min: -1, max: 2 }), // -1: no identity
          direction: fc.constantFrom('incoming' as const, 'outgoing' as const),
          hidden: fc.boolean(),
          createdAt: instant,
        }),
        { maxLength: 6 },
      ),
    })
    .map(({ contact, identityCount, messages }) => {
      const identities: ChannelIdentity[] = Array.from({ length: identityCount }, (_, i) => ({
        id: `${id}-i${i}`,
        contactId: id,
        channelId: `ch-${(i % 2) + 1}`,
        address: `${id}-addr-${i}`,
        connectedAt: INSTANTS[0],
        lastInteractionAt: null,
      }));
      const msgs: Message[] = messages.map((m, i) => {
        const identity = m.identityIndex >= 0 ? identities[m.identityIndex] : undefined;
        return {
          id: `${id}-m${i}`,
          contactId: id,
          channelId: identity?.channelId ?? 'ch-1',
          identityId: identity?.id ?? null,
          direction: m.direction,
          kind: m.direction === 'outgoing' ? 'reactive' : null,
          type: 'text',
          text: `message ${i}`,
          payload: null,
          hidden: m.hidden,
          providerMessageId: null,
          createdAt: m.createdAt,
        };
      });
      return { contact, identities, messages: msgs };
    });
}

const source = fc.option(fc.constantFrom(...MERGE_SOURCES), { nil: undefined });
const choicesArb: fc.Arbitrary<MergeChoices> = fc
  .record({
    profile: fc.tuple(...PROFILE_FIELDS.map(() => source)),
    custom: fc.dictionary(fc.constantFrom(...CUSTOM_KEYS, 'unused'), fc.constantFrom(...MERGE_SOURCES)),
  })
  .map(({ profile, custom }) => {
    const choices: MergeChoices = { customFields: custom };
    PROFILE_FIELDS.forEach((f, i) => {
      if (profile[i] !== undefined) choices[f] = profile[i];
    });
    return choices;
  });

const NOW = '2024-06-01T00:00:00.000Z';
const LATER = '2024-07-01T00:00:00.000Z';

/** The aggregate with `updatedAt` set aside (merge and unmerge both set it to their `now`). */
function comparable(a: ContactAggregate): ContactAggregate {
  return { ...a, contact: { ...a.contact, updatedAt: 'set aside' } };
}

describe('merge and unmerge properties', () => {
  it('merge then unmerge with no change in between restores both aggregates exactly (except updatedAt)', () => {
    fc.assert(
      fc.property(aggregateArb('p'), aggregateArb('s'), choicesArb, (primary, secondary, choices) => {
        const { merged, record } = planMerge(primary, secondary, choices, NOW, 'm');
        // the record round-trips as JSON, as the server stores it
        const stored = parseMergeRecord(JSON.parse(JSON.stringify(record)));
        const plan = planUnmerge(stored, merged, LATER);
        expect(comparable(plan.primary)).toEqual(comparable(primary));
        expect(comparable(plan.restored)).toEqual(comparable(secondary));
        expect(plan.primary.contact.updatedAt).toBe(LATER);
        expect(plan.restored.contact.updatedAt).toBe(LATER);
        expect(plan.keptFields).toEqual([]);
        expect(plan.recomputedFields).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('merge never loses an identity or a message and unites tags case-insensitively', () => {
    fc.assert(
      fc.property(aggregateArb('p'), aggregateArb('s'), choicesArb, (primary, secondary, choices) => {
        const { merged, record } = planMerge(primary, secondary, choices, NOW, 'm');
        const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();
        expect(ids(merged.identities)).toEqual(ids([...primary.identities, ...secondary.identities]));
        expect(ids(merged.messages)).toEqual(ids([...primary.messages, ...secondary.messages]));
        expect(merged.identities.every((i) => i.contactId === 'p')).toBe(true);
        expect(merged.messages.every((m) => m.contactId === 'p')).toBe(true);
        // messages keep everything but their contact
        const before = new Map([...primary.messages, ...secondary.messages].map((m) => [m.id, m]));
        for (const m of merged.messages) expect({ ...m, contactId: 'x' }).toEqual({ ...before.get(m.id), contactId: 'x' });
        expect(record.movedIdentityIds).toEqual(secondary.identities.map((i) => i.id));
        expect(record.movedMessageIds).toEqual(secondary.messages.map((m) => m.id));

        const tagsOut = merged.contact.tags;
        const keys = tagsOut.map(tagKey);
        expect(new Set(keys).size).toBe(keys.length); // no case-insensitive duplicates
        expect(new Set(keys)).toEqual(new Set([...primary.contact.tags, ...secondary.contact.tags].map(tagKey)));
        for (const t of primary.contact.tags) expect(tagsOut).toContain(t); // primary's spelling kept
        expect(uniqueTags(tagsOut)).toEqual(tagsOut); // sorted, unique
        expect(merged.contact.id).toBe('p');
        expect(merged.contact.displayName).toBe(displayName(merged.contact));
      }),
      { numRuns: 500 },
    );
  });

  it('every message on a moved identity goes back on unmerge, including ones received after the merge', () => {
    fc.assert(
      fc.property(
        aggregateArb('p'),
        aggregateArb('s'),
        fc.array(fc.record({ identityIndex: fc.nat(), hidden: fc.boolean() }), { maxLength: 5 }),
        (primary, secondary, arrivals) => {
          const { merged, record } = planMerge(primary, secondary, {}, NOW, 'm');
          if (merged.identities.length === 0) return;
          const newMessages: Message[] = arrivals.map((a, i) => {
            const identity = merged.identities[a.identityIndex % merged.identities.length];
            return {
              id: `new-${i}`,
              contactId: 'p',
              channelId: identity.channelId,
              identityId: identity.id,
              direction: 'incoming',
              kind: null,
              type: 'text',
              text: 'later',
              payload: null,
              hidden: a.hidden,
              providerMessageId: null,
              createdAt: '2024-06-15T00:00:00.000Z',
            };
          });
          const current = { ...merged, messages: [...merged.messages, ...newMessages] };
          const plan = planUnmerge(record, current, LATER);
          const moved = new Set(record.movedIdentityIds);
          for (const m of newMessages) {
            const holder = moved.has(m.identityId as string) ? plan.restored : plan.primary;
            expect(holder.messages.map((x) => x.id)).toContain(m.id);
          }
          expect(plan.primary.messages.length + plan.restored.messages.length).toBe(current.messages.length);
          expect(plan.restored.messages.every((m) => m.contactId === 's')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
