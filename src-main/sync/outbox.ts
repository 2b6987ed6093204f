import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';

/** What headquarters receives. Versioned by name so a changed payload gets a new topic. */
export type OutboxTopic =
  | 'sale.completed.v1'
  | 'note.issued.v1'
  | 'sale.voided.v1'
  | 'cash_session.opened.v1'
  | 'cash_movement.recorded.v1'
  | 'cash_session.closed.v1';

/**
 * Transactional outbox: business changes write their outbox row in the same transaction,
 * so a change headquarters must hear about can never exist without its message.
 */
export class Outbox {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  enqueue(topic: OutboxTopic, entityId: string, payload: unknown): void {
    if (!this.sql.sqlite.inTransaction)
      throw new Error('outbox rows must be written inside the change transaction');
    this.sql.run(
      this.qb.insertInto('outbox').values({
        id: newId(),
        topic,
        entity_id: entityId,
        payload: JSON.stringify(payload),
        created_at: limaTimestamp(this.clock.now()),
        last_error: null,
        acked_at: null,
      }),
    );
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
