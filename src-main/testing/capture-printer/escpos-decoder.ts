import iconv from 'iconv-lite';

/**
 * Turns an ESC/POS byte stream (as node-thermal-printer's EPSON type and the app emit it) back
 * into what an Epson TM printer would put on paper. Test support only: it follows the printer
 * where that matters to a receipt (code pages, ESC ! overriding ESC E, ESC p reading exactly
 * 5 bytes) and records anything it does not know in `unknown` instead of throwing.
 */

export type Align = 'left' | 'center' | 'right';
export type QrCorrection = 'L' | 'M' | 'Q' | 'H';

export interface DecodedText {
  kind: 'text';
  text: string;
  align: Align;
  bold: boolean;
  doubleWidth: boolean;
  doubleHeight: boolean;
}
export interface DecodedQr {
  kind: 'qr';
  data: string;
  cellSize: number;
  correction: QrCorrection;
  model: number;
}
export interface DecodedCut {
  kind: 'cut';
  partial: boolean;
}
export interface DecodedDrawerPulse {
  kind: 'drawer';
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}
export interface DecodedFeed {
  kind: 'feed';
  lines: number;
}
export type DecodedItem = DecodedText | DecodedQr | DecodedCut | DecodedDrawerPulse | DecodedFeed;

export interface DecodedJob {
  items: DecodedItem[];
  /** Every ESC t n seen, in order. */
  codePages: number[];
  /** Every DLE EOT n seen, in order. */
  statusRequests: number[];
  /** Hex ("1b 5a") of every command or byte the decoder does not understand. */
  unknown: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const FS = 0x1c;

/** ESC t n → iconv-lite encoding. Tables outside this list decode as CP437 and are reported. */
const CODE_PAGE_ENCODINGS: ReadonlyMap<number, string> = new Map([
  [0, 'CP437'],
  [2, 'CP850'],
  [3, 'CP860'],
  [4, 'CP863'],
  [5, 'CP865'],
  [13, 'CP857'],
  [16, 'CP1252'],
  [17, 'CP866'],
  [18, 'CP852'],
  [19, 'CP858'],
  [40, 'ISO-8859-15'],
]);

const CORRECTIONS: Record<number, QrCorrection> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

/** ESC commands whose parameters are a fixed number of bytes and that change nothing we report. */
const ESC_SKIP: ReadonlyMap<number, number> = new Map([
  [0x20, 1], // ESC SP n: right-side character spacing
  [0x24, 2], // ESC $ nL nH: absolute position
  [0x2d, 1], // ESC - n: underline
  [0x32, 0], // ESC 2: default line spacing
  [0x33, 1], // ESC 3 n: line spacing
  [0x3d, 1], // ESC = n: peripheral select
  [0x3f, 1], // ESC ? n: cancel user-defined character
  [0x42, 2], // ESC B n t: buzzer (as node-thermal-printer's beep sends it)
  [0x47, 1], // ESC G n: double-strike
  [0x4d, 1], // ESC M n: font
  [0x52, 1], // ESC R n: international character set
  [0x55, 1], // ESC U n: unidirectional printing
  [0x56, 1], // ESC V n: 90° rotation
  [0x5c, 2], // ESC \ nL nH: relative position
  [0x65, 1], // ESC e n: reverse feed
  [0x72, 1], // ESC r n: colour
  [0x7b, 1], // ESC { n: upside-down
]);

/** GS commands with fixed-size parameters that change nothing we report. */
const GS_SKIP: ReadonlyMap<number, number> = new Map([
  [0x2f, 1], // GS / m: print downloaded bit image
  [0x42, 1], // GS B n: invert
  [0x48, 1], // GS H n: barcode HRI position
  [0x49, 1], // GS I n: transmit printer ID
  [0x4c, 2], // GS L nL nH: left margin
  [0x50, 2], // GS P x y: motion units
  [0x57, 2], // GS W nL nH: print area width
  [0x61, 1], // GS a n: automatic status back
  [0x62, 1], // GS b n: smoothing
  [0x66, 1], // GS f n: HRI font
  [0x68, 1], // GS h n: barcode height
  [0x72, 1], // GS r n: transmit status (answered by the capture printer, not printed)
  [0x77, 1], // GS w n: barcode module width
  [0x7c, 1], // GS | n: print density
]);

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

interface TextStyle {
  align: Align;
  bold: boolean;
  widthScale: number;
  heightScale: number;
}

const initialStyle = (): TextStyle => ({ align: 'left', bold: false, widthScale: 1, heightScale: 1 });

interface QrSettings {
  model: number;
  cellSize: number;
  correction: QrCorrection;
  data: string | null;
}

// Epson's power-on QR settings.
const initialQr = (): QrSettings => ({ model: 2, cellSize: 3, correction: 'L', data: null });

/** Accumulates one printed line: text decoded per code-page run, style of what was printed. */
class LineBuffer {
  private text = '';
  private pending: number[] = [];
  private started = false;
  private align: Align = 'left';
  private bold = false;
  private doubleWidth = false;
  private doubleHeight = false;

