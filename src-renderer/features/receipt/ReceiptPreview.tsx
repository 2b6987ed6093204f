import type { SaleFiscalView } from '../../../src-main/fiscal/fiscal-view';
import type { ReceiptDocument } from '../../../src-main/receipt/receipt-types';
import type { SaleView } from '../../../src-main/sales/sale-view';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { DOC_TYPE_NAMES } from '../../shared/documents';
import { formatSoles } from '../../shared/format';
import { ReceiptFiscalStatus } from './ReceiptFiscalStatus';
import { ReceiptPrintStatus } from './ReceiptPrintStatus';
import { ReceiptPaper } from './ReceiptPaper';
import './receipt.css';

/** After a sale: the number, its SUNAT status, the change to hand back, and the receipt as it prints. */
export function ReceiptPreview({
  sale,
  receipt,
  fiscal,
}: {
  sale: SaleView;
  receipt: ReceiptDocument;
  /** As `checkout.complete` returned it; absent, the status is asked for. */
  fiscal?: SaleFiscalView | null;
}) {
  const close = useUi((s) => s.close);
  return (
    <Dialog
      title="Venta registrada"
      testId="receipt-preview"
      onClose={close}
      size="wide"
      className="receipt-dialog"
    >
      <div className="receipt-layout">
        <div className="receipt-facts">
          <p className="muted">{DOC_TYPE_NAMES[sale.docType]} electrónica</p>
          <p className="sale-number" data-testid="sale-number">
            {sale.number}
          </p>
          <ReceiptFiscalStatus saleId={sale.id} initial={fiscal} />
          <p className="receipt-total">
            Total <strong>{formatSoles(sale.totals.totalCents)}</strong>
          </p>
          <div className={`receipt-change ${sale.changeCents > 0 ? '' : 'none'}`}>
            <span>Vuelto</span>
            <strong data-testid="receipt-change">{formatSoles(sale.changeCents)}</strong>
          </div>
          <ReceiptPrintStatus saleId={sale.id} number={sale.number} />
          <button
            type="button"
            className="primary big"
            onClick={close}
            data-autofocus
            data-testid="receipt-new-sale"
          >
            Nueva venta (Enter)
          </button>
        </div>
        <ReceiptPaper receipt={receipt} />
      </div>
    </Dialog>
  );
}
