import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../api/dispatcher';
import type { ApiInput, ApiMethod, ApiOutput } from '../../api/contract';
import type { Core } from '../../core/core';
import type { ApiError } from '../../shared/errors';
import {
  cuts,
  decodeEscPos,
  decodedText,
  drawerPulses,
  qrCodes,
  startCapturePrinter,
  type CapturePrinter,
} from '../../testing/capture-printer';
import { useCapturePrinter } from '../../testing/printer-fixtures';
import { cashReportDocument } from './cash-report-document';
import { INCA_KOLA_15 } from '../../testing/sales';
import { loginAs, useTempCores } from '../../testing/temp-core';

const cores = useTempCores({ devices: { printRetryDelaysMs: [20] } });
let printer: CapturePrinter;
let core: Core;
let dispatcher: Dispatcher;
let session: string;
let actorId: string;

beforeEach(async () => {
  printer = await startCapturePrinter();
  ({ core } = await cores.setup());
  dispatcher = createDispatcher(core, () => undefined);
  const cajero = await loginAs(core, 'cajero');
  session = cajero.token;
  actorId = cajero.actor.userId;
  useCapturePrinter(core, printer);
});
afterEach(async () => {
  await core.devices.spooler.idle();
  await printer.close();
});

async function call<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
): Promise<{ ok: true; value: ApiOutput<M> } | { ok: false; error: ApiError }> {
  const response = await dispatcher.dispatch({ method, input, session });
  return response.ok ? { ok: true, value: response.value as ApiOutput<M> } : response;
}

async function value<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await call(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value;
}

async function sellIncaKola(payment: 'cash' | 'card' = 'cash') {
  await value('cart.scan', { code: INCA_KOLA_15 });
  return value('checkout.complete', {
    expectedTotalCents: 650,
    payments: [
      payment === 'cash' ? { method: 'cash', tenderedCents: 1000 } : { method: 'card', amountCents: 650 },
    ],
  });
}

function saleExists(saleId: string): boolean {
  return (
    core.ctx.sql.raw<{ n: number }>('SELECT count(*) AS n FROM sales WHERE id = ?', [saleId])[0]?.n === 1
  );
}

function receiptJobs() {
  return printer.jobsWithContent().map((job) => decodeEscPos(job.bytes));
}

describe('printing a sale', () => {
  it('prints what the screen shows: code page, drawer pulse for cash, text, QR and cut', async () => {
    const { sale, fiscal, receipt, print } = await sellIncaKola('cash');
    expect(print?.status).toBe('pending');
    await core.devices.spooler.idle();

    const jobs = receiptJobs();
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.codePages).toEqual([19]);
    expect(job.statusRequests.length).toBeGreaterThanOrEqual(2);
    expect(drawerPulses(job)).toEqual([{ kind: 'drawer', pin: 2, onMs: 50, offMs: 500 }]);
    expect(job.items[0]?.kind).toBe('drawer');
    expect(cuts(job)).toHaveLength(1);
    expect(qrCodes(job).map((qr) => qr.data)).toEqual([fiscal?.qrText]);
    expect(fiscal?.qrText).toMatch(/^\d{11}\|03\|B\d{3}\|\d+\|/);

    // Line for line the document the preview draws, accents included.
    const shown = receipt.blocks.flatMap((block) =>
      block.kind === 'text' ? [block.text] : block.kind === 'rule' ? [block.char.repeat(receipt.width)] : [],
    );
    const printed = decodedText(job)
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(printed).toEqual(shown.map((line) => line.trimEnd()).filter((line) => line.trim() !== ''));
    expect(printed).toContain('BOLETA DE VENTA ELECTRÓNICA');
    expect(printed).toContain(sale.number);
    expect(printed.join('\n')).toContain('SON: SEIS CON 50/100 SOLES');
    expect(core.devices.queue.byId(print!.id)?.status).toBe('printed');
  });

  it('does not open the drawer for a card payment', async () => {
    await sellIncaKola('card');
    await core.devices.spooler.idle();
    expect(drawerPulses(receiptJobs()[0]!)).toEqual([]);
  });

  it('lays out 58 mm receipts in 32 columns', async () => {
    useCapturePrinter(core, printer, { paperWidthMm: 58 });
    const { receipt } = await sellIncaKola();
    expect(receipt.width).toBe(32);
    await core.devices.spooler.idle();
    const lines = decodedText(receiptJobs()[0]!).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBe(32);
  });

  it('prints nothing and queues nothing when the terminal has no printer', async () => {
    const admin = core.ctx.users.credentials('admin')!;
    core.devices.settings.save(
      {
        ...core.devices.settings.get(),
        printer: { ...core.devices.settings.get().printer, connection: { kind: 'none' } },
      },
      admin.id,
    );
    const { print } = await sellIncaKola();
    expect(print).toBeNull();
    expect((await call('printer.reprint', {})).ok).toBe(false);
  });
});

