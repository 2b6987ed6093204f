import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import type { NoteView } from '../fiscal/documents/note-view';
import { AppError } from '../shared/errors';
import { xmlsecVerify } from '../testing/fiscal-fixtures';
import type { Actor } from '../users/authenticator';
import { loadReturnableLines } from './returnable';
import { ReturnService, type ReturnRequest } from './return-service';
import { returnsModule } from './returns-module';
import {
  embeddedCertificatePem,
  footprint,
  refusal,
  sell,
  stockOf,
  useReturnsCore,
} from './returns-test-kit';

// One core for the file: opening one (demo seed, certificate, SUNAT rules) costs seconds.
let core: Core;
let cajero: Actor;
let supervisor: Actor;
useReturnsCore((opened) => ({ core, cajero, supervisor } = opened));

const AZUCAR = 'ABA-0018'; // S/ 3.70 gravado
const INCA_KOLA = 'BEB-0026'; // S/ 6.50 gravado
const BOLSA = 'BAZ-0001'; // S/ 0.10 + ICBPER
const CHOCLO = 'FRU-0004'; // S/ 1.50 exonerado
const BISTEC = 'CAR-0001'; // S/ 34.90 per kg

function createReturn(request: ReturnRequest, approver: Actor | null = supervisor): NoteView {
  return returnsModule(core).returns.createReturn(cajero, approver, request);
}

function noteRow(noteId: string) {
  return core.ctx.sql.raw<{
    reason_code: string;
    refund_method: string | null;
    refund_cents: number;
    total_cents: number;
    restock: number;
    user_id: string;
    approver_id: string | null;
  }>('SELECT * FROM notes WHERE id = ?', [noteId])[0];
}

function expectSignedAndValid(noteId: string, delivery: 'summary' | 'bill') {
  const doc = core.fiscal.queue.byNote(noteId);
  expect(doc).toMatchObject({ doc_type: '07', delivery, status: 'pending' });
  const xml = doc?.signed_xml ?? '';
  // SUNAT's own rules found nothing to observe in the note.
  expect(JSON.parse(doc?.observations ?? '[]')).toEqual([]);
  const verified = xmlsecVerify(xml, embeddedCertificatePem(xml));
  expect(verified.status, verified.output).toBe(0);
  return xml;
}

