import type { SaleView } from '../../sales/sale-view';
import type { NoteView } from './note-view';
import type { SummaryCondition, SummaryLine } from './summary-view';

/** How a recorded boleta, or a note on one, enters a resumen diario. */

export function summaryLineForBoleta(sale: SaleView, condition: SummaryCondition): SummaryLine {
  if (sale.docType !== '03') throw new RangeError(`only boletas go in a resumen diario: ${sale.number}`);
  return {
    docType: '03',
    serie: sale.serie,
    correlativo: sale.correlativo,
    condition,
    customer: identifiedCustomer(sale.customer),
    totals: sale.totals,
  };
}

export function summaryLineForNote(note: NoteView, condition: SummaryCondition): SummaryLine {
  if (note.reference.docType !== '03') {
    throw new RangeError(`only notes on boletas go in a resumen diario: ${note.serie}-${note.correlativo}`);
  }
  return {
    docType: note.noteType,
    serie: note.serie,
    correlativo: note.correlativo,
    condition,
    customer: identifiedCustomer(note.customer),
    totals: note.totals,
    reference: { docType: '03', serie: note.reference.serie, correlativo: note.reference.correlativo },
  };
}

/** The anonymous `0 / -` placeholder of small boletas is left out of the summary line. */
function identifiedCustomer(customer: SaleView['customer']): SummaryLine['customer'] {
  if (!customer || customer.docNumber.trim() === '-') return null;
  return { docType: customer.docType, docNumber: customer.docNumber };
}
