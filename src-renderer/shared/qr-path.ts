/** White border around the symbol, in modules: the QR spec's minimum for readers to lock on. */
export const QR_QUIET_ZONE = 4;

/** The symbol as `qrcode` gives it: `size`×`size` modules, row by row, 1 = dark. */
export interface QrModules {
  size: number;
  data: ArrayLike<number>;
}

/** Side of the drawing in modules, quiet zone included (the SVG's viewBox). */
export function qrSide(modules: QrModules, quietZone = QR_QUIET_ZONE): number {
  return modules.size + 2 * quietZone;
}

/**
 * One SVG path for all dark modules, one rectangle per horizontal run (`M x y h n v1 h-n z`),
 * in module units offset by the quiet zone. Runs keep the path short; one path keeps the DOM small.
 */
export function qrPath(modules: QrModules, quietZone = QR_QUIET_ZONE): string {
  const { size, data } = modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      const run = col - start;
      parts.push(`M${start + quietZone} ${row + quietZone}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}
