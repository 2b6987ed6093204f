import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { KeyButton } from '../../shared/Dialog';
import { IDENTITY_DOC_NAMES } from '../../shared/documents';
import { formatSoles } from '../../shared/format';
import { setDocType } from './sale-actions';
import { openPayment } from './sale-commands';

export function TotalsPanel() {
  const cart = useSale((s) => s.cart);
  const open = useUi((s) => s.open);
  if (!cart) return <aside className="totals-panel loading">Cargando…</aside>;
  const { totals, customer } = cart;
  const rows: Array<[string, number, string]> = [
    ['Op. gravadas', totals.gravadasCents, 'total-gravadas'],
    ['Op. exoneradas', totals.exoneradasCents, 'total-exoneradas'],
    ['Op. inafectas', totals.inafectasCents, 'total-inafectas'],
    ['IGV', totals.igvCents, 'total-igv'],
    ['ICBPER', totals.icbperCents, 'total-icbper'],
    ['Descuentos', totals.discountCents, 'total-descuentos'],
  ];

  return (
    <aside className="totals-panel">
      <div className="doc-selector" role="group" aria-label="Comprobante">
        <button
          type="button"
          className={cart.docType === '03' ? 'active' : ''}
          aria-pressed={cart.docType === '03'}
          onClick={() => void setDocType('03')}
          data-testid="doc-boleta"
        >
          Boleta
        </button>
        <button
          type="button"
          className={cart.docType === '01' ? 'active' : ''}
          aria-pressed={cart.docType === '01'}
          onClick={() => void setDocType('01')}
          data-testid="doc-factura"
        >
          Factura
        </button>
      </div>

      <button type="button" className="customer-box" onClick={() => open({ kind: 'customer' })}>
        <kbd>F4</kbd>
        {customer ? (
          <span data-testid="cart-customer">
            <strong>
              {IDENTITY_DOC_NAMES[customer.docType] ?? 'Doc.'} {customer.docNumber}
            </strong>
            <br />
            {customer.name}
          </span>
        ) : (
          <span className="muted" data-testid="cart-customer">
            Cliente varios (sin documento)
          </span>
        )}
      </button>

      {cart.documentProblem && (
        <p className="document-problem" role="alert" data-testid="document-problem">
          ⚠ {cart.documentProblem}
        </p>
      )}

      <dl className="totals">
        {rows.map(([label, cents, testId]) => (
          <div key={testId} className={cents === 0 ? 'zero' : undefined}>
            <dt>{label}</dt>
            <dd data-testid={testId}>
              {label === 'Descuentos' && cents > 0 ? `-${formatSoles(cents)}` : formatSoles(cents)}
            </dd>
          </div>
        ))}
      </dl>

      <div className="grand-total">
        <span>TOTAL</span>
        <strong data-testid="cart-total">{formatSoles(totals.totalCents)}</strong>
        <small className="muted" data-testid="cart-items">
          {cart.itemCount === 1 ? '1 artículo' : `${cart.itemCount} artículos`}
        </small>
      </div>

      <KeyButton
        keyLabel="F8"
        label="Cobrar"
        className="pay-button primary"
        onClick={openPayment}
        disabled={cart.lines.length === 0}
        testId="open-payment"
      />
    </aside>
  );
}
