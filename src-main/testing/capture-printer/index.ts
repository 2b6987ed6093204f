export { startCapturePrinter, statusReply } from './capture-printer';
export type {
  CapturePrinter,
  CapturePrinterOptions,
  CapturedJob,
  PrinterBehaviour,
  WaitForJobOptions,
} from './capture-printer';
export {
  STATUS_REQUEST_LENGTH,
  StatusRequestScanner,
  cuts,
  decodeEscPos,
  decodedText,
  drawerPulses,
  findStatusRequests,
  qrCodes,
} from './escpos-decoder';
export type {
  Align,
  DecodedCut,
  DecodedDrawerPulse,
  DecodedFeed,
  DecodedItem,
  DecodedJob,
  DecodedQr,
  DecodedText,
  QrCorrection,
  StatusRequest,
} from './escpos-decoder';
export { escapeHtml, qrSvg, receiptHtml } from './receipt-html';
export type { ReceiptHtmlOptions } from './receipt-html';
