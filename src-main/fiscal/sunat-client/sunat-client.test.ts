import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCertificate } from '../signing/certificate';
import { startSunatEmulator, type SunatEmulator } from '../../testing/sunat-emulator/server';
import {
  makeTestCertificate,
  rezipped,
  signedInvoice,
  signedSummary,
  TEST_RUC,
} from '../../testing/sunat-emulator/test-documents';
import { createSunatClient, type SunatClient, type SunatClientConfig } from './sunat-client';
import {
  classifyConsultStatus,
  isAlreadyRegistered,
  isAlteredDocument,
  isSunatTransientFailure,
  isTicketInProcess,
  isTicketProcessed,
  isTicketProcessedWithErrors,
  isTicketUnknown,
} from './sunat-codes';
import type { CdrResult, FaultResult, StatusResult, TransportFailure } from './sunat-results';
import { SUNAT_BETA_CREDENTIALS } from './endpoints';
import { zipDocument } from './zip';

/**
 * The client against the loopback emulator over real sockets: every SUNAT answer and outage
 * the fiscal queue must handle. Test documents are built and signed by the app's own code.
 */

let cert: StoreCertificate;
let emulator: SunatEmulator;
let client: SunatClient;
let correlativo = 100;

function clientFor(overrides: Partial<SunatClientConfig> = {}): SunatClient {
  return createSunatClient({
    billServiceUrl: emulator.url,
    consultServiceUrl: emulator.consultUrl,
    ruc: TEST_RUC,
    ...SUNAT_BETA_CREDENTIALS,
    timeoutMs: 15_000,
    ...overrides,
  });
}

/** A fresh boleta (or factura) number per test, so tests do not collide on 1033. */
function nextInvoice(docType: '01' | '03' = '03') {
  correlativo += 1;
  return signedInvoice(cert, { docType, correlativo });
}

function expectKind<K extends string, T extends { kind: string }>(
  result: T,
  kind: K,
): Extract<T, { kind: K }> {
  expect(
    result,
    JSON.stringify(result, (_key, value: unknown) => (value instanceof Uint8Array ? '[bytes]' : value)),
  ).toMatchObject({ kind });
  return result as Extract<T, { kind: K }>;
}

beforeAll(async () => {
  cert = makeTestCertificate();
  emulator = await startSunatEmulator();
  client = clientFor();
}, 60_000);

afterEach(() => emulator.clearScenarios());

afterAll(async () => {
  await emulator.close();
});

