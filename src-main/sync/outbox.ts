import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { SyncTopic, TopicPayload } from './protocol';

/**
 * What headquarters receives: exactly the protocol's topics. Versioned by name so a changed
 * payload gets a new topic (and a migration rewrites rows still waiting under the old one).
 */
export type OutboxTopic = SyncTopic;

/**
 * Transactional outbox: business changes write their outbox row in the same transaction,
 * so a change headquarters must hear about can never exist without its message.
 */
export class Outbox {
  private insertStatement: BetterSqlite3.Statement | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** The payload type follows the topic, so a payload HQ's schema would refuse does not compile. */
  enqueue<T extends SyncTopic>(topic: T, entityId: string, payload: TopicPayload<T>): void {
    if (!this.sql.sqlite.inTransaction)
      throw new Error('outbox rows must be written inside the change transaction');
    this.insert().run(newId(), topic, entityId, JSON.stringify(payload), limaTimestamp(this.clock.now()));
  }

  /**
   * A sale writes a dozen rows (the sale, each stock movement, each audit entry): one statement
   * prepared once, not a query built and compiled per row, keeps that off the cashier's wait.
   */
  private insert(): BetterSqlite3.Statement {
    this.insertStatement ??= this.sql.sqlite.prepare(
      'INSERT INTO outbox (id, topic, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    return this.insertStatement;
  }

  pendingCount(): number {
    const row = this.sql.first(
      this.qb
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending'),
    );
    return row?.n ?? 0;
  }
}
