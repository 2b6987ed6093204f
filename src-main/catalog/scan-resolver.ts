import { AppError } from '../shared/errors';
import { roundDiv } from '../shared/money';
import { equivalentGtins, gtinKind, hasValidGtinCheckDigit } from './gtin';
import type { Product } from './product';
import type { ProductCatalog } from './product-catalog';
import { matchingRule, readVariableMeasure, type VariableMeasureRule } from './variable-measure';

export interface ScanResult {
  product: Product;
  code: string;
  /** Set when the label fixes the quantity (weight) or the amount (price). */
  quantityMilli: number | null;
  fixedAmountCents: number | null;
  label: 'weight' | 'price' | null;
}

/**
 * What a scanned or typed code means. Order: store scale labels (prefix 20–29 by the
 * store's rules), then registered barcodes (with the UPC-A/EAN-13 spellings of the same
 * GTIN), then internal SKUs. A GTIN-shaped code with a wrong check digit is a misread,
 * and says so instead of "not found".
 */
export function resolveScan(
  rawCode: string,
  catalog: ProductCatalog,
  rules: readonly VariableMeasureRule[],
): ScanResult {
  const code = rawCode.trim();
  const rule = matchingRule(code, rules);
  if (rule) return resolveLabel(code, rule, catalog);

  const product =
    catalog.byBarcode(code) ??
    equivalentGtins(code)
      .map((alternative) => catalog.byBarcode(alternative))
      .find((found) => found !== undefined) ??
    catalog.bySku(code) ??
    catalog.bySku(code.toUpperCase());
  if (!product) {
    if (gtinKind(code) !== null && !hasValidGtinCheckDigit(code))
      throw new AppError('BARCODE_CHECK_DIGIT', { code });
    throw new AppError('PRODUCT_NOT_FOUND', { code });
  }
  assertSellable(product);
  return { product, code, quantityMilli: null, fixedAmountCents: null, label: null };
}

function resolveLabel(code: string, rule: VariableMeasureRule, catalog: ProductCatalog): ScanResult {
  if (!hasValidGtinCheckDigit(code)) throw new AppError('BARCODE_CHECK_DIGIT', { code });
  const reading = readVariableMeasure(code, rule);
  const product = catalog.byPlu(reading.plu);
  if (!product) throw new AppError('SCALE_ITEM_NOT_FOUND', { code, plu: reading.plu });
  assertSellable(product);
  if (reading.value <= 0)
    throw new AppError('INVALID_QUANTITY', { reason: 'la etiqueta de balanza marca cero' });
  if (rule.kind === 'weight') {
    if (product.unit !== 'KGM') {
      throw new AppError('INVALID_QUANTITY', { reason: `${product.name} no se vende por peso` });
    }
    return { product, code, quantityMilli: reading.value, fixedAmountCents: null, label: 'weight' };
  }
  // Price label: the printed amount is what the customer pays; the weight is derived for stock.
  const quantityMilli =
    product.unit === 'KGM' && product.priceCents > 0
      ? Math.max(1, roundDiv(reading.value * 1000, product.priceCents))
      : 1000;
  return { product, code, quantityMilli, fixedAmountCents: reading.value, label: 'price' };
}

function assertSellable(product: Product): void {
  if (!product.active) throw new AppError('PRODUCT_INACTIVE', { name: product.name });
}
