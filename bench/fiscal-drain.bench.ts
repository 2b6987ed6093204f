import { createCore } from '../src-main/core/core';
import { loginAs } from '../src-main/testing/temp-core';
import { startSunatEmulator } from '../src-main/testing/sunat-emulator/server';
import { elapsedMs, round } from './stats';
import type { Benchmark } from './types';

const FACTURAS = 120;
const INCA_KOLA_15 = '7752242641970';

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
    try {
      core.ctx.settings.set(
        'fiscal.endpoint',
        { kind: 'ose', billServiceUrl: emulator.url, consultServiceUrl: emulator.consultUrl },
        null,
      );
      const { actor } = await loginAs(core, 'cajero');
      const { customer } = core.ctx.customers.save({
        docType: '6',
        docNumber: '20100070970',
        name: 'SUPERMERCADOS PERUANOS SOCIEDAD ANONIMA',
        address: 'Calle Morelli 181, San Borja',
      });
      for (let i = 0; i < FACTURAS; i++) {
        core.carts.scan(actor, INCA_KOLA_15);
        core.carts.setDocType(actor, '01');
        core.carts.setCustomer(actor, customer.id);
        core.checkout.complete(actor, {
          expectedTotalCents: 650,
          payments: [{ method: 'card', amountCents: 650 }],
        });
      }
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
