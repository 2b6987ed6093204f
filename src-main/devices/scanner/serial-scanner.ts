import type { Clock } from '../../shared/clock';
import type { SerialScannerSettings, Terminator } from '../device-settings-schema';
import { notify, type PortFailure } from '../serial/reconnecting-port';
import { SerialDevice } from '../serial/serial-device';

export type { SerialDeviceStatus, SerialDeviceState } from '../serial/reconnecting-port';

export type SerialScannerConfig = Pick<
  Extract<SerialScannerSettings, { enabled: true }>,
  'path' | 'baudRate' | 'terminator'
>;

export interface SerialScannerOptions {
  /** First retry delay after an unplug (default 1 s); doubles up to `maxReconnectMs` (10 s). */
  reconnectMs?: number;
  maxReconnectMs?: number;
  clock?: Clock;
}

const TERMINATOR_BYTES: Record<Terminator, Buffer> = {
  CR: Buffer.from('\r'),
  LF: Buffer.from('\n'),
  CRLF: Buffer.from('\r\n'),
};

/** Longer than any barcode: past this without a terminator the setting is wrong, not the code. */
const MAX_CODE_BYTES = 512;

/** C0 and C1 controls, and the replacement character that bytes at the wrong baud rate decode to. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const GARBAGE = /[\u0000-\u001f\u007f-\u009f\ufffd]/;

function describeFailure(failure: PortFailure, path: string): string {
  switch (failure) {
    case 'disconnected':
      return `Lector serial desconectado (${path}): reintentando…`;
    case 'permission-denied':
      return `Sin permiso para abrir el lector serial (${path}); en Linux, agregue el usuario al grupo dialout. Reintentando…`;
    case 'busy':
      return `El lector serial (${path}) está en uso por otro programa: reintentando…`;
  }
}

/** A barcode scanner on a serial (RS-232 or USB-CDC) port: one code per terminated line. */
export class SerialScanner extends SerialDevice {
  private readonly terminator: Buffer;
  private readonly scanListeners = new Set<(code: string) => void>();
  private pending: Buffer = Buffer.alloc(0);

  constructor(config: SerialScannerConfig, options: SerialScannerOptions = {}) {
    super(config, describeFailure, options);
    this.terminator = TERMINATOR_BYTES[config.terminator];
  }

  /** Half a code from before an unplug must never be glued onto the next one. */
  protected dropPartialFrame(): void {
    this.pending = Buffer.alloc(0);
  }

  onScan(listener: (code: string) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  protected receive(chunk: Buffer): void {
    // Split on bytes, not text, so a terminator or character cut across two reads stays whole.
    let buffer = Buffer.concat([this.pending, chunk]);
    let end = buffer.indexOf(this.terminator);
    while (end !== -1) {
      this.emitCode(buffer.subarray(0, end));
      buffer = buffer.subarray(end + this.terminator.length);
      end = buffer.indexOf(this.terminator);
    }
    this.pending = buffer.length > MAX_CODE_BYTES ? Buffer.alloc(0) : Buffer.from(buffer);
  }

  private emitCode(bytes: Buffer): void {
    // trim() also drops the LF of a CRLF scanner set to CR, which lands at the start of the next code.
    const code = bytes.toString('utf8').trim();
    if (code === '' || GARBAGE.test(code)) return;
    notify(this.scanListeners, code);
  }
}
