import type { PrintJobKind, PrintJobStatus } from '../../db/schema';

/** What the screens see of the devices: plain data, no driver types, safe for the renderer to import. */

export interface PrintJobView {
  id: string;
  kind: PrintJobKind;
  label: string;
  saleId: string | null;
  status: PrintJobStatus;
  attempts: number;
  errorCode: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  printedAt: string | null;
}

export interface PrinterStatusView {
  configured: boolean;
  description: string | null;
  paperWidthMm: 80 | 58;
  state: 'none' | 'ready' | 'printing' | 'retrying' | 'error';
  lastError: { code: string; message: string } | null;
  pendingCount: number;
  failedCount: number;
  /** Receipts that did not print and wait for a reprint or a dismissal, newest first. */
  failed: PrintJobView[];
}

export interface SerialDeviceStatusView {
  state: 'stopped' | 'connecting' | 'connected' | 'reconnecting';
  path: string;
  /** Spanish, for the status bar; null while all is well. */
  message: string | null;
  since: string;
}

export interface DevicesStatusView {
  printer: PrinterStatusView;
  /** Null when no serial scanner is configured (keyboard-wedge scanners have no state). */
  serialScanner: SerialDeviceStatusView | null;
  scale: SerialDeviceStatusView | null;
}

export interface SerialPortInfo {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
}
