import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import {
  StatusRequestScanner,
  cuts,
  decodeEscPos,
  decodedText,
  drawerPulses,
  findStatusRequests,
  qrCodes,
  type DecodedText,
} from './escpos-decoder';

const QR_DATA = '20123456789|03|B001|00000001|2.25|14.75|2026-01-15|1|12345678|';

function newPrinter(): ThermalPrinter {
  return new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: 'tcp://127.0.0.1:9', // never executed: only the buffer is used
    characterSet: CharacterSet.PC858_EURO,
    breakLine: BreakLine.NONE,
    width: 48,
  });
}

function line(text: string, style: Partial<Omit<DecodedText, 'kind' | 'text'>> = {}): DecodedText {
  return {
    kind: 'text',
    text,
    align: 'left',
    bold: false,
    doubleWidth: false,
    doubleHeight: false,
    ...style,
  };
}

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('decodeEscPos on node-thermal-printer output', () => {
  it('decodes a receipt: text with accents, styles, alignment, QR, cut and the app’s drawer pulse', () => {
    const printer = newPrinter();
    printer.alignCenter();
    printer.setTextDoubleWidth();
    printer.bold(true); // after the size: ESC ! would otherwise clear it
    printer.println('DOÑA ÑUSTA');
    printer.setTextNormal(); // ESC ! 0 also ends bold
    printer.println('AÑO 2026 – ¡Gracias! Jamón, azúcar, PIÑA');
    printer.alignLeft();
    printer.leftRight('Piña golden x2', 'S/ 12.50');
    printer.bold(true);
    printer.leftRight('TOTAL', 'S/ 12.50');
    printer.bold(false);
    printer.newLine();
    printer.alignRight();
    printer.println('¿Boleta? Sí');
    printer.alignCenter();
    printer.printQR(QR_DATA, { cellSize: 4, correction: 'Q' });
    printer.cut();
    printer.append(Buffer.from([0x1b, 0x70, 0x00, 25, 250])); // as the app sends it: pin 2, 50 ms on, 500 ms off

    const job = decodeEscPos(printer.getBuffer());

    expect(job.items).toEqual([
      line('DOÑA ÑUSTA', { align: 'center', bold: true, doubleWidth: true }),
      line('AÑO 2026 – ¡Gracias! Jamón, azúcar, PIÑA', { align: 'center' }),
      line(`Piña golden x2${' '.repeat(26)}S/ 12.50`),
      line(`TOTAL${' '.repeat(35)}S/ 12.50`, { bold: true }),
      line(''),
      line('¿Boleta? Sí', { align: 'right' }),
      { kind: 'qr', data: QR_DATA, cellSize: 4, correction: 'Q', model: 2 },
      // cut() feeds with ESC d 4 twice (its "vertical tab"), then cuts and sends ESC @.
      { kind: 'feed', lines: 4 },
      { kind: 'feed', lines: 4 },
      { kind: 'cut', partial: false },
      { kind: 'drawer', pin: 2, onMs: 50, offMs: 500 },
    ]);
    // '–' is not in CP858: node-thermal-printer switches to WPC1252 for it and stays there.
    expect(job.codePages).toEqual([19, 16]);
    expect(job.statusRequests).toEqual([]);
    expect(job.unknown).toEqual([]);
    expect(qrCodes(job)).toEqual([{ kind: 'qr', data: QR_DATA, cellSize: 4, correction: 'Q', model: 2 }]);
    expect(cuts(job)).toEqual([{ kind: 'cut', partial: false }]);
    expect(drawerPulses(job)).toEqual([{ kind: 'drawer', pin: 2, onMs: 50, offMs: 500 }]);
    expect(decodedText(job)).toBe(
      [
        'DOÑA ÑUSTA',
        'AÑO 2026 – ¡Gracias! Jamón, azúcar, PIÑA',
        `Piña golden x2${' '.repeat(26)}S/ 12.50`,
        `TOTAL${' '.repeat(35)}S/ 12.50`,
        '',
        '¿Boleta? Sí',
      ].join('\n'),
    );
  });

  it('stays on CP858 when every character fits, encoding ñ and € in it', () => {
    const printer = newPrinter();
    printer.println('Señor: 5 €');
    const buffer = printer.getBuffer();
    expect([...buffer]).toEqual([
      0x1b,
      0x74,
      19,
      ...Buffer.from('Se'),
      0xa4,
      ...Buffer.from('or: 5 '),
      0xd5,
      0x0a,
    ]);
    const job = decodeEscPos(buffer);
    expect(job.codePages).toEqual([19]);
    expect(job.items).toEqual([line('Señor: 5 €')]);
  });

  it('shows that bold(true) before setTextDoubleWidth() is lost, as on the printer (ESC ! rewrites emphasis)', () => {
    const printer = newPrinter();
    printer.bold(true);
    printer.setTextDoubleWidth();
    printer.println('TOTAL');
    printer.setTextDoubleHeight();
    printer.println('ALTO');
    expect(decodeEscPos(printer.getBuffer()).items).toEqual([
      line('TOTAL', { doubleWidth: true }),
      line('ALTO', { doubleHeight: true }),
    ]);
  });

  it('decodes text after cut() with the default table: ESC @ resets it but node-thermal-printer does not resend ESC t', () => {
    const printer = newPrinter();
    printer.println('ÁREA 5 €');
    printer.partialCut({ verticalTabAmount: 0 });
    printer.println('ÁREA 5 €, después');
    const job = decodeEscPos(printer.getBuffer());
    // CP437 shares CP858's lower-case accents (é stays é) but not Á or €.
    expect(job.items).toEqual([line('ÁREA 5 €'), { kind: 'cut', partial: true }, line('╡REA 5 ╒, después')]);
  });

  it('shows that openCashDrawer() sends ESC p without pulse times, so the printer eats the next command', () => {
    const printer = newPrinter();
    printer.openCashDrawer();
    expect([...printer.getBuffer()].slice(3)).toEqual([0x1b, 0x70, 0x00, 0x1b, 0x70, 0x01]);
    const job = decodeEscPos(printer.getBuffer());
    // ESC p 0 takes "1b 70" as t1/t2; the pin-5 pulse never happens and 01 is left over.
    expect(job.items).toEqual([{ kind: 'drawer', pin: 2, onMs: 0x1b * 2, offMs: 0x70 * 2 }]);
    expect(job.unknown).toEqual(['01']);
  });
});