  constructor(private encoding: string) {}

  get isEmpty(): boolean {
    return !this.started;
  }

  setEncoding(encoding: string): void {
    this.decodePending();
    this.encoding = encoding;
  }

  push(byte: number, style: TextStyle): void {
    if (!this.started) {
      // Epson applies ESC a only at the beginning of a line.
      this.started = true;
      this.align = style.align;
    }
    // A line counts as bold/enlarged if any of its characters is.
    this.bold ||= style.bold;
    this.doubleWidth ||= style.widthScale > 1;
    this.doubleHeight ||= style.heightScale > 1;
    this.pending.push(byte);
  }

  /** Moves to the next tab stop (every 8 columns, the printer's default). */
  tab(style: TextStyle): void {
    this.decodePending();
    const spaces = 8 - (this.text.length % 8);
    for (let i = 0; i < spaces; i++) this.push(0x20, style);
  }

  /** Ends the line; an empty line takes the style active at the line feed. */
  take(style: TextStyle): DecodedText {
    this.decodePending();
    const item: DecodedText = this.started
      ? {
          kind: 'text',
          text: this.text,
          align: this.align,
          bold: this.bold,
          doubleWidth: this.doubleWidth,
          doubleHeight: this.doubleHeight,
        }
      : {
          kind: 'text',
          text: '',
          align: style.align,
          bold: style.bold,
          doubleWidth: style.widthScale > 1,
          doubleHeight: style.heightScale > 1,
        };
    this.text = '';
    this.started = false;
    this.bold = this.doubleWidth = this.doubleHeight = false;
    return item;
  }

  private decodePending(): void {
    if (this.pending.length === 0) return;
    this.text += iconv.decode(Buffer.from(this.pending), this.encoding);
    this.pending = [];
  }
}

class Decoder {
  private readonly job: DecodedJob = { items: [], codePages: [], statusRequests: [], unknown: [] };
  private style = initialStyle();
  private qr = initialQr();
  private readonly line = new LineBuffer('CP437');
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  run(): DecodedJob {
    while (this.pos < this.bytes.length) this.step();
    // A real printer would hold an unterminated line in its buffer; reporting it is more useful.
    this.flushLine();
    return this.job;
  }

  private step(): void {
    const byte = this.bytes[this.pos] as number;
    if (byte >= 0x20) {
      this.line.push(byte, this.style);
      this.pos++;
      return;
    }
    switch (byte) {
      case 0x0a: // LF
      case 0x0b: // VT: no vertical tabs are set, so it feeds one line
        this.job.items.push(this.line.take(this.style));
        this.pos++;
        return;
      case 0x09:
        this.line.tab(this.style);
        this.pos++;
        return;
      case 0x00: // NUL and CR are ignored by TM printers in standard mode
      case 0x0d:
        this.pos++;
        return;
      case ESC:
        this.esc();
        return;
      case GS:
        this.gs();
        return;
      case DLE:
        this.dle();
        return;
      case FS:
        this.fs();
        return;
      default:
        this.unknown(1);
    }
  }

