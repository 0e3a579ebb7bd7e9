/**
 * The one SQL interface the server uses. Two implementations run the same SQL:
 * embedded PGlite (the default store) and PostgreSQL through `pg`.
 */
export type SqlValue = string | number | boolean | null | Date | string[] | Record<string, unknown> | unknown[];

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `COPY (select) TO … (FORMAT csv)` and yields the CSV as it comes: streamed from the
   * server on PostgreSQL, whole (one chunk) on PGlite — callers there copy small ranges.
   */
  copyOut(select: string): AsyncIterable<Uint8Array>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded store's whole data directory as a tarball (PGlite only). */
  dumpDataDir?: () => Promise<Blob | File>;
}

/** PostgreSQL error codes the server turns into API errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export interface PgErrorLike {
  code?: string;
  constraint?: string;
}

export function pgErrorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as PgErrorLike).code === 'string'
    ? (e as PgErrorLike).code
    : undefined;
}

export function pgConstraint(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? (e as PgErrorLike).constraint : undefined;
}