describe('a printer that fails never loses the sale, and one key reprints', () => {
  const failures = [
    { name: 'refuses the connection', behaviour: { kind: 'refuse' } as const, code: 'PRINTER_UNREACHABLE' },
    {
      name: 'accepts and never answers',
      behaviour: { kind: 'silent' } as const,
      code: 'PRINTER_NOT_RESPONDING',
    },
    {
      name: 'closes mid-receipt',
      behaviour: { kind: 'close-after', bytes: 300 } as const,
      code: 'PRINTER_DISCONNECTED',
    },
    { name: 'is out of paper', behaviour: { kind: 'paper-out' } as const, code: 'PRINTER_PAPER_OUT' },
  ];

  for (const failure of failures) {
    it(`when the printer ${failure.name}`, async () => {
      await printer.behave(failure.behaviour);
      const { sale, print } = await sellIncaKola();
      expect(saleExists(sale.id)).toBe(true);
      await core.devices.spooler.idle();

      const job = core.devices.queue.byId(print!.id)!;
      expect(job).toMatchObject({ status: 'failed', last_error_code: failure.code, attempts: 2 });
      const status = (await value('devices.status', {})).printer;
      expect(status.state).toBe('error');
      expect(status.failed.map((f) => f.label)).toEqual([sale.number]);
      expect(status.lastError?.message).toMatch(/impresora/i);
      expect(saleExists(sale.id)).toBe(true);

      // The printer is fixed: F9 reprints the receipt that never came out, as the original.
      await printer.behave({ kind: 'ready' });
      printer.clear();
      const again = await value('printer.reprint', {});
      expect(again.id).toBe(print!.id);
      await core.devices.spooler.idle();
      expect(core.devices.queue.byId(print!.id)?.status).toBe('printed');
      const text = decodedText(receiptJobs()[0]!);
      expect(text).toContain(sale.number);
      expect(text).not.toContain('COPIA');
      expect((await value('devices.status', {})).printer).toMatchObject({ state: 'ready', failed: [] });
    });
  }

  it('a second sale goes through while the first failed, and a failure can be dismissed', async () => {
    await printer.behave({ kind: 'refuse' });
    const first = await sellIncaKola();
    await core.devices.spooler.idle();
    await printer.behave({ kind: 'ready' });
    const second = await sellIncaKola();
    await core.devices.spooler.idle();
    expect(receiptJobs().map((job) => decodedText(job).includes(second.sale.number))).toEqual([true]);
    expect((await value('devices.status', {})).printer.failed.map((f) => f.label)).toEqual([
      first.sale.number,
    ]);
    await value('printer.dismiss', { jobId: first.print!.id });
    expect((await value('devices.status', {})).printer.failed).toEqual([]);
  });
});