describe('decodeEscPos on hand-written streams', () => {
  it('tracks GS ! sizes, code page changes inside a line, VT, feeds, cuts and status requests', () => {
    const job = decodeEscPos(
      bytes(
        [0x10, 0x04, 0x01, 0x10, 0x04, 0x04], // DLE EOT 1, DLE EOT 4 before the job
        [0x1b, 0x40, 0x1d, 0x21, 0x11, 0x1b, 0x61, 0x31], // double width+height, centre (ASCII '1')
        'caf',
        [0x1b, 0x74, 0x02, 0x82], // CP850 é
        [0x0b], // VT feeds one line
        [0x1d, 0x21, 0x00, 0x1b, 0x45, 0x01],
        'x',
        [0x0a, 0x0a],
        [0x1b, 0x64, 0x03], // ESC d 3
        [0x1d, 0x56, 0x42, 0x00], // GS V 66 0: feed and partial cut
        [0x1d, 0x56, 0x41, 0x05], // GS V 65 5: feed and full cut
        [0x10, 0x14, 0x01, 0x01, 0x02], // DLE DC4: real-time pulse on pin 5, 200 ms
      ),
    );
    expect(job.items).toEqual([
      line('café', { align: 'center', doubleWidth: true, doubleHeight: true }),
      line('x', { align: 'center', bold: true }),
      line('', { align: 'center', bold: true }),
      { kind: 'feed', lines: 3 },
      { kind: 'cut', partial: true },
      { kind: 'cut', partial: false },
      { kind: 'drawer', pin: 5, onMs: 200, offMs: 200 },
    ]);
    expect(job.codePages).toEqual([2]);
    expect(job.statusRequests).toEqual([1, 4]);
    expect(job.unknown).toEqual([]);
  });

  it('resets style and code page on ESC @', () => {
    const job = decodeEscPos(
      bytes([0x1b, 0x74, 16, 0x1b, 0x61, 2, 0x1b, 0x21, 0x38], 'A\n', [0x1b, 0x40, 0xe9, 0x0a]),
    );
    expect(job.items).toEqual([
      line('A', { align: 'right', bold: true, doubleWidth: true, doubleHeight: true }),
      line('Θ'),
    ]);
  });

  it('skips images, barcodes and spacing commands by their lengths, even when their data looks like text', () => {
    const raster = [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x0a, 0x41, 0x0a, 0x42]; // 2 bytes × 2 rows
    const graphics = [0x1d, 0x28, 0x4c, 0x04, 0x00, 0x30, 0x0a, 0x41, 0x0a];
    const barcodeA = [0x1d, 0x6b, 0x04, ...Buffer.from('AB12'), 0x00]; // CODE39, NUL-terminated
    const barcodeB = [0x1d, 0x6b, 0x49, 0x04, 0x7b, 0x42, 0x0a, 0x0a]; // CODE128, length byte
    const job = decodeEscPos(
      bytes(
        [0x1b, 0x33, 0x0a, 0x1b, 0x32, 0x1b, 0x4d, 0x01, 0x1b, 0x2d, 0x01, 0x1d, 0x42, 0x01],
        raster,
        graphics,
        [0x1d, 0x48, 0x02, 0x1d, 0x68, 0x50],
        barcodeA,
        barcodeB,
        'fin',
        [0x1b, 0x4a, 0x0a], // ESC J prints the line
      ),
    );
    expect(job.items).toEqual([line('fin')]);
    expect(job.unknown).toEqual([]);
  });

  it('records unknown commands as hex and keeps going', () => {
    const pdf417 = [0x1d, 0x28, 0x6b, 0x05, 0x00, 0x30, 0x50, 0x30, 0x41, 0x42];
    const job = decodeEscPos(
      bytes(
        [0x07],
        'a',
        [0x1b, 0x06],
        'b\n',
        pdf417,
        [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
        [0x1b, 0x70, 0x00],
      ),
    );
    expect(job.items).toEqual([line('ab')]);
    expect(job.unknown).toEqual([
      '07',
      '1b 06',
      '1d 28 6b 05 00 30 50', // PDF417 store, skipped by its length
      '1d 28 6b 03 00 31 51', // QR print with nothing stored
      '1b 70 00', // ESC p cut short by the end of the stream
    ]);
  });

  it('reports an unterminated last line', () => {
    expect(decodedText(decodeEscPos(bytes('uno   \n', 'dos')))).toBe('uno\ndos');
  });
});

describe('StatusRequestScanner', () => {
  it('finds DLE EOT n and GS r 1 split across chunks', () => {
    const scanner = new StatusRequestScanner();
    expect(scanner.push(Uint8Array.of(0x41, 0x10))).toEqual([]);
    expect(scanner.push(Uint8Array.of(0x04))).toEqual([]);
    expect(scanner.push(Uint8Array.of(0x04, 0x1d, 0x72))).toEqual([{ kind: 'dle-eot', n: 4 }]);
    expect(scanner.push(Uint8Array.of(0x01, 0x10, 0x04, 0x01, 0x10, 0x04, 0x02))).toEqual([
      { kind: 'gs-r', n: 1 },
      { kind: 'dle-eot', n: 1 },
      { kind: 'dle-eot', n: 2 },
    ]);
  });

  it('ignores look-alikes: DLE EOT 5, GS r 2, DLE without EOT', () => {
    expect(
      findStatusRequests(Uint8Array.of(0x10, 0x04, 0x05, 0x1d, 0x72, 0x02, 0x10, 0x41, 0x04, 0x01)),
    ).toEqual([]);
    // A second DLE restarts the sequence.
    expect(findStatusRequests(Uint8Array.of(0x10, 0x10, 0x04, 0x03))).toEqual([{ kind: 'dle-eot', n: 3 }]);
  });
});
