import { useState, type FormEvent } from 'react';
import type { DebitReasonCode, SaleHistoryDetail } from '../../../src-main/api/returns-contract';
import { api } from '../../api/client';
import { formatQuantity, formatSoles, parseAmountToCents } from '../../shared/format';
import { useBusyAction } from '../../shared/hooks';
import { ColumnHeads } from './ColumnHeads';
import { changed } from './history-actions';
import { DEBIT_REASON_NAMES } from './history-labels';
import { HistoryFormDialog, NoteReasonFields } from './HistoryFormDialog';

type Increases = Record<number, string>;

function increasesOf(
  detail: SaleHistoryDetail,
  texts: Increases,
): { lines: { lineNo: number; increaseCents: number }[]; problem: string | null } {
  const lines: { lineNo: number; increaseCents: number }[] = [];
  for (const line of detail.lines) {
    const text = (texts[line.lineNo] ?? '').trim();
    if (text === '') continue;
    const cents = parseAmountToCents(text);
    if (cents === null || cents === 0) {
      return {
        lines: [],
        problem: `El aumento de ${line.description} no es un monto: escriba por ejemplo 1.50.`,
      };
    }
    lines.push({ lineNo: line.lineNo, increaseCents: cents });
  }
  return { lines, problem: lines.length === 0 ? 'Escriba el aumento de al menos un producto.' : null };
}

/** Nota de débito: how much more each line is worth (IGV included), and why. */
export function DebitNoteDialog({ detail }: { detail: SaleHistoryDetail }) {
  const [texts, setTexts] = useState<Increases>({});
  const [reasonCode, setReasonCode] = useState<DebitReasonCode>('02');
  const [reasonText, setReasonText] = useState('Aumento en el valor');
  const { error, setError, busy, run } = useBusyAction();
  const increases = increasesOf(detail, texts);
  // Increases are typed IGV included, like every price at the counter: their sum is the note's total.
  const totalCents = increases.lines.reduce((sum, l) => sum + l.increaseCents, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (increases.problem) {
      setError(increases.problem);
      return;
    }
    await run(async () => {
      const { note } = await api.call('returns.debitNote', {
        saleId: detail.sale.id,
        reasonCode,
        reasonText: reasonText.trim(),
        lines: increases.lines,
      });
      const number = `${note.serie}-${String(note.correlativo).padStart(8, '0')}`;
      await changed(
        `Nota de débito ${number} emitida: cobre ${formatSoles(note.totals.totalCents)} al cliente.`,
      );
    });
  };

  return (
    <HistoryFormDialog
      title={`Nota de débito de ${detail.sale.number}`}
      size="wide"
      testIds={{ dialog: 'debit-dialog', error: 'debit-error', submit: 'debit-submit' }}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Emitir nota de débito"
      submitClassName="primary"
      cancelLabel="Cancelar (Esc)"
    >
      <table className="data-table history-table compact">
        <ColumnHeads
          columns={[
            { label: 'Producto' },
            { label: 'Cantidad', numeric: true },
            { label: 'Importe', numeric: true },
            { label: 'Aumento (S/, con IGV)' },
          ]}
        />
        <tbody>
          {detail.lines.map((line) => (
            <tr key={line.lineNo} data-testid="debit-line">
              <td className="wrap">{line.description}</td>
              <td className="num">{formatQuantity(line.quantityMilli, line.unit)}</td>
              <td className="num">{formatSoles(line.amountCents)}</td>
              <td>
                <input
                  className="num history-quantity"
                  inputMode="decimal"
                  value={texts[line.lineNo] ?? ''}
                  onChange={(e) => setTexts((before) => ({ ...before, [line.lineNo]: e.target.value }))}
                  placeholder="0.00"
                  aria-label={`Aumento de ${line.description}`}
                  data-testid="debit-line-increase"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NoteReasonFields
        names={DEBIT_REASON_NAMES}
        code={reasonCode}
        onCode={setReasonCode}
        text={reasonText}
        onText={setReasonText}
        testIds={{ code: 'debit-reason-code', text: 'debit-reason-text' }}
      />
      <p className="history-preview" data-testid="debit-total">
        Total de la nota: {formatSoles(totalCents)}
      </p>
    </HistoryFormDialog>
  );
}
