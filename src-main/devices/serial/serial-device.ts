import type { SerialDeviceStatus } from './reconnecting-port';
import { ReconnectingPort, type PortFailure, type ReconnectingPortOptions } from './reconnecting-port';

export type ReconnectTuning = Pick<ReconnectingPortOptions, 'reconnectMs' | 'maxReconnectMs' | 'clock'>;

/**
 * What a serial scanner and a serial scale share: one port kept open while started and
 * reopened after unplugs, whose half-read frame is dropped whenever the stream breaks.
 */
export abstract class SerialDevice {
  protected readonly port: ReconnectingPort;

  protected constructor(
    config: { path: string; baudRate: number },
    describeFailure: (failure: PortFailure, path: string) => string,
    tuning: ReconnectTuning,
  ) {
    this.port = new ReconnectingPort({
      path: config.path,
      baudRate: config.baudRate,
      describeFailure,
      reconnectMs: tuning.reconnectMs,
      maxReconnectMs: tuning.maxReconnectMs,
      clock: tuning.clock,
    });
    this.port.onData((chunk) => this.receive(chunk));
    this.port.onBreak(() => this.dropPartialFrame());
  }

  protected abstract receive(chunk: Buffer): void;
  protected abstract dropPartialFrame(): void;

  /** Opens the port and keeps it open, reconnecting after unplugs, until `stop()`. */
  start(): void {
    this.port.start();
  }

  stop(): Promise<void> {
    return this.port.stop();
  }

  status(): SerialDeviceStatus {
    return this.port.status();
  }

  onStatus(listener: (status: SerialDeviceStatus) => void): () => void {
    return this.port.onStatus(listener);
  }
}
