import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../receipt/receipt-types';
import { decodeEscPos, decodedText, drawerPulses, qrCodes } from '../../testing/capture-printer';
import { encodeDrawerPulse, encodeReceipt } from './escpos-encoder';

const DOCUMENT: ReceiptDocument = {
  width: 32,
  blocks: [
    { kind: 'text', text: 'TOTAL S/     6.50', align: 'left', bold: true, large: true },
    { kind: 'text', text: 'Jamón y piña, ¡año!', align: 'center' },
    { kind: 'rule', char: '=' },
    { kind: 'qr', data: '20601234565|03|B001|00000001|0.99|6.50|2026-11-23|1|12345678|abc=|' },
    { kind: 'cut' },
  ],
};

describe('encodeReceipt', () => {
  it('starts from the printer defaults and sets the chosen code page explicitly', () => {
    const bytes = encodeReceipt(DOCUMENT, { model: 'epson', codePage: 'WPC1252' });
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 16]);
    expect(decodeEscPos(bytes).codePages).toEqual([16]);
  });

  it('keeps bold on double-width text, accents, rules, the QR and the cut', () => {
    const job = decodeEscPos(encodeReceipt(DOCUMENT, { model: 'epson', codePage: 'PC858_EURO' }));
    const texts = job.items.filter((item) => item.kind === 'text' && item.text !== '');
    expect(texts[0]).toMatchObject({ text: 'TOTAL S/     6.50', bold: true, doubleWidth: true });
    expect(texts[1]).toMatchObject({
      text: 'Jamón y piña, ¡año!',
      align: 'center',
      bold: false,
      doubleWidth: false,
    });
    expect(decodedText(job)).toContain('='.repeat(32));
    expect(qrCodes(job)).toMatchObject([
      {
        data: DOCUMENT.blocks[3]!.kind === 'qr' ? DOCUMENT.blocks[3]!.data : '',
        correction: 'M',
        cellSize: 4,
      },
    ]);
    expect(job.items.at(-1)).toMatchObject({ kind: 'cut', partial: true });
    expect(job.unknown).toEqual([]);
  });

  it('puts a well-formed drawer pulse first, on the configured pin', () => {
    const job = decodeEscPos(
      encodeReceipt(DOCUMENT, { model: 'epson', codePage: 'PC858_EURO', drawerPin: 5 }),
    );
    expect(job.items[0]).toEqual({ kind: 'drawer', pin: 5, onMs: 50, offMs: 500 });
    expect(
      drawerPulses(decodeEscPos(encodeDrawerPulse({ model: 'epson', codePage: 'PC858_EURO', drawerPin: 2 }))),
    ).toEqual([{ kind: 'drawer', pin: 2, onMs: 50, offMs: 500 }]);
  });

  it('speaks Star Line Mode for Star printers (its own code-page and drawer commands)', () => {
    const bytes = encodeReceipt(DOCUMENT, { model: 'star', codePage: 'PC850_MULTILINGUAL', drawerPin: 2 });
    // ESC GS t 4: Star's PC858, standing in for PC850 which Star lacks.
    expect(bytes.includes(Buffer.from([0x1b, 0x1d, 0x74, 4]))).toBe(true);
    // ESC BEL n1 n2 BEL: Star's drawer kick.
    expect(bytes.includes(Buffer.from([0x1b, 0x07]))).toBe(true);
    expect(bytes.includes(Buffer.from('Jam\xa2n', 'latin1'))).toBe(true);
  });
});
