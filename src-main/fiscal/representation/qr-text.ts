import { decimalAmount } from '../ubl/invoice-xml';

export interface QrFields {
  ruc: string;
  docType: string;
  serie: string;
  correlativo: number;
  igvCents: number;
  totalCents: number;
  issueDate: string;
  customerDocType: string;
  customerDocNumber: string;
  digestValue: string;
}

/**
 * The QR of the printed representation, in the field order of RS 185-2015 (sunat.md §1.9):
 * `RUC|TIPO|SERIE|NUMERO|IGV|TOTAL|FECHA|TIPO DOC ADQ|NUM DOC ADQ|HASH|`. The hash is the
 * DigestValue of the stored signed bytes, so the paper and the XML can be matched.
 */
export function qrText(fields: QrFields): string {
  return (
    [
      fields.ruc,
      fields.docType,
      fields.serie,
      String(fields.correlativo),
      decimalAmount(fields.igvCents),
      decimalAmount(fields.totalCents),
      fields.issueDate,
      fields.customerDocType,
      fields.customerDocNumber,
      fields.digestValue,
    ].join('|') + '|'
  );
}
