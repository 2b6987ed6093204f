import QRCode from 'qrcode';
import type { DecodedItem, DecodedJob, DecodedQr, DecodedText } from './escpos-decoder';

/**
 * Draws decoded receipt content as a self-contained HTML page that looks like the thermal print,
 * so an e2e test can screenshot `#paper` to PNG. One CSS pixel stands for one printer dot
 * (203 dpi, 8 dots per mm).
 */

export interface ReceiptHtmlOptions {
  paperWidthMm: 80 | 58;
  columns: 48 | 32;
  title?: string;
}

const DOTS_PER_MM = 8;
const PRINTABLE_DOTS: Record<ReceiptHtmlOptions['paperWidthMm'], number> = { 80: 576, 58: 384 };
// DejaVu Sans Mono advances 1233/2048 em per character; other monospace fonts are within ~2%.
const MONO_ADVANCE_EM = 1233 / 2048;
// Font A is 12×24 dots with 30-dot line spacing.
const LINE_HEIGHT_PER_CHAR_WIDTH = 2.5;
const QR_QUIET_ZONE = 4;
const QR_PX_PER_CELL = 3;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Metrics {
  charWidth: number;
  lineHeight: number;
  printable: number;
}

function textLine(item: DecodedText, m: Metrics): string {
  const sx = item.doubleWidth ? 2 : 1;
  const sy = item.doubleHeight ? 2 : 1;
  const chars = [...item.text].length;
  // The outer box takes the scaled size so alignment sees the printed width, not the unscaled one.
  const box = `width:${chars * m.charWidth * sx}px;height:${m.lineHeight * sy}px`;
  const glyphs = sx === 1 && sy === 1 ? '' : ` style="transform:scale(${sx},${sy})"`;
  const classes = ['line', `align-${item.align}`, item.bold ? 'bold' : ''].filter(Boolean).join(' ');
  return (
    `<div class="${classes}" style="height:${m.lineHeight * sy}px">` +
    `<span class="box" style="${box}"><span class="glyphs"${glyphs}>${escapeHtml(item.text)}</span></span></div>`
  );
}

/** One SVG path of 1×1 squares in module units, so the symbol scales without blur. */
export function qrSvg(qr: Pick<DecodedQr, 'data' | 'correction' | 'cellSize'>, maxWidthPx: number): string {
  const { modules } = QRCode.create(qr.data, { errorCorrectionLevel: qr.correction });
  const size = modules.size;
  const side = size + 2 * QR_QUIET_ZONE;
  // Never wider than the paper, whatever cell size the job asked for.
  const modulePx = Math.max(1, Math.min(qr.cellSize * QR_PX_PER_CELL, Math.floor(maxWidthPx / side)));
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(row, col)) path += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" data-modules="${size}" viewBox="0 0 ${side} ${side}" ` +
    `width="${side * modulePx}" height="${side * modulePx}" shape-rendering="crispEdges">` +
    `<title>${escapeHtml(qr.data)}</title>` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

function itemHtml(item: DecodedItem, m: Metrics): string {
  switch (item.kind) {
    case 'text':
      return textLine(item, m);
    case 'qr':
      // Decoded QRs carry no alignment; receipts centre them.
      return `<div class="qr-row">${qrSvg(item, m.printable)}</div>`;
    case 'cut':
      return `<div class="cut" data-partial="${item.partial}"><span>✂</span></div>`;
    case 'feed':
      return `<div class="feed" style="height:${item.lines * m.lineHeight}px"></div>`;
    case 'drawer':
      return '';
  }
}

const STYLE = `
  body { margin: 0; padding: 24px; background: #d9d9d9; font-family: sans-serif; }
  h1 { font-size: 14px; font-weight: normal; color: #444; margin: 0 0 12px; }
  #paper { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); box-sizing: content-box; }
  .note { color: #888; font: italic 12px sans-serif; margin: 0 0 4px; }
  .line { white-space: pre; overflow: visible; }
  .line { font-family: 'DejaVu Sans Mono', 'Liberation Mono', 'Menlo', 'Courier New', monospace; color: #111; }
  .align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; }
  .bold { font-weight: 700; }
  .box { display: inline-block; text-align: left; vertical-align: top; }
  .glyphs { display: inline-block; transform-origin: 0 0; white-space: pre; }
  .qr-row { text-align: center; padding: 8px 0; }
  .qr { display: inline-block; vertical-align: top; }
  .cut { position: relative; border-top: 2px dashed #999; margin: 14px 0; height: 0; }
  .cut span { position: absolute; left: -4px; top: -13px; font-size: 18px; line-height: 24px; color: #666; background: #fff; }
`;

export function receiptHtml(job: DecodedJob, options: ReceiptHtmlOptions): string {
  const printable = PRINTABLE_DOTS[options.paperWidthMm];
  const margin = (options.paperWidthMm * DOTS_PER_MM - printable) / 2;
  const charWidth = printable / options.columns;
  const fontSize = charWidth / MONO_ADVANCE_EM;
  const m: Metrics = { charWidth, printable, lineHeight: charWidth * LINE_HEIGHT_PER_CHAR_WIDTH };

  const notes = job.items
    .filter((item) => item.kind === 'drawer')
    .map((pulse) => `<p class="note">pulso de gaveta: pin ${pulse.pin}, ${pulse.onMs} ms</p>`);
  const body = job.items.map((item) => itemHtml(item, m)).filter(Boolean);

  const title = options.title ?? 'Ticket';
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
  #paper { width: ${printable}px; padding: 16px ${margin}px 24px; }
  .line { font-size: ${fontSize.toFixed(3)}px; line-height: ${m.lineHeight}px; }
</style>
</head>
<body>
${options.title === undefined ? '' : `<h1>${escapeHtml(options.title)}</h1>\n`}<div id="paper" data-columns="${options.columns}">
${[...notes, ...body].join('\n')}
</div>
</body>
</html>
`;
}
