import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  buildSoapEnvelope,
  PASSWORD_TEXT,
  soapActionOf,
  SOAP_ENV_NS,
  SUNAT_SERVICE_NS,
  WSSE_NS,
} from './soap-envelope';
import { parseSoapReply, responseChild, SoapFormatError, sunatCodeOfFault } from './soap-response';
import { childElements, findPath, parseXml } from './xml-dom';

describe('buildSoapEnvelope', () => {
  const envelope = buildSoapEnvelope(
    'sendBill',
    [
      ['fileName', '20601234565-01-F001-1.zip'],
      ['contentFile', 'UEsDBA=='],
    ],
    { username: '20601234565MODDATOS', password: 'p<&>"' },
  );
  const root = parseXml(envelope).documentElement as Element;

  it('is a SOAP 1.1 envelope with a PasswordText UsernameToken and no nonce', () => {
    expect(root.namespaceURI).toBe(SOAP_ENV_NS);
    const token = findPath(root, [SOAP_ENV_NS, 'Header'], [WSSE_NS, 'Security'], [WSSE_NS, 'UsernameToken']);
    expect(token).toBeDefined();
    const children = childElements(token as Element, WSSE_NS, 'Username')
      .concat(childElements(token as Element, WSSE_NS, 'Password'))
      .map((element) => [element.localName, element.textContent, element.getAttribute('Type')]);
    expect(children).toEqual([
      ['Username', '20601234565MODDATOS', null],
      ['Password', 'p<&>"', PASSWORD_TEXT],
    ]);
    expect(envelope).not.toMatch(/Nonce|Created/);
  });

  it('puts the operation in the service namespace with unqualified parameters', () => {
    const operation = findPath(root, [SOAP_ENV_NS, 'Body'], [SUNAT_SERVICE_NS, 'sendBill']);
    expect(operation).toBeDefined();
    const parameters = ['fileName', 'contentFile'].map(
      (name) => childElements(operation as Element, null, name)[0]?.textContent,
    );
    expect(parameters).toEqual(['20601234565-01-F001-1.zip', 'UEsDBA==']);
    expect(soapActionOf('sendBill')).toBe('urn:sendBill');
    expect(soapActionOf('getStatusCdr')).toBe('urn:getStatusCdr');
  });
});

describe('parseSoapReply', () => {
  it('reads faults whatever the prefixes', () => {
    const reply = parseSoapReply(
      `<e:Envelope xmlns:e="${SOAP_ENV_NS}"><e:Body><e:Fault><faultcode>e:Client.0109</faultcode>` +
        '<faultstring>El sistema no puede responder su solicitud.</faultstring>' +
        '<detail><message>Servicio de autenticación caído</message></detail></e:Fault></e:Body></e:Envelope>',
    );
    expect(reply).toEqual({
      kind: 'fault',
      faultCode: 'e:Client.0109',
      faultString: 'El sistema no puede responder su solicitud.',
      detail: 'Servicio de autenticación caído',
    });
  });

  it('returns the operation response and its unqualified children', () => {
    const reply = parseSoapReply(
      `<S:Envelope xmlns:S="${SOAP_ENV_NS}"><S:Header/><S:Body><x:sendSummaryResponse xmlns:x="${SUNAT_SERVICE_NS}">` +
        '<ticket>1603748823456</ticket></x:sendSummaryResponse></S:Body></S:Envelope>',
    );
    expect(reply.kind).toBe('response');
    if (reply.kind !== 'response') return;
    expect(reply.element.localName).toBe('sendSummaryResponse');
    expect(responseChild(reply.element, 'ticket')?.textContent).toBe('1603748823456');
  });

  it('refuses non-SOAP text', () => {
    expect(() => parseSoapReply('<html><body>Bad Gateway</body></html>')).toThrow(SoapFormatError);
    expect(() => parseSoapReply('Service Temporarily Unavailable')).toThrow(SoapFormatError);
    expect(() => parseSoapReply(`<S:Envelope xmlns:S="${SOAP_ENV_NS}"><S:Body/></S:Envelope>`)).toThrow(
      SoapFormatError,
    );
    // SOAP 1.2 is not what SUNAT speaks.
    expect(() =>
      parseSoapReply(
        '<S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Body><a/></S:Body></S:Envelope>',
      ),
    ).toThrow(SoapFormatError);
  });
});

describe('sunatCodeOfFault', () => {
  const table: [string, string, string][] = [
    ['soap-env:Client.0109', 'El sistema no puede responder su solicitud', '0109'],
    ['soap-env:Client.1033', 'El comprobante fue registrado previamente con otros datos', '1033'],
    [
      'env:Client',
      '0111 - No tiene el perfil para enviar comprobantes electronicos - Detalle: Rejected by policy.',
      '0111',
    ],
    ['env:Client', '2800 - El RUC 20601234565 no está permitido', '2800'],
    ['env:Client', 'Internal Error', ''],
    ['S:Server', '', ''],
  ];
  it.each(table)('%s / %s → %j', (faultCode, faultString, expected) => {
    expect(sunatCodeOfFault(faultCode, faultString)).toBe(expected);
  });
});
