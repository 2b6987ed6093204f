import type { DocType, IgvAffectationCode } from '../../db/schema';
import { IDENTITY_DOC_LABELS, type IdentityDocType } from '../customers/identity';
import type { SaleLineView, SalePaymentView, SaleView } from '../sales/sale-view';
import type { DocumentTotals } from '../sales/taxes';
import { formatAmount, formatQuantity } from '../shared/money';
import { amountInWords } from './amount-in-words';
import { printableText } from './printable-text';
import type { ReceiptBlock, ReceiptDocument, ReceiptWidth } from './receipt-types';

/**
 * The SUNAT "representación impresa" of a completed sale, laid out as text blocks that
 * already fit the paper: the preview and the printer only render, they never re-wrap.
 */

export interface ReceiptOptions {
  width: ReceiptWidth;
  /** Reprints say so, so a copy is never taken for a second sale. */
  copy?: boolean;
  /** DigestValue of the signed XML, when the document has been signed. */
  hash?: string | null;
  qrText?: string | null;
  consultUrl?: string;
}

const DEFAULT_CONSULT_URL = 'https://e-consultaruc.sunat.gob.pe';
/** The printers' code pages have no '…': a cut line ends in a period. */
const ELLIPSIS = '.';
const TOTAL_LABEL = 'TOTAL S/';

const DOCUMENT_NAMES: Record<DocType, { title: string; legend: string }> = {
  '01': { title: 'FACTURA ELECTRÓNICA', legend: 'Factura Electrónica' },
  '03': { title: 'BOLETA DE VENTA ELECTRÓNICA', legend: 'Boleta de Venta Electrónica' },
};

const AFFECTATION_MARKERS: Partial<Record<IgvAffectationCode, string>> = { '20': '(EXO)', '30': '(INA)' };

/** Width of the amount column in the totals, so the values line up under each other. */
const AMOUNT_COLUMN: Record<ReceiptWidth, number> = { 48: 12, 32: 10 };

const WALLET_NAMES: Record<'yape' | 'plin', string> = { yape: 'Yape', plin: 'Plin' };

// ---------------------------------------------------------------------------------------------
// Text layout helpers
// ---------------------------------------------------------------------------------------------

/**
 * One printable line: "ó" counts as one column however it was typed, tabs and newlines
 * become spaces, and characters the printer's code page lacks are replaced here, so the
 * preview shows what prints.
 */
function oneLine(text: string): string {
  return printableText(text);
}

function splitLongWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < word.length; start += width) pieces.push(word.slice(start, start + width));
  return pieces;
}

/** Greedy word wrap; a word is only cut when it is longer than a whole line. */
export function wrapWords(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`width must be a positive integer: ${width}`);
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    for (const piece of splitLongWord(word, width)) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= width) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Cuts text to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const line = oneLine(text);
  if (line.length <= width) return line;
  return width <= 0 ? '' : `${line.slice(0, width - 1)}${ELLIPSIS}`;
}

/** `left ... right` filling the width; the left part gives way, the amount on the right never does. */
export function twoColumns(left: string, right: string, width: number): string {
  if (right.length > width) throw new RangeError(`"${right}" does not fit in ${width} columns`);
  const room = width - right.length - 1;
  const leftPart = room > 0 ? truncate(left, room) : '';
  return `${leftPart}${' '.repeat(width - leftPart.length - right.length)}${right}`;
}

/** A totals row: the label right-aligned against a fixed amount column. */
export function totalsRow(label: string, amount: string, width: ReceiptWidth): string {
  return twoColumns('', `${label} ${amount.padStart(AMOUNT_COLUMN[width])}`, width);
}

/** Fields on one line separated by two spaces when they fit; otherwise one per line. */
export function fieldsLines(fields: readonly string[], width: number): string[] {
  const joined = fields.map(oneLine).join('  ');
  return joined.length <= width ? [joined] : fields.map((field) => truncate(field, width));
}

function fitsOnOneRow(left: string, right: string, width: number): boolean {
  return oneLine(left).length + 1 + right.length <= width;
}

// ---------------------------------------------------------------------------------------------
// Block builders
// ---------------------------------------------------------------------------------------------

type TextStyle = { bold?: boolean; large?: boolean };
type Align = 'left' | 'center' | 'right';

function textBlock(text: string, align: Align, style: TextStyle = {}): ReceiptBlock {
  return { kind: 'text', text, align, ...style };
}

function leftRows(lines: readonly string[]): ReceiptBlock[] {
  return lines.map((line) => textBlock(line, 'left'));
}

