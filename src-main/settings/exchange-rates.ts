import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { limaDate, limaTimestamp } from '../shared/lima-time';

/** The day's US dollar rate the store accepts cash at, set by a supervisor each morning. */
export class ExchangeRates {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  today(): { date: string; rateE4: number | null } {
    const date = limaDate(this.clock.now());
    const row = this.sql.first(
      this.qb.selectFrom('exchange_rates').select('rate_e4').where('date', '=', date),
    );
    return { date, rateE4: row?.rate_e4 ?? null };
  }

  /** Throws the Spanish "set today's rate" error when there is none: dollars need today's rate, not an old one. */
  requireToday(): number {
    const { date, rateE4 } = this.today();
    if (rateE4 === null) throw new AppError('EXCHANGE_RATE_MISSING', { date });
    return rateE4;
  }

  /** Call inside the transaction that audits the change. */
  setToday(rateE4: number, userId: string): { date: string; previousE4: number | null } {
    if (!Number.isSafeInteger(rateE4) || rateE4 < 10_000 || rateE4 > 100_000) {
      throw new AppError('EXCHANGE_RATE_INVALID', {
        reason: 'debe estar entre S/ 1.0000 y S/ 10.0000 por dólar',
      });
    }
    const { date, rateE4: previousE4 } = this.today();
    const at = limaTimestamp(this.clock.now());
    this.sql.run(
      this.qb
        .insertInto('exchange_rates')
        .values({ date, rate_e4: rateE4, set_by: userId, set_at: at })
        .onConflict((oc) => oc.column('date').doUpdateSet({ rate_e4: rateE4, set_by: userId, set_at: at })),
    );
    return { date, previousE4 };
  }
}
