import type { DocType } from '../../db/schema';
import type { Customer } from '../customers/customer-directory';
import { isValidRuc } from '../customers/identity';
import { AppError } from '../shared/errors';

export const DOC_TYPE_NAMES: Record<DocType, string> = { '01': 'Factura', '03': 'Boleta de venta' };

/** Why this cart cannot yet be issued as its document, or null when it can. */
export function documentProblem(
  docType: DocType,
  customer: Customer | null,
  totalCents: number,
  boletaThresholdCents: number,
): AppError | null {
  if (docType === '01') {
    if (
      !customer ||
      customer.docType !== '6' ||
      !isValidRuc(customer.docNumber) ||
      customer.name.trim().length < 2
    ) {
      return new AppError('CUSTOMER_REQUIRED_FACTURA');
    }
    return null;
  }
  // SUNAT: a boleta above the threshold must identify the buyer by a real document.
  if (totalCents > boletaThresholdCents && (!customer || customer.docType === '0')) {
    return new AppError('CUSTOMER_REQUIRED_BOLETA', { thresholdCents: boletaThresholdCents });
  }
  return null;
}
