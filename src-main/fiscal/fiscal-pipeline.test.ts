import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors';
import { useTempCores } from '../testing/temp-core';
import { BOLSA_CHICA, INCA_KOLA_15, sellBoleta, sellFactura } from '../testing/sales';
import { xmlsecVerify, type ToolResult } from '../testing/fiscal-fixtures';
import { selfSignedPfx } from './credentials/self-signed-pfx';

const DAY_MS = 86_400_000;

const { setup, beforeCoresClose } = useTempCores();

/** xmlsec1 with the certificate the document itself carries in KeyInfo. */
function xmlsecVerifies(xml: string): ToolResult {
  const base64 = /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(xml)?.[1] ?? '';
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  return xmlsecVerify(xml, pem);
}

describe('a sale and its electronic receipt', () => {
  it('signs the boleta in the sale transaction and queues it for the Resumen Diario', async () => {
    const { core, actor, dir } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    core.carts.scan(actor, BOLSA_CHICA);
    const sale = core.checkout.complete(actor, {
      expectedTotalCents: 710,
      payments: [{ method: 'cash', tenderedCents: 1000 }],
    });
    const fiscal = core.fiscal.saleDocuments.view(sale);
    expect(fiscal).toMatchObject({
      fileName: '20601234565-03-B001-1',
      status: 'pending',
      statusLabel: 'Pendiente de envío',
    });
    expect(fiscal?.qrText).toBe(
      `20601234565|03|B001|1|1.01|7.10|2026-11-23|0|-|${fiscal?.digestValue ?? ''}|`,
    );

    const db = new BetterSqlite3(join(dir, 'terminal.sqlite'), { readonly: true });
    beforeCoresClose(() => db.close());
    const row = db
      .prepare(
        'SELECT signed_xml, digest_value, delivery, deadline_date FROM fiscal_documents WHERE sale_id = ?',
      )
      .get(sale.id) as { signed_xml: string; digest_value: string; delivery: string; deadline_date: string };
    expect(row.delivery).toBe('summary');
    expect(row.deadline_date).toBe('2026-11-26');
    expect(row.signed_xml).toContain(`<ds:DigestValue>${row.digest_value}</ds:DigestValue>`);
    // The stored bytes are what SUNAT will verify: an independent verifier agrees.
    const verified = xmlsecVerifies(row.signed_xml);
    expect(verified.status, verified.output).toBe(0);
    // And they can never be rewritten.
    const writer = new BetterSqlite3(join(dir, 'terminal.sqlite'));
    beforeCoresClose(() => writer.close());
    expect(() => writer.prepare("UPDATE fiscal_documents SET signed_xml = 'x'").run()).toThrow(/immutable/);
  });

  it('sends facturas one by one and dates their legal deadline three days out', async () => {
    const { core, actor } = await setup();
    const sale = sellFactura(core, actor);
    const [doc] = core.fiscal.monitor.list({ limit: 10, offset: 0 });
    expect(doc).toMatchObject({
      number: 'F001-00000001',
      fileName: '20601234565-01-F001-1',
      delivery: 'bill',
      status: 'pending',
      deadlineDate: '2026-11-26',
      deadlineLevel: 'ok',
      saleId: sale.id,
    });
  });

  it('refuses at the counter a sale whose receipt SUNAT would reject, and keeps nothing of it', async () => {
    const { core, actor, dir } = await setup();
    // A razón social SUNAT's rules refuse (too short) slips past the counter's own checks.
    const { customer } = core.ctx.customers.save({
      docType: '6',
      docNumber: '20100070970',
      name: 'SP',
      address: null,
    });
    core.carts.scan(actor, INCA_KOLA_15);
    core.carts.setDocType(actor, '01');
    core.carts.setCustomer(actor, customer.id);
    let code = '';
    let message = '';
    try {
      core.checkout.complete(actor, {
        expectedTotalCents: 650,
        payments: [{ method: 'cash', tenderedCents: 650 }],
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      code = error.code;
      message = error.message;
    }
    expect(code).toBe('FISCAL_REJECTED');
    expect(message).toMatch(/^SUNAT rechazaría este comprobante: \d{4} /);
    const db = new BetterSqlite3(join(dir, 'terminal.sqlite'), { readonly: true });
    beforeCoresClose(() => db.close());
    for (const table of ['sales', 'fiscal_documents']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(core.carts.current().lines).toHaveLength(1);
  });

  it('keeps selling with an expired certificate, says why, and signs the backlog once a valid one is installed', async () => {
    const { core, actor, clock } = await setup();
    // Nothing listens there: a send attempt fails fast instead of reaching the internet.
    core.ctx.settings.set(
      'fiscal.endpoint',
      { kind: 'ose', billServiceUrl: 'http://127.0.0.1:9/billService', consultServiceUrl: null },
      null,
    );
    clock.advance(3 * 365 * DAY_MS); // the demo certificate lasts two years
    expect(core.fiscal.credentials.certificateStatus().state).toBe('expired');
    const sale = sellBoleta(core, actor);
    expect(core.fiscal.saleDocuments.view(sale)).toMatchObject({
      status: 'unsigned',
      digestValue: null,
      qrText: null,
    });
    const [warning] = core.fiscal.monitor.overview().warnings;
    expect(warning).toMatchObject({ kind: 'certificate', level: 'overdue', documents: 1 });
    expect(warning?.message).toMatch(/^El certificado venció el \d{4}-\d{2}-\d{2}\./);

    const now = clock.now().getTime();
    const pfx = selfSignedPfx({
      ruc: '20601234565',
      legalName: 'MINIMARKET LA ESQUINA S.A.C.',
      password: 'nueva',
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 365 * DAY_MS),
    });
    expect(() => core.fiscal.credentials.installCertificate(pfx, 'otra', null)).toThrow(
      /contraseña del certificado es incorrecta/,
    );
    expect(core.fiscal.credentials.installCertificate(pfx, 'nueva', null).state).toBe('ok');
    await core.fiscal.sender.runOnce();
    const fiscal = core.fiscal.saleDocuments.view(sale);
    expect(fiscal?.status).toBe('pending');
    expect(fiscal?.qrText).toContain(fiscal?.digestValue ?? 'missing');
    expect(core.fiscal.monitor.overview().warnings.filter((w) => w.kind === 'certificate')).toEqual([]);
  });
});
