import type {
  CodePage,
  DeviceSettings,
  PrinterConnection,
  PrinterSettings,
  Terminator,
} from '../../../../src-main/devices/device-settings-schema';

/**
 * Same values as `BAUD_RATES`, `CODE_PAGES` and `TERMINATORS` in the core (a test checks it):
 * copied because the renderer may only import types from the core.
 */
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const CODE_PAGES = ['PC858_EURO', 'PC850_MULTILINGUAL', 'WPC1252'] as const;
export const TERMINATORS = ['CR', 'LF', 'CRLF'] as const;

export type BaudRate = (typeof BAUD_RATES)[number];
export type ConnectionKind = PrinterConnection['kind'];

/** What most receipt printers, scanners and scales leave the factory with. */
export const DEFAULT_NETWORK_PORT = 9100;
export const DEFAULT_BAUD_RATE: BaudRate = 9600;

/**
 * The form as typed: numbers stay text until saving, and every connection kind keeps its
 * own fields so switching kinds back and forth loses nothing.
 */
export interface PrinterDraft {
  kind: ConnectionKind;
  host: string;
  port: string;
  serialPath: string;
  serialBaudRate: BaudRate;
  systemName: string;
  model: PrinterSettings['model'];
  paperWidthMm: PrinterSettings['paperWidthMm'];
  codePage: CodePage;
  checkStatus: boolean;
  timeoutSeconds: string;
  drawerPin: PrinterSettings['drawer']['pin'];
  openOnCash: boolean;
  printOnSale: boolean;
}

export interface WedgeDraft {
  enabled: boolean;
  maxGapMs: string;
  minLength: string;
  prefix: string;
  suffix: DeviceSettings['wedge']['suffix'];
}

/** A serial device; disabled ones keep their port here so turning them back on restores it. */
export interface SerialDraft {
  enabled: boolean;
  path: string;
  baudRate: BaudRate;
}

export interface ScannerDraft extends SerialDraft {
  terminator: Terminator;
}

export interface DeviceDraft {
  printer: PrinterDraft;
  wedge: WedgeDraft;
  serialScanner: ScannerDraft;
  scale: SerialDraft;
}

/** The typed-number fields, named as the form's inputs (`name`) so a problem can focus its field. */
export type NumberField = 'printer.port' | 'printer.timeoutSeconds' | 'wedge.maxGapMs' | 'wedge.minLength';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; field: NumberField };

