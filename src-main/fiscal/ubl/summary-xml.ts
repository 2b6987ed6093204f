import { assertValidDailySummary } from '../documents/summary-rules';
import type { DailySummaryView, SummaryLine } from '../documents/summary-view';
import { amount } from './ubl-amounts';
import { sunatDocumentId } from './ubl-header';
import { sunatSummaryNamespaces } from './ubl-namespaces';
import { summarySupplierParty } from './ubl-parties';
import { signatureReference, unsignedExtensions } from './ubl-signature';
import { ICBPER_SCHEME, IGV_SCHEME, taxScheme, type TaxSchemeInfo } from './ubl-taxes';
import { el, serializeXmlDocument, type XmlElement } from './xml-writer';

/**
 * Resumen diario (RC) in SUNAT's current format: UBL 2.0 + SummaryDocuments-1, CustomizationID
 * 1.1, one line per boleta or boleta note with its own totals (UBLPE-SummaryDocuments-1.0.xsd,
 * ValidaExprRegSummary-1.1.0.xsl). Unsigned, with the same empty signature slot as the CPE.
 */

/** Catálogo 11 codes of sac:BillingPayment/cbc:InstructionID. */
const INSTRUCTION = { gravadas: '01', exoneradas: '02', inafectas: '03' } as const;

/** Throws FiscalDocumentError when the summary breaks a rule SUNAT would reject it for. */
export function buildDailySummaryXml(summary: DailySummaryView): string {
  assertValidDailySummary(summary);
  const root = el(
    'SummaryDocuments',
    sunatSummaryNamespaces('SummaryDocuments'),
    unsignedExtensions(),
    el('cbc:UBLVersionID', {}, '2.0'),
    el('cbc:CustomizationID', {}, '1.1'),
    el('cbc:ID', {}, summary.id),
    el('cbc:ReferenceDate', {}, summary.referenceDate),
    el('cbc:IssueDate', {}, summary.issueDate),
    signatureReference(summary.store),
    summarySupplierParty(summary.store),
    summary.lines.map((line, index) => summaryLine(line, index + 1)),
  );
  return serializeXmlDocument(root);
}

function summaryLine(line: SummaryLine, lineId: number): XmlElement {
  const { totals } = line;
  return el(
    'sac:SummaryDocumentsLine',
    {},
    el('cbc:LineID', {}, String(lineId)),
    el('cbc:DocumentTypeCode', {}, line.docType),
    el('cbc:ID', {}, sunatDocumentId(line)),
    line.customer &&
      el(
        'cac:AccountingCustomerParty',
        {},
        el('cbc:CustomerAssignedAccountID', {}, line.customer.docNumber),
        el('cbc:AdditionalAccountID', {}, line.customer.docType),
      ),
    line.reference &&
      el(
        'cac:BillingReference',
        {},
        el(
          'cac:InvoiceDocumentReference',
          {},
          el('cbc:ID', {}, sunatDocumentId(line.reference)),
          el('cbc:DocumentTypeCode', {}, line.reference.docType),
        ),
      ),
    el('cac:Status', {}, el('cbc:ConditionCode', {}, String(line.condition))),
    amount('sac:TotalAmount', totals.totalCents),
    billingPayment(INSTRUCTION.gravadas, totals.gravadasCents),
    billingPayment(INSTRUCTION.exoneradas, totals.exoneradasCents),
    billingPayment(INSTRUCTION.inafectas, totals.inafectasCents),
    // SUNAT wants the IGV tributo on every line, even at zero (2278).
    lineTaxTotal(IGV_SCHEME, totals.igvCents),
    totals.icbperCents > 0 && lineTaxTotal(ICBPER_SCHEME, totals.icbperCents),
  );
}

/** Valor de venta per kind of operation; left out when there is none. */
function billingPayment(instructionId: string, cents: number): XmlElement | null {
  if (cents === 0) return null;
  return el(
    'sac:BillingPayment',
    {},
    amount('cbc:PaidAmount', cents),
    el('cbc:InstructionID', {}, instructionId),
  );
}

/** One TaxTotal per tributo: SUNAT compares each TaxTotal with its single subtotal (2344). */
function lineTaxTotal(scheme: TaxSchemeInfo, cents: number): XmlElement {
  return el(
    'cac:TaxTotal',
    {},
    amount('cbc:TaxAmount', cents),
    el('cac:TaxSubtotal', {}, amount('cbc:TaxAmount', cents), el('cac:TaxCategory', {}, taxScheme(scheme))),
  );
}