  private esc(): void {
    const cmd = this.at(1);
    if (cmd === undefined) return this.unknown(1);
    switch (cmd) {
      case 0x40: // ESC @
        this.flushLine();
        this.style = initialStyle();
        this.qr = initialQr();
        this.line.setEncoding('CP437');
        this.pos += 2;
        return;
      case 0x74: // ESC t n
        return this.withParams(3, (p) => {
          const n = p[2] as number;
          this.job.codePages.push(n);
          const encoding = CODE_PAGE_ENCODINGS.get(n);
          if (encoding === undefined) this.job.unknown.push(hex(p));
          this.line.setEncoding(encoding ?? 'CP437');
        });
      case 0x61: // ESC a n
        return this.withParams(3, (p) => {
          const n = (p[2] as number) % 48;
          if (n > 2) this.job.unknown.push(hex(p));
          else this.style.align = (['left', 'center', 'right'] as const)[n] as Align;
        });
      case 0x45: // ESC E n
        return this.withParams(3, (p) => {
          this.style.bold = ((p[2] as number) & 1) === 1;
        });
      case 0x21: // ESC ! n: sets emphasis and size together, overriding ESC E and GS !
        return this.withParams(3, (p) => {
          const n = p[2] as number;
          this.style.bold = (n & 0x08) !== 0;
          this.style.heightScale = n & 0x10 ? 2 : 1;
          this.style.widthScale = n & 0x20 ? 2 : 1;
        });
      case 0x70: // ESC p m t1 t2
        return this.withParams(5, (p) => {
          const m = p[2] as number;
          if (m !== 0 && m !== 1 && m !== 48 && m !== 49) return void this.job.unknown.push(hex(p));
          const pin = m % 48 === 0 ? 2 : 5;
          this.job.items.push({
            kind: 'drawer',
            pin,
            onMs: (p[3] as number) * 2,
            offMs: (p[4] as number) * 2,
          });
        });
      case 0x64: // ESC d n: print and feed n lines
        return this.withParams(3, (p) => {
          this.flushLine();
          this.job.items.push({ kind: 'feed', lines: p[2] as number });
        });
      case 0x4a: // ESC J n: print and feed n dots (not whole lines, so no item)
        return this.withParams(3, () => this.flushLine());
      case 0x69: // ESC i / ESC m: obsolete one-byte cuts
      case 0x6d:
        this.cut(cmd === 0x6d);
        this.pos += 2;
        return;
      case 0x44: // ESC D n1 … NUL: tab positions
        return this.skipUntilNul(2);
      case 0x2a: // ESC * m nL nH d…: bit image
        return this.withParams(5, (p) => {
          const columns = (p[3] as number) + (p[4] as number) * 256;
          this.pos += columns * ((p[2] as number) <= 1 ? 1 : 3);
        });
      case 0x63: // ESC c 3/4/5 n: paper sensors, panel buttons
        return this.withParams(4, () => undefined);
    }
    const params = ESC_SKIP.get(cmd);
    if (params === undefined) return this.unknown(2);
    this.withParams(2 + params, () => undefined);
  }

  private gs(): void {
    const cmd = this.at(1);
    if (cmd === undefined) return this.unknown(1);
    switch (cmd) {
      case 0x21: // GS ! n
        return this.withParams(3, (p) => {
          const n = p[2] as number;
          this.style.widthScale = ((n >> 4) & 0x07) + 1;
          this.style.heightScale = (n & 0x07) + 1;
        });
      case 0x56: // GS V m [n]
        return this.gsCut();
      case 0x28: // GS ( x pL pH …
        return this.gsParen();
      case 0x38: // GS 8 L p1 p2 p3 p4 …: large graphics
        return this.withParams(7, (p) => {
          if (p[2] !== 0x4c) return void this.job.unknown.push(hex(p));
          const length =
            (p[3] as number) +
            (p[4] as number) * 0x100 +
            (p[5] as number) * 0x10000 +
            (p[6] as number) * 0x1000000;
          this.pos += length;
        });
      case 0x76: // GS v 0 m xL xH yL yH d…: raster image
        return this.withParams(8, (p) => {
          const widthBytes = (p[4] as number) + (p[5] as number) * 256;
          const height = (p[6] as number) + (p[7] as number) * 256;
          this.pos += widthBytes * height;
        });
      case 0x6b: // GS k m …: barcode
        return this.gsBarcode();
    }
    const params = GS_SKIP.get(cmd);
    if (params === undefined) return this.unknown(2);
    this.withParams(2 + params, () => undefined);
  }

