import { SerialPort } from 'serialport';
import type { DeviceSettings, ScaleSettings, SerialScannerSettings } from './device-settings-schema';
import type { SerialPortInfo } from './device-views';
import { isScaleError, SerialScale } from './scale/serial-scale';
import { SerialScanner, type SerialDeviceStatus } from './scanner/serial-scanner';
import { AppError } from '../shared/errors';

export type { SerialDeviceStatus };

/** Serial ports the OS reports, for the settings screen's pickers. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((port) => ({
    path: port.path,
    manufacturer: port.manufacturer ?? null,
    serialNumber: port.serialNumber ?? null,
  }));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The serial scanner and scale as the settings describe them: (re)opened when the
 * settings change, each reconnecting by itself when unplugged. Scans are handed to the
 * listeners, which send them to the same scan action as the keyboard wedge.
 */
export class SerialDevices {
  private scanner: SerialScanner | null = null;
  private scale: SerialScale | null = null;
  private scannerConfig: SerialScannerSettings = { enabled: false };
  private scaleConfig: ScaleSettings = { enabled: false };
  private readonly scanListeners = new Set<(code: string) => void>();
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly options: { reconnectMs?: number } = {}) {}

  apply(settings: DeviceSettings): void {
    if (!sameJson(settings.serialScanner, this.scannerConfig)) this.applyScanner(settings.serialScanner);
    if (!sameJson(settings.scale, this.scaleConfig)) this.applyScale(settings.scale);
  }

  private applyScanner(config: SerialScannerSettings): void {
    void this.scanner?.stop();
    this.scanner = null;
    this.scannerConfig = config;
    if (config.enabled) {
      const scanner = new SerialScanner(config, this.reconnect());
      scanner.onScan((code) => this.scanListeners.forEach((listener) => listener(code)));
      scanner.onStatus(() => this.statusListeners.forEach((listener) => listener()));
      scanner.start();
      this.scanner = scanner;
    }
    this.statusListeners.forEach((listener) => listener());
  }

  private applyScale(config: ScaleSettings): void {
    void this.scale?.stop();
    this.scale = null;
    this.scaleConfig = config;
    if (config.enabled) {
      const scale = new SerialScale(config, this.reconnect());
      scale.onStatus(() => this.statusListeners.forEach((listener) => listener()));
      scale.start();
      this.scale = scale;
    }
    this.statusListeners.forEach((listener) => listener());
  }

  private reconnect(): { reconnectMs?: number } {
    return this.options.reconnectMs ? { reconnectMs: this.options.reconnectMs } : {};
  }

  scannerStatus(): SerialDeviceStatus | null {
    return this.scanner?.status() ?? null;
  }

  scaleStatus(): SerialDeviceStatus | null {
    return this.scale?.status() ?? null;
  }

  /** A stable weight in grams, or a typed error with the cashier's message. */
  async readScale(): Promise<{ grams: number }> {
    if (!this.scale)
      throw new AppError('DEVICE_FAILED', { message: 'No hay una balanza configurada en esta caja.' });
    try {
      const reading = await this.scale.read();
      if (reading.kind === 'overload')
        throw new AppError('DEVICE_FAILED', {
          message: 'La balanza indica sobrecarga: el peso supera su capacidad.',
        });
      if (reading.kind === 'negative')
        throw new AppError('DEVICE_FAILED', {
          message: 'La balanza marca un peso negativo: póngala en cero y vuelva a pesar.',
        });
      return { grams: reading.grams };
    } catch (error) {
      if (isScaleError(error)) throw new AppError('DEVICE_FAILED', { message: error.userMessage });
      throw error;
    }
  }

  onScan(listener: (code: string) => void): () => void {
    this.scanListeners.add(listener);
    return () => void this.scanListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  async stop(): Promise<void> {
    await Promise.all([this.scanner?.stop(), this.scale?.stop()]);
    this.scanner = null;
    this.scale = null;
  }
}
