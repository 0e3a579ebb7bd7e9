import type { Filter } from '../src/domain/filter/filter-schema';
import { evaluateFilter, type FilterSubject } from '../src/domain/filter/filter-evaluator';
import { normalizePhone } from '../src/domain/phone';
import type { Database } from '../src/server/db/database';
import { compileFilter } from '../src/server/filter-sql';
import { listAllChannels } from '../src/server/repos/channel-repo';
import { CONTACT_SELECT, rowToContact, type ContactRow } from '../src/server/repos/contact-repo';

/** Repeats `fn` until at least `minMs` passed; returns the time per call. */
function timePerCall(minMs: number, fn: () => void): { msPerCall: number; calls: number } {
  fn(); // warm-up (JIT)
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    calls++;
    elapsed = performance.now() - started;
  }
  return { msPerCall: elapsed / calls, calls };
}

async function timePerCallAsync(minMs: number, fn: () => Promise<void>): Promise<{ msPerCall: number; calls: number }> {
  await fn();
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    await fn();
    calls++;
    elapsed = performance.now() - started;
  }
  return { msPerCall: elapsed / calls, calls };
}

/** Every contact of the workspace with its channel identities, as the in-memory evaluator takes them. */
export async function loadSubjects(db: Database, workspaceId: string): Promise<FilterSubject[]> {
  const { rows } = await db.query<ContactRow>(`${CONTACT_SELECT} where c.workspace_id = $1`, [workspaceId]);
  const ids = await db.query<{ contact_id: string; channel_id: string }>(
    'select contact_id, channel_id from channel_identities where workspace_id = $1',
    [workspaceId],
  );
  const byContact = new Map<string, { channelId: string }[]>();
  for (const r of ids.rows) {
    const list = byContact.get(r.contact_id) ?? [];
    list.push({ channelId: r.channel_id });
    byContact.set(r.contact_id, list);
  }
  return rows.map((r) => ({ ...rowToContact(r), identities: byContact.get(r.id) ?? [] }));
}

export interface FilterCosts {
  contacts: number;
  matches: number;
  sqlMatches: number;
  evaluatorNsPerContact: number;
  sqlNsPerContact: number;
}

/** The same validated filter, evaluated in memory per contact and in SQL (one count over the workspace). */
export async function filterCosts(db: Database, workspaceId: string, filter: Filter, now: Date, minMs: number): Promise<FilterCosts> {
  const subjects = await loadSubjects(db, workspaceId);
  const ctx = { now, channels: await listAllChannels(db, workspaceId) };
  let matches = 0;
  const mem = timePerCall(minMs, () => {
    matches = 0;
    for (const s of subjects) if (evaluateFilter(filter, s, ctx)) matches++;
  });
  const compiled = compileFilter(filter, { now, paramOffset: 1 });
  let sqlMatches = 0;
  const sql = await timePerCallAsync(minMs, async () => {
    const { rows } = await db.query<{ n: number | string }>(`select count(*) as n from contacts c where c.workspace_id = $1 and ${compiled.sql}`, [
      workspaceId,
      ...compiled.params,
    ]);
    sqlMatches = Number(rows[0]?.n ?? 0);
  });
  return {
    contacts: subjects.length,
    matches,
    sqlMatches,
    evaluatorNsPerContact: (mem.msPerCall * 1e6) / subjects.length,
    sqlNsPerContact: (sql.msPerCall * 1e6) / subjects.length,
  };
}

/** Phone inputs as people type them: international, spaced, 00-prefixed and national (GB). */
export function phoneInputs(e164s: readonly string[]): string[] {
  return e164s.map((p, i) => {
    switch (i % 4) {
      case 0:
        return p;
      case 1:
        return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
      case 2:
        return `00${p.slice(1)}`;
      default:
        return p.startsWith('+44') ? `0${p.slice(3)}` : p;
    }
  });
}

/** Time per normalizePhone call over the inputs (default country GB for national ones). */
export function phoneCost(inputs: readonly string[], minMs: number): { usPerCall: number } {
  const { msPerCall } = timePerCall(minMs, () => {
    for (const input of inputs) normalizePhone(input, 'GB');
  });
  return { usPerCall: (msPerCall * 1000) / inputs.length };
}
