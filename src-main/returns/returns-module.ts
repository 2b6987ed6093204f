import type { Core } from '../core/core';
import { DebitNoteService } from './debit-note-service';
import { ReturnService } from './return-service';
import { SaleHistory } from './sale-history';
import { VoidService } from './void-service';

/** Sale history, returns, voids and debit notes of one open core. */
export interface ReturnsModule {
  history: SaleHistory;
  returns: ReturnService;
  voids: VoidService;
  debitNotes: DebitNoteService;
}

const modules = new WeakMap<Core, ReturnsModule>();

/** Built on first use from the core's own services (the core itself does not need them). */
export function returnsModule(core: Core): ReturnsModule {
  let module = modules.get(core);
  if (!module) {
    const { ctx, fiscal } = core;
    const writer = { ctx, notes: core.notes, issuer: fiscal.noteDocuments };
    module = {
      history: new SaleHistory({ ctx, sales: core.sales, queue: fiscal.queue, monitor: fiscal.monitor }),
      returns: new ReturnService(writer),
      voids: new VoidService({ ctx, queue: fiscal.queue, facturaVoids: fiscal.facturaVoids }),
      debitNotes: new DebitNoteService(writer),
    };
    modules.set(core, module);
  }
  return module;
}
