import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiInput, ApiOutput } from '../api/contract';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import type { Core } from '../core/core';
import type { ApiError } from '../shared/errors';
import { loginAs, openTempCore } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import { sell } from './returns-test-kit';

let core: Core;
let cleanup: () => void;
let dispatcher: Dispatcher;
let cajero: { token: string; actor: Actor };
let supervisor: { token: string; actor: Actor };

beforeAll(async () => {
  const temp = await openTempCore();
  ({ core, cleanup } = temp);
  dispatcher = createDispatcher(core);
  cajero = await loginAs(core, 'cajero');
  supervisor = await loginAs(core, 'supervisor');
});
afterAll(() => cleanup());

const SUPERVISOR_APPROVAL = { username: 'supervisor', pin: '5678' };

async function call<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  session: string,
): Promise<{ ok: true; value: ApiOutput<M> } | { ok: false; error: ApiError }> {
  const response = await dispatcher.dispatch({ method, input, session });
  return response.ok ? { ok: true, value: response.value as ApiOutput<M> } : response;
}

async function value<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  session: string,
): Promise<ApiOutput<M>> {
  const response = await call(method, input, session);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value;
}

describe('the returns API through the dispatcher', () => {
  it('asks a cashier for a supervisor, refuses a wrong PIN, and records who approved', async () => {
    const sale = await sell(core, cajero.actor, { items: [{ sku: 'BEB-0026', quantityMilli: 2000 }] });
    const input = {
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1000 }],
      reasonText: 'Botella abollada',
      refundMethod: 'cash' as const,
      restock: true,
    };
    const alone = await call('returns.create', input, cajero.token);
    expect(alone).toMatchObject({
      ok: false,
      error: {
        code: 'APPROVAL_REQUIRED',
        message: 'Se necesita la autorización de un supervisor: registrar devoluciones.',
      },
    });
    const wrong = await call(
      'returns.create',
      { ...input, approval: { username: 'supervisor', pin: '0000' } },
      cajero.token,
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    // A cashier cannot approve a cashier.
    const cashierPin = await call(
      'returns.create',
      { ...input, approval: { username: 'cajero', pin: '1234' } },
      cajero.token,
    );
    expect(cashierPin).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });

    const issued = await value('returns.create', { ...input, approval: SUPERVISOR_APPROVAL }, cajero.token);
    expect(issued.note).toMatchObject({
      noteType: '07',
      serie: 'BC01',
      reasonCode: '07',
      totals: { totalCents: 650 },
    });
    expect(issued.fiscal).toMatchObject({
      docType: '07',
      delivery: 'summary',
      status: 'pending',
      noteId: issued.note.id,
    });
    const [audit] = core.ctx.sql.raw<{ user_id: string; approver_id: string }>(
      "SELECT user_id, approver_id FROM audit_log WHERE action = 'note.credit.issued' AND entity_id = ?",
      [issued.note.id],
    );
    expect(audit).toEqual({ user_id: cajero.actor.userId, approver_id: supervisor.actor.userId });
  });

  it('validates inputs strictly', async () => {
    // Quantities are integer thousandths, and unknown fields are refused.
    const refused = await dispatcher.dispatch({
      method: 'returns.create',
      input: {
        saleId: 'x',
        lines: [{ lineNo: 1, quantityMilli: 1.5 }],
        reasonText: 'ok',
        refundMethod: 'cash',
        restock: true,
        extra: 1,
      },
      session: supervisor.token,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('previews a return with the same céntimos the note will carry', async () => {
    const sale = await sell(core, cajero.actor, { items: [{ sku: 'ABA-0018', quantityMilli: 3000 }] });
    const lines = [{ lineNo: 1, quantityMilli: 1000 }];
    const preview = await value(
      'returns.preview',
      { saleId: sale.id, lines, refundMethod: 'cash' },
      cajero.token,
    );
    expect(preview).toMatchObject({ reasonCode: '07', totals: { totalCents: 370 }, lines: [{ lineNo: 1 }] });
    const issued = await value(
      'returns.create',
      { saleId: sale.id, lines, refundMethod: 'cash', reasonText: 'Devolución', restock: true },
      supervisor.token,
    );
    expect(issued.note.totals).toEqual(preview.totals);
    const over = await call(
      'returns.preview',
      { saleId: sale.id, lines: [{ lineNo: 1, quantityMilli: 3000 }], refundMethod: 'cash' },
      cajero.token,
    );
    expect(over).toMatchObject({ ok: false, error: { code: 'RETURN_INVALID' } });
  });

  it('voids and issues debit notes with a supervisor’s approval; a supervisor needs none', async () => {
    const boleta = await sell(core, cajero.actor, { items: [{ sku: 'ABA-0018' }] });
    expect(
      await call('returns.void', { saleId: boleta.id, reason: 'Cliente desistió' }, cajero.token),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_REQUIRED' },
    });
    const voided = await value(
      'returns.void',
      { saleId: boleta.id, reason: 'Cliente desistió', approval: SUPERVISOR_APPROVAL },
      cajero.token,
    );
    expect(voided).toMatchObject({ saleId: boleta.id, channel: 'summary', communication: null });

    const factura = await sell(core, cajero.actor, { docType: '01', items: [{ sku: 'ABA-0018' }] });
    const debit = await value(
      'returns.debitNote',
      { saleId: factura.id, reasonText: 'Aumento de precio', lines: [{ lineNo: 1, increaseCents: 118 }] },
      supervisor.token,
    );
    expect(debit.note).toMatchObject({ noteType: '08', serie: 'FD01', totals: { totalCents: 118 } });
    expect(debit.fiscal).toMatchObject({ delivery: 'bill', status: 'pending' });
    expect(
      await call(
        'returns.debitNote',
        { saleId: factura.id, reasonText: 'Otro', lines: [{ lineNo: 1, increaseCents: 10 }] },
        cajero.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
  });

  it('lists the history with SUNAT status, voids and notes, and shows one sale in full', async () => {
    const sale = await sell(core, cajero.actor, {
      items: [
        { sku: 'ABA-0018', quantityMilli: 3000 },
        { sku: 'CAR-0001', quantityMilli: 500 },
      ],
    });
    await value(
      'returns.create',
      {
        saleId: sale.id,
        lines: [{ lineNo: 2, quantityMilli: 200 }],
        reasonText: 'Carne de más',
        refundMethod: 'cash',
        restock: false,
        approval: SUPERVISOR_APPROVAL,
      },
      cajero.token,
    );
    const page = await value('history.list', { number: sale.number }, cajero.token);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: sale.id,
      number: sale.number,
      docType: '03',
      totalCents: sale.totals.totalCents,
      cashier: 'Rosa Quispe Mamani',
      fiscal: { status: 'pending', statusLabel: 'Pendiente de envío', voidConfirmed: false },
      void: null,
      notes: [
        {
          noteType: '07',
          reasonCode: '07',
          refundMethod: 'cash',
          restock: false,
          fiscal: { status: 'pending' },
        },
      ],
    });
    expect(page.items[0]?.creditedCents).toBe(page.items[0]?.notes[0]?.totalCents);

    const detail = await value('history.detail', { saleId: sale.id }, cajero.token);
    expect(detail.lines.map((l) => [l.lineNo, l.returnedMilli, l.returnableMilli])).toEqual([
      [1, 0, 3000],
      [2, 200, 300],
    ]);
    expect(detail).toMatchObject({
      returnable: true,
      void: null,
      fiscal: { docType: '03', saleId: sale.id },
    });
    expect(detail.notes[0]?.fiscal).toMatchObject({ docType: '07', status: 'pending' });
    expect(detail.voidBlocker).toBe(
      'la venta ya tiene notas emitidas; registre una devolución con nota de crédito por lo que queda',
    );

    const voidedPage = await value(
      'history.list',
      { docType: '03', from: '2026-11-23', to: '2026-11-23', limit: 200 },
      cajero.token,
    );
    const voidedItem = voidedPage.items.find((i) => i.void !== null);
    expect(voidedItem?.void).toMatchObject({
      reason: 'Cliente desistió',
      userName: 'Rosa Quispe Mamani',
      approverName: 'Jorge Ramírez Huamán',
    });
    expect((await value('history.list', { from: '2026-11-24' }, cajero.token)).total).toBe(0);
    expect(
      (await value('history.list', { number: 'F001' }, cajero.token)).items.every((i) => i.docType === '01'),
    ).toBe(true);
    expect((await value('history.list', { number: '¿?' }, cajero.token)).total).toBe(0);
  });
});
