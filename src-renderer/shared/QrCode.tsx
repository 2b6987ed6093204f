import QRCode from 'qrcode';
import { useMemo, type CSSProperties } from 'react';
import { qrPath, qrSide } from './qr-path';

interface QrCodeProps {
  data: string;
  /** Side in CSS pixels; without it the SVG takes the size its CSS gives it. */
  size?: number;
  label?: string;
}

function draw(data: string): { path: string; side: number } | null {
  try {
    // Level M, the same the receipt printer is asked for, so both draw the same symbol.
    const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
    return { path: qrPath(modules), side: qrSide(modules) };
  } catch {
    // Empty or too long for a QR: a broken preview must not take the receipt down with it.
    return null;
  }
}

/**
 * A QR code as inline SVG: vector, so it stays sharp at any zoom and prints from the
 * browser too. Exposes its side in modules as `--qr-side` for CSS that sizes by module.
 */
export function QrCode({ data, size, label = 'Código QR' }: QrCodeProps) {
  const drawing = useMemo(() => draw(data), [data]);
  if (!drawing) {
    return (
      <span className="qr-missing" role="img" aria-label={`${label} (no se pudo generar)`}>
        QR
      </span>
    );
  }
  const { path, side } = drawing;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      style={{ '--qr-side': side } as CSSProperties}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
