import { acceptedDescription, writeCdrXml, zipCdr } from './cdr-writer';
import { inspectSubmission, type InspectedDocument } from './document-checks';
import { DocumentRegistry } from './document-registry';
import { sunatMessage } from './error-catalog';
import {
  isDocumentOutcome,
  ScenarioBook,
  type DocumentOutcomeScenario,
  type ObservationNote,
} from './scenarios';
import { element, parseSoapRequest, soapFault, soapResponse, type SoapRequest } from './soap-messages';
import { TicketStore } from './ticket-store';

/**
 * The emulated billService and billConsultService, independent of HTTP: one request text in,
 * one reply out. Order per request: scenario (transport outages first), WS-Security, scripted
 * fault, document checks, what SUNAT already holds, scripted outcome.
 */

export type ServiceName = 'bill' | 'consult';

export interface EmulatorCredentials {
  /** SOL user expected after the RUC in the username (case-insensitive, like SOL). */
  solUser: string;
  solPassword: string;
  /** Only this RUC may authenticate; any 11-digit RUC when absent (SUNAT beta behaviour). */
  ruc?: string;
}

export interface ServiceOptions {
  credentials: EmulatorCredentials;
  verifySignature: boolean;
  validateSchema: boolean;
  /** `98` answers before a summary's final status, unless its scenario says otherwise. */
  defaultPendingPolls: number;
  now: () => Date;
}

export type ServiceReply =
  | { kind: 'soap'; status: number; body: string }
  | { kind: 'http-error'; status: number }
  | { kind: 'hang' }
  | { kind: 'empty-response' };

export type ReceivedAnswer =
  | { kind: 'cdr'; responseCode: string }
  | { kind: 'ticket'; ticket: string }
  | { kind: 'fault'; code: string }
  | { kind: 'no-answer'; scenario: 'http-error' | 'hang' | 'empty-response' };

/** A document that reached sendBill/sendSummary, whatever happened to it. */
export interface ReceivedDocument {
  operation: 'sendBill' | 'sendSummary';
  fileName: string;
  zip: Uint8Array;
  /** The XML text when the zip could be read. */
  xml?: string;
  username?: string;
  answer: ReceivedAnswer;
}

export interface ReceivedRequest {
  service: ServiceName;
  operation?: string;
  /** SOAPAction header without quotes. */
  soapAction?: string;
  contentType?: string;
  username?: string;
}

export interface ServiceRequest {
  service: ServiceName;
  body: string;
  soapAction?: string;
  contentType?: string;
}

const OPERATIONS: Readonly<Record<ServiceName, readonly string[]>> = {
  bill: ['sendBill', 'sendSummary', 'getStatus', 'sendPack'],
  consult: ['getStatusCdr', 'getStatus'],
};

const DEFAULT_OBSERVATIONS: readonly ObservationNote[] = [{ code: '4252', message: sunatMessage('4252') }];
const DEFAULT_REJECTION = '2017';

const CONSULT_MESSAGES: Readonly<Record<string, string>> = {
  '0001': 'El comprobante existe y está aceptado',
  '0002': 'El comprobante existe pero está rechazado',
  '0004': 'Formato de RUC no es válido (debe contener 11 caracteres numéricos)',
  '0006': 'Formato de serie inválido (debe contener 4 caracteres)',
  '0007': 'El número de comprobante debe ser mayor que cero',
  '0009': 'El tipo de comprobante debe ser (01, 07 o 08)',
  '0011': 'El comprobante de pago electrónico no existe',
  '0012': 'El comprobante de pago electrónico no le pertenece',
};

type Authenticated = { ok: true; ruc: string; username: string } | { ok: false; code: string };

export class SunatService {
  readonly received: ReceivedDocument[] = [];
  readonly requests: ReceivedRequest[] = [];
  readonly scenarios = new ScenarioBook();
  private readonly registry = new DocumentRegistry();
  private readonly tickets: TicketStore;
  private cdrSequence = 0;

