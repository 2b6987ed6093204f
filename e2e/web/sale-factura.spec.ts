import { expect, test } from '../fixtures/web-host';
import { login, openReadonly, scan, screenshot } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // S/ 6.50
const AZUCAR = '7756610335003'; // S/ 3.70
const RUC = '20100123453';
const RAZON_SOCIAL = 'DISTRIBUIDORA LIMA NORTE S.A.C.';
const ADDRESS = 'Av. Túpac Amaru 1250, Comas, Lima';

/** RUC check digit (SUNAT): weights 5,4,3,2,7,6,5,4,3,2; r = 11 − (Σ mod 11), 10 → 0, 11 → 1. */
function rucCheckDigit(first10: string): number {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first10[i]), 0);
  return (11 - (sum % 11)) % 10;
}

test('a factura for a new RUC customer, paid part with Yape and the rest in cash with change', async ({
  page,
  host,
}) => {
  expect(rucCheckDigit(RUC.slice(0, 10))).toBe(Number(RUC[10]));

  await login(page, host, 'cajero', '1234');
  const lines = page.getByTestId('cart-line');
  const total = page.getByTestId('cart-total');

  await scan(page, INCA_KOLA);
  await expect(total).toHaveText('S/ 6.50');
  await scan(page, INCA_KOLA);
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-quantity')).toHaveText('2');
  await scan(page, AZUCAR);
  await expect(lines).toHaveCount(2);
  // "+" with the scan input empty adds one more of the selected (last scanned) line.
  await page.getByTestId('scan-input').press('+');
  await expect(lines.nth(1).getByTestId('line-quantity')).toHaveText('2');
  await expect(page.getByTestId('scan-input')).toHaveValue('');
  await expect(total).toHaveText('S/ 20.40');

  // Factura without a customer: the core's reason is shown, and F8 refuses to start.
  await page.getByTestId('doc-factura').click();
  await expect(page.getByTestId('doc-factura')).toHaveAttribute('aria-pressed', 'true');
  const problem = page.getByTestId('document-problem');
  await expect(problem).toContainText('La factura necesita un cliente con RUC y razón social.');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('sale-message')).toHaveText(
    'La factura necesita un cliente con RUC y razón social.',
  );
  await expect(page.getByTestId('payment-dialog')).toHaveCount(0);

  // F4: the RUC is not registered yet, so it is created right there.
  await page.keyboard.press('F4');
  const dialog = page.getByTestId('customer-dialog');
  await dialog.getByTestId('customer-doc').fill(RUC);
  await dialog.getByTestId('customer-doc').press('Enter');
  await expect(dialog.getByTestId('customer-form')).toBeVisible();
  await expect(dialog.getByTestId('customer-doc-type')).toHaveValue('6');
  await dialog.getByTestId('customer-name').fill(RAZON_SOCIAL);
  await dialog.getByTestId('customer-address').fill(ADDRESS);
  await screenshot(page, 'factura-1-customer');
  await dialog.getByTestId('customer-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('cart-customer')).toContainText(`RUC ${RUC}`);
  await expect(page.getByTestId('cart-customer')).toContainText(RAZON_SOCIAL);
  await expect(problem).toHaveCount(0);
  // The refusal shown before no longer applies once the sale changed.
  await expect(page.getByTestId('sale-message')).toHaveText('');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await screenshot(page, 'factura-2-cart');

  await page.keyboard.press('F8');
  const payment = page.getByTestId('payment-dialog');
  await expect(payment.getByTestId('payment-total')).toHaveText('S/ 20.40');

  // S/ 15.00 by Yape with its operation number…
  await payment.getByTestId('payment-tab-yape').click();
  await expect(payment.getByTestId('payment-amount')).toHaveValue('20.40');
  await payment.getByTestId('payment-amount').fill('15.00');
  await payment.getByTestId('payment-add').click();
  await expect(payment.getByTestId('payment-method-error')).toContainText('número de operación');
  await payment.getByTestId('payment-operation').fill('004512345');
  await payment.getByTestId('payment-add').click();
  await expect(payment.getByTestId('payment-entry')).toHaveCount(1);
  await expect(payment.getByTestId('payment-entry')).toContainText('Yape · op. 004512345');
  await expect(payment.getByTestId('payment-due')).toHaveText('S/ 5.40');

  // …and the rest in cash: a S/ 10 bill, change shown before confirming.
  const cash = payment.getByTestId('payment-cash');
  await expect(cash).toBeFocused();
  await payment.getByTestId('payment-quick-10').click();
  await expect(cash).toHaveValue('10.00');
  await expect(payment.getByTestId('payment-due')).toHaveText('S/ 0.00');
  await expect(payment.getByTestId('payment-change')).toHaveText('S/ 4.60');
  await screenshot(page, 'factura-3-payment');
  await payment.getByTestId('payment-confirm').click();

  const receipt = page.getByTestId('receipt-preview');
  await expect(receipt.getByTestId('sale-number')).toHaveText('F001-00000001');
  await expect(receipt.getByTestId('receipt-change')).toHaveText('S/ 4.60');
  await expect(receipt.getByTestId('receipt-paper')).toContainText(RUC);
  await screenshot(page, 'factura-4-receipt');
  await receipt.getByTestId('receipt-new-sale').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await expect(total).toHaveText('S/ 0.00');

  // By hand: 2 × 6.50 = 13.00 and 2 × 3.70 = 7.40; base = round(amount / 1.18) per line.
  const amounts = [1300, 740];
  const bases = amounts.map((a) => Math.round((a * 100) / 118));
  expect(bases).toEqual([1102, 627]);
  const totalCents = 2040;
  const gravadas = 1729;

  const db = openReadonly(host.databaseFile);
  try {
    const sales = db.prepare('select * from sales').all() as Array<Record<string, unknown>>;
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({
      doc_type: '01',
      serie: 'F001',
      correlativo: 1,
      customer_doc_type: '6',
      customer_doc_number: RUC,
      customer_name: RAZON_SOCIAL,
      customer_address: ADDRESS,
      total_cents: totalCents,
      gravadas_cents: gravadas,
      igv_cents: totalCents - gravadas,
      discount_cents: 0,
      paid_cents: 1500 + 1000,
      change_cents: 460,
    });
    const payments = db
      .prepare(
        `select seq, method, wallet, amount_cents, tendered_cents, change_cents, reference
           from payments where sale_id = ? order by seq`,
      )
      .all(sales[0]?.id);
    expect(payments).toEqual([
      {
        seq: 1,
        method: 'wallet',
        wallet: 'yape',
        amount_cents: 1500,
        tendered_cents: 1500,
        change_cents: 0,
        reference: '004512345',
      },
      {
        seq: 2,
        method: 'cash',
        wallet: null,
        amount_cents: 540,
        tendered_cents: 1000,
        change_cents: 460,
        reference: null,
      },
    ]);
    const lineRows = db
      .prepare('select quantity_milli, amount_cents from sale_lines where sale_id = ? order by line_no')
      .all(sales[0]?.id);
    expect(lineRows).toEqual([
      { quantity_milli: 2000, amount_cents: 1300 },
      { quantity_milli: 2000, amount_cents: 740 },
    ]);
    const customers = db.prepare('select doc_type, doc_number, name from customers').all();
    expect(customers).toEqual([{ doc_type: '6', doc_number: RUC, name: RAZON_SOCIAL }]);
  } finally {
    db.close();
  }
});
