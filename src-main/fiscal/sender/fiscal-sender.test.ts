import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/core';
import { createCore } from '../../core/core';
import { loginAs, openTempCore, useTempCores } from '../../testing/temp-core';
import { sellBoleta, sellFactura } from '../../testing/sales';
import { startSunatEmulator, type SunatEmulator } from '../../testing/sunat-emulator/server';
import { createSunatClient } from '../sunat-client/sunat-client';
import { zipDocument, zipFileName } from '../sunat-client/zip';

const FAST = { retry: { baseMs: 1, maxMs: 2 }, pollDelayMs: 0 };
const DAY_MS = 86_400_000;

let emulator: SunatEmulator;

beforeAll(async () => {
  emulator = await startSunatEmulator();
});
afterAll(async () => {
  await emulator.close();
});
// Registered before useTempCores: vitest runs after-hooks last-in first-out, so the cores close first.
afterEach(() => {
  emulator.reset();
});

function pointAtEmulator(core: Core): void {
  const { settings } = core.ctx;
  settings.set(
    'fiscal.endpoint',
    { kind: 'ose', billServiceUrl: emulator.url, consultServiceUrl: emulator.consultUrl },
    null,
  );
  settings.set('fiscal.summaryBatchMinutes', 0, null);
  settings.set('fiscal.timeoutSeconds', 5, null);
}

const { setup, beforeCoresClose } = useTempCores({ fiscal: FAST }, pointAtEmulator);

function docOf(core: Core, saleId: string) {
  const row = core.fiscal.queue.bySale(saleId);
  if (!row) throw new Error('no fiscal document');
  return core.fiscal.monitor.document(row.id);
}

