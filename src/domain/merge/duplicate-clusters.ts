/**
 * Merge suggestions come in pairs; three or more contacts of one person make several pairs
 * (A+B, A+C, B+C). Merging pair by pair then meets a pair whose two contacts an earlier merge
 * already joined. This groups the pairs into clusters (contacts linked directly or through
 * another contact) and plans one merge per extra contact, into the cluster's oldest contact, so
 * that merging them in order leaves exactly one contact per cluster.
 */

/** A contact as a suggestion carries it: at least its id and creation time. */
export interface ClusterContact {
  id: string;
  createdAt: string;
}

/** A merge suggestion as the hub lists it (GET /v1/contacts/duplicates). */
export interface SuggestedPair<C extends ClusterContact, R> {
  contactIds: readonly string[];
  reasons: readonly R[];
  contacts: readonly C[];
}

/** One merge of a cluster: `secondary` into the cluster's `primary`. */
export interface ClusterMerge<C extends ClusterContact, R> {
  /** 1-based number of the cluster, in the order its first pair came. */
  cluster: number;
  /** Every contact of the cluster, primary first. */
  clusterContactIds: string[];
  primaryId: string;
  secondaryId: string;
  primary: C;
  secondary: C;
  /** The reasons of the suggested pairs that link `secondary` to another contact of the cluster. */
  reasons: R[];
}

/** Oldest first; the id breaks ties so the plan is the same on every run. */
function olderFirst(a: ClusterContact, b: ClusterContact): number {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (ta !== tb) return (Number.isNaN(ta) ? Infinity : ta) - (Number.isNaN(tb) ? Infinity : tb);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The merges that turn every cluster of suggested pairs into one contact: for each cluster,
 * its oldest contact is the primary and every other contact is merged into it, oldest first.
 * Pairs without two distinct contacts are ignored.
 */
export function planClusterMerges<C extends ClusterContact, R>(pairs: readonly SuggestedPair<C, R>[]): ClusterMerge<C, R>[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const contacts = new Map<string, C>();
  const order: string[] = [];
  const usable = pairs.filter((p) => p.contactIds.length === 2 && p.contactIds[0] !== p.contactIds[1]);
  for (const pair of usable) {
    for (const [i, id] of pair.contactIds.entries()) {
      if (!parent.has(id)) {
        parent.set(id, id);
        order.push(id);
      }
      const contact = pair.contacts.find((c) => c.id === id) ?? pair.contacts[i];
      if (contact && !contacts.has(id)) contacts.set(id, contact);
    }
    const [a, b] = [find(pair.contactIds[0]), find(pair.contactIds[1])];
    if (a !== b) parent.set(b, a);
  }
  const clusters = new Map<string, string[]>();
  for (const id of order) {
    const root = find(id);
    const members = clusters.get(root) ?? [];
    members.push(id);
    clusters.set(root, members);
  }
  const merges: ClusterMerge<C, R>[] = [];
  let number = 0;
  for (const members of clusters.values()) {
    number += 1;
    const sorted = members.map((id) => contacts.get(id) ?? ({ id, createdAt: '' } as C)).sort(olderFirst);
    const [primary, ...rest] = sorted;
    const clusterContactIds = sorted.map((c) => c.id);
    for (const secondary of rest) {
      const reasons = usable.filter((p) => p.contactIds.includes(secondary.id)).flatMap((p) => [...p.reasons]);
      merges.push({ cluster: number, clusterContactIds, primaryId: primary.id, secondaryId: secondary.id, primary, secondary, reasons });
    }
  }
  return merges;
}