  constructor(private readonly options: ServiceOptions) {
    this.tickets = new TicketStore(options.now);
  }

  /** Forgets documents, tickets, logs and scenarios. */
  reset(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.scenarios.clear();
    this.registry.clear();
    this.tickets.clear();
  }

  async handle(input: ServiceRequest): Promise<ServiceReply> {
    const parsed = parseSoapRequest(input.body);
    const request = parsed.ok ? parsed.request : undefined;
    this.requests.push({
      service: input.service,
      ...(request ? { operation: request.operation } : {}),
      ...(input.soapAction !== undefined ? { soapAction: input.soapAction } : {}),
      ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
      ...(request?.username !== undefined ? { username: request.username } : {}),
    });

    const sendsDocument = request?.operation === 'sendBill' || request?.operation === 'sendSummary';
    const fileName = request?.parameters.get('fileName');
    const scenario = this.scenarios.take({
      sendsDocument,
      documentName: fileName?.replace(/\.zip$/i, ''),
    });
    const received = sendsDocument && request ? this.receive(request) : undefined;
    const answer = (reply: ServiceReply, recorded: ReceivedAnswer): ServiceReply => {
      if (received) received.answer = recorded;
      return reply;
    };

    if (scenario.kind === 'http-error') {
      return answer(
        { kind: 'http-error', status: scenario.status ?? 502 },
        { kind: 'no-answer', scenario: 'http-error' },
      );
    }
    if (scenario.kind === 'hang' || scenario.kind === 'empty-response') {
      return answer({ kind: scenario.kind }, { kind: 'no-answer', scenario: scenario.kind });
    }
    if (!request) {
      return {
        kind: 'soap',
        status: 500,
        body: soapFault('soap-env:Client', parsed.ok ? '' : parsed.message),
      };
    }
    if (!OPERATIONS[input.service].includes(request.operation)) {
      return clientFault(`Operación desconocida en este servicio: ${request.operation}`);
    }
    const action = input.soapAction ?? '';
    if (action !== '' && action !== `urn:${request.operation}`) {
      return answer(clientFault(`SOAPAction ${action} no corresponde a la operación ${request.operation}`), {
        kind: 'fault',
        code: '',
      });
    }

    const auth = this.authenticate(request);
    if (!auth.ok) return answer(fault(auth.code), { kind: 'fault', code: auth.code });
    if (scenario.kind === 'fault') {
      const reply = fault(scenario.code, scenario.message, scenario.codeIn);
      return answer(reply, { kind: 'fault', code: scenario.code });
    }
    const outcome: DocumentOutcomeScenario = isDocumentOutcome(scenario) ? scenario : { kind: 'accept' };

    switch (request.operation) {
      case 'sendBill':
      case 'sendSummary': {
        const result = await this.send(request, auth, outcome, received);
        return answer(result.reply, result.answer);
      }
      case 'getStatus':
        return input.service === 'bill' ? this.getStatus(request, auth) : this.consult(request, auth, false);
      case 'getStatusCdr':
        return this.consult(request, auth, true);
      default:
        return clientFault(`${request.operation} no está disponible en el emulador`);
    }
  }

  private receive(request: SoapRequest): ReceivedDocument {
    const content = request.parameters.get('contentFile') ?? '';
    const document: ReceivedDocument = {
      operation: request.operation === 'sendSummary' ? 'sendSummary' : 'sendBill',
      fileName: request.parameters.get('fileName') ?? '',
      zip: new Uint8Array(Buffer.from(content, 'base64')),
      ...(request.username !== undefined ? { username: request.username } : {}),
      answer: { kind: 'fault', code: '' },
    };
    this.received.push(document);
    return document;
  }