  private gsCut(): void {
    const m = this.at(2);
    if (m === undefined) return this.unknown(2);
    if (m === 0 || m === 48 || m === 1 || m === 49) {
      this.cut(m % 48 === 1);
      this.pos += 3;
      return;
    }
    // Functions B, C and D take a feed amount n after m.
    if ([65, 66, 97, 98, 103, 104].includes(m)) {
      return this.withParams(4, () => this.cut(m % 2 === 0));
    }
    this.unknown(3);
  }

  private gsParen(): void {
    this.withParams(5, (header) => {
      const fn = header[2] as number;
      const length = (header[3] as number) + (header[4] as number) * 256;
      const start = this.pos;
      const end = start + length;
      if (end > this.bytes.length) {
        this.pos = start - 5;
        return this.unknown(this.bytes.length - this.pos);
      }
      const body = this.bytes.subarray(start, end);
      this.pos = end;
      // GS ( L is graphics: skipped. Other GS ( functions are reported by their header.
      if (fn === 0x4c) return;
      if (fn === 0x6b && body[0] === 0x31 && this.qrFunction(body)) return;
      this.job.unknown.push(hex(Uint8Array.from([...header, ...body.subarray(0, 2)])));
    });
  }

  /** GS ( k with cn = 49 (QR). Returns false for functions it does not know. */
  private qrFunction(body: Uint8Array): boolean {
    const fn = body[1];
    const arg = body[2];
    switch (fn) {
      case 0x41: // model: 49 → 1, 50 → 2, 51 → micro QR
        if (arg === undefined) return false;
        this.qr.model = arg - 48;
        return true;
      case 0x43: // module size in dots
        if (arg === undefined) return false;
        this.qr.cellSize = arg;
        return true;
      case 0x45: {
        const correction = arg === undefined ? undefined : CORRECTIONS[arg];
        if (correction === undefined) return false;
        this.qr.correction = correction;
        return true;
      }
      case 0x50: // store: 31 50 30 d1…dk
        this.qr.data = Buffer.from(body.subarray(3)).toString('utf8');
        return true;
      case 0x51:
        if (this.qr.data === null) return false;
        this.flushLine();
        this.job.items.push({
          kind: 'qr',
          data: this.qr.data,
          cellSize: this.qr.cellSize,
          correction: this.qr.correction,
          model: this.qr.model,
        });
        return true;
      default:
        return false;
    }
  }

  private gsBarcode(): void {
    const m = this.at(2);
    if (m === undefined) return this.unknown(2);
    // Function A (m 0–6): data ends with NUL. Function B (m 65–79): length byte n, then n bytes.
    if (m <= 6) return this.skipUntilNul(3);
    if (m >= 65 && m <= 79) {
      return this.withParams(4, (p) => {
        this.pos += p[3] as number;
      });
    }
    this.unknown(3);
  }

  private dle(): void {
    const cmd = this.at(1);
    if (cmd === undefined) return this.unknown(1);
    switch (cmd) {
      case 0x04: // DLE EOT n (n = 7 and 8 carry an extra byte)
        return this.withParams(3, (p) => {
          const n = p[2] as number;
          this.job.statusRequests.push(n);
          if (n === 7 || n === 8) this.pos++;
        });
      case 0x05: // DLE ENQ n
        return this.withParams(3, () => undefined);
      case 0x14: // DLE DC4 1 m t: real-time drawer pulse, t × 100 ms on and off
        return this.withParams(5, (p) => {
          const m = p[3] as number;
          const t = p[4] as number;
          if (p[2] !== 1 || m > 1 || t < 1 || t > 8) return void this.job.unknown.push(hex(p));
          this.job.items.push({ kind: 'drawer', pin: m === 0 ? 2 : 5, onMs: t * 100, offMs: t * 100 });
        });
    }
    this.unknown(2);
  }

