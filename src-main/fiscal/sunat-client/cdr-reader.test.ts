import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CdrReadError, parseNote, readCdr, type CdrInfo } from './cdr-reader';
import { classifyCdr } from './sunat-codes';

const FIXTURES = new URL('./fixtures/cdr/', import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Every sample, with what it must say. */
const EXPECTED: Record<string, Partial<CdrInfo> & { class: string; noteCodes: string[] }> = {
  'R-20600995805-01-F001-1.xml': {
    id: '201656892705188',
    issueDate: '2016-05-25',
    issueTime: '08:22:48',
    responseDate: '2016-05-25',
    responseTime: '08:22:48',
    referenceId: 'F001-1',
    responseCode: '0',
    description: 'La Factura numero F001-00000001, ha sido aceptada',
    senderId: '20131312955',
    receiverId: '20600995805',
    recipientId: '6-20587896411',
    class: 'accepted',
    noteCodes: [],
  },
  'R-20600995805-01-F001-2.xml': {
    referenceId: 'F001-2',
    responseCode: '0109',
    description: 'El sistema no pudo procesar su solicitud',
    class: 'exception',
    noteCodes: [],
  },
  'R-20600995805-01-F001-3.xml': {
    referenceId: 'F001-1',
    responseCode: '0',
    class: 'observed',
    noteCodes: ['4031', '4001'],
  },
  'R-20600995805-RA-20171001-1.xml': {
    referenceId: 'RA-20171001-1',
    responseCode: '0',
    // The file is ISO-8859-1: the `ó` must survive decoding.
    description: 'La Comunicación de baja RA-20171001-1, ha sido aceptada',
    class: 'accepted',
    noteCodes: [],
  },
  'efact_cdr1.xml': {
    id: 'e449aad1-41f0-46e9-b10c-f33f680e0725',
    issueDate: '2021-03-18',
    responseDate: '2021-03-18',
    referenceId: 'F001-1',
    responseCode: '0',
    description: 'La Factura F001-1 ha sido aceptada.',
    senderId: '20000000003',
    receiverId: '20000000001',
    recipientId: '20000000001',
    class: 'accepted',
    noteCodes: [],
  },
  'R-12345678901-01-F001-00000587.xml': {
    id: '1537453143191',
    issueDate: '2018-09-20T09:16:25',
    referenceId: 'F001-00000587',
    responseCode: '0',
    recipientId: '6-10414774453',
    class: 'accepted',
    noteCodes: [],
  },
  'R-20220557805-01-F001-22.xml': {
    referenceId: 'F001-22',
    responseCode: '0',
    receiverId: '20220557805',
    class: 'observed',
    noteCodes: ['4252', '4255', '3030', '4255', '4252', '4252', '4252', '4252'],
  },
};

describe('readCdr', () => {
  it('has an expectation for every sample in fixtures/cdr', () => {
    const files = readdirSync(fileURLToPath(FIXTURES)).filter((file) => file.endsWith('.xml'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('reads %s', (file, expected) => {
    const cdr = readCdr(fixture(file));
    const { class: expectedClass, noteCodes, ...fields } = expected;
    expect(cdr).toMatchObject(fields);
    expect(cdr.notes.map((note) => note.code)).toEqual(noteCodes);
    expect(classifyCdr(cdr)).toBe(expectedClass);
  });

  it('splits observation notes into code and message', () => {
    const cdr = readCdr(fixture('R-20220557805-01-F001-22.xml'));
    expect(cdr.notes[2]).toEqual({
      code: '3030',
      message:
        'El XML no contiene el tag o no existe información del código de local anexo del emisor - INFO: 3030 (nodo: "/" valor: "")',
    });
    expect(readCdr(fixture('R-20600995805-01-F001-3.xml')).notes).toEqual([
      { code: '4031', message: 'Debe indicar el nombre comercial' },
      { code: '4001', message: 'El numero de RUC del receptor no existe.' },
    ]);
  });

  it('leaves out fields an exception CDR does not have', () => {
    const cdr = readCdr(fixture('R-20600995805-01-F001-2.xml'));
    expect(cdr).not.toHaveProperty('id');
    expect(cdr).not.toHaveProperty('issueDate');
    expect(cdr).not.toHaveProperty('recipientId');
  });

  it('parses by namespace, not by prefix', () => {
    const xml = readFileSync(new URL('R-20600995805-01-F001-1.xml', FIXTURES), 'latin1')
      .replaceAll('cbc:', 'b:')
      .replaceAll('xmlns:cbc=', 'xmlns:b=');
    expect(readCdr(xml)).toMatchObject({ referenceId: 'F001-1', responseCode: '0' });
    // Same local names in another namespace are not a CDR's.
    const foreign = xml.replace(
      'xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
      'xmlns:b="urn:example:other"',
    );
    expect(() => readCdr(foreign)).toThrow(CdrReadError);
  });

  it('refuses what is not an ApplicationResponse', () => {
    expect(() => readCdr('<html><body>502 Bad Gateway</body></html>')).toThrow(CdrReadError);
    expect(() => readCdr('<ar:ApplicationResponse xmlns:ar="x"')).toThrow(CdrReadError);
    expect(() => readCdr('')).toThrow(CdrReadError);
  });
});

describe('parseNote', () => {
  it('takes the leading code and the rest as message', () => {
    expect(parseNote('4252 - El dato ingresado - INFO: x')).toEqual({
      code: '4252',
      message: 'El dato ingresado - INFO: x',
    });
    expect(parseNote('  4001-Sin espacios ')).toEqual({ code: '4001', message: 'Sin espacios' });
    expect(parseNote('Texto libre')).toEqual({ code: '', message: 'Texto libre' });
  });
});
