import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { xmlsecVerify } from '../testing/fiscal-fixtures';
import type { Actor } from '../users/authenticator';
import { returnsModule } from './returns-module';
import {
  embeddedCertificatePem,
  footprint,
  refusal,
  sell,
  stockOf,
  useReturnsCore,
  type ReturnsTestCore,
} from './returns-test-kit';

let core: Core;
let clock: ReturnsTestCore['clock'];
let cajero: Actor;
let supervisor: Actor;
useReturnsCore((opened) => ({ core, clock, cajero, supervisor } = opened));

const SALE_DAY = '2026-11-23T15:00:00.000Z'; // 10:00 in Lima

const INCA_KOLA = 'BEB-0026';
const AZUCAR = 'ABA-0018';

function voidSale(saleId: string, reason = 'Cliente desistió de la compra') {
  return returnsModule(core).voids.voidSale(cajero, supervisor, { saleId, reason });
}

describe('voiding a sale the same day', () => {
  it('voids a boleta: stock back, and the boleta waits for the Resumen Diario with condition 3', async () => {
    clock.set(SALE_DAY);
    const sale = await sell(core, cajero, { items: [{ sku: INCA_KOLA, quantityMilli: 2000 }] });
    const stock = stockOf(core, INCA_KOLA);
    clock.set('2026-11-24T04:30:00.000Z'); // 23:30 the same day in Lima
    const outcome = voidSale(sale.id);
    expect(outcome).toMatchObject({
      saleId: sale.id,
      number: sale.number,
      channel: 'summary',
      communicationId: null,
    });
    expect(stockOf(core, INCA_KOLA)).toBe(stock + 2000);
    const toReport = core.fiscal.queue.boletaVoidsToReport();
    expect(toReport.map((d) => d.sale_id)).toContain(sale.id);

    const [row] = core.ctx.sql.raw<{ user_id: string; approver_id: string; reason: string }>(
      'SELECT user_id, approver_id, reason FROM sale_voids WHERE sale_id = ?',
      [sale.id],
    );
    expect(row).toEqual({
      user_id: cajero.userId,
      approver_id: supervisor.userId,
      reason: 'Cliente desistió de la compra',
    });
    const [audit] = core.ctx.sql.raw<{ user_id: string; approver_id: string }>(
      "SELECT user_id, approver_id FROM audit_log WHERE action = 'sale.voided' AND entity_id = ?",
      [sale.id],
    );
    expect(audit).toEqual({ user_id: cajero.userId, approver_id: supervisor.userId });
    expect(
      core.ctx.sql.raw("SELECT 1 FROM outbox WHERE topic = 'sale.voided.v2' AND entity_id = ?", [sale.id]),
    ).toHaveLength(1);

    // Voided is final: no second void, no return, no debit note.
    expect(refusal(() => voidSale(sale.id)).message).toBe('No se puede anular: la venta ya fue anulada.');
    expect(
      refusal(() =>
        returnsModule(core).returns.createReturn(cajero, supervisor, {
          saleId: sale.id,
          lines: [{ lineNo: 1, quantityMilli: 1000 }],
          reasonText: 'Devolución',
          refundMethod: 'cash',
          restock: true,
        }),
      ).code,
    ).toBe('RETURN_INVALID');
  });

  it('voids a factura with a Comunicación de Baja that carries the factura, signed and valid', async () => {
    clock.set(SALE_DAY);
    const sale = await sell(core, cajero, { docType: '01', items: [{ sku: AZUCAR, quantityMilli: 3000 }] });
    const outcome = voidSale(sale.id, 'Error en el RUC del cliente');
    expect(outcome.channel).toBe('communication');
    const ra = core.fiscal.queue.byId(outcome.communicationId ?? '');
    expect(ra).toMatchObject({ doc_type: 'RA', serie: 'RA-20261123', status: 'pending', delivery: 'bill' });
    const items = core.fiscal.queue.summaryItems(ra.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      condition: 3,
      document: { sale_id: sale.id, doc_type: '01', void_summary_id: ra.id },
    });
    const xml = ra.signed_xml ?? '';
    expect(xml).toContain('<sac:DocumentNumberID>');
    expect(xml).toContain('Error en el RUC del cliente');
    const verified = xmlsecVerify(xml, embeddedCertificatePem(xml));
    expect(verified.status, verified.output).toBe(0);
  });

  it('refuses a void the next day, pointing to a nota de crédito, and changes nothing', async () => {
    clock.set(SALE_DAY);
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR }] });
    clock.set('2026-11-24T05:00:00.000Z'); // 00:00 of the next day in Lima
    const before = footprint(core);
    expect(refusal(() => voidSale(sale.id))).toEqual({
      code: 'VOID_NOT_ALLOWED',
      message:
        'No se puede anular: solo se anulan ventas del mismo día (esta es del 23/11/2026); registre una devolución con nota de crédito.',
    });
    expect(footprint(core)).toEqual(before);
    expect(returnsModule(core).history.detail(sale.id).voidBlocker).toContain(
      'solo se anulan ventas del mismo día',
    );
  });

  it('refuses to void a sale that already has a note', async () => {
    clock.set(SALE_DAY);
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR, quantityMilli: 2000 }] });
    returnsModule(core).returns.createReturn(cajero, supervisor, {
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1000 }],
      reasonText: 'Devolución',
      refundMethod: 'cash',
      restock: true,
    });
    expect(refusal(() => voidSale(sale.id)).message).toContain('ya tiene notas emitidas');
  });

  it('needs a supervisor', async () => {
    clock.set(SALE_DAY);
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR }] });
    expect(
      refusal(() =>
        returnsModule(core).voids.voidSale(cajero, null, { saleId: sale.id, reason: 'Sin motivo' }),
      ).code,
    ).toBe('APPROVAL_REQUIRED');
  });
});
