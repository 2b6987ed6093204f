import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { DecodedJob, DecodedText } from './escpos-decoder';
import { receiptHtml } from './receipt-html';

const QR_DATA = '20123456789|03|B001|00000001|2.25|14.75|2026-01-15|1|12345678|';

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

const job: DecodedJob = {
  items: [
    line('DOÑA ÑUSTA', { align: 'center', bold: true, doubleWidth: true }),
    line('<b>Jamón & "azúcar"</b> ¡Gracias!'),
    line(''),
    { kind: 'qr', data: QR_DATA, cellSize: 4, correction: 'M', model: 2 },
    { kind: 'feed', lines: 2 },
    { kind: 'cut', partial: false },
    { kind: 'drawer', pin: 2, onMs: 100, offMs: 500 },
  ],
  codePages: [19],
  statusRequests: [],
  unknown: [],
};

/** Dark modules drawn by the SVG path, as "row,col" in symbol coordinates. */
function drawnModules(svg: string): Set<string> {
  const quiet = /viewBox="0 0 (\d+) \1"/.exec(svg);
  const size = /data-modules="(\d+)"/.exec(svg);
  expect(quiet && size).toBeTruthy();
  const offset = (Number(quiet?.[1]) - Number(size?.[1])) / 2;
  const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const cells = new Set<string>();
  let consumed = 0;
  for (const match of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    cells.add(`${Number(match[2]) - offset},${Number(match[1]) - offset}`);
    consumed += match[0].length;
  }
  expect(consumed).toBe(path.length);
  return cells;
}

describe('receiptHtml', () => {
  const html = receiptHtml(job, { paperWidthMm: 80, columns: 48, title: 'Boleta <B001-1>' });

  it('writes the text lines escaped, with their style', () => {
    expect(html).toContain('>DOÑA ÑUSTA</span>');
    expect(html).toContain('&#60;b&#62;Jamón &#38; &#34;azúcar&#34;&#60;/b&#62; ¡Gracias!');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>Boleta &#60;B001-1&#62;</title>');
    // Double width: 10 characters take 20 columns of 12 px, drawn at scaleX(2).
    expect(html).toMatch(
      /class="line align-center bold"[^>]*><span class="box" style="width:240px;[^"]*"><span class="glyphs" style="transform:scale\(2,1\)">DOÑA ÑUSTA</,
    );
    expect(html).toContain('id="paper"');
    expect(html).toContain('width: 576px');
  });

  it('draws the QR as an SVG with the same modules as the qrcode package', () => {
    const svg = /<svg class="qr"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const { modules } = QRCode.create(QR_DATA, { errorCorrectionLevel: 'M' });
    expect(svg).toContain(`data-modules="${modules.size}"`);
    // M is also the package's default level.
    expect(QRCode.create(QR_DATA).modules.size).toBe(modules.size);

    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) expected.add(`${row},${col}`);
    }
    expect(drawnModules(svg)).toEqual(expected);
    // cellSize 4 → 12 px per module, quiet zone included.
    expect(svg).toContain(`width="${(modules.size + 8) * 12}"`);
  });

  it('marks the cut and notes the drawer pulse', () => {
    expect(html).toContain('<div class="cut" data-partial="false"><span>✂</span></div>');
    expect(html).toContain('pulso de gaveta: pin 2, 100 ms');
    expect(html.indexOf('pulso de gaveta')).toBeLessThan(html.indexOf('DOÑA'));
  });

  it('fits 32 columns on 58 mm paper', () => {
    const narrow = receiptHtml({ ...job, items: [line('x')] }, { paperWidthMm: 58, columns: 32 });
    expect(narrow).toContain('width: 384px');
    expect(narrow).toContain('style="width:12px;');
    expect(narrow).not.toContain('<h1>');
  });
});