describe('sendBill', () => {
  it('returns the CDR of an accepted boleta, parsed, and speaks the WSDL contract', async () => {
    const doc = nextInvoice();
    const result = expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');
    expect(result.classification).toBe('accepted');
    expect(result.cdr).toMatchObject({
      referenceId: `B001-${correlativo}`,
      responseCode: '0',
      description: `La Boleta numero B001-${correlativo}, ha sido aceptada`,
      senderId: '20131312955',
      receiverId: TEST_RUC,
      notes: [],
    });
    expect(Object.keys(unzipSync(result.cdrZip))).toEqual(['dummy/', `R-${doc.name}.xml`]);

    const request = emulator.requests.at(-1);
    expect(request).toMatchObject({
      service: 'bill',
      operation: 'sendBill',
      soapAction: 'urn:sendBill',
      contentType: 'text/xml; charset=utf-8',
      username: `${TEST_RUC}MODDATOS`,
    });
    const received = emulator.received.at(-1);
    expect(received?.fileName).toBe(`${doc.name}.zip`);
    expect(received?.xml).toBe(doc.signedXml);
  });

  it('names the customer of a factura in the CDR', async () => {
    const doc = nextInvoice('01');
    const result = expectKind(await client.sendBill(doc.name, doc.zip), 'cdr');
    expect(result.cdr.recipientId).toBe('6-20100070970');
    expect(result.cdr.description).toBe(`La Factura numero F001-${correlativo}, ha sido aceptada`);
  });

  it('lists observations of an accepted document', async () => {
    emulator.setScenario(
      {
        kind: 'observe',
        notes: [
          { code: '4252', message: 'El dato ingresado como atributo @listName es incorrecto.' },
          { code: '4287', message: 'El precio unitario ingresado no corresponde al valor calculado' },
        ],
      },
      { kind: 'next' },
    );
    const doc = nextInvoice();
    const result = expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');
    expect(result.classification).toBe('observed');
    expect(result.cdr.responseCode).toBe('0');
    expect(result.cdr.notes).toEqual([
      { code: '4252', message: 'El dato ingresado como atributo @listName es incorrecto.' },
      { code: '4287', message: 'El precio unitario ingresado no corresponde al valor calculado' },
    ]);
  });

  it('classifies a rejection CDR; the number is consumed (resend → 1032)', async () => {
    const doc = nextInvoice('01');
    emulator.setScenario({ kind: 'reject', code: '2017' }, { kind: 'document', name: doc.fileName });
    const result = expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');
    expect(result.classification).toBe('rejected');
    expect(result.cdr.responseCode).toBe('2017');
    expect(result.cdr.description).toBe('El numero de documento de identidad del receptor debe ser  RUC');

    const resend = expectKind(await client.sendBill(doc.fileName, doc.zip), 'fault');
    expect(resend.code).toBe('1032');
  });

  it('classifies a rejection that comes as a SOAP fault', async () => {
    emulator.setScenario({ kind: 'reject', code: '2800', via: 'fault' }, { kind: 'next' });
    const doc = nextInvoice();
    const result = expectKind(await client.sendBill(doc.fileName, doc.zip), 'fault');
    expect(result).toMatchObject({ code: '2800', classification: 'rejected', httpStatus: 500 });
    expect(result.message).toContain('tipo de documento de identidad del receptor');
  });

  it('reports 0109 as a transient exception; the same document goes through afterwards', async () => {
    emulator.setScenario({ kind: 'fault', code: '0109' }, { kind: 'next' });
    const doc = nextInvoice();
    const fault = expectKind(await client.sendBill(doc.fileName, doc.zip), 'fault');
    expect(fault).toMatchObject({
      code: '0109',
      classification: 'exception',
      faultCode: 'soap-env:Client.0109',
    });
    expect(isSunatTransientFailure(fault.code)).toBe(true);
    expect(fault.message).toContain('El sistema no puede responder su solicitud');

    const retry = expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');
    expect(retry.classification).toBe('accepted');
  });

  it('finds the code in faultstring when faultcode has none', async () => {
    emulator.setScenario({ kind: 'fault', code: '0111', codeIn: 'faultstring' }, { kind: 'next' });
    const doc = nextInvoice();
    const fault = expectKind(await client.sendBill(doc.fileName, doc.zip), 'fault');
    expect(fault).toMatchObject({ code: '0111', faultCode: 'soap-env:Client', classification: 'exception' });
  });

  it('answers a resend of an accepted factura with 1033, and getStatusCdr returns its CDR', async () => {
    const doc = nextInvoice('01');
    const first = expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');

    const resend = expectKind(await client.sendBill(doc.fileName, doc.zip), 'fault');
    expect(resend).toMatchObject({ code: '1033', classification: 'exception' });
    expect(resend.message).toBe('El comprobante fue registrado previamente con otros datos');
    expect(isAlreadyRegistered(resend.code)).toBe(true);

    const status = expectKind(
      await client.getStatusCdr({
        ruc: TEST_RUC,
        docType: '01',
        serie: 'F001',
        correlativo: String(correlativo).padStart(8, '0'),
      }),
      'status',
    );
    expect(status.statusCode).toBe('0001');
    expect(classifyConsultStatus(status.statusCode)).toBe('accepted');
    expect(status.statusMessage).toBe('El comprobante existe y está aceptado');
    expect(status.cdr).toEqual(first.cdr);
    expect(Buffer.from(status.cdrZip ?? new Uint8Array())).toEqual(Buffer.from(first.cdrZip));
    expect(emulator.requests.at(-1)).toMatchObject({ service: 'consult', soapAction: 'urn:getStatusCdr' });
  });

  it('getStatusCdr: 0011 for an unknown document, 0009 for a boleta', async () => {
    const unknown = expectKind(
      await client.getStatusCdr({ ruc: TEST_RUC, docType: '01', serie: 'F999', correlativo: 1 }),
      'status',
    );
    expect(unknown).toEqual({
      kind: 'status',
      statusCode: '0011',
      statusMessage: 'El comprobante de pago electrónico no existe',
    });
    expect(classifyConsultStatus(unknown.statusCode)).toBe('not-found');
    const boleta = expectKind(
      await client.getStatusCdr({ ruc: TEST_RUC, docType: '03', serie: 'B001', correlativo: 1 }),
      'status',
    );
    expect(boleta.statusCode).toBe('0009');
  });

  it('refuses wrong SOL credentials with a fault', async () => {
    const doc = nextInvoice();
    const wrong = clientFor({ solPassword: 'otra' });
    const fault = expectKind(await wrong.sendBill(doc.fileName, doc.zip), 'fault');
    expect(fault).toMatchObject({ code: '0102', classification: 'exception' });
    expect(fault.message).toBe('Usuario o contraseña incorrectos');
    expect(isSunatTransientFailure(fault.code)).toBe(false);
  });

  it('detects a document altered after signing (2335)', async () => {
    const doc = nextInvoice();
    const tampered = doc.signedXml.replace('Leche evaporada', 'Leche evaporadb');
    expect(tampered.length).toBe(doc.signedXml.length);
    const fault = expectKind(await client.sendBill(doc.fileName, rezipped(doc, tampered).zip), 'fault');
    expect(fault.code).toBe('2335');
    expect(fault.classification).toBe('rejected');
    expect(isAlteredDocument(fault.code)).toBe(true);
    expect(fault.message).toContain('El documento electrónico ingresado ha sido alterado');
  });

  it('checks the file name against the content (1036) and the zip (0156)', async () => {
    const doc = nextInvoice();
    const otherName = `${TEST_RUC}-03-B001-${correlativo + 5000}`;
    const mismatch = expectKind(
      await client.sendBill(`${otherName}.zip`, zipDocument(otherName, doc.signedXml)),
      'fault',
    );
    expect(mismatch.code).toBe('1036');

    const corrupt = expectKind(
      await client.sendBill(doc.fileName, new Uint8Array([80, 75, 3, 4, 1, 2])),
      'fault',
    );
    expect(corrupt.code).toBe('0156');
  });

  it('validates against the XSD (a signed but schema-invalid invoice is refused)', async () => {
    correlativo += 1;
    const invalid = signedInvoice(cert, { correlativo }, (xml) =>
      xml.replace('<cbc:UBLVersionID>', '<cbc:Intruso>x</cbc:Intruso><cbc:UBLVersionID>'),
    );
    expect(invalid.signedXml).toContain('<cbc:Intruso>');
    const fault = expectKind(await client.sendBill(invalid.fileName, invalid.zip), 'fault');
    expect(fault.code).toBe('0306');
    expect(fault.message).toContain('Intruso');
  });
});

