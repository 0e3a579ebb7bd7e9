import fc from 'fast-check';
import { planClusterMerges, type SuggestedPair } from '../../../src/domain/merge/duplicate-clusters';

interface C {
  id: string;
  createdAt: string;
}
const contact = (id: string, day: number): C => ({ id, createdAt: `2025-01-${String(day).padStart(2, '0')}T00:00:00.000Z` });
const pair = (a: C, b: C, reason = `${a.id}~${b.id}`): SuggestedPair<C, string> => ({ contactIds: [a.id, b.id], reasons: [reason], contacts: [a, b] });

describe('planClusterMerges', () => {
  const a = contact('ct_a', 3);
  const b = contact('ct_b', 1);
  const c = contact('ct_c', 2);
  const d = contact('ct_d', 5);
  const e = contact('ct_e', 4);

  it('merges a cluster of three into its oldest contact, once per other contact', () => {
    const merges = planClusterMerges([pair(a, b), pair(a, c), pair(b, c)]);
    expect(merges.map((m) => [m.cluster, m.primaryId, m.secondaryId])).toEqual([
      [1, 'ct_b', 'ct_c'],
      [1, 'ct_b', 'ct_a'],
    ]);
    expect(merges[0].clusterContactIds).toEqual(['ct_b', 'ct_c', 'ct_a']);
    expect(merges[1].reasons).toEqual(['ct_a~ct_b', 'ct_a~ct_c']);
  });

  it('links contacts through a chain and keeps separate clusters apart', () => {
    const merges = planClusterMerges([pair(a, b), pair(d, e), pair(b, c)]);
    expect(merges.map((m) => [m.cluster, m.primaryId, m.secondaryId])).toEqual([
      [1, 'ct_b', 'ct_c'],
      [1, 'ct_b', 'ct_a'],
      [2, 'ct_e', 'ct_d'],
    ]);
  });

  it('keeps a plain pair a single merge of the newer into the older, and ignores a pair of one contact', () => {
    expect(planClusterMerges([pair(d, e)]).map((m) => [m.primaryId, m.secondaryId])).toEqual([['ct_e', 'ct_d']]);
    expect(planClusterMerges([pair(a, a)])).toEqual([]);
    expect(planClusterMerges([])).toEqual([]);
  });

  it('always leaves one contact per cluster: no merge names a contact twice as secondary or merges a primary away', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const arbPairs = fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 20 });
    fc.assert(
      fc.property(arbPairs, (raw) => {
        const pairs = raw.map(([x, y]) => pair(contact(x, ids.indexOf(x) + 1), contact(y, ids.indexOf(y) + 1)));
        const merges = planClusterMerges(pairs);
        const secondaries = merges.map((m) => m.secondaryId);
        expect(new Set(secondaries).size).toBe(secondaries.length);
        const primaries = new Set(merges.map((m) => m.primaryId));
        for (const s of secondaries) expect(primaries.has(s)).toBe(false);
        // Simulating the merges joins exactly the linked contacts: one survivor per connected group.
        const involved = new Set(pairs.filter((p) => p.contactIds[0] !== p.contactIds[1]).flatMap((p) => p.contactIds));
        expect(involved.size - secondaries.length).toBe(primaries.size);
        for (const m of merges) expect(m.primary.createdAt <= m.secondary.createdAt).toBe(true);
      }),
    );
  });
});
