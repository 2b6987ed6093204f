import { openEmptyDrawer } from '../src-main/cash/open-empty-drawer';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src-main/core/core';
import { startCapturePrinter, type CapturedJob } from '../src-main/testing/capture-printer';
import { useCapturePrinter } from '../src-main/testing/printer-fixtures';
import { sellBoleta } from '../src-main/testing/sales';
import { loginAs } from '../src-main/testing/temp-core';
import { percentile, round, spread } from './stats';
import type { Benchmark } from './types';

const WARM_UP = 10;
const SALES = 200;

/**
 * From the moment a sale has committed to the last byte of its receipt at a printer on
 * loopback: queueing, laying out the receipt (with its signed hash and QR), ESC/POS
 * encoding, connecting, the status question before and after (the printer's answer to the
 * last one proves every byte arrived), all through real sockets to the capture printer.
 */
export const printerBenchmark: Benchmark = {
  name: 'receipt printing',
  async run(ctx) {
    const printer = await startCapturePrinter();
    const core = await createCore({ dataDir: ctx.tempDir('printer'), demo: true });
    await core.fiscal.ready();
    openEmptyDrawer(core);
    try {
      useCapturePrinter(core, printer, { timeoutMs: 3_000 });
      const { actor } = await loginAs(core, 'cajero');
      const samples: number[] = [];
      for (let i = 0; i < WARM_UP + SALES; i++) {
        const sale = sellBoleta(core, actor);
        const ended = new Promise<CapturedJob>((resolve) => {
          const stop = printer.onJobEnded((job) => {
            if (job.bytes.length > 64) {
              stop();
              resolve(job);
            }
          });
        });
        const committedAt = performance.now();
        core.devices.printing.afterSale(sale, actor.userId);
        const job = await ended;
        await core.devices.spooler.idle();
        if (i >= WARM_UP) samples.push((job.lastByteAt ?? Number.NaN) - committedAt);
      }
      const failed = core.devices.queue.count('failed');
      if (failed > 0) throw new Error(`${failed} receipts failed to print`);
      console.error(`    ${SALES} receipts: ${spread(samples, 'ms')}`);
      return [
        {
          id: 'printer.sale_to_last_byte.p99_ms',
          value: round(percentile(samples, 99), 1),
          unit: 'ms',
          target: 150,
          better: 'lower',
        },
      ];
    } finally {
      core.close();
      await printer.close();
    }
  },
};
