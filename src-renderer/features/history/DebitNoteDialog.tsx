import { useState, type FormEvent } from 'react';
import type { DebitReasonCode, SaleHistoryDetail } from '../../../src-main/api/returns-contract';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../shared/Dialog';
import { formatQuantity, formatSoles, parseAmountToCents } from '../../shared/format';
import { changed } from './history-actions';
import { DEBIT_REASON_NAMES } from './history-labels';
import { useHistory } from './history-store';
import { StopNavigationKeys } from './StopNavigationKeys';

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
  const close = useHistory((s) => s.closeDialog);
  const [texts, setTexts] = useState<Increases>({});
  const [reasonCode, setReasonCode] = useState<DebitReasonCode>('02');
  const [reasonText, setReasonText] = useState('Aumento en el valor');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const increases = increasesOf(detail, texts);
  // Increases are typed IGV included, like every price at the counter: their sum is the note's total.
  const totalCents = increases.lines.reduce((sum, l) => sum + l.increaseCents, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (increases.problem) {
      setError(increases.problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
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
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Nota de débito de ${detail.sale.number}`}
      testId="debit-dialog"
      onClose={close}
      size="wide"
    >
      <StopNavigationKeys>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <table className="history-table compact">
            <thead>
              <tr>
                <th scope="col">Producto</th>
                <th scope="col" className="num">
                  Cantidad
                </th>
                <th scope="col" className="num">
                  Importe
                </th>
                <th scope="col">Aumento (S/, con IGV)</th>
              </tr>
            </thead>
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
          <div className="history-form-grid">
            <label>
              Motivo (SUNAT)
              <select
                value={reasonCode}
                onChange={(e) => setReasonCode(e.target.value as DebitReasonCode)}
                data-testid="debit-reason-code"
              >
                {(Object.keys(DEBIT_REASON_NAMES) as DebitReasonCode[]).map((code) => (
                  <option key={code} value={code}>
                    {code} · {DEBIT_REASON_NAMES[code]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Descripción del motivo
              <input
                value={reasonText}
                onChange={(e) => setReasonText(e.target.value)}
                maxLength={500}
                data-testid="debit-reason-text"
              />
            </label>
          </div>
          <p className="history-preview" data-testid="debit-total">
            Total de la nota: {formatSoles(totalCents)}
          </p>
          {error && (
            <p className="dialog-error" role="alert" data-testid="debit-error">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={busy} data-testid="debit-submit">
              Emitir nota de débito
            </button>
            <button type="button" onClick={close}>
              Cancelar (Esc)
            </button>
          </div>
        </form>
      </StopNavigationKeys>
    </Dialog>
  );
}
