import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCapturePrinter, type CapturedJob } from './capture-printer';
import { decodeEscPos, decodedText, findStatusRequests } from './escpos-decoder';
import { receiptHtml } from './receipt-html';

/**
 * Runs a capture printer for demos and manual tests:
 *   npx tsx src-main/testing/capture-printer/cli.ts --port 9100 [--out dir] [--paper 80|58]
 * Prints the decoded text of each job as it ends; with --out also writes <n>.bin and <n>.html.
 * Ctrl+C stops it.
 */

const USAGE =
  'Uso: tsx src-main/testing/capture-printer/cli.ts [--port 9100] [--out carpeta] [--paper 80|58]';

function describe(job: CapturedJob, n: number): string {
  const requests = findStatusRequests(job.bytes);
  const header = `--- trabajo ${n}: ${job.bytes.length} bytes, ${requests.length} consultas de estado, cerrado por ${job.endedBy} ---`;
  const decoded = decodeEscPos(job.bytes);
  const unknown = decoded.unknown.length > 0 ? `\n(no reconocido: ${decoded.unknown.join(', ')})` : '';
  return `${header}\n${decodedText(decoded)}${unknown}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9100' },
      out: { type: 'string' },
      paper: { type: 'string', default: '80' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65_535 ||
    (values.paper !== '80' && values.paper !== '58')
  ) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const paper =
    values.paper === '80'
      ? ({ paperWidthMm: 80, columns: 48 } as const)
      : ({ paperWidthMm: 58, columns: 32 } as const);
  const out = values.out;
  if (out) mkdirSync(out, { recursive: true });

  const printer = await startCapturePrinter({ port });
  let count = 0;
  printer.onJobEnded((job) => {
    count += 1;
    console.log(describe(job, count));
    if (!out) return;
    writeFileSync(join(out, `${count}.bin`), job.bytes);
    writeFileSync(
      join(out, `${count}.html`),
      receiptHtml(decodeEscPos(job.bytes), { ...paper, title: `Trabajo ${count}` }),
    );
  });
  console.log(`Impresora de captura escuchando en ${printer.url}${out ? `, guardando en ${out}` : ''}`);

  const stop = (): void => {
    void printer.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
