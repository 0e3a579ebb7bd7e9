import type { SqlValue } from '../db/database';

/**
 * Collects the parameters of a statement being built and hands out their placeholders
 * (`$n`). Values are never written into SQL text: every value goes through here.
 */
export class SqlParams {
  readonly values: SqlValue[] = [];

  /** @param offset how many parameters precede these in the statement (the first placeholder is `$offset+1`). */
  constructor(private readonly offset = 0) {}

  /** The placeholder of a new parameter holding `value`. */
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}`;
  }

  /** The number of the next placeholder. */
  get next(): number {
    return this.offset + this.values.length + 1;
  }
}
