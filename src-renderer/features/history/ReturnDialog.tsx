import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { RefundMethod } from '../../../db/schema';
import type { ApiInput } from '../../../src-main/api/contract';
import type {
  HistoryLineView,
  ReturnPreview,
  ReturnReasonCode,
  SaleHistoryDetail,
} from '../../../src-main/api/returns-contract';
import { api, errorMessage } from '../../api/client';
import { formatQuantity, formatSoles } from '../../shared/format';
import { useBusyAction, useDebouncedValue } from '../../shared/hooks';
import { ColumnHeads } from './ColumnHeads';
import { changed } from './history-actions';
import { parseReturnQuantity, quantityText } from './history-format';
import { REFUND_NAMES, RETURN_REASON_NAMES } from './history-labels';
import { HistoryFormDialog, NoteReasonFields } from './HistoryFormDialog';

interface LineChoice {
  checked: boolean;
  text: string;
}

type Choices = Record<number, LineChoice>;

interface PreviewAnswer {
  /** The request it answers, as text. */
  key: string;
  preview: ReturnPreview | null;
  error: string | null;
}

/** Card and wallet refunds go back where the money came from; cash is always possible. */
function refundAllowed(detail: SaleHistoryDetail, method: RefundMethod): boolean {
  return method === 'cash' || detail.sale.payments.some((p) => p.method === method);
}

const REFUND_METHODS: readonly RefundMethod[] = ['cash', 'card', 'wallet'];

function chosenLines(
  lines: readonly HistoryLineView[],
  choices: Choices,
): { lines: { lineNo: number; quantityMilli: number }[]; problem: string | null } {
  const chosen: { lineNo: number; quantityMilli: number }[] = [];
  for (const line of lines) {
    const choice = choices[line.lineNo];
    if (!choice?.checked) continue;
    const quantityMilli = parseReturnQuantity(choice.text, line.unit);
    if (quantityMilli === null || quantityMilli === 0) {
      return {
        lines: [],
        problem:
          line.unit === 'KGM'
            ? `Escriba el peso a devolver de ${line.description} en kg, por ejemplo 0.250.`
            : `Escriba cuántas unidades de ${line.description} se devuelven.`,
      };
    }
    chosen.push({ lineNo: line.lineNo, quantityMilli });
  }
  return { lines: chosen, problem: chosen.length === 0 ? 'Marque los productos que se devuelven.' : null };
}

