import { z } from 'zod';

/**
 * What this terminal's hardware is and how to reach it. Terminal-local (never synced from
 * headquarters: two counters of one store have different printers), validated here and
 * stored in the terminal's own database with an audit entry per change.
 */

const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:]+\]$/, 'dirección no válida');
const serialPath = z.string().trim().min(1).max(200);
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const baudRate = z.union(BAUD_RATES.map((rate) => z.literal(rate)));

export const printerConnectionSchema = z.discriminatedUnion('kind', [
  /** No printer: the receipt is only shown on screen. */
  z.object({ kind: z.literal('none') }).strict(),
  /** Raw TCP (port 9100, "JetDirect"), what Ethernet and Wi-Fi receipt printers speak. */
  z.object({ kind: z.literal('network'), host, port: z.number().int().min(1).max(65535) }).strict(),
  /** RS-232 or USB-CDC printers. */
  z.object({ kind: z.literal('serial'), path: serialPath, baudRate }).strict(),
  /** A printer queue of the operating system (CUPS), sent raw. */
  z
    .object({
      kind: z.literal('system'),
      name: z
        .string()
        .trim()
        .min(1)
        .max(127)
        .regex(/^[^\s/#]+$/, 'nombre de impresora no válido'),
    })
    .strict(),
]);
export type PrinterConnection = z.infer<typeof printerConnectionSchema>;

/** Code pages that hold every Spanish letter; set explicitly at the start of each job. */
export const CODE_PAGES = ['PC858_EURO', 'PC850_MULTILINGUAL', 'WPC1252'] as const;
export type CodePage = (typeof CODE_PAGES)[number];

export const printerSettingsSchema = z
  .object({
    connection: printerConnectionSchema,
    /** Command set: Epson ESC/POS (and its many clones) or Star Line Mode. */
    model: z.enum(['epson', 'star']),
    /** 80 mm paper prints 48 columns, 58 mm prints 32. */
    paperWidthMm: z.union([z.literal(80), z.literal(58)]),
    codePage: z.enum(CODE_PAGES),
    /** Ask the printer for paper and cover status before each job (Epson DLE EOT). */
    checkStatus: z.boolean(),
    /** Bound on one job: connect, status, send. */
    timeoutMs: z.number().int().min(500).max(30_000),
    drawer: z
      .object({
        /** Connector pin the drawer's solenoid is wired to (2 on most drawers). */
        pin: z.union([z.literal(2), z.literal(5)]),
        openOnCash: z.boolean(),
      })
      .strict(),
    /** Print the receipt of every sale without being asked (off: only on request). */
    printOnSale: z.boolean(),
  })
  .strict();
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

export const TERMINATORS = ['CR', 'LF', 'CRLF'] as const;
export type Terminator = (typeof TERMINATORS)[number];

/** Keyboard-wedge scanners: a fast burst of keys ending in the suffix key is a scan. */
export const wedgeSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** Longest gap between two keys of one scan. */
    maxGapMs: z.number().int().min(5).max(200),
    /** Shortest code taken as a scan. */
    minLength: z.number().int().min(1).max(40),
    /** Characters the scanner sends before each code (stripped). */
    prefix: z.string().max(10),
    /** Key that ends a code. */
    suffix: z.enum(['Enter', 'Tab']),
  })
  .strict();
export type WedgeSettings = z.infer<typeof wedgeSettingsSchema>;

export const serialScannerSettingsSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false) }).strict(),
  z
    .object({ enabled: z.literal(true), path: serialPath, baudRate, terminator: z.enum(TERMINATORS) })
    .strict(),
]);
export type SerialScannerSettings = z.infer<typeof serialScannerSettingsSchema>;

export const scaleSettingsSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false) }).strict(),
  z.object({ enabled: z.literal(true), path: serialPath, baudRate }).strict(),
]);
export type ScaleSettings = z.infer<typeof scaleSettingsSchema>;

export const deviceSettingsSchema = z
  .object({
    printer: printerSettingsSchema,
    wedge: wedgeSettingsSchema,
    serialScanner: serialScannerSettingsSchema,
    scale: scaleSettingsSchema,
  })
  .strict();
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = {
  printer: {
    connection: { kind: 'none' },
    model: 'epson',
    paperWidthMm: 80,
    codePage: 'PC858_EURO',
    checkStatus: true,
    timeoutMs: 3_000,
    drawer: { pin: 2, openOnCash: true },
    printOnSale: true,
  },
  wedge: { enabled: true, maxGapMs: 35, minLength: 4, prefix: '', suffix: 'Enter' },
  serialScanner: { enabled: false },
  scale: { enabled: false },
};
