import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrPath, qrSide, type QrModules } from './qr-path';

const RUN = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;

/** Paints the path's rectangles back onto a grid of the symbol's size (quiet zone removed). */
function paint(path: string, size: number, quietZone = QR_QUIET_ZONE): Uint8Array {
  const grid = new Uint8Array(size * size);
  let consumed = 0;
  for (const match of path.matchAll(RUN)) {
    const [, x, y, run, back] = match.map(Number) as [number, number, number, number, number];
    expect(back).toBe(run);
    const row = y - quietZone;
    const col = x - quietZone;
    expect(row).toBeGreaterThanOrEqual(0);
    expect(col + run).toBeLessThanOrEqual(size);
    for (let i = 0; i < run; i++) {
      // Each module is drawn once: overlapping runs would hide a bug in the run scan.
      expect(grid[row * size + col + i]).toBe(0);
      grid[row * size + col + i] = 1;
    }
    consumed += match[0].length;
  }
  // Nothing in the path but runs.
  expect(consumed).toBe(path.length);
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of a SUNAT QR', () => {
    const text = '20123456789|03|B001|1|5.54|36.38|2025-03-14|0|-|q8cGZ0SXmn+6tIvZ8AVqj4zBbvA=|';
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const path = qrPath(modules);
    const grid = paint(path, modules.size);
    expect(Array.from(grid)).toEqual(Array.from(modules.data, (bit) => (bit ? 1 : 0)));
    const dark = Array.from(modules.data).filter(Boolean).length;
    const drawn = [...path.matchAll(RUN)].reduce((sum, m) => sum + Number(m[3]), 0);
    expect(drawn).toBe(dark);
  });

  it('joins neighbours into runs and breaks them at light modules and row ends', () => {
    // 1 1 0
    // 0 0 1
    // 1 1 1
    const modules: QrModules = { size: 3, data: [1, 1, 0, 0, 0, 1, 1, 1, 1] };
    expect(qrPath(modules, 0)).toBe('M0 0h2v1h-2zM2 1h1v1h-1zM0 2h3v1h-3z');
    expect(qrPath(modules)).toBe('M4 4h2v1h-2zM6 5h1v1h-1zM4 6h3v1h-3z');
  });

  it('gives an empty path for an all-light grid and counts the quiet zone in the side', () => {
    const modules: QrModules = { size: 21, data: new Uint8Array(21 * 21) };
    expect(qrPath(modules)).toBe('');
    expect(qrSide(modules)).toBe(29);
  });
});
