import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { EmulatorScenario, ScenarioScope } from './scenarios';
import {
  SunatService,
  type EmulatorCredentials,
  type ReceivedDocument,
  type ReceivedRequest,
  type ServiceName,
  type ServiceReply,
} from './soap-handler';
import { soapFault } from './soap-messages';
import { makeSelfSignedTlsIdentity } from './tls-certificate';

/**
 * A loopback SUNAT: real SOAP 1.1 over HTTP or HTTPS on 127.0.0.1, on the paths of SUNAT beta's
 * billService and production's billConsultService. Test support only; see scenarios.ts for
 * the scripted behaviours and soap-handler.ts for what it checks.
 */

export const BILL_SERVICE_PATH = '/ol-ti-itcpfegem-beta/billService';
export const CONSULT_SERVICE_PATH = '/ol-it-wsconscpegem/billConsultService';
const HOST = '127.0.0.1';
const MAX_REQUEST_BYTES = 20 * 1024 * 1024;
const WSDL_DIR = new URL('../../../resources/sunat/wsdl/', import.meta.url);

export interface SunatEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** HTTPS with a self-signed certificate made at start; its PEM is `emulator.ca`. */
  https?: boolean;
  /** Default: SUNAT beta's `MODDATOS` / `moddatos` for any RUC. */
  credentials?: EmulatorCredentials;
  /** Verify the XML signature with xml-crypto (default true). */
  verifySignature?: boolean;
  /** Validate against the bundled XSD with xmllint (default true). */
  validateSchema?: boolean;
  /** `98` answers before a summary's final status (default 0; scenarios may override). */
  defaultPendingPolls?: number;
  now?: () => Date;
}

export interface SunatEmulator {
  /** billService URL (sendBill, sendSummary, getStatus). */
  readonly url: string;
  /** billConsultService URL (getStatusCdr). */
  readonly consultUrl: string;
  readonly port: number;
  /** PEM of the self-signed certificate in HTTPS mode, to pass as the client's `ca`. */
  readonly ca: string | undefined;
  /** Every document received by sendBill/sendSummary, with what it was answered. */
  readonly received: readonly ReceivedDocument[];
  /** Every SOAP request, in order. */
  readonly requests: readonly ReceivedRequest[];
  setScenario(scenario: EmulatorScenario, scope?: ScenarioScope): void;
  /** Back to accepting everything (documents already received stay known). */
  clearScenarios(): void;
  /** Stops listening; the port stays reserved so `acceptConnections` gets it back. */
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  /** Forgets documents, tickets, logs and scenarios. */
  reset(): void;
  close(): Promise<void>;
}

export async function startSunatEmulator(options: SunatEmulatorOptions = {}): Promise<SunatEmulator> {
  const service = new SunatService({
    credentials: options.credentials ?? { solUser: 'MODDATOS', solPassword: 'moddatos' },
    verifySignature: options.verifySignature ?? true,
    validateSchema: options.validateSchema ?? true,
    defaultPendingPolls: options.defaultPendingPolls ?? 0,
    now: options.now ?? (() => new Date()),
  });
  const tls = options.https ? makeSelfSignedTlsIdentity() : undefined;
  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    void handleHttp(service, request, response);
  };
  const server = tls
    ? https.createServer({ key: tls.keyPem, cert: tls.certPem }, handler)
    : http.createServer(handler);

  const port = await listen(server, options.port ?? 0);
  const origin = `${tls ? 'https' : 'http'}://${HOST}:${port}`;
  const reservation = new PortReservation(port);
  let refusing = false;
  let closed = false;

  return {
    url: `${origin}${BILL_SERVICE_PATH}`,
    consultUrl: `${origin}${CONSULT_SERVICE_PATH}`,
    port,
    ca: tls?.certPem,
    received: service.received,
    requests: service.requests,
    setScenario: (scenario, scope) => service.scenarios.set(scenario, scope),
    clearScenarios: () => service.scenarios.clear(),
    reset: () => service.reset(),
    async refuseConnections() {
      if (refusing || closed) return;
      refusing = true;
      await stopListening(server);
      await reservation.hold();
    },
    async acceptConnections() {
      if (!refusing || closed) return;
      await reservation.release();
      await listen(server, port);
      refusing = false;
    },
    async close() {
      if (closed) return;
      closed = true;
      await reservation.release();
      await reservation.close();
      if (!refusing) await stopListening(server);
    },
  };
}

