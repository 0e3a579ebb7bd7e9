import type { SqlValue } from '../db/database';

/**
 * Writes a statement's parameters into its text as SQL literals, for the one statement that
 * cannot take parameters: `COPY (select …) TO …` (the export). Every value is written as a
 * literal of its kind and nothing else: strings as escape strings (`E'…'`, backslashes and
 * quotes doubled, so the server's `standard_conforming_strings` does not matter), numbers only
 * when finite, arrays element by element, dates as ISO strings, objects as JSON text. Each
 * literal is parenthesised, so a cast after the placeholder (`$3::text[]`) applies to all of it.
 * The statement text must hold no `$n` other than placeholders (generated SQL never does).
 */
export function inlineParams(sql: string, values: readonly SqlValue[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`no value for placeholder $${n}`);
    return `(${literal(values[index] as SqlValue)})`;
  });
}

function literal(v: SqlValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as a SQL literal`);
    return String(v);
  }
  if (typeof v === 'string') return stringLiteral(v);
  if (v instanceof Date) return stringLiteral(v.toISOString());
  if (Array.isArray(v)) {
    // An empty array literal takes its type from the cast that follows the placeholder.
    return v.length === 0 ? `'{}'` : `array[${v.map((x) => literal(x as SqlValue)).join(', ')}]`;
  }
  return stringLiteral(JSON.stringify(v));
}

function stringLiteral(s: string): string {
  if (s.includes('\u0000')) throw new Error('a SQL string cannot hold a NUL character');
  return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