describe('sendSummary and getStatus', () => {
  it('returns a ticket; getStatus answers 98, 98, then 0 with the CDR', async () => {
    emulator.setScenario({ kind: 'accept', pendingPolls: 2 }, { kind: 'next' });
    const summary = signedSummary(cert, { sequence: '001' });
    const sent = expectKind(await client.sendSummary(summary.fileName, summary.zip), 'ticket');
    expect(sent.ticket).toMatch(/^\d{10,}$/);
    expect(emulator.requests.at(-1)?.soapAction).toBe('urn:sendSummary');

    const polls: StatusResult[] = [];
    for (let i = 0; i < 3; i++) polls.push(expectKind(await client.getStatus(sent.ticket), 'status'));
    expect(polls.map((poll) => poll.statusCode)).toEqual(['98', '98', '0']);
    expect(isTicketInProcess(polls[0]?.statusCode ?? '')).toBe(true);
    expect(polls[0]).not.toHaveProperty('cdr');
    const done = polls[2];
    expect(isTicketProcessed(done?.statusCode ?? '')).toBe(true);
    expect(done?.cdr).toMatchObject({
      referenceId: 'RC-20201007-001',
      responseCode: '0',
      description: 'El Resumen de Boletas RC-20201007-001, ha sido aceptado',
    });
    expect(emulator.requests.at(-1)?.soapAction).toBe('urn:getStatus');

    const resend = expectKind(await client.sendSummary(summary.fileName, summary.zip), 'fault');
    expect(resend.code).toBe('2223');
  });

  it('answers 99 with the error CDR for a rejected summary', async () => {
    emulator.setScenario({ kind: 'reject', code: '2346' }, { kind: 'next' });
    const summary = signedSummary(cert, { sequence: '002' });
    const sent = expectKind(await client.sendSummary(summary.fileName, summary.zip), 'ticket');
    const status = expectKind(await client.getStatus(sent.ticket), 'status');
    expect(isTicketProcessedWithErrors(status.statusCode)).toBe(true);
    expect(status.cdr).toMatchObject({ referenceId: 'RC-20201007-002', responseCode: '2346' });
  });

  it('accepts a comunicación de baja signed by another implementation', async () => {
    const ruc = '12345678912';
    const name = `${ruc}-RA-20200328-1`;
    const xml = readFileSync(
      new URL('../../testing/sunat-emulator/fixtures/12345678912-RA-20200328-1.xml', import.meta.url),
    );
    const zip = zipDocument(name, xml.toString('utf8'));
    const other = clientFor({ ruc });
    const sent = expectKind(await other.sendSummary(`${name}.zip`, zip), 'ticket');
    const status = expectKind(await other.getStatus(sent.ticket), 'status');
    expect(status.statusCode).toBe('0');
    expect(status.cdr?.description).toBe('La Comunicacion de baja RA-20200328-1, ha sido aceptada');
  });

  it('answers 0127 for an unknown ticket', async () => {
    const status = expectKind(await client.getStatus('201900000000001'), 'status');
    expect(status).toEqual({ kind: 'status', statusCode: '0127' });
    expect(isTicketUnknown(status.statusCode)).toBe(true);
  });
});