  private authenticate(request: SoapRequest): Authenticated {
    const { username, password } = request;
    if (username === undefined || password === undefined) return { ok: false, code: '0101' };
    const match = /^(\d{11})(.+)$/.exec(username);
    const expected = this.options.credentials;
    if (
      !match ||
      match[2]?.toUpperCase() !== expected.solUser.toUpperCase() ||
      password !== expected.solPassword ||
      (expected.ruc !== undefined && match[1] !== expected.ruc)
    ) {
      return { ok: false, code: '0102' };
    }
    return { ok: true, ruc: match[1] ?? '', username };
  }

  private async send(
    request: SoapRequest,
    auth: Extract<Authenticated, { ok: true }>,
    outcome: DocumentOutcomeScenario,
    received: ReceivedDocument | undefined,
  ): Promise<{ reply: ServiceReply; answer: ReceivedAnswer }> {
    const operation = request.operation === 'sendSummary' ? 'sendSummary' : 'sendBill';
    const refuse = (code: string, detail?: string): { reply: ServiceReply; answer: ReceivedAnswer } => ({
      reply: fault(code, undefined, 'faultcode', detail),
      answer: { kind: 'fault', code },
    });

    const check = await inspectSubmission(
      {
        operation,
        fileName: request.parameters.get('fileName') ?? '',
        zip: received?.zip ?? new Uint8Array(),
        senderRuc: auth.ruc,
      },
      { verifySignature: this.options.verifySignature, validateSchema: this.options.validateSchema },
    );
    if (received && !check.ok && check.xml !== undefined) received.xml = check.xml;
    if (!check.ok) return refuse(check.code, check.detail);
    const document = check.document;
    if (received) received.xml = document.xml;
    const { name } = document;

    if (name.kind === 'summary') {
      if (this.registry.hasSummary(name.name)) return refuse(name.summaryType === 'RA' ? '2324' : '2223');
      if (outcome.kind === 'reject' && outcome.via === 'fault') {
        this.registry.registerSummary(name.name);
        return refuse(outcome.code ?? DEFAULT_REJECTION, outcome.description);
      }
      this.registry.registerSummary(name.name);
      const cdr = this.cdrFor(document, auth.ruc, outcome);
      const ticket = this.tickets.create({
        ruc: auth.ruc,
        documentName: name.name,
        pendingPolls: outcome.pendingPolls ?? this.options.defaultPendingPolls,
        outcome: { statusCode: cdr.responseCode === '0' ? '0' : '99', cdrZip: cdr.zip },
      });
      return {
        reply: ok('sendSummary', element('ticket', ticket)),
        answer: { kind: 'ticket', ticket },
      };
    }

    const previous = this.registry.get(name.name);
    if (previous) return refuse(previous.status === 'accepted' ? '1033' : '1032');
    const register = (status: 'accepted' | 'rejected', responseCode: string, cdrZip: Uint8Array): void =>
      this.registry.register({
        name: name.name,
        ruc: name.ruc,
        docType: name.docType,
        serie: name.serie,
        number: name.number,
        status,
        responseCode,
        cdrZip,
      });

    const cdr = this.cdrFor(document, auth.ruc, outcome);
    if (outcome.kind === 'reject' && outcome.via === 'fault') {
      // A rejection consumes the number even when it comes as a fault.
      register('rejected', cdr.responseCode, cdr.zip);
      return refuse(cdr.responseCode, outcome.description);
    }
    register(cdr.responseCode === '0' ? 'accepted' : 'rejected', cdr.responseCode, cdr.zip);
    return {
      reply: ok('sendBill', element('applicationResponse', Buffer.from(cdr.zip).toString('base64'))),
      answer: { kind: 'cdr', responseCode: cdr.responseCode },
    };
  }

