import type { ReceiptBlock, ReceiptDocument, ReceiptWidth } from '../../receipt/receipt-types';
import { printableText } from '../../receipt/printable-text';
import type { PrinterSettings } from '../device-settings-schema';

const CODE_PAGE_NAMES: Record<PrinterSettings['codePage'], string> = {
  PC858_EURO: 'PC858',
  PC850_MULTILINGUAL: 'PC850',
  WPC1252: 'Windows-1252',
};

function text(
  value: string,
  align: 'left' | 'center' = 'left',
  style: { bold?: boolean; large?: boolean } = {},
): ReceiptBlock {
  return { kind: 'text', text: printableText(value), align, ...style };
}

/** `1234567890123…` as wide as the paper: a cut-off ruler shows at once that the width is wrong. */
function ruler(width: number): string {
  let line = '';
  for (let column = 1; column <= width; column += 1) line += String(column % 10);
  return line;
}

/** What a technician needs to see on paper: width, code page, accents, bold, large text, QR and the cut. */
export function testPage(
  settings: PrinterSettings,
  facts: { storeName: string; terminalCode: string; printerDescription: string; at: string },
  width: ReceiptWidth,
): ReceiptDocument {
  return {
    width,
    blocks: [
      text('PÁGINA DE PRUEBA', 'center', { bold: true }),
      text(facts.storeName.slice(0, width), 'center'),
      { kind: 'rule', char: '=' },
      text(`Caja: ${facts.terminalCode}`.slice(0, width)),
      text(`Impresora: ${facts.printerDescription}`.slice(0, width)),
      text(`Papel: ${settings.paperWidthMm} mm, ${width} columnas`),
      text(`Códigos: ${CODE_PAGE_NAMES[settings.codePage]}`),
      text(`Fecha: ${facts.at.slice(0, 10)} ${facts.at.slice(11, 19)}`),
      { kind: 'rule', char: '-' },
      text(ruler(width)),
      text('áéíóú ÁÉÍÓÚ ñÑ üÜ ¡! ¿? º ª'),
      text('Negrita: AÑO 2026', 'left', { bold: true }),
      text('GRANDE', 'left', { large: true }),
      { kind: 'qr', data: 'https://e-consultaruc.sunat.gob.pe' },
      text('Si lee todo esto, la impresora está lista.', 'center'),
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