  private fs(): void {
    const cmd = this.at(1);
    if (cmd === undefined) return this.unknown(1);
    // FS & / FS .: Kanji mode on/off, harmless on a single-byte code page.
    if (cmd === 0x26 || cmd === 0x2e) {
      this.pos += 2;
      return;
    }
    this.unknown(2);
  }

  private cut(partial: boolean): void {
    this.flushLine();
    this.job.items.push({ kind: 'cut', partial });
  }

  private flushLine(): void {
    if (!this.line.isEmpty) this.job.items.push(this.line.take(this.style));
  }

  private at(offset: number): number | undefined {
    return this.bytes[this.pos + offset];
  }

  /** Runs `apply` on the command's `length` bytes, or reports a command cut short by the stream's end. */
  private withParams(length: number, apply: (command: Uint8Array) => void): void {
    if (this.pos + length > this.bytes.length) return this.unknown(this.bytes.length - this.pos);
    const command = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    apply(command);
  }

  private skipUntilNul(from: number): void {
    const nul = this.bytes.indexOf(0x00, this.pos + from);
    if (nul === -1) return this.unknown(this.bytes.length - this.pos);
    this.pos = nul + 1;
  }

  private unknown(length: number): void {
    this.job.unknown.push(hex(this.bytes.subarray(this.pos, this.pos + length)));
    this.pos += length;
  }
}

export function decodeEscPos(bytes: Uint8Array): DecodedJob {
  return new Decoder(bytes).run();
}

/** The printed text lines joined with '\n', trailing spaces trimmed per line. */
export function decodedText(job: DecodedJob): string {
  return job.items
    .filter((item): item is DecodedText => item.kind === 'text')
    .map((item) => item.text.replace(/ +$/, ''))
    .join('\n');
}

export function qrCodes(job: DecodedJob): DecodedQr[] {
  return job.items.filter((item): item is DecodedQr => item.kind === 'qr');
}

export function cuts(job: DecodedJob): DecodedCut[] {
  return job.items.filter((item): item is DecodedCut => item.kind === 'cut');
}

export function drawerPulses(job: DecodedJob): DecodedDrawerPulse[] {
  return job.items.filter((item): item is DecodedDrawerPulse => item.kind === 'drawer');
}

/** A request the printer answers in real time, as soon as its last byte arrives. */
export type StatusRequest = { kind: 'dle-eot'; n: 1 | 2 | 3 | 4 } | { kind: 'gs-r'; n: 1 };

/** Byte length of every StatusRequest. */
export const STATUS_REQUEST_LENGTH = 3;

type ScanState = 'idle' | 'dle' | 'dle-eot' | 'gs' | 'gs-r';

/**
 * Finds DLE EOT n (n 1–4) and GS r 1 in a stream fed chunk by chunk, so a request split across
 * TCP chunks is still seen. Like a real printer it scans raw bytes, so the same three bytes
 * inside image data would also count.
 */
export class StatusRequestScanner {
  private state: ScanState = 'idle';

  push(chunk: Uint8Array): StatusRequest[] {
    const found: StatusRequest[] = [];
    for (const byte of chunk) {
      const request = this.next(byte);
      if (request) found.push(request);
    }
    return found;
  }

  private next(byte: number): StatusRequest | undefined {
    const state = this.state;
    this.state = 'idle';
    if (state === 'dle' && byte === 0x04) {
      this.state = 'dle-eot';
      return undefined;
    }
    if (state === 'gs' && byte === 0x72) {
      this.state = 'gs-r';
      return undefined;
    }
    if (state === 'dle-eot' && byte >= 1 && byte <= 4) return { kind: 'dle-eot', n: byte as 1 | 2 | 3 | 4 };
    // GS r 49 is the ASCII spelling of GS r 1.
    if (state === 'gs-r' && (byte === 1 || byte === 49)) return { kind: 'gs-r', n: 1 };
    if (byte === DLE) this.state = 'dle';
    else if (byte === GS) this.state = 'gs';
    return undefined;
  }
}

/** Every status request in a complete byte stream. */
export function findStatusRequests(bytes: Uint8Array): StatusRequest[] {
  return new StatusRequestScanner().push(bytes);
}
