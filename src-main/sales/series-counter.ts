import type { SeriesDocType } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { AppError } from '../shared/errors';

/**
 * Takes the next correlativo of the first series for a document type (optionally only series
 * starting with a letter: notes follow the F/B of the document they modify). One UPDATE …
 * RETURNING inside the caller's transaction: no gaps and no repeats, across crashes.
 */
export function nextCorrelativo(
  ctx: Pick<CoreContext, 'sql' | 'qb'>,
  docType: SeriesDocType,
  at: string,
  letter?: string,
): { serie: string; correlativo: number } {
  const { sql, qb } = ctx;
  const row = sql.first(
    qb
      .updateTable('series')
      .set((eb) => ({ last_correlativo: eb('last_correlativo', '+', 1), updated_at: at }))
      .where('serie', '=', (eb) => {
        let first = eb.selectFrom('series').select('serie').where('doc_type', '=', docType);
        if (letter) first = first.where('serie', 'like', `${letter}%`);
        return first.orderBy('serie').limit(1);
      })
      .returning(['serie', 'last_correlativo']),
  );
  if (!row) throw new AppError('SERIES_NOT_CONFIGURED', { docType });
  return { serie: row.serie, correlativo: row.last_correlativo };
}
