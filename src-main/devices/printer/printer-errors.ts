/** Why a print job did not reach the paper, for code (`code`) and for the cashier (`message`). */
export type PrinterFailureCode =
  | 'PRINTER_NOT_CONFIGURED'
  | 'PRINTER_UNREACHABLE'
  | 'PRINTER_NOT_RESPONDING'
  | 'PRINTER_DISCONNECTED'
  | 'PRINTER_PAPER_OUT'
  | 'PRINTER_OFFLINE'
  | 'PRINTER_SYSTEM_FAILED';

const MESSAGES: Record<PrinterFailureCode, (detail: string) => string> = {
  PRINTER_NOT_CONFIGURED: () => 'No hay una impresora configurada en esta caja.',
  PRINTER_UNREACHABLE: (d) =>
    `No se pudo conectar con la impresora (${d}). Revise que esté encendida y conectada.`,
  PRINTER_NOT_RESPONDING: (d) =>
    `La impresora no responde (${d}). Apáguela y enciéndala, y vuelva a imprimir.`,
  PRINTER_DISCONNECTED: (d) => `Se cortó la conexión con la impresora a mitad del comprobante (${d}).`,
  PRINTER_PAPER_OUT: () => 'La impresora no tiene papel. Cambie el rollo y vuelva a imprimir.',
  PRINTER_OFFLINE: () =>
    'La impresora está fuera de línea (tapa abierta o error). Revísela y vuelva a imprimir.',
  PRINTER_SYSTEM_FAILED: (d) => `La impresora del sistema rechazó el trabajo: ${d}.`,
};

export class PrinterError extends Error {
  readonly userMessage: string;

  constructor(
    readonly code: PrinterFailureCode,
    readonly detail = '',
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PrinterError';
    this.userMessage = MESSAGES[code](detail);
  }
}

export function isPrinterError(error: unknown): error is PrinterError {
  return error instanceof PrinterError;
}
