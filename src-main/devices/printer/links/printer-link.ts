/** One way to reach a printer. A job either reaches it or fails with a PrinterError, within its timeout. */
export interface PrinterLink {
  /** For people: `tcp://192.168.1.50:9100`, `/dev/ttyUSB0 (9600)`, `CUPS: caja1`. */
  readonly description: string;
  send(bytes: Buffer, options: LinkOptions): Promise<void>;
}

export interface LinkOptions {
  /** Bound on each step: connecting, each status answer, handing over the bytes. */
  timeoutMs: number;
  /** Ask the printer's status before the job and after it (Epson real-time status). */
  checkStatus: boolean;
}
