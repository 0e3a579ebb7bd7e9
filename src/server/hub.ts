import type { Logger } from 'pino';
import type { Database } from './db/database';

/** What every route and service of the server reaches for: no process-local state beyond this. */
export interface Hub {
  db: Database;
  /** The clock, injected so tests can move time. */
  now: () => Date;
  /** The server secret key (seals webhook secrets at rest). */
  serverKey: Buffer;
  log: Logger;
  /** Asks the delivery worker to look at the outbox now rather than at its next tick. */
  nudgeOutbox: () => void;
}