describe('transport failures', () => {
  it('reports a refused connection, and works again once the port is back', async () => {
    await emulator.refuseConnections();
    try {
      const doc = nextInvoice();
      const result = expectKind(await client.sendBill(doc.fileName, doc.zip), 'transport');
      expect(result.reason).toBe('refused');
      expect(result.message).toContain('rechazó la conexión');
    } finally {
      await emulator.acceptConnections();
    }
    const doc = nextInvoice();
    expectKind(await client.sendBill(doc.fileName, doc.zip), 'cdr');
  });

  it('reports an HTTP 502 without SOAP as http-status', async () => {
    emulator.setScenario({ kind: 'http-error', status: 502 }, { kind: 'next' });
    const doc = nextInvoice();
    const result: TransportFailure = expectKind(await client.sendBill(doc.fileName, doc.zip), 'transport');
    expect(result).toMatchObject({ reason: 'http-status', httpStatus: 502 });
    expect(emulator.received.at(-1)?.answer).toEqual({ kind: 'no-answer', scenario: 'http-error' });
  });

  it('gives up on a server that never answers (timeout result)', async () => {
    emulator.setScenario({ kind: 'hang' }, { kind: 'next' });
    const doc = nextInvoice();
    const impatient = clientFor({ timeoutMs: 300 });
    const result = expectKind(await impatient.sendBill(doc.fileName, doc.zip), 'transport');
    expect(result.reason).toBe('timeout');
  });

  it('treats an empty HTTP 200 as an error, never as success', async () => {
    emulator.setScenario({ kind: 'empty-response' }, { kind: 'always' });
    const doc = nextInvoice();
    const bill = expectKind(await client.sendBill(doc.fileName, doc.zip), 'transport');
    expect(bill).toMatchObject({ reason: 'empty-response', httpStatus: 200 });
    const status = expectKind(await client.getStatus('201900000000001'), 'transport');
    expect(status.reason).toBe('empty-response');
  });

  it('says when there is no consult service', async () => {
    const noConsult = createSunatClient({
      billServiceUrl: emulator.url,
      ruc: TEST_RUC,
      ...SUNAT_BETA_CREDENTIALS,
    });
    expect(
      await noConsult.getStatusCdr({ ruc: TEST_RUC, docType: '01', serie: 'F001', correlativo: 1 }),
    ).toMatchObject({
      kind: 'not-configured',
    });
  });
});