async function handleHttp(
  service: SunatService,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${HOST}`);
  const serviceName: ServiceName | undefined =
    url.pathname === BILL_SERVICE_PATH
      ? 'bill'
      : url.pathname === CONSULT_SERVICE_PATH
        ? 'consult'
        : undefined;
  try {
    if (request.method === 'GET') {
      await serveWsdl(url, serviceName, response);
      return;
    }
    if (request.method !== 'POST' || !serviceName) {
      sendText(response, 404, 'No encontrado');
      return;
    }
    const contentType = request.headers['content-type'];
    // SOAP 1.1 travels as text/xml; SOAP 1.2 (application/soap+xml) is not what SUNAT speaks.
    if (!contentType || !/^text\/xml\b/i.test(contentType)) {
      sendText(response, 415, 'Se esperaba Content-Type text/xml (SOAP 1.1).');
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      sendText(response, 413, 'Solicitud demasiado grande.');
      return;
    }
    const soapAction = request.headers.soapaction;
    const reply = await service.handle({
      service: serviceName,
      body,
      contentType,
      ...(typeof soapAction === 'string' ? { soapAction: soapAction.replace(/^"|"$/g, '') } : {}),
    });
    writeReply(response, reply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeReply(response, {
      kind: 'soap',
      status: 500,
      body: soapFault('soap-env:Server', `Error interno del emulador: ${message}`),
    });
  }
}

function writeReply(response: http.ServerResponse, reply: ServiceReply): void {
  switch (reply.kind) {
    case 'soap':
      response.writeHead(reply.status, { 'Content-Type': 'text/xml; charset=utf-8' });
      response.end(reply.body);
      return;
    case 'http-error':
      sendHtml(response, reply.status, `<html><body><h1>${reply.status} Bad Gateway</h1></body></html>`);
      return;
    case 'empty-response':
      response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': '0' });
      response.end();
      return;
    case 'hang':
      // Never answered: the client's deadline or close() ends the connection.
      return;
  }
}

/** `billService?wsdl` and the files it imports, from resources/sunat/wsdl. */
async function serveWsdl(
  url: URL,
  serviceName: ServiceName | undefined,
  response: http.ServerResponse,
): Promise<void> {
  const servicePath = serviceName === 'bill' ? BILL_SERVICE_PATH : CONSULT_SERVICE_PATH;
  let file: string | undefined;
  if (serviceName && url.search.toLowerCase() === '?wsdl') {
    file = serviceName === 'bill' ? 'billService.wsdl' : 'billConsultService.wsdl';
  } else {
    const folder = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
    const candidate = url.pathname.slice(folder.length);
    const folders = [BILL_SERVICE_PATH, CONSULT_SERVICE_PATH].map((path) =>
      path.slice(0, path.lastIndexOf('/') + 1),
    );
    if (folders.includes(folder) && /^[A-Za-z0-9.]+\.(wsdl|xsd)$/.test(candidate)) file = candidate;
  }
  if (!file) {
    sendText(response, 404, `No encontrado (WSDL en ${servicePath}?wsdl)`);
    return;
  }
  try {
    const content = await readFile(fileURLToPath(new URL(file, WSDL_DIR)));
    response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    response.end(content);
  } catch {
    sendText(response, 404, 'No encontrado');
  }
}

function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sendHtml(response: http.ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(html);
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function stopListening(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Hanging and keep-alive connections would keep close() waiting.
    server.closeAllConnections();
  });
}

/**
 * Keeps a port bound without listening, so connections to it are refused while no ephemeral
 * port or `listen(0)` can take it: an outgoing connection bound to the port, to a private
 * anchor server. Releasing closes it from the anchor side, leaving no TIME_WAIT on the port.
 */
class PortReservation {
  private anchor: net.Server | undefined;
  private anchorSide: net.Socket | undefined;
  private holder: net.Socket | undefined;

  constructor(private readonly port: number) {}

  async hold(): Promise<void> {
    if (this.holder) return;
    if (!this.anchor) {
      this.anchor = net.createServer((socket) => {
        this.anchorSide = socket;
      });
      await listen(this.anchor, 0);
    }
    const anchorAddress = this.anchor.address();
    const anchorPort = typeof anchorAddress === 'object' && anchorAddress ? anchorAddress.port : 0;
    const holder = net.connect({ host: HOST, port: anchorPort, localAddress: HOST, localPort: this.port });
    await new Promise<void>((resolve, reject) => {
      holder.once('connect', () => resolve());
      holder.once('error', reject);
    });
    this.holder = holder;
  }

  async release(): Promise<void> {
    const holder = this.holder;
    if (!holder) return;
    this.holder = undefined;
    const closed = new Promise<void>((resolve) => holder.once('close', () => resolve()));
    holder.on('error', () => {
      // The anchor side closing first may surface as a reset here; either way it is gone.
    });
    if (this.anchorSide) this.anchorSide.destroy();
    else holder.destroy();
    await closed;
    this.anchorSide = undefined;
  }

  async close(): Promise<void> {
    const anchor = this.anchor;
    this.anchor = undefined;
    if (anchor) await new Promise<void>((resolve) => anchor.close(() => resolve()));
  }
}