/** `3000` → `3`, `1500` → `1.5`: integers only, no floating point. */
export function secondsText(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const fraction = String(ms % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** `3`, `1.5`, `2,25` (seconds) → milliseconds; null if not a number. */
export function parseSecondsToMs(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

function printerDraft(printer: PrinterSettings): PrinterDraft {
  const { connection } = printer;
  return {
    kind: connection.kind,
    host: connection.kind === 'network' ? connection.host : '',
    port: String(connection.kind === 'network' ? connection.port : DEFAULT_NETWORK_PORT),
    serialPath: connection.kind === 'serial' ? connection.path : '',
    serialBaudRate: connection.kind === 'serial' ? (connection.baudRate as BaudRate) : DEFAULT_BAUD_RATE,
    systemName: connection.kind === 'system' ? connection.name : '',
    model: printer.model,
    paperWidthMm: printer.paperWidthMm,
    codePage: printer.codePage,
    checkStatus: printer.checkStatus,
    timeoutSeconds: secondsText(printer.timeoutMs),
    drawerPin: printer.drawer.pin,
    openOnCash: printer.drawer.openOnCash,
    printOnSale: printer.printOnSale,
  };
}

function serialDraft(
  device: { enabled: false } | { enabled: true; path: string; baudRate: number },
): SerialDraft {
  return device.enabled
    ? { enabled: true, path: device.path, baudRate: device.baudRate as BaudRate }
    : { enabled: false, path: '', baudRate: DEFAULT_BAUD_RATE };
}

export function draftFromSettings(settings: DeviceSettings): DeviceDraft {
  const { wedge, serialScanner } = settings;
  return {
    printer: printerDraft(settings.printer),
    wedge: {
      enabled: wedge.enabled,
      maxGapMs: String(wedge.maxGapMs),
      minLength: String(wedge.minLength),
      prefix: wedge.prefix,
      suffix: wedge.suffix,
    },
    serialScanner: {
      ...serialDraft(serialScanner),
      terminator: serialScanner.enabled ? serialScanner.terminator : 'CR',
    },
    scale: serialDraft(settings.scale),
  };
}

function connectionOf(draft: PrinterDraft): Parsed<PrinterConnection> {
  switch (draft.kind) {
    case 'none':
      return { ok: true, value: { kind: 'none' } };
    case 'network': {
      const port = parseWhole(draft.port);
      if (port === null) {
        return {
          ok: false,
          problem: 'Escriba el puerto de la impresora como un número.',
          field: 'printer.port',
        };
      }
      return { ok: true, value: { kind: 'network', host: draft.host.trim(), port } };
    }
    case 'serial':
      return {
        ok: true,
        value: { kind: 'serial', path: draft.serialPath.trim(), baudRate: draft.serialBaudRate },
      };
    case 'system':
      return { ok: true, value: { kind: 'system', name: draft.systemName.trim() } };
  }
}

/** The printer settings to test or save; only numbers are checked here, the core validates the rest. */
export function printerFromDraft(draft: PrinterDraft): Parsed<PrinterSettings> {
  const connection = connectionOf(draft);
  if (!connection.ok) return connection;
  const timeoutMs = parseSecondsToMs(draft.timeoutSeconds);
  if (timeoutMs === null) {
    return {
      ok: false,
      problem: 'Escriba el tiempo de espera en segundos.',
      field: 'printer.timeoutSeconds',
    };
  }
  return {
    ok: true,
    value: {
      connection: connection.value,
      model: draft.model,
      paperWidthMm: draft.paperWidthMm,
      codePage: draft.codePage,
      checkStatus: draft.checkStatus,
      timeoutMs,
      drawer: { pin: draft.drawerPin, openOnCash: draft.openOnCash },
      printOnSale: draft.printOnSale,
    },
  };
}

function wedgeFromDraft(draft: WedgeDraft): Parsed<DeviceSettings['wedge']> {
  const maxGapMs = parseWhole(draft.maxGapMs);
  if (maxGapMs === null) {
    return { ok: false, problem: 'Escriba la pausa máxima en milisegundos.', field: 'wedge.maxGapMs' };
  }
  const minLength = parseWhole(draft.minLength);
  if (minLength === null) {
    return { ok: false, problem: 'Escriba la longitud mínima como un número.', field: 'wedge.minLength' };
  }
  // The prefix is taken as typed: its spaces are characters the scanner sends.
  return {
    ok: true,
    value: { enabled: draft.enabled, maxGapMs, minLength, prefix: draft.prefix, suffix: draft.suffix },
  };
}

/** The whole set for `devices.saveSettings`, or the first number that does not parse. */
export function settingsFromDraft(draft: DeviceDraft): Parsed<DeviceSettings> {
  const printer = printerFromDraft(draft.printer);
  if (!printer.ok) return printer;
  const wedge = wedgeFromDraft(draft.wedge);
  if (!wedge.ok) return wedge;
  const { serialScanner: scanner, scale } = draft;
  return {
    ok: true,
    value: {
      printer: printer.value,
      wedge: wedge.value,
      serialScanner: scanner.enabled
        ? {
            enabled: true,
            path: scanner.path.trim(),
            baudRate: scanner.baudRate,
            terminator: scanner.terminator,
          }
        : { enabled: false },
      scale: scale.enabled
        ? { enabled: true, path: scale.path.trim(), baudRate: scale.baudRate }
        : { enabled: false },
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * The form would save something other than what is saved (a number that does not parse counts);
 * with `section`, in that section only.
 */
export function isDirty(draft: DeviceDraft, saved: DeviceSettings, section?: keyof DeviceSettings): boolean {
  const settings = settingsFromDraft(draft);
  if (!settings.ok) return true;
  return section ? !sameValue(settings.value[section], saved[section]) : !sameValue(settings.value, saved);
}
