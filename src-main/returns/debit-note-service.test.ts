import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { xmlsecVerify } from '../testing/fiscal-fixtures';
import type { Actor } from '../users/authenticator';
import type { DebitNoteRequest } from './debit-note-service';
import { returnsModule } from './returns-module';
import { embeddedCertificatePem, footprint, refusal, sell, useReturnsCore } from './returns-test-kit';

let core: Core;
let cajero: Actor;
let supervisor: Actor;
useReturnsCore((opened) => ({ core, cajero, supervisor } = opened));

const INCA_KOLA = 'BEB-0026'; // gravado
const CHOCLO = 'FRU-0004'; // exonerado

function debit(request: DebitNoteRequest, approver: Actor | null = supervisor) {
  return returnsModule(core).debitNotes.createDebitNote(cajero, approver, request);
}

describe('a nota de débito', () => {
  it('raises a factura by the increases, taxed with the sale’s rates, and goes to SUNAT on its own', async () => {
    const sale = await sell(core, cajero, {
      docType: '01',
      items: [
        { sku: INCA_KOLA, quantityMilli: 2000 },
        { sku: CHOCLO, quantityMilli: 3000 },
      ],
    });
    const movements = footprint(core).stock_movements;
    const note = debit({
      saleId: sale.id,
      reasonText: 'Precio mal registrado en caja',
      lines: [
        { lineNo: 1, increaseCents: 118 },
        { lineNo: 2, increaseCents: 250 },
      ],
    });
    expect(note).toMatchObject({
      noteType: '08',
      reasonCode: '02',
      serie: 'FD01',
      correlativo: 1,
      reference: { docType: '01', serie: 'F001', correlativo: sale.correlativo },
      totals: { gravadasCents: 100, exoneradasCents: 250, igvCents: 18, icbperCents: 0, totalCents: 368 },
    });
    expect(note.lines.map((l) => [l.quantityMilli, l.unitPriceCents, l.amountCents, l.igvCents])).toEqual([
      [1000, 118, 118, 18],
      [1000, 250, 250, 0],
    ]);
    expect(footprint(core).stock_movements).toBe(movements);

    const doc = core.fiscal.queue.byNote(note.id);
    expect(doc).toMatchObject({ doc_type: '08', delivery: 'bill', status: 'pending', total_cents: 368 });
    expect(JSON.parse(doc?.observations ?? '[]')).toEqual([]);
    const xml = doc?.signed_xml ?? '';
    expect(xml).toContain('<DebitNote');
    const verified = xmlsecVerify(xml, embeddedCertificatePem(xml));
    expect(verified.status, verified.output).toBe(0);

    const [row] = core.ctx.sql.raw<{
      refund_method: string | null;
      refund_cents: number;
      approver_id: string;
    }>('SELECT refund_method, refund_cents, approver_id FROM notes WHERE id = ?', [note.id]);
    expect(row).toEqual({ refund_method: null, refund_cents: 0, approver_id: supervisor.userId });
    const [audit] = core.ctx.sql.raw<{ user_id: string; approver_id: string }>(
      "SELECT user_id, approver_id FROM audit_log WHERE action = 'note.debit.issued' AND entity_id = ?",
      [note.id],
    );
    expect(audit).toEqual({ user_id: cajero.userId, approver_id: supervisor.userId });
    expect(
      core.ctx.sql.raw("SELECT 1 FROM outbox WHERE topic = 'note.issued.v2' AND entity_id = ?", [note.id]),
    ).toHaveLength(1);
  });

  it('on a boleta takes a BD series and waits for the Resumen Diario', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: INCA_KOLA }] });
    const note = debit({
      saleId: sale.id,
      reasonCode: '03',
      reasonText: 'Recargo por envase no devuelto',
      lines: [{ lineNo: 1, increaseCents: 50 }],
    });
    expect(note).toMatchObject({ serie: 'BD01', reasonCode: '03', totals: { totalCents: 50, igvCents: 8 } });
    expect(core.fiscal.queue.byNote(note.id)).toMatchObject({ delivery: 'summary' });
  });

  it('refuses unknown lines and needs a supervisor, leaving nothing behind', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: INCA_KOLA }] });
    const before = footprint(core);
    expect(
      refusal(() =>
        debit({ saleId: sale.id, reasonText: 'Aumento', lines: [{ lineNo: 2, increaseCents: 100 }] }),
      ),
    ).toEqual({
      code: 'DEBIT_NOTE_INVALID',
      message: 'Nota de débito no válida: la venta no tiene la línea 2.',
    });
    expect(
      refusal(() =>
        debit({ saleId: sale.id, reasonText: 'Aumento', lines: [{ lineNo: 1, increaseCents: 100 }] }, null),
      ).code,
    ).toBe('APPROVAL_REQUIRED');
    expect(footprint(core)).toEqual(before);
  });
});