/** Devolución: which lines and how much, why, how the money goes back, and whether the goods go back on the shelf. */
export function ReturnDialog({ detail }: { detail: SaleHistoryDetail }) {
  const returnable = useMemo(() => detail.lines.filter((line) => line.returnableMilli > 0), [detail.lines]);
  const [choices, setChoices] = useState<Choices>({});
  const [reasonCode, setReasonCode] = useState<ReturnReasonCode | ''>('');
  const [reasonText, setReasonText] = useState('Devolución de mercadería');
  const [refundMethod, setRefundMethod] = useState<RefundMethod>('cash');
  const [restock, setRestock] = useState(true);
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const { error, setError, busy, run } = useBusyAction();

  const chosen = useMemo(() => chosenLines(returnable, choices), [returnable, choices]);
  const request = useMemo(
    () =>
      chosen.problem === null
        ? {
            saleId: detail.sale.id,
            lines: chosen.lines,
            refundMethod,
            ...(reasonCode ? { reasonCode } : {}),
          }
        : null,
    [chosen, detail.sale.id, refundMethod, reasonCode],
  );
  // Compared as text: a new object with the same content must not ask the core again.
  const requestKey = request ? JSON.stringify(request) : null;
  const settled = useDebouncedValue(requestKey, 250);

  // The core computes the céntimos; the dialog shows its answer before anything is issued.
  useEffect(() => {
    if (!settled) return;
    let current = true;
    api.call('returns.preview', JSON.parse(settled) as ApiInput<'returns.preview'>).then(
      (preview) => current && setAnswer({ key: settled, preview, error: null }),
      (failure: unknown) =>
        current && setAnswer({ key: settled, preview: null, error: errorMessage(failure) }),
    );
    return () => {
      current = false;
    };
  }, [settled]);
  // Only an answer to what is on screen now counts.
  const shown = answer && answer.key === requestKey ? answer : null;

  const choose = (line: HistoryLineView, patch: Partial<LineChoice>) =>
    setChoices((before) => {
      const old = before[line.lineNo] ?? {
        checked: false,
        text: quantityText(line.returnableMilli, line.unit),
      };
      return { ...before, [line.lineNo]: { ...old, ...patch } };
    });

  const chooseAll = () =>
    setChoices(
      Object.fromEntries(
        returnable.map((line) => [
          line.lineNo,
          { checked: true, text: quantityText(line.returnableMilli, line.unit) },
        ]),
      ),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!request) {
      setError(chosen.problem);
      return;
    }
    await run(async () => {
      const { note } = await api.call('returns.create', {
        ...request,
        reasonText: reasonText.trim(),
        restock,
      });
      const number = `${note.serie}-${String(note.correlativo).padStart(8, '0')}`;
      const total = formatSoles(note.totals.totalCents);
      await changed(
        `Nota de crédito ${number} emitida: entregue ${total} al cliente (${REFUND_NAMES[refundMethod].toLowerCase()}).`,
      );
    });
  };

  return (
    <HistoryFormDialog
      title={`Devolución de ${detail.sale.number}`}
      size="wide"
      testIds={{ dialog: 'return-dialog', error: 'return-error', submit: 'return-submit' }}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Emitir nota de crédito"
      submitClassName="primary"
      cancelLabel="Cancelar (Esc)"
    >
      <table className="data-table history-table compact">
        <ColumnHeads
          columns={[
            { label: 'Devolver' },
            { label: 'Producto' },
            { label: 'Queda', numeric: true },
            { label: 'Cantidad' },
          ]}
        />
        <tbody>
          {returnable.map((line) => {
            const choice = choices[line.lineNo];
            return (
              <tr key={line.lineNo} data-testid="return-line">
                <td>
                  <input
                    type="checkbox"
                    className="history-check"
                    checked={choice?.checked ?? false}
                    onChange={(e) => choose(line, { checked: e.target.checked })}
                    aria-label={`Devolver ${line.description}`}
                    data-testid="return-line-check"
                  />
                </td>
                <td className="wrap">{line.description}</td>
                <td className="num">{formatQuantity(line.returnableMilli, line.unit)}</td>
                <td>
                  <input
                    className="num history-quantity"
                    inputMode="decimal"
                    value={choice?.text ?? quantityText(line.returnableMilli, line.unit)}
                    onChange={(e) => choose(line, { text: e.target.value, checked: true })}
                    aria-label={`Cantidad a devolver de ${line.description}${line.unit === 'KGM' ? ' (kg)' : ''}`}
                    data-testid="return-line-quantity"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={chooseAll} data-testid="return-all">
          Devolver todo lo que queda
        </button>
      </div>
      <NoteReasonFields
        names={RETURN_REASON_NAMES}
        code={reasonCode}
        onCode={setReasonCode}
        automaticLabel="Automático: devolución total o por ítem"
        text={reasonText}
        onText={setReasonText}
        testIds={{ code: 'return-reason-code', text: 'return-reason-text' }}
      />
      <span className="history-field-label">Forma de reembolso</span>
      <div className="segmented" role="group" aria-label="Forma de reembolso">
        {REFUND_METHODS.map((method) => (
          <button
            key={method}
            type="button"
            disabled={!refundAllowed(detail, method)}
            title={refundAllowed(detail, method) ? undefined : 'La venta no se pagó así'}
            className={method === refundMethod ? 'active' : ''}
            aria-pressed={method === refundMethod}
            onClick={() => setRefundMethod(method)}
            data-testid={`return-refund-${method}`}
          >
            {REFUND_NAMES[method]}
          </button>
        ))}
      </div>
      <label className="history-checkbox">
        <input
          type="checkbox"
          className="history-check"
          checked={restock}
          onChange={(e) => setRestock(e.target.checked)}
          data-testid="return-restock"
        />
        Reponer al stock (el producto vuelve a la venta)
      </label>
      <p className="history-preview" aria-live="polite" data-testid="return-preview">
        {shown?.preview
          ? `A devolver: ${formatSoles(shown.preview.totals.totalCents)} (${RETURN_REASON_NAMES[shown.preview.reasonCode].toLowerCase()})`
          : (shown?.error ?? chosen.problem ?? 'Calculando…')}
      </p>
    </HistoryFormDialog>
  );
}
