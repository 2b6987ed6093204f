import type { Kysely } from 'kysely';
import type { Database, StockReason } from '../../db/schema';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { Outbox } from '../sync/outbox';
import { stockMovementPayload, type StockMovementRow } from '../sync/payloads';

export interface StockMovementInput {
  productId: string;
  /** Signed thousandths: negative leaves the store. */
  quantityMilli: number;
  reason: StockReason;
  saleId?: string | null;
  saleLineId?: string | null;
  userId: string | null;
  note?: string | null;
}

/**
 * Stock is a ledger: movements are appended, the level is their sum. The cached level is
 * updated in the same transaction, and never overwritten from outside. Every movement goes
 * to headquarters as it is (HQ sums the ledgers of all terminals, never a counter).
 */
export class StockLedger {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly terminalId: string,
    private readonly outbox: Outbox,
  ) {}

  /** Joins the caller's transaction (a sale, a return); on its own it is one transaction. */
  record(movement: StockMovementInput): void {
    if (this.sql.sqlite.inTransaction) this.write(movement);
    else this.sql.transaction(() => this.write(movement));
  }

  private write(movement: StockMovementInput): void {
    const at = limaTimestamp(this.clock.now());
    const row: StockMovementRow = {
      id: newId(),
      product_id: movement.productId,
      quantity_milli: movement.quantityMilli,
      reason: movement.reason,
      sale_id: movement.saleId ?? null,
      sale_line_id: movement.saleLineId ?? null,
      user_id: movement.userId,
      terminal_id: this.terminalId,
      note: movement.note ?? null,
      created_at: at,
    };
    this.sql.run(this.qb.insertInto('stock_movements').values(row));
    this.sql.run(
      this.qb
        .insertInto('stock_levels')
        .values({ product_id: movement.productId, quantity_milli: movement.quantityMilli, updated_at: at })
        .onConflict((oc) =>
          oc.column('product_id').doUpdateSet((eb) => ({
            quantity_milli: eb('stock_levels.quantity_milli', '+', movement.quantityMilli),
            updated_at: at,
          })),
        ),
    );
    this.outbox.enqueue('stock.movement.v1', row.id, stockMovementPayload(row));
  }

  level(productId: string): number {
    return (
      this.sql.first(
        this.qb.selectFrom('stock_levels').select('quantity_milli').where('product_id', '=', productId),
      )?.quantity_milli ?? 0
    );
  }
}
