import type { SaleFiscalView } from '../../../src-main/fiscal/fiscal-view';
import { StatusBadge } from '../fiscal/StatusBadge';
import { useSaleFiscal } from '../fiscal/use-sale-fiscal';

/** Where the sale's boleta or factura stands with SUNAT, and SUNAT's observations, kept current. */
export function ReceiptFiscalStatus({
  saleId,
  initial,
}: {
  saleId: string;
  initial?: SaleFiscalView | null;
}) {
  const { fiscal, error } = useSaleFiscal(saleId, initial);
  if (fiscal === undefined) {
    return error ? <p className="muted">SUNAT: {error}</p> : null;
  }
  if (fiscal === null) return null;
  return (
    <div className="receipt-fiscal" data-testid="receipt-fiscal">
      <p>
        <span className="muted">SUNAT</span> <StatusBadge document={fiscal} />
      </p>
      {fiscal.observations.length > 0 && (
        <ul
          className="receipt-observations"
          aria-label="Observaciones de SUNAT"
          data-testid="receipt-observations"
        >
          {fiscal.observations.map((note) => (
            <li key={note.code}>
              <strong>{note.code}</strong> {note.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