describe('a return with a nota de crédito', () => {
  it('returns part of a boleta, then the rest: the notes add up to the sale to the céntimo', async () => {
    const sale = await sell(core, cajero, {
      items: [
        { sku: AZUCAR, quantityMilli: 3000, discount: { kind: 'percent', value: 500 } },
        { sku: INCA_KOLA, quantityMilli: 2000 },
        { sku: BOLSA, quantityMilli: 2000 },
        { sku: CHOCLO, quantityMilli: 4000 },
        { sku: BISTEC, quantityMilli: 750 },
      ],
      saleDiscount: { kind: 'percent', value: 300 },
    });
    const azucarBefore = stockOf(core, AZUCAR);
    const bistecBefore = stockOf(core, BISTEC);

    const first = createReturn({
      saleId: sale.id,
      lines: [
        { lineNo: 1, quantityMilli: 1000 },
        { lineNo: 3, quantityMilli: 1000 },
        { lineNo: 5, quantityMilli: 250 },
      ],
      reasonText: 'Producto en mal estado',
      refundMethod: 'cash',
      restock: true,
    });
    expect(first).toMatchObject({
      noteType: '07',
      reasonCode: '07',
      serie: 'BC01',
      reference: { docType: '03', serie: sale.serie, correlativo: sale.correlativo },
    });
    expect(first.lines.map((l) => l.quantityMilli)).toEqual([1000, 1000, 250]);
    // The bag comes back with its ICBPER, at the sale's rate.
    expect(first.lines[1]).toMatchObject({ icbperCents: 50 });
    expect(first.totals.totalCents).toBeLessThan(sale.totals.totalCents);
    expect(noteRow(first.id)).toMatchObject({
      reason_code: '07',
      refund_method: 'cash',
      refund_cents: first.totals.totalCents,
      restock: 1,
      user_id: cajero.userId,
      approver_id: supervisor.userId,
    });
    expect(stockOf(core, AZUCAR)).toBe(azucarBefore + 1000);
    expect(stockOf(core, BISTEC)).toBe(bistecBefore + 250);
    const xml = expectSignedAndValid(first.id, 'summary');
    expect(xml).toContain(`<cbc:ReferenceID>${sale.serie}-${sale.correlativo}</cbc:ReferenceID>`);

    const left = loadReturnableLines(core.ctx, sale.id).map((l) => ({
      lineNo: l.lineNo,
      quantityMilli: l.returnableMilli,
    }));
    expect(left).toEqual([
      { lineNo: 1, quantityMilli: 2000 },
      { lineNo: 2, quantityMilli: 2000 },
      { lineNo: 3, quantityMilli: 1000 },
      { lineNo: 4, quantityMilli: 4000 },
      { lineNo: 5, quantityMilli: 500 },
    ]);
    const rest = createReturn({
      saleId: sale.id,
      lines: left,
      reasonText: 'El cliente devuelve todo lo demás',
      refundMethod: 'cash',
      restock: true,
    });
    expect(rest.reasonCode).toBe('06');
    expect(rest.correlativo).toBe(first.correlativo + 1);
    expectSignedAndValid(rest.id, 'summary');

    const keys = [
      'gravadasCents',
      'exoneradasCents',
      'inafectasCents',
      'igvCents',
      'icbperCents',
      'totalCents',
    ] as const;
    for (const key of keys) {
      expect(first.totals[key] + rest.totals[key], key).toBe(sale.totals[key]);
    }
    // Line by line too: each sale line is credited exactly once in full.
    for (const line of sale.lines) {
      const credited = [first, rest].flatMap((n) => n.lines.filter((l) => l.sku === line.sku));
      expect(
        credited.reduce((s, l) => s + l.amountCents, 0),
        line.sku,
      ).toBe(line.amountCents);
      expect(
        credited.reduce((s, l) => s + l.igvCents, 0),
        line.sku,
      ).toBe(line.igvCents);
      expect(
        credited.reduce((s, l) => s + l.icbperCents, 0),
        line.sku,
      ).toBe(line.icbperCents);
    }

    const before = footprint(core);
    expect(
      refusal(() =>
        createReturn({
          saleId: sale.id,
          lines: [{ lineNo: 2, quantityMilli: 1000 }],
          reasonText: 'Otra vez',
          refundMethod: 'cash',
          restock: true,
        }),
      ),
    ).toEqual({
      code: 'RETURN_INVALID',
      message: 'Devolución no válida: Inca Kola 1.5 L ya fue devuelto por completo.',
    });
    expect(footprint(core)).toEqual(before);
  });

  it('refuses returning more than was sold, and leaves nothing behind', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: INCA_KOLA, quantityMilli: 2000 }] });
    const before = footprint(core);
    const over = refusal(() =>
      createReturn({
        saleId: sale.id,
        lines: [{ lineNo: 1, quantityMilli: 3000 }],
        reasonText: 'Devolución',
        refundMethod: 'cash',
        restock: true,
      }),
    );
    expect(over.code).toBe('RETURN_INVALID');
    expect(over.message).toContain('solo quedan 2 por devolver');
    expect(
      refusal(() =>
        createReturn({
          saleId: sale.id,
          lines: [{ lineNo: 1, quantityMilli: 500 }],
          reasonText: 'Media botella',
          refundMethod: 'cash',
          restock: true,
        }),
      ).message,
    ).toContain('se devuelve por unidades enteras');
    expect(
      refusal(() =>
        createReturn({
          saleId: sale.id,
          lines: [{ lineNo: 1, quantityMilli: 1000 }],
          reasonCode: '06',
          reasonText: 'Devolución total',
          refundMethod: 'cash',
          restock: true,
        }),
      ).message,
    ).toContain('motivo 06');
    expect(
      refusal(() =>
        createReturn({
          saleId: sale.id,
          lines: [{ lineNo: 1, quantityMilli: 1000 }],
          reasonText: 'Devolución',
          refundMethod: 'card',
          restock: true,
        }),
      ).message,
    ).toContain('no se pagó con tarjeta');
    expect(footprint(core)).toEqual(before);
  });

  it('keeps the stock as it is when the goods are not fit to sell', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR, quantityMilli: 2000 }] });
    const stock = stockOf(core, AZUCAR);
    const note = createReturn({
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 2000 }],
      reasonCode: '01',
      reasonText: 'Bolsa rota',
      refundMethod: 'cash',
      restock: false,
    });
    expect(note.reasonCode).toBe('01');
    expect(noteRow(note.id)).toMatchObject({ restock: 0, refund_cents: note.totals.totalCents });
    expect(stockOf(core, AZUCAR)).toBe(stock);
  });

  it('sends a factura’s credit note on its own, refunded to the card it was paid with', async () => {
    const sale = await sell(core, cajero, {
      docType: '01',
      payWith: 'card',
      items: [
        { sku: INCA_KOLA, quantityMilli: 3000 },
        { sku: CHOCLO, quantityMilli: 2000 },
      ],
    });
    const note = createReturn({
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1000 }],
      reasonText: 'Botella abollada',
      refundMethod: 'card',
      restock: true,
    });
    expect(note).toMatchObject({
      serie: 'FC01',
      correlativo: 1,
      reasonCode: '07',
      customer: { docType: '6', docNumber: '20100070970' },
      reference: { docType: '01', serie: 'F001', correlativo: sale.correlativo },
      totals: { totalCents: 650, igvCents: 99, gravadasCents: 551 },
    });
    expectSignedAndValid(note.id, 'bill');
    expect(noteRow(note.id)).toMatchObject({ refund_method: 'card', refund_cents: 650 });
  });

  it('writes the audit entry with who asked and who approved, and the outbox row for headquarters', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR }] });
    const note = createReturn({
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1000 }],
      reasonText: 'Vencido',
      refundMethod: 'cash',
      restock: false,
    });
    const [audit] = core.ctx.sql.raw<{ user_id: string; approver_id: string; data: string }>(
      "SELECT user_id, approver_id, data FROM audit_log WHERE action = 'note.credit.issued' AND entity_id = ?",
      [note.id],
    );
    expect(audit).toMatchObject({ user_id: cajero.userId, approver_id: supervisor.userId });
    expect(JSON.parse(audit?.data ?? '{}')).toMatchObject({
      sale: sale.number,
      reasonCode: '06',
      totalCents: 370,
    });
    const [outbox] = core.ctx.sql.raw<{ payload: string }>(
      "SELECT payload FROM outbox WHERE topic = 'note.issued.v2' AND entity_id = ?",
      [note.id],
    );
    expect(JSON.parse(outbox?.payload ?? '{}')).toMatchObject({
      id: note.id,
      saleId: sale.id,
      serie: note.serie,
      correlativo: note.correlativo,
      userId: cajero.userId,
      approverId: supervisor.userId,
      refundMethod: 'cash',
      refundCents: 370,
      restock: false,
    });
  });

  it('needs a supervisor: a cashier alone is refused', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR }] });
    const request: ReturnRequest = {
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1000 }],
      reasonText: 'Devolución',
      refundMethod: 'cash',
      restock: true,
    };
    expect(refusal(() => createReturn(request, null)).code).toBe('APPROVAL_REQUIRED');
    // A supervisor at the till approves their own return.
    const own = returnsModule(core).returns.createReturn(supervisor, null, request);
    expect(noteRow(own.id)).toMatchObject({ user_id: supervisor.userId, approver_id: supervisor.userId });
  });

  it('rolls everything back when SUNAT would reject the note', async () => {
    const sale = await sell(core, cajero, { items: [{ sku: AZUCAR, quantityMilli: 2000 }] });
    const before = footprint(core);
    const stock = stockOf(core, AZUCAR);
    const refusing = new ReturnService({
      ctx: core.ctx,
      notes: core.notes,
      issuer: {
        issueForNote: () => {
          throw new AppError('FISCAL_REJECTED', { findings: [{ code: '2116', message: 'Prueba' }] });
        },
      },
    });
    const failure = refusal(() =>
      refusing.createReturn(cajero, supervisor, {
        saleId: sale.id,
        lines: [{ lineNo: 1, quantityMilli: 1000 }],
        reasonText: 'Devolución',
        refundMethod: 'cash',
        restock: true,
      }),
    );
    expect(failure.code).toBe('FISCAL_REJECTED');
    expect(footprint(core)).toEqual(before);
    expect(stockOf(core, AZUCAR)).toBe(stock);
  });
});