function wrapped(text: string, width: number, align: Align, style: TextStyle = {}): ReceiptBlock[] {
  return wrapWords(text, width).map((line) => textBlock(line, align, style));
}

function rule(): ReceiptBlock {
  return { kind: 'rule', char: '-' };
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function storeHeader(store: SaleView['store'], width: ReceiptWidth): ReceiptBlock[] {
  return [
    // Double-width text takes two columns per character.
    ...wrapped(store.tradeName, width / 2, 'center', { large: true }),
    ...wrapped(store.legalName, width, 'center'),
    ...wrapped(`RUC ${store.ruc}`, width, 'center'),
    ...wrapped(store.address, width, 'center'),
  ];
}

function documentHeading(sale: SaleView, width: ReceiptWidth, copy: boolean): ReceiptBlock[] {
  return [
    ...wrapped(DOCUMENT_NAMES[sale.docType].title, width, 'center', { bold: true }),
    ...wrapped(sale.number, width, 'center', { bold: true }),
    ...(copy ? [textBlock('*** COPIA ***', 'center')] : []),
  ];
}

/** Date and time exactly as recorded (already Lima time): no time-zone conversion here. */
function issuedAtParts(issuedAt: string): { date: string; time: string } {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(issuedAt)) {
    throw new RangeError(`issuedAt is not an ISO-8601 timestamp: ${issuedAt}`);
  }
  return {
    date: `${issuedAt.slice(8, 10)}/${issuedAt.slice(5, 7)}/${issuedAt.slice(0, 4)}`,
    time: issuedAt.slice(11, 19),
  };
}

function issueDetails(sale: SaleView, width: ReceiptWidth): ReceiptBlock[] {
  const { date, time } = issuedAtParts(sale.issuedAt);
  return leftRows([
    ...fieldsLines([`Fecha: ${date}`, `Hora: ${time}`], width),
    ...fieldsLines([`Caja: ${sale.terminalCode}`, `Cajero: ${sale.cashier}`], width),
  ]);
}

function isIdentityDocType(value: string): value is IdentityDocType {
  return Object.hasOwn(IDENTITY_DOC_LABELS, value);
}

function identityLabel(docType: string): string {
  return isIdentityDocType(docType) ? IDENTITY_DOC_LABELS[docType] : docType;
}

function customerSection(customer: SaleView['customer'], width: ReceiptWidth): ReceiptBlock[] {
  if (customer === null) return [];
  return [
    ...wrapped(`${identityLabel(customer.docType)}: ${customer.docNumber}`, width, 'left'),
    ...wrapped(customer.name, width, 'left'),
    ...(customer.address ? wrapped(customer.address, width, 'left') : []),
  ];
}

function quantityText(line: SaleLineView): string {
  const quantity = formatQuantity(line.quantityMilli, line.unit);
  return line.unit === 'KGM' ? `${quantity} kg` : quantity;
}

function describedLine(line: SaleLineView): string {
  const marker = AFFECTATION_MARKERS[line.affectation];
  return marker ? `${line.description} ${marker}` : line.description;
}

/** Description, then quantity × price with the gross amount; a discount row brings it down to what is paid. */
function lineBlocks(line: SaleLineView, width: ReceiptWidth): ReceiptBlock[] {
  const priceRow = `${quantityText(line)} x ${formatAmount(line.unitPriceCents)}`;
  const rows = [twoColumns(priceRow, formatAmount(line.grossCents), width)];
  if (line.discountCents > 0)
    rows.push(twoColumns('  Descuento', `-${formatAmount(line.discountCents)}`, width));
  return [...wrapped(describedLine(line), width, 'left'), ...leftRows(rows)];
}

function itemsSection(lines: readonly SaleLineView[], width: ReceiptWidth): ReceiptBlock[] {
  return [
    textBlock(twoColumns('Cant.  Descripción', 'Importe', width), 'left', { bold: true }),
    ...lines.flatMap((line) => lineBlocks(line, width)),
  ];
}

function totalsRows(totals: DocumentTotals): Array<[string, number]> {
  const rows: Array<[string, number]> = [['Op. gravadas', totals.gravadasCents]];
  if (totals.exoneradasCents > 0) rows.push(['Op. exoneradas', totals.exoneradasCents]);
  if (totals.inafectasCents > 0) rows.push(['Op. inafectas', totals.inafectasCents]);
  // Informative: discounts are already out of the bases above, so shown without a minus sign.
  if (totals.discountCents > 0) rows.push(['Descuentos', totals.discountCents]);
  // SaleView carries no rate, and printing a rate it may not have used would be worse than none.
  rows.push(['IGV', totals.igvCents]);
  if (totals.icbperCents > 0) rows.push(['ICBPER', totals.icbperCents]);
  return rows;
}

