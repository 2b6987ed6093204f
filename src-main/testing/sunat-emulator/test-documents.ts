import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { loadPfx, type StoreCertificate } from '../../fiscal/signing/certificate';
import { signUblXml } from '../../fiscal/signing/sign-xml';
import { zipDocument, zipFileName } from '../../fiscal/sunat-client/zip';
import { buildInvoiceXml } from '../../fiscal/ubl/invoice-xml';
import type { SaleView } from '../../sales/sale-view';
import { computeLineTaxes, summarizeTotals } from '../../sales/taxes';
import { paymentView } from '../sale-view-fixtures';

/**
 * Signed documents for talking to the emulator: a one-line boleta or factura built and signed
 * by the app's own UBL builder and signer, and a resumen diario made from SUNAT-shaped sample
 * XML (the app's RC builder does not exist yet) signed the same way.
 */

export const TEST_RUC = '20601234565';
const PFX_PASSWORD = 'emulador';
const DAY_MS = 86_400_000;
const RC_SAMPLE = new URL('./fixtures/20123456789-RC-20201007-001.xml', import.meta.url);
const RC_SAMPLE_RUC = '20123456789';

export interface TestDocument {
  /** `20601234565-03-B001-7` */
  name: string;
  /** `{name}.zip`, SUNAT's fileName. */
  fileName: string;
  signedXml: string;
  zip: Uint8Array;
}

/** A self-signed PFX shaped like a SUNAT one (RUC in SERIALNUMBER and CN), loaded as the app does. */
export function makeTestCertificate(ruc: string = TEST_RUC, now: Date = new Date()): StoreCertificate {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + 365 * DAY_MS);
  const subject = [
    { shortName: 'C', value: 'PE' },
    { shortName: 'O', value: 'Comercial Santa Rosa de Lima S.A.C.' },
    { name: 'serialNumber', value: ruc },
    { shortName: 'CN', value: `COMERCIAL SANTA ROSA ${ruc}` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], PFX_PASSWORD, { algorithm: '3des' });
  return loadPfx(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), PFX_PASSWORD);
}

export interface InvoiceSpec {
  docType?: '01' | '03';
  serie?: string;
  correlativo: number;
  ruc?: string;
}

/**
 * A signed one-line boleta (default) or factura, zipped as SUNAT wants it. `editBeforeSigning`
 * makes documents that are signed correctly but wrong otherwise (e.g. schema-invalid).
 */
export function signedInvoice(
  cert: StoreCertificate,
  spec: InvoiceSpec,
  editBeforeSigning: (unsignedXml: string) => string = (xml) => xml,
): TestDocument {
  const sale = testSale(spec);
  const { signedXml } = signUblXml(editBeforeSigning(buildInvoiceXml(sale)), cert);
  const name = `${sale.store.ruc}-${sale.docType}-${sale.serie}-${sale.correlativo}`;
  return { name, fileName: zipFileName(name), signedXml, zip: zipDocument(name, signedXml) };
}

export interface SummarySpec {
  ruc?: string;
  /** Correlativo of the RC in its day (1–5 digits). */
  sequence?: string;
}

/**
 * A signed RC for 2020-10-07 (sample from greenter, re-keyed to `ruc`): its ExtensionContent is
 * empty, so the app's signer fills it like any UBL document.
 */
export function signedSummary(cert: StoreCertificate, spec: SummarySpec = {}): TestDocument {
  const ruc = spec.ruc ?? TEST_RUC;
  const id = `RC-20201007-${spec.sequence ?? '001'}`;
  const unsigned = readFileSync(RC_SAMPLE, 'utf8')
    .replaceAll(RC_SAMPLE_RUC, ruc)
    .replace('<cbc:ID>RC-20201007-001</cbc:ID>', `<cbc:ID>${id}</cbc:ID>`)
    .replace('#GREENTER-SIGN', '#SignatureSP');
  const { signedXml } = signUblXml(unsigned, cert);
  const name = `${ruc}-${id}`;
  return { name, fileName: zipFileName(name), signedXml, zip: zipDocument(name, signedXml) };
}

/** Re-zips a document after changing its text, keeping the name (tampering, wrong content…). */
export function rezipped(document: TestDocument, xml: string): TestDocument {
  return { ...document, signedXml: xml, zip: zipDocument(document.name, xml) };
}

const RATES = { igvBps: 1800, icbperCents: 50 };

function testSale(spec: InvoiceSpec): SaleView {
  const docType = spec.docType ?? '03';
  const serie = spec.serie ?? (docType === '01' ? 'F001' : 'B001');
  const grossCents = 2 * 390;
  const taxes = computeLineTaxes({ affectation: '10', grossCents, discountCents: 0, bagUnits: 0 }, RATES);
  const totals = summarizeTotals([{ affectation: '10', discountCents: 0, taxes }]);
  return {
    id: `sale-${serie}-${spec.correlativo}`,
    docType,
    serie,
    correlativo: spec.correlativo,
    number: `${serie}-${String(spec.correlativo).padStart(8, '0')}`,
    issuedAt: '2026-11-23T21:05:09-05:00',
    issueDate: '2026-11-23',
    store: {
      ruc: spec.ruc ?? TEST_RUC,
      legalName: 'Comercial Santa Rosa de Lima S.A.C.',
      tradeName: 'Bodega Doña Peta',
      address: 'Av. José Gálvez Barrenechea 1234, La Victoria, Lima',
    },
    terminalCode: 'CAJA-01',
    cashier: 'María Quispe',
    customer:
      docType === '01'
        ? {
            docType: '6',
            docNumber: '20100070970',
            name: 'Supermercados Peruanos S.A.',
            address: 'Calle Morelli 181, San Borja, Lima',
          }
        : null,
    lines: [
      {
        lineNo: 1,
        productId: 'p-1',
        sku: 'SKU-1',
        description: 'Leche evaporada 400 g',
        unit: 'NIU',
        quantityMilli: 2000,
        unitPriceCents: 390,
        grossCents,
        discountCents: 0,
        amountCents: taxes.amountCents,
        affectation: '10',
        igvCents: taxes.igvCents,
        icbperCents: taxes.icbperCents,
      },
    ],
    payments: [paymentView({ method: 'cash', amountCents: totals.totalCents })],
    totals,
    paidCents: totals.totalCents,
    changeCents: 0,
  };
}
