import type { SaleView } from '../../sales/sale-view';
import type { StoreSettings } from '../../settings/store-settings';
import { STATUS_LABELS, type SaleFiscalView } from '../fiscal-view';
import type { FiscalDocumentRow, FiscalNote, FiscalQueue } from '../queue/fiscal-queue';
import { qrText } from '../representation/qr-text';
import { buildInvoiceXml } from '../ubl/invoice-xml';
import { ANONYMOUS_CUSTOMER } from '../ubl/ubl-parties';
import type { DocumentIssuer } from './document-issuer';

/** The fiscal side of a sale: its boleta or factura document, and how it reads on the receipt. */
export class SaleDocuments {
  constructor(
    private readonly issuer: DocumentIssuer,
    private readonly queue: FiscalQueue,
    private readonly settings: StoreSettings,
    private readonly issuerUbigeo: string | null,
  ) {}

  /** Inside the checkout transaction: throws FISCAL_REJECTED to refuse the sale. */
  issueForSale(sale: SaleView, userId: string): void {
    this.issuer.issue(
      {
        kind: 'invoice',
        docType: sale.docType,
        serie: sale.serie,
        correlativo: sale.correlativo,
        issuedAt: sale.issuedAt,
        issueDate: sale.issueDate,
        totalCents: sale.totals.totalCents,
        saleId: sale.id,
        unsignedXml: this.unsignedXml(sale),
      },
      userId,
    );
  }

  unsignedXml(sale: SaleView): string {
    return buildInvoiceXml(sale, {
      issuerUbigeo: this.issuerUbigeo,
      igvBps: this.settings.get('tax.igvBps'),
    });
  }

  view(sale: SaleView): SaleFiscalView | null {
    const row = this.queue.bySale(sale.id);
    return row ? saleFiscalView(sale, row) : null;
  }
}

export function saleFiscalView(sale: SaleView, row: FiscalDocumentRow): SaleFiscalView {
  const customer = sale.customer ?? ANONYMOUS_CUSTOMER;
  return {
    fileName: row.file_name,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    digestValue: row.digest_value,
    qrText: row.digest_value
      ? qrText({
          ruc: sale.store.ruc,
          docType: sale.docType,
          serie: sale.serie,
          correlativo: sale.correlativo,
          igvCents: sale.totals.igvCents,
          totalCents: sale.totals.totalCents,
          issueDate: sale.issueDate,
          customerDocType: customer.docType,
          customerDocNumber: customer.docNumber,
          digestValue: row.digest_value,
        })
      : null,
    observations: JSON.parse(row.observations) as FiscalNote[],
  };
}