describe('HTTPS', () => {
  let secure: SunatEmulator;

  beforeAll(async () => {
    secure = await startSunatEmulator({ https: true });
  }, 60_000);

  afterAll(async () => {
    await secure.close();
  });

  it('refuses a self-signed server certificate without ca, and works with it', async () => {
    const doc = nextInvoice();
    const config: SunatClientConfig = {
      billServiceUrl: secure.url,
      ruc: TEST_RUC,
      ...SUNAT_BETA_CREDENTIALS,
      timeoutMs: 15_000,
    };
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);

    const untrusted = expectKind(
      await createSunatClient(config).sendBill(doc.fileName, doc.zip),
      'transport',
    );
    expect(untrusted.reason).toBe('tls');
    expect(secure.received).toHaveLength(0);

    const trusted: CdrResult = expectKind(
      await createSunatClient({ ...config, ca: secure.ca }).sendBill(doc.fileName, doc.zip),
      'cdr',
    );
    expect(trusted.classification).toBe('accepted');
  });
});

describe('answers outside the contract', () => {
  let raw: http.Server;
  let rawUrl: string;
  let reply: { status: number; body: string; cut?: boolean } = { status: 200, body: '' };

  beforeAll(async () => {
    raw = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (reply.cut) {
          // Promise more than is sent, then drop the connection.
          response.writeHead(reply.status, { 'Content-Type': 'text/xml', 'Content-Length': '10000' });
          response.write(reply.body, () => response.socket?.destroy());
          return;
        }
        response.writeHead(reply.status, { 'Content-Type': 'text/xml' });
        response.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/billService`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  });

  const rawClient = (): SunatClient =>
    createSunatClient({
      billServiceUrl: rawUrl,
      ruc: TEST_RUC,
      ...SUNAT_BETA_CREDENTIALS,
      timeoutMs: 15_000,
    });

  it('reports a 200 that is not SOAP as malformed', async () => {
    reply = { status: 200, body: '<html><body>Mantenimiento</body></html>' };
    const result = expectKind(await rawClient().getStatus('1'), 'transport');
    expect(result).toMatchObject({ reason: 'malformed', httpStatus: 200 });
  });

  it('reports a connection cut in the middle of the answer as a network failure', async () => {
    reply = {
      status: 200,
      body: '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">',
      cut: true,
    };
    const result = expectKind(await rawClient().getStatus('1'), 'transport');
    expect(result.reason).toBe('network');
  });

  it('reports a sendBill answer without a readable CDR as malformed', async () => {
    reply = {
      status: 200,
      body:
        '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>' +
        '<ns2:sendBillResponse xmlns:ns2="http://service.sunat.gob.pe"><applicationResponse>bm8gZXMgdW4gemlw</applicationResponse>' +
        '</ns2:sendBillResponse></S:Body></S:Envelope>',
    };
    const result = expectKind(await rawClient().sendBill('x.zip', new Uint8Array([1])), 'transport');
    expect(result.reason).toBe('malformed');
  });

  it('keeps a fault without a number as code "" (unknown), e.g. env:Client Internal Error', async () => {
    reply = {
      status: 500,
      body:
        '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><env:Fault>' +
        '<faultcode>env:Client</faultcode><faultstring>Internal Error</faultstring></env:Fault></env:Body></env:Envelope>',
    };
    const result: FaultResult = expectKind(await rawClient().getStatus('1'), 'fault');
    expect(result).toMatchObject({
      code: '',
      classification: 'unknown',
      message: 'Internal Error',
      httpStatus: 500,
    });
  });

  it('reports a 0 status without CDR as it is (SUNAT sometimes omits the content)', async () => {
    reply = {
      status: 200,
      body:
        '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>' +
        '<ns2:getStatusResponse xmlns:ns2="http://service.sunat.gob.pe"><status><statusCode>0</statusCode></status>' +
        '</ns2:getStatusResponse></S:Body></S:Envelope>',
    };
    expect(await rawClient().getStatus('1')).toEqual({ kind: 'status', statusCode: '0' });
  });

  it('rejects invalid configuration and arguments', async () => {
    expect(() =>
      createSunatClient({ billServiceUrl: rawUrl, ruc: '123', solUser: 'U', solPassword: 'p' }),
    ).toThrow(RangeError);
    expect(() =>
      createSunatClient({
        billServiceUrl: 'ftp://x/billService',
        ruc: TEST_RUC,
        solUser: 'U',
        solPassword: 'p',
      }),
    ).toThrow(RangeError);
    await expect(rawClient().getStatus(' ')).rejects.toThrow(RangeError);
    await expect(rawClient().sendBill('../x.zip', new Uint8Array())).rejects.toThrow(RangeError);
  });
});