/** Double width when it fits half the line; large totals fall back to bold at normal width. */
function grandTotalBlock(totalCents: number, width: ReceiptWidth): ReceiptBlock {
  const amount = formatAmount(totalCents);
  const halfWidth = width / 2;
  if (fitsOnOneRow(TOTAL_LABEL, amount, halfWidth)) {
    return textBlock(twoColumns(TOTAL_LABEL, amount, halfWidth), 'left', { bold: true, large: true });
  }
  return textBlock(totalsRow(TOTAL_LABEL, amount, width), 'left', { bold: true });
}

function totalsSection(totals: DocumentTotals, width: ReceiptWidth): ReceiptBlock[] {
  return [
    ...leftRows(totalsRows(totals).map(([label, cents]) => totalsRow(label, formatAmount(cents), width))),
    grandTotalBlock(totals.totalCents, width),
    ...wrapped(`SON: ${amountInWords(totals.totalCents)}`, width, 'left'),
  ];
}

/** `3.7500` from a rate with four implied decimals. */
function formatRate(rateE4: number): string {
  return `${Math.floor(rateE4 / 10_000)}.${String(rateE4 % 10_000).padStart(4, '0')}`;
}

function paymentDescription(payment: SalePaymentView): { label: string; detail: string | null } {
  switch (payment.method) {
    case 'cash':
      return { label: 'Efectivo', detail: null };
    case 'card':
      return { label: payment.cardBrand ? `Tarjeta ${payment.cardBrand}` : 'Tarjeta', detail: null };
    case 'wallet':
      return {
        label: payment.wallet ? WALLET_NAMES[payment.wallet] : 'Yape/Plin',
        detail: payment.reference ? `Op. ${payment.reference}` : null,
      };
    case 'usd':
      return {
        label: 'Dólares',
        detail:
          payment.usdCents !== null && payment.rateE4 !== null
            ? `US$ ${formatAmount(payment.usdCents)} x ${formatRate(payment.rateE4)}`
            : null,
      };
  }
}

/** One row when label, detail and amount fit; otherwise the detail goes below, so it is never cut. */
function paymentRows(payment: SalePaymentView, width: ReceiptWidth): string[] {
  const { label, detail } = paymentDescription(payment);
  const amount = formatAmount(payment.amountCents);
  const full = detail ? `${label} ${detail}` : label;
  if (detail === null || fitsOnOneRow(full, amount, width)) return [twoColumns(full, amount, width)];
  return [twoColumns(label, amount, width), ...wrapWords(detail, width - 2).map((line) => `  ${line}`)];
}

function paymentsSection(sale: SaleView, width: ReceiptWidth): ReceiptBlock[] {
  const rows = sale.payments.flatMap((payment) => paymentRows(payment, width));
  if (sale.changeCents > 0) {
    const receivedCents = sale.payments.reduce((total, payment) => total + payment.tenderedCents, 0);
    rows.push(twoColumns('Recibido', formatAmount(receivedCents), width));
    rows.push(twoColumns('Vuelto', formatAmount(sale.changeCents), width));
  }
  return leftRows(rows);
}

function footer(sale: SaleView, options: ReceiptOptions): ReceiptBlock[] {
  const { width } = options;
  return [
    ...(options.hash ? wrapped(`Hash: ${options.hash}`, width, 'left') : []),
    ...(options.qrText ? [{ kind: 'qr', data: options.qrText } satisfies ReceiptBlock] : []),
    ...wrapped(`Representación impresa de la ${DOCUMENT_NAMES[sale.docType].legend}.`, width, 'center'),
    ...wrapped(`Consulte su comprobante en ${options.consultUrl ?? DEFAULT_CONSULT_URL}`, width, 'center'),
    textBlock('¡Gracias por su compra!', 'center'),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ];
}

export function buildReceipt(sale: SaleView, options: ReceiptOptions): ReceiptDocument {
  const { width } = options;
  return {
    width,
    blocks: [
      ...storeHeader(sale.store, width),
      rule(),
      ...documentHeading(sale, width, options.copy ?? false),
      ...issueDetails(sale, width),
      ...customerSection(sale.customer, width),
      rule(),
      ...itemsSection(sale.lines, width),
      rule(),
      ...totalsSection(sale.totals, width),
      rule(),
      ...paymentsSection(sale, width),
      rule(),
      ...footer(sale, options),
    ],
  };
}