  private cdrFor(
    document: InspectedDocument,
    issuerRuc: string,
    outcome: DocumentOutcomeScenario,
  ): { responseCode: string; zip: Uint8Array } {
    const rejected = outcome.kind === 'reject';
    const responseCode = rejected ? (outcome.code ?? DEFAULT_REJECTION) : '0';
    const description = rejected
      ? (outcome.description ?? sunatMessage(responseCode))
      : acceptedDescription(document.typeCode, document.referenceId);
    const notes = outcome.kind === 'observe' ? (outcome.notes ?? DEFAULT_OBSERVATIONS) : [];
    const respondedAt = this.options.now();
    this.cdrSequence += 1;
    const xml = writeCdrXml({
      documentName: document.name.name,
      referenceId: document.referenceId,
      issuerRuc,
      ...(document.recipientId ? { recipientId: document.recipientId } : {}),
      cdrId: `${respondedAt.getTime()}${String(this.cdrSequence).padStart(3, '0')}`,
      responseCode,
      description,
      notes,
      respondedAt,
    });
    return { responseCode, zip: zipCdr(document.name.name, xml) };
  }

  private getStatus(request: SoapRequest, auth: Extract<Authenticated, { ok: true }>): ServiceReply {
    const ticket = request.parameters.get('ticket') ?? '';
    const poll = this.tickets.poll(ticket, auth.ruc);
    switch (poll.kind) {
      case 'unknown':
        return ok('getStatus', `<status>${element('statusCode', '0127')}</status>`);
      case 'foreign':
        return fault('0126');
      case 'pending':
        return ok('getStatus', `<status>${element('statusCode', '98')}</status>`);
      case 'done': {
        const content = element('content', Buffer.from(poll.cdrZip).toString('base64'));
        return ok('getStatus', `<status>${content}${element('statusCode', poll.statusCode)}</status>`);
      }
    }
  }

  /** billConsultService: getStatusCdr (with the CDR) or getStatus (state only). */
  private consult(
    request: SoapRequest,
    auth: Extract<Authenticated, { ok: true }>,
    withCdr: boolean,
  ): ServiceReply {
    const ruc = request.parameters.get('rucComprobante') ?? '';
    const docType = request.parameters.get('tipoComprobante') ?? '';
    const serie = request.parameters.get('serieComprobante') ?? '';
    const number = request.parameters.get('numeroComprobante') ?? '';
    let statusCode: string;
    let cdrZip: Uint8Array | undefined;
    if (!/^\d{11}$/.test(ruc)) statusCode = '0004';
    else if (!['01', '07', '08'].includes(docType)) statusCode = '0009';
    else if (!/^[A-Z0-9]{4}$/.test(serie)) statusCode = '0006';
    else if (!/^\d{1,10}$/.test(number) || Number(number) === 0) statusCode = '0007';
    else if (ruc !== auth.ruc) statusCode = '0012';
    else {
      const found = this.registry.find(ruc, docType, serie, Number(number));
      statusCode = !found ? '0011' : found.status === 'accepted' ? '0001' : '0002';
      cdrZip = found?.cdrZip;
    }
    const wrapper = withCdr ? 'statusCdr' : 'status';
    const content = withCdr && cdrZip ? element('content', Buffer.from(cdrZip).toString('base64')) : '';
    const inner = `${content}${element('statusCode', statusCode)}${element('statusMessage', CONSULT_MESSAGES[statusCode] ?? '')}`;
    return ok(withCdr ? 'getStatusCdr' : 'getStatus', `<${wrapper}>${inner}</${wrapper}>`);
  }
}

function ok(operation: string, inner: string): ServiceReply {
  return { kind: 'soap', status: 200, body: soapResponse(operation, inner) };
}

/** SUNAT-coded fault: `soap-env:Client.NNNN`, or the code only in the text. */
function fault(
  code: string,
  message?: string,
  codeIn: 'faultcode' | 'faultstring' = 'faultcode',
  detail?: string,
): ServiceReply {
  const text = message ?? sunatMessage(code);
  const body =
    codeIn === 'faultcode'
      ? soapFault(`soap-env:Client.${code}`, text, detail)
      : soapFault('soap-env:Client', `${code} - ${text}`, detail);
  return { kind: 'soap', status: 500, body };
}

function clientFault(message: string): ServiceReply {
  return { kind: 'soap', status: 500, body: soapFault('soap-env:Client', message) };
}
