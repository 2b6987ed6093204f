import { openEmptyDrawer } from '../src-main/cash/open-empty-drawer';
import { createCore } from '../src-main/core/core';
import { loginAs } from '../src-main/testing/temp-core';
import { sellFactura } from '../src-main/testing/sales';
import { startSunatEmulator } from '../src-main/testing/sunat-emulator/server';
import { elapsedMs, round } from './stats';
import type { Benchmark } from './types';

const FACTURAS = 120;

/**
 * A terminal that was offline with a backlog of facturas (each goes alone by sendBill) meets the
 * SUNAT emulator on loopback: documents accepted per second, end to end (zip, SOAP, the
 * emulator's file-name and signature checks, CDR parsed and stored verbatim, two audited state
 * changes per document with fsync). The emulator's own XSD check is off: it spawns xmllint
 * (~200 ms per document) and would measure xmllint, not the queue; the terminal already
 * validated every document against the XSD before queuing it.
 */
export const fiscalDrainBenchmark: Benchmark = {
  name: 'fiscal queue drain',
  async run(ctx) {
    const emulator = await startSunatEmulator({ validateSchema: false });
    const core = await createCore({ dataDir: ctx.tempDir('drain'), demo: true });
    await core.fiscal.ready();
    openEmptyDrawer(core);
    try {
      core.ctx.settings.set(
        'fiscal.endpoint',
        { kind: 'ose', billServiceUrl: emulator.url, consultServiceUrl: emulator.consultUrl },
        null,
      );
      const { actor } = await loginAs(core, 'cajero');
      for (let i = 0; i < FACTURAS; i++) sellFactura(core, actor);
      const start = process.hrtime.bigint();
      await core.fiscal.sender.runOnce();
      const seconds = elapsedMs(start) / 1000;
      const accepted = core.fiscal.queue.countsByStatus().accepted;
      if (accepted !== FACTURAS) throw new Error(`only ${accepted} of ${FACTURAS} facturas were accepted`);
      console.error(`    ${FACTURAS} facturas in ${round(seconds, 2)} s`);
      return [
        {
          id: 'fiscal.queue.drain_per_s',
          value: round(FACTURAS / seconds, 1),
          unit: 'docs/s',
          target: 10,
          better: 'higher',
        },
      ];
    } finally {
      core.close();
      await emulator.close();
    }
  },
};
