import type { ChannelType } from '../../../src/domain/channel';
import type { Contact } from '../../../src/domain/contact';
import { emailKey, externalCodeKey, nameKey, phoneKey } from '../../../src/domain/merge/duplicate-keys';
import {
  MAX_FULL_GROUP_SIZE,
  type MergeCandidate,
  suggestMerges,
} from '../../../src/domain/merge/merge-suggestions';
import { contact } from './fixtures';

function cand(c: Partial<Contact> & { id: string }, identities: Array<[ChannelType, string]> = []): MergeCandidate {
  return { contact: contact(c), identities: identities.map(([channelType, address]) => ({ channelType, address })) };
}

describe('duplicate keys', () => {
  it('normalises phone numbers and phone-based addresses to E.164', () => {
    expect(phoneKey('+44 7400 123456')).toBe('+447400123456');
    expect(phoneKey('447400123456')).toBe('+447400123456');
    expect(phoneKey('whatsapp:+44 (7400) 123-456')).toBe('+447400123456');
    expect(phoneKey('447400123456@s.whatsapp.net')).toBe('+447400123456');
    expect(phoneKey('0044 7400 123456')).toBe('+447400123456');
    expect(phoneKey('+999 123 4567')).toBe('+9991234567'); // not a valid number: compared by digits
    expect(phoneKey('07400 123456', 'GB')).toBe('+447400123456'); // national, read with the country
    expect(phoneKey('07400 123456')).toBeNull();
    expect(phoneKey('0123', 'GB')).toBeNull();
    expect(phoneKey('abc')).toBeNull();
    expect(phoneKey('+0123456789')).toBeNull();
    expect(phoneKey('12')).toBeNull();
  });

  it('normalises e-mails, external codes and names', () => {
    expect(emailKey('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(emailKey('mailto:ana@x.com')).toBe('ana@x.com');
    expect(emailKey('   ')).toBeNull();
    expect(externalCodeKey('  CRM-1 ')).toBe('crm-1');
    expect(externalCodeKey('  ')).toBeNull();
    expect(nameKey('  José ', 'ÁLVAREZ  da  Silva')).toBe('jose alvarez da silva');
    expect(nameKey(null, ' ')).toBeNull();
    expect(nameKey('Ana', null)).toBe('ana');
  });
});

describe('suggestMerges', () => {
  it('pairs contacts sharing a phone through profile, phone channels and phone custom fields', () => {
    const out = suggestMerges(
      [
        cand({ id: 'a', phone: '+447400123456' }),
        cand({ id: 'b' }, [['whatsapp', '447400123456']]),
        cand({ id: 'c', customFields: { mobile: '+44 7400 123456' } }),
        cand({ id: 'd' }, [['telegram', '447400123456']]), // not a phone channel
        cand({ id: 'e', customFields: { note: '+447400123456' } }), // not a phone field
        cand({ id: 'f', country: 'GB' }, [['sms', '07400 123456']]), // national address, contact's country
      ],
      [
        { key: 'mobile', label: 'Mobile', type: 'phone', options: null },
        { key: 'note', label: 'Note', type: 'text', options: null },
      ],
    );
    expect(out).toEqual([
      { contactIds: ['a', 'b'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
      { contactIds: ['a', 'c'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
      { contactIds: ['a', 'f'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
      { contactIds: ['b', 'c'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
      { contactIds: ['b', 'f'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
      { contactIds: ['c', 'f'], reasons: [{ kind: 'phone', value: '+447400123456' }] },
    ]);
  });

  it('matches sms and viber addresses too', () => {
    const out = suggestMerges([cand({ id: 'x' }, [['sms', '+15551234567']]), cand({ id: 'y' }, [['viber', '15551234567']])]);
    expect(out.map((s) => s.contactIds)).toEqual([['x', 'y']]);
  });

  it('pairs contacts sharing an e-mail case-insensitively, through profile, e-mail channels and e-mail fields', () => {
    const out = suggestMerges(
      [
        cand({ id: 'a', email: 'ana@x.com' }),
        cand({ id: 'b' }, [['email', 'ANA@X.com']]),
        cand({ id: 'c', customFields: { work: 'Ana@x.com', n: 3 } }),
      ],
      [{ key: 'work', label: 'Work', type: 'email', options: null }],
    );
    expect(out).toHaveLength(3);
    expect(out.every((s) => s.reasons[0].kind === 'email' && s.reasons[0].value === 'ana@x.com')).toBe(true);
  });

  it('pairs contacts sharing an external code (trimmed, case-insensitive)', () => {
    const out = suggestMerges([cand({ id: 'b', externalCode: ' crm-1' }), cand({ id: 'a', externalCode: 'CRM-1 ' })]);
    expect(out).toEqual([{ contactIds: ['a', 'b'], reasons: [{ kind: 'externalCode', value: 'crm-1' }] }]);
  });

  it('pairs contacts with the same name and country, ignoring case, accents and spacing', () => {
    const out = suggestMerges([
      cand({ id: 'a', firstName: 'José', lastName: 'Álvarez', country: 'ES' }),
      cand({ id: 'b', firstName: ' jose ', lastName: 'alvarez', country: 'ES' }),
      cand({ id: 'c', firstName: 'José', lastName: 'Álvarez', country: 'MX' }), // other country
      cand({ id: 'd', firstName: 'José', lastName: 'Álvarez', country: null }), // no country
      cand({ id: 'e', country: 'ES' }), // no name
      cand({ id: 'f', firstName: ' ', lastName: '', country: 'ES' }), // blank name
    ]);
    expect(out).toEqual([{ contactIds: ['a', 'b'], reasons: [{ kind: 'nameAndCountry', value: 'jose alvarez / ES' }] }]);
  });

  it('gives one suggestion per pair with all reasons, most reasons first, then ids', () => {
    const out = suggestMerges([
      cand({ id: 'z1', email: 'z@x.com' }),
      cand({ id: 'z2', email: 'z@x.com' }),
      cand({ id: 'b', phone: '+447400123456', firstName: 'Ana', country: 'GB', externalCode: 'K' }, [
        ['email', 'ana@x.com'],
      ]),
      cand({ id: 'a', firstName: 'ana', country: 'gb', externalCode: 'k', email: 'ana@x.com' }, [
        ['whatsapp', '+447400123456'],
        ['sms', '+447400123456'],
      ]),
    ]);
    expect(out).toEqual([
      {
        contactIds: ['a', 'b'],
        reasons: [
          { kind: 'phone', value: '+447400123456' },
          { kind: 'email', value: 'ana@x.com' },
          { kind: 'externalCode', value: 'k' },
          { kind: 'nameAndCountry', value: 'ana / GB' },
        ],
      },
      { contactIds: ['z1', 'z2'], reasons: [{ kind: 'email', value: 'z@x.com' }] },
    ]);
  });

  it('sorts several values of one kind and ignores a contact listed twice', () => {
    const a = cand({ id: 'a', email: 'b@x.com' }, [['email', 'a@x.com']]);
    const out = suggestMerges([a, a, cand({ id: 'b', email: 'a@x.com' }, [['email', 'b@x.com']])]);
    expect(out).toEqual([
      {
        contactIds: ['a', 'b'],
        reasons: [
          { kind: 'email', value: 'a@x.com' },
          { kind: 'email', value: 'b@x.com' },
        ],
      },
    ]);
    expect(suggestMerges([a, a])).toEqual([]);
    expect(suggestMerges([])).toEqual([]);
  });

  it('caps an oversized group to the pairs of its first contact', () => {
    const n = MAX_FULL_GROUP_SIZE + 5;
    const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const out = suggestMerges(ids.map((id) => cand({ id, email: 'info@shop.com' })));
    expect(out).toHaveLength(n - 1);
    expect(out.every((s) => s.contactIds[0] === 'c000')).toBe(true);
    expect(new Set(out.map((s) => s.contactIds[1]))).toEqual(new Set(ids.slice(1)));
    // a group at the limit yields every pair
    const full = suggestMerges(ids.slice(0, MAX_FULL_GROUP_SIZE).map((id) => cand({ id, email: 'info@shop.com' })));
    expect(full).toHaveLength((MAX_FULL_GROUP_SIZE * (MAX_FULL_GROUP_SIZE - 1)) / 2);
  });

  it('handles tens of thousands of contacts by grouping, not pairwise comparison', () => {
    const candidates: MergeCandidate[] = [];
    for (let i = 0; i < 40000; i++) {
      const n = String(7400100000 + i);
      candidates.push(
        cand({ id: `k${i}`, phone: `+44${n}`, email: `user${i}@x.com`, firstName: `F${i}`, lastName: 'L', country: 'GB' }, [
          ['whatsapp', `44${i % 2 === 0 ? n : String(7400100000 + i - 1)}`],
        ]),
      );
    }
    const started = Date.now();
    const out = suggestMerges(candidates);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out).toHaveLength(20000); // each odd contact's WhatsApp number is its even neighbour's phone
    expect(out[0]).toEqual({ contactIds: ['k0', 'k1'], reasons: [{ kind: 'phone', value: '+447400100000' }] });
  });
});
