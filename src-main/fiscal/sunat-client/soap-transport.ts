import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * One SOAP 1.1 POST over node:http/https. TLS verification is always on (Greenter ships with it
 * off, sunat.md §4); a test or an OSE with a private CA adds that CA to the public roots instead.
 * One timer bounds the whole exchange — connect, TLS, headers and body — because SUNAT can
 * accept a connection and then never answer.
 */

export interface SoapHttpRequest {
  url: URL;
  soapAction: string;
  body: string;
  timeoutMs: number;
  /** Extra trusted CA (PEM), added to Node's bundled roots. */
  ca?: string | Buffer;
}

export type TransportFailureReason = 'refused' | 'timeout' | 'tls' | 'network' | 'malformed';

export type SoapHttpOutcome =
  | { ok: true; status: number; contentType: string | undefined; body: Buffer }
  | { ok: false; reason: TransportFailureReason; message: string };

/** A SOAP answer from SUNAT is a few kilobytes; a CDR zip rarely more than a few hundred. */
const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

const TLS_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function postSoap(request: SoapHttpRequest): Promise<SoapHttpOutcome> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    let settled = false;
    let timedOut = false;
    const settle = (outcome: SoapHttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      settle({
        ok: false,
        reason: 'timeout',
        message: `SUNAT no respondió en ${formatSeconds(request.timeoutMs)}.`,
      });
    }, request.timeoutMs);

    const body = Buffer.from(request.body, 'utf8');
    const isHttps = request.url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: 'POST',
      signal: controller.signal,
      // A fresh connection per call: no idle keep-alive socket survives a failed exchange.
      agent: false,
      headers: {
        'Content-Type': 'text/xml; charset=utf-8',
        // SOAP 1.1 quotes the action URI.
        SOAPAction: `"${request.soapAction}"`,
        Accept: 'text/xml',
        'Content-Length': String(body.length),
        'User-Agent': 'Mostrador',
      },
      ...(isHttps
        ? {
            rejectUnauthorized: true,
            ...(request.ca !== undefined ? { ca: [...rootCertificates, request.ca.toString()] } : {}),
          }
        : {}),
    };

    const onResponse = (response: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          settle({ ok: false, reason: 'malformed', message: 'La respuesta de SUNAT es demasiado grande.' });
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        settle({
          ok: true,
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', (error) => settle(failureOf(error, timedOut, request.timeoutMs)));
      response.on('close', () => {
        if (!response.complete) {
          settle({
            ok: false,
            reason: 'network',
            message: 'SUNAT cortó la conexión a mitad de la respuesta.',
          });
        }
      });
    };

    const req = isHttps
      ? https.request(request.url, options, onResponse)
      : http.request(request.url, options, onResponse);
    req.on('error', (error) => settle(failureOf(error, timedOut, request.timeoutMs)));
    req.end(body);
  });
}

function failureOf(error: Error, timedOut: boolean, timeoutMs: number): SoapHttpOutcome {
  if (timedOut) {
    return { ok: false, reason: 'timeout', message: `SUNAT no respondió en ${formatSeconds(timeoutMs)}.` };
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') {
    return {
      ok: false,
      reason: 'refused',
      message: 'El servidor de SUNAT rechazó la conexión (servicio caído o dirección incorrecta).',
    };
  }
  if (TLS_ERROR_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return {
      ok: false,
      reason: 'tls',
      message: `No se pudo verificar el certificado del servidor (${code}); la conexión no es segura.`,
    };
  }
  return {
    ok: false,
    reason: 'network',
    message: `Error de red al conectar con SUNAT (${code || error.message}).`,
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
