import type { Clock } from '../../shared/clock';
import type { ScaleSettings } from '../device-settings-schema';
import { notify, type PortFailure } from '../serial/reconnecting-port';
import { SerialDevice } from '../serial/serial-device';
import { parseScaleFrame, type ScaleReading } from './scale-reading';

export type { SerialDeviceStatus, SerialDeviceState } from '../serial/reconnecting-port';
export type { ScaleReading } from './scale-reading';

export type SerialScaleConfig = Pick<Extract<ScaleSettings, { enabled: true }>, 'path' | 'baudRate'>;

export interface SerialScaleOptions {
  /** First retry delay after an unplug (default 1 s); doubles up to `maxReconnectMs` (10 s). */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** How often a read asks again while it has no stable weight (default 300 ms). */
  requestEveryMs?: number;
  clock?: Clock;
}

export type ScaleErrorCode = 'SCALE_TIMEOUT' | 'SCALE_UNAVAILABLE' | 'SCALE_UNSTABLE';

const MESSAGES: Record<ScaleErrorCode, (detail: string) => string> = {
  SCALE_TIMEOUT: () => 'La balanza no respondió. Revise el cable y vuelva a pesar.',
  SCALE_UNAVAILABLE: (d) =>
    `La balanza no está conectada (${d}). Revise que esté encendida y con el cable puesto, y vuelva a pesar.`,
  SCALE_UNSTABLE: () => 'El peso no se estabiliza. Espere a que el producto quede quieto y vuelva a pesar.',
};

/** Why no weight came back, for code (`code`) and for the cashier (`userMessage`). */
export class ScaleError extends Error {
  readonly userMessage: string;

  constructor(
    readonly code: ScaleErrorCode,
    readonly detail = '',
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ScaleError';
    this.userMessage = MESSAGES[code](detail);
  }
}

export function isScaleError(error: unknown): error is ScaleError {
  return error instanceof ScaleError;
}

export const DEFAULT_READ_TIMEOUT_MS = 2_000;
const DEFAULT_REQUEST_EVERY_MS = 300;
/** "Send the weight" on CAS, Henkel and most of their clones; continuous-output scales ignore it. */
const WEIGHT_REQUEST = Buffer.from('W', 'latin1');
/** Frames end in CR, LF or CRLF, or ETX on Toledo-like scales. */
// eslint-disable-next-line no-control-regex -- ETX is a control character
const FRAME_END = /[\r\n\u0003]/;
const MAX_FRAME_CHARS = 256;

function describeFailure(failure: PortFailure, path: string): string {
  switch (failure) {
    case 'disconnected':
      return `Balanza desconectada (${path}): reintentando…`;
    case 'permission-denied':
      return `Sin permiso para abrir la balanza (${path}); en Linux, agregue el usuario al grupo dialout. Reintentando…`;
    case 'busy':
      return `La balanza (${path}) está en uso por otro programa: reintentando…`;
  }
}

/** A weighing scale on a serial port, kept open (and reopened after unplugs) while started. */
export class SerialScale extends SerialDevice {
  private readonly path: string;
  private readonly requestEveryMs: number;
  private readonly frameListeners = new Set<(reading: ScaleReading) => void>();
  private pending = '';

  constructor(config: SerialScaleConfig, options: SerialScaleOptions = {}) {
    super(config, describeFailure, options);
    this.path = config.path;
    this.requestEveryMs = options.requestEveryMs ?? DEFAULT_REQUEST_EVERY_MS;
  }

  protected dropPartialFrame(): void {
    this.pending = '';
  }

  /**
   * The first stable weight (or overload, or negative) the scale sends after the call.
   * Asks with `W` and again every `requestEveryMs`, since scales on demand answer once per
   * request and an unstable answer needs a new question. Frames sent before the call are
   * ignored: they may weigh what was on the platter before.
   */
  read(timeoutMs = DEFAULT_READ_TIMEOUT_MS): Promise<ScaleReading> {
    if (this.port.status().state !== 'connected') {
      return Promise.reject(new ScaleError('SCALE_UNAVAILABLE', this.path));
    }
    return new Promise((resolve, reject) => {
      let sawUnstable = false;
      let done = false;
      const finish = (outcome: ScaleReading | ScaleError): void => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        clearInterval(repeat);
        offFrame();
        offBreak();
        if (outcome instanceof ScaleError) reject(outcome);
        else resolve(outcome);
      };
      const offFrame = this.onFrame((reading) => {
        if (reading.kind === 'weight' && !reading.stable) sawUnstable = true;
        else finish(reading);
      });
      const offBreak = this.port.onBreak(() => finish(new ScaleError('SCALE_UNAVAILABLE', this.path)));
      const request = (): void => {
        this.port.write(WEIGHT_REQUEST).catch(() => finish(new ScaleError('SCALE_UNAVAILABLE', this.path)));
      };
      const repeat = setInterval(request, this.requestEveryMs);
      const deadline = setTimeout(
        () => finish(new ScaleError(sawUnstable ? 'SCALE_UNSTABLE' : 'SCALE_TIMEOUT', this.path)),
        timeoutMs,
      );
      request();
    });
  }

  private onFrame(listener: (reading: ScaleReading) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  protected receive(chunk: Buffer): void {
    // latin1 maps byte to char one to one, so a frame cut across two reads joins back intact.
    const lines = (this.pending + chunk.toString('latin1')).split(FRAME_END);
    const rest = lines.pop() ?? '';
    this.pending = rest.length > MAX_FRAME_CHARS ? '' : rest;
    for (const line of lines) {
      const reading = parseScaleFrame(line);
      if (reading) notify(this.frameListeners, reading);
    }
  }
}