describe('the SUNAT sender against the emulator', () => {
  it('sends a factura and keeps the CDR exactly as received', async () => {
    const { core, actor } = await setup();
    const sale = sellFactura(core, actor);
    await core.fiscal.sender.runOnce();
    expect(docOf(core, sale.id)).toMatchObject({
      status: 'accepted',
      sunatCode: '0',
      hasCdr: true,
      attempts: 1,
    });
    expect(emulator.received.map((d) => d.fileName)).toEqual(['20601234565-01-F001-1.zip']);
    const { zip } = core.fiscal.monitor.cdrZip(docOf(core, sale.id).id);
    expect(zip.length).toBeGreaterThan(100);
  });

  it('reports boletas in a Resumen Diario, persists the ticket, and polls past 98', async () => {
    const { core, actor } = await setup();
    emulator.setScenario({ kind: 'accept', pendingPolls: 1 });
    const first = sellBoleta(core, actor);
    const second = sellBoleta(core, actor);
    await core.fiscal.sender.runOnce();
    const [summary] = core.fiscal.monitor.list({ limit: 10, offset: 0 }).filter((d) => d.docType === 'RC');
    expect(summary).toMatchObject({ number: 'RC-20261123-1', status: 'sent' });
    expect(summary?.ticket).toBeTruthy();
    expect(docOf(core, first.id)).toMatchObject({ status: 'sent', summaryNumber: 'RC-20261123-1' });

    await core.fiscal.sender.runOnce(); // 98: still in process
    expect(core.fiscal.monitor.document(summary!.id).status).toBe('sent');
    await core.fiscal.sender.runOnce(); // 0: accepted, with the CDR
    expect(core.fiscal.monitor.document(summary!.id)).toMatchObject({ status: 'accepted', hasCdr: true });
    expect(docOf(core, first.id).status).toBe('accepted');
    expect(docOf(core, second.id).status).toBe('accepted');
    expect(emulator.received.map((d) => d.operation)).toEqual(['sendSummary']);
    expect(core.fiscal.monitor.overview().todaysSummaries.map((d) => [d.number, d.hasCdr])).toEqual([
      ['RC-20261123-1', true],
    ]);
  });

  it('resends the same Resumen Diario when SUNAT no longer knows its ticket (0127)', async () => {
    const { core, actor } = await setup();
    emulator.setScenario({ kind: 'accept', pendingPolls: 5 });
    const sale = sellBoleta(core, actor);
    await core.fiscal.sender.runOnce(); // RC sent, ticket stored
    const summaryNumber = docOf(core, sale.id).summaryNumber;
    emulator.reset(); // SUNAT lost the ticket
    await core.fiscal.sender.runOnce(); // 0127: back in line, same RC number
    await core.fiscal.sender.runOnce(); // sent again, new ticket
    await core.fiscal.sender.runOnce(); // accepted
    expect(docOf(core, sale.id)).toMatchObject({ status: 'accepted', summaryNumber });
    const summaries = core.fiscal.monitor.list({ limit: 10, offset: 0 }).filter((d) => d.docType === 'RC');
    expect(summaries.map((d) => d.number)).toEqual([summaryNumber]);
    expect(emulator.received.map((d) => d.fileName)).toEqual([`20601234565-${summaryNumber ?? ''}.zip`]);
  });

  it('ends each SUNAT answer in the right state and message', async () => {
    const { core, actor } = await setup();
    emulator.setScenario(
      {
        kind: 'observe',
        notes: [{ code: '4252', message: 'El dato ingresado como atributo @listName es incorrecto.' }],
      },
      { kind: 'next' },
    );
    const observed = sellFactura(core, actor);
    emulator.setScenario({ kind: 'reject', code: '2017' }, { kind: 'next' });
    const rejected = sellFactura(core, actor);
    await core.fiscal.sender.runOnce();
    expect(docOf(core, observed.id)).toMatchObject({
      status: 'observed',
      statusLabel: 'Aceptado con observaciones',
    });
    expect(docOf(core, observed.id).observations).toContainEqual(expect.objectContaining({ code: '4252' }));
    expect(docOf(core, rejected.id)).toMatchObject({
      status: 'rejected',
      sunatCode: '2017',
      statusLabel: 'Rechazado',
    });
  });

  it('backs off on SUNAT exceptions and outages, keeping documents in line, then sends them', async () => {
    const { core, actor, clock } = await setup();
    const sale = sellFactura(core, actor);
    const outages = [
      {
        setup: () => emulator.setScenario({ kind: 'fault', code: '0109' }, { kind: 'next' }),
        message: /0109|no puede responder/i,
      },
      {
        setup: () => emulator.setScenario({ kind: 'http-error', status: 502 }, { kind: 'next' }),
        message: /502/,
      },
      { setup: () => emulator.setScenario({ kind: 'empty-response' }, { kind: 'next' }), message: /vac/i },
      { setup: () => void emulator.refuseConnections(), message: /conect|rechaz/i },
    ];
    for (const outage of outages) {
      outage.setup();
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(60_000);
      await core.fiscal.sender.runOnce();
      const doc = docOf(core, sale.id);
      expect(doc.status, String(outage.message)).toBe('pending');
      expect(doc.lastError ?? '').toMatch(outage.message);
      expect(core.fiscal.sender.status().state).toBe('offline');
    }
    await emulator.acceptConnections();
    clock.advance(60_000);
    await core.fiscal.sender.runOnce();
    expect(docOf(core, sale.id)).toMatchObject({ status: 'accepted' });
    expect(core.fiscal.sender.status()).toMatchObject({ state: 'idle', lastError: null });
  });

  it('treats a hang past the timeout as an outage', async () => {
    const { core, actor } = await setup();
    const sale = sellFactura(core, actor);
    emulator.setScenario({ kind: 'hang' }, { kind: 'next' });
    await core.fiscal.sender.runOnce();
    expect(docOf(core, sale.id).status).toBe('pending');
    expect(core.fiscal.sender.status().state).toBe('offline');
  }, 20_000);

  it('asks for the CDR instead of resending when SUNAT already has the document (1033)', async () => {
    const { core, actor } = await setup();
    const sale = sellFactura(core, actor);
    // SUNAT got it but the answer was lost: the emulator registered it from another request.
    const row = core.fiscal.queue.bySale(sale.id)!;
    const client = createSunatClient({
      billServiceUrl: emulator.url,
      ruc: '20601234565',
      solUser: 'MODDATOS',
      solPassword: 'moddatos',
    });
    const direct = await client.sendBill(
      zipFileName(row.file_name),
      zipDocument(row.file_name, row.signed_xml!),
    );
    expect(direct.kind).toBe('cdr');
    await core.fiscal.sender.runOnce();
    expect(docOf(core, sale.id)).toMatchObject({ status: 'accepted', hasCdr: true });
    expect(emulator.requests.map((r) => r.operation)).toEqual(['sendBill', 'sendBill', 'getStatusCdr']);
  });

  it('survives a restart in the middle of a send and finishes the job', async () => {
    const first = await openTempCore({ fiscal: FAST });
    pointAtEmulator(first.core);
    const { actor } = await loginAs(first.core, 'cajero');
    const sale = sellFactura(first.core, actor);
    emulator.setScenario({ kind: 'hang' }, { kind: 'next' });
    const sending = first.core.fiscal.sender.runOnce();
    // The request is in flight: the state on disk already says "sent".
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(docOf(first.core, sale.id).status).toBe('sent');
    first.core.close(); // power cut: the answer never arrives
    await sending;

    const reopened = await createCore({ dataDir: first.dir, clock: first.clock, fiscal: FAST });
    await reopened.fiscal.ready();
    beforeCoresClose(() => {
      reopened.close();
      first.cleanup();
    });
    await reopened.fiscal.sender.runOnce();
    expect(docOf(reopened, sale.id)).toMatchObject({ status: 'accepted', attempts: 2 });
  }, 20_000);

  it('drains three days of offline sales in issue order when SUNAT comes back', async () => {
    const { core, actor, clock } = await setup();
    // SUNAT's summary rules compare IssueDate with the real date (2236): the offline days are past.
    clock.set(new Date(Date.now() - 3 * DAY_MS).toISOString());
    await emulator.refuseConnections();
    const facturas: string[] = [];
    for (let day = 0; day < 3; day++) {
      facturas.push(sellFactura(core, actor).number);
      sellBoleta(core, actor);
      sellBoleta(core, actor);
      await core.fiscal.sender.runOnce();
      clock.advance(DAY_MS);
    }
    expect(core.fiscal.monitor.overview().unresolved).toBeGreaterThanOrEqual(9);
    await emulator.acceptConnections();
    clock.advance(60_000);
    await core.fiscal.sender.runOnce(); // facturas + summaries sent, tickets taken
    await core.fiscal.sender.runOnce(); // tickets polled
    const overview = core.fiscal.monitor.overview();
    expect(overview.unresolved).toBe(0);
    expect(overview.counts.accepted).toBe(3 + 6 + 3);
    const sent = emulator.received.map((d) => d.fileName.replace('.zip', ''));
    expect(sent.filter((n) => n.includes('-01-'))).toEqual(
      facturas.map((n) => `20601234565-01-F001-${Number(n.slice(5))}`),
    );
    // One Resumen Diario per day of boletas, in date order.
    expect(sent.filter((n) => n.includes('-RC-'))).toHaveLength(3);
    const summaries = core.fiscal.monitor.list({ limit: 50, offset: 0 }).filter((d) => d.docType === 'RC');
    expect(summaries.every((s) => s.status === 'accepted')).toBe(true);
    expect(core.fiscal.sender.status().lastError).toBeNull();
  }, 60_000);
});
