import type { SaleFiscalView } from '../fiscal/fiscal-view';
import type { SaleView } from '../sales/sale-view';
import { buildReceipt } from './receipt-document';
import type { ReceiptDocument, ReceiptWidth } from './receipt-types';

/** The receipt of a sale with its fiscal hash and QR, once the document is signed. One source for screen and printer. */
export function saleReceipt(
  sale: SaleView,
  fiscal: SaleFiscalView | null,
  options: { width: ReceiptWidth; copy?: boolean },
): ReceiptDocument {
  const signed =
    fiscal?.digestValue && fiscal.qrText ? { hash: fiscal.digestValue, qrText: fiscal.qrText } : {};
  return buildReceipt(sale, { width: options.width, copy: options.copy ?? false, ...signed });
}

/** 80 mm paper prints 48 columns of font A; 58 mm prints 32. */
export function receiptWidthFor(paperWidthMm: 80 | 58): ReceiptWidth {
  return paperWidthMm === 80 ? 48 : 32;
}