describe('copies and the drawer', () => {
  it('reprints a printed receipt as a COPIA and audits it', async () => {
    const { sale } = await sellIncaKola('card');
    await core.devices.spooler.idle();
    printer.clear();
    const copy = await value('printer.reprint', { saleId: sale.id });
    expect(copy.kind).toBe('copy');
    await core.devices.spooler.idle();
    const job = receiptJobs()[0]!;
    expect(decodedText(job)).toContain('*** COPIA ***');
    expect(drawerPulses(job)).toEqual([]);
    const audit = core.ctx.sql.raw<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE action = 'receipt.reprinted'",
    );
    expect(audit).toEqual([{ action: 'receipt.reprinted', entity_id: sale.id }]);
  });

  it('asks for a supervisor before a copy when the store says so, never before a first print', async () => {
    const admin = core.ctx.users.credentials('admin')!;
    core.ctx.sql.transaction(() => core.ctx.settings.set('receipts.reprintNeedsApproval', true, admin.id));
    await printer.behave({ kind: 'refuse' });
    const { sale } = await sellIncaKola('card');
    await core.devices.spooler.idle();
    await printer.behave({ kind: 'ready' });
    // The receipt never came out: printing it is not a copy, so no PIN.
    expect((await call('printer.reprint', { saleId: sale.id })).ok).toBe(true);
    await core.devices.spooler.idle();
    const refused = await call('printer.reprint', { saleId: sale.id });
    expect(refused.ok === false && refused.error.code).toBe('APPROVAL_REQUIRED');
    const copy = await value('printer.reprint', {
      saleId: sale.id,
      approval: { username: 'supervisor', pin: '5678' },
    });
    expect(copy.kind).toBe('copy');
    const [entry] = core.ctx.sql.raw<{ approver_id: string }>(
      "SELECT approver_id FROM audit_log WHERE action = 'receipt.reprinted'",
    );
    expect(entry?.approver_id).toBe(core.ctx.users.credentials('supervisor')?.id);
  });

  it('opens the drawer only with a supervisor, and audits who asked and who approved', async () => {
    const refused = await call('drawer.open', { reason: 'Cambio de sencillo' });
    expect(refused.ok === false && refused.error.code).toBe('APPROVAL_REQUIRED');
    await value('drawer.open', {
      reason: 'Cambio de sencillo',
      approval: { username: 'supervisor', pin: '5678' },
    });
    await core.devices.spooler.idle();
    const job = receiptJobs()[0]!;
    expect(drawerPulses(job)).toHaveLength(1);
    expect(decodedText(job).trim()).toBe('');
    const [entry] = core.ctx.sql.raw<{ user_id: string; approver_id: string; data: string }>(
      "SELECT user_id, approver_id, data FROM audit_log WHERE action = 'drawer.opened'",
    );
    expect(entry?.user_id).toBe(core.ctx.users.credentials('cajero')?.id);
    expect(entry?.approver_id).toBe(core.ctx.users.credentials('supervisor')?.id);
    expect(JSON.parse(entry!.data)).toEqual({ reason: 'Cambio de sencillo' });
  });

  it('prints an X report through the same queue and printer', async () => {
    const document = cashReportDocument(
      {
        kind: 'X',
        store: { tradeName: 'Minimarket La Esquina', ruc: '20601234565' },
        terminalCode: 'CAJA-01',
        sessionNumber: 1,
        openedAt: '2026-11-23T08:00:00-05:00',
        openedBy: 'Jorge Ramírez Huamán',
        closedAt: null,
        closedBy: null,
        printedAt: '2026-11-23T12:00:00-05:00',
        copy: false,
        floatCents: 10_000,
        salesCount: 1,
        salesTotalCents: 650,
        methods: [{ label: 'Efectivo', expectedCents: 10_650, countedCents: null }],
        movements: [],
        denominations: [],
        expectedCashCents: 10_650,
        countedCashCents: null,
      },
      48,
    );
    const job = core.devices.printing.printDocument('report', 'Reporte X', document, actorId);
    await core.devices.spooler.idle();
    expect(core.devices.queue.byId(job.id)?.status).toBe('printed');
    expect(decodedText(receiptJobs()[0]!)).toMatch(/Efectivo +106\.50/);
  });

  it('prints a test page with settings not yet saved, and reports a wrong address at once', async () => {
    const admin = (await loginAs(core, 'admin')).token;
    const settings = core.devices.settings.get().printer;
    const ok = await dispatcher.dispatch({
      method: 'printer.testPage',
      input: { printer: settings },
      session: admin,
    });
    expect(ok.ok).toBe(true);
    const text = decodedText(receiptJobs()[0]!);
    expect(text).toContain('PÁGINA DE PRUEBA');
    expect(text).toContain('áéíóú ÁÉÍÓÚ ñÑ üÜ ¡! ¿? º ª');
    const closed = await startCapturePrinter();
    await closed.close();
    const wrong = await dispatcher.dispatch({
      method: 'printer.testPage',
      input: {
        printer: { ...settings, connection: { kind: 'network', host: '127.0.0.1', port: closed.port } },
      },
      session: admin,
    });
    expect(wrong.ok === false && wrong.error).toMatchObject({ code: 'PRINTER_FAILED' });
    expect(wrong.ok === false && wrong.error.message).toMatch(/No se pudo conectar con la impresora/);
  });
});
