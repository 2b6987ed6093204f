import { expect, test } from '../fixtures/web-host';
import {
  gtinCheckDigit,
  login,
  openReadonly,
  scan,
  scannerBurst,
  screenshot,
  weightLabel,
} from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // Inca Kola 1.5 L, S/ 6.50
const AZUCAR = '7756610335003'; // Azúcar Rubia Bells 1 kg, S/ 3.70
const BISTEC_PLU = '13001'; // Bistec de Res, S/ 34.90 per kg

test('a cashier sells a boleta: scans, a scale label, a refused code, a scanner burst, cash with change', async ({
  page,
  host,
}) => {
  // The scale label for 0.750 kg of bistec, check digit computed here, not copied.
  const bistec = weightLabel(BISTEC_PLU, 750);
  expect(bistec.slice(0, 12)).toBe('211300100750');
  expect(gtinCheckDigit('211300100750')).toBe(8);
  expect(bistec).toBe('2113001007508');

  await page.goto(host.url);
  await expect(page.getByTestId('store-name')).toHaveText('Minimarket La Esquina');
  await expect(page.getByTestId('terminal-code')).toHaveText('CAJA-01');
  // The host token left the address bar as soon as the page read it.
  await expect(page).toHaveURL(`${host.origin}/`);
  await screenshot(page, 'boleta-1-login');

  await login(page, host, 'cajero', '1234');
  await expect(page.getByTestId('header-cashier')).toContainText('Rosa Quispe Mamani');
  await expect(page.getByTestId('header-terminal')).toHaveText('CAJA-01');
  await expect(page.getByTestId('cart-total')).toHaveText('S/ 0.00');

  const lines = page.getByTestId('cart-line');
  const total = page.getByTestId('cart-total');
  const message = page.getByTestId('sale-message');

  await scan(page, INCA_KOLA);
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-name')).toHaveText(/Inca Kola 1\.5 L/);
  await expect(total).toHaveText('S/ 6.50');

  // A label with a wrong check digit (…503 instead of …508) is refused and the cart stays as it was.
  await scan(page, '2113001007503');
  await expect(message).toHaveText(
    'El código 2113001007503 no es válido (dígito de control). Vuelva a escanear.',
  );
  await expect(message).toHaveClass(/error/);
  await expect(lines).toHaveCount(1);
  await expect(total).toHaveText('S/ 6.50');

  // A well-formed code that no product has.
  const unknown = `775999999999${gtinCheckDigit('775999999999')}`;
  await scan(page, unknown);
  await expect(message).toHaveText(`No hay ningún producto con el código ${unknown}.`);
  await expect(lines).toHaveCount(1);
  await expect(total).toHaveText('S/ 6.50');
  await expect(page.getByTestId('scan-input')).toBeFocused();

  await scan(page, AZUCAR);
  await expect(lines).toHaveCount(2);
  await expect(total).toHaveText('S/ 10.20');

  // Typing at a person's pace into another field (the customer's document number), even
  // ending in Enter, is typing: it stays in the field and nothing is scanned.
  await page.keyboard.press('F4');
  const docField = page.getByTestId('customer-doc');
  await expect(docField).toBeFocused();
  await page.keyboard.type('4321', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-form')).toBeVisible();
  await expect(docField).toHaveValue('4321');
  await expect(lines).toHaveCount(2);

  // A keyboard-wedge scanner fires while the focus is in that dialog's name field: the
  // burst is a scan, and none of it stays in the field.
  const nameField = page.getByTestId('customer-name');
  await expect(nameField).toBeFocused();
  await scannerBurst(page, bistec);
  await expect(lines).toHaveCount(3);
  await expect(total).toHaveText('S/ 36.38');
  await expect(nameField).toHaveValue('');
  await expect(docField).toHaveValue('4321');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('customer-dialog')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();

  const weighed = lines.nth(2);
  await expect(weighed.getByTestId('line-name')).toContainText('Bistec de Res');
  await expect(weighed.getByTestId('line-quantity')).toHaveText('0.750 kg');
  await expect(weighed.getByTestId('line-amount')).toHaveText('S/ 26.18');
  await expect(page.getByTestId('total-igv')).toHaveText('S/ 5.54');
  await expect(page.getByTestId('total-gravadas')).toHaveText('S/ 30.84');
  await screenshot(page, 'boleta-2-cart');

  await page.keyboard.press('F8');
  const payment = page.getByTestId('payment-dialog');
  await expect(payment).toBeVisible();
  await expect(payment.getByTestId('payment-total')).toHaveText('S/ 36.38');
  await expect(payment.getByTestId('payment-due')).toHaveText('S/ 36.38');
  const cash = payment.getByTestId('payment-cash');
  await expect(cash).toBeFocused();
  await cash.fill('50');
  // Due and change are on screen before anything is confirmed.
  await expect(payment.getByTestId('payment-due')).toHaveText('S/ 0.00');
  await expect(payment.getByTestId('payment-change')).toHaveText('S/ 13.62');
  await screenshot(page, 'boleta-3-payment');
  await cash.press('Enter');

  const receipt = page.getByTestId('receipt-preview');
  await expect(receipt).toBeVisible();
  await expect(receipt.getByTestId('sale-number')).toHaveText('B001-00000001');
  await expect(receipt.getByTestId('receipt-change')).toHaveText('S/ 13.62');
  await expect(receipt.getByTestId('receipt-paper')).toContainText('B001-00000001');
  await screenshot(page, 'boleta-4-receipt');
  await page.keyboard.press('Enter');
  await expect(receipt).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await expect(total).toHaveText('S/ 0.00');

  // What the sale recorded, computed by hand: IGV-included prices, base = round(amount / 1.18).
  const amounts = [650, 370, Math.round((3490 * 750) / 1000)];
  expect(amounts[2]).toBe(2618);
  const bases = amounts.map((a) => Math.round((a * 100) / 118));
  expect(bases).toEqual([551, 314, 2219]);
  const totalCents = amounts.reduce((a, b) => a + b, 0);
  const gravadas = bases.reduce((a, b) => a + b, 0);
  expect(totalCents).toBe(3638);
  expect(gravadas).toBe(3084);

  const db = openReadonly(host.databaseFile);
  try {
    const sale = db
      .prepare(
        `select id, doc_type, serie, correlativo, total_cents, gravadas_cents, exoneradas_cents, inafectas_cents,
                igv_cents, icbper_cents, paid_cents, change_cents, customer_id from sales`,
      )
      .all() as Array<Record<string, unknown>>;
    expect(sale).toHaveLength(1);
    expect(sale[0]).toMatchObject({
      doc_type: '03',
      serie: 'B001',
      correlativo: 1,
      total_cents: totalCents,
      gravadas_cents: gravadas,
      exoneradas_cents: 0,
      inafectas_cents: 0,
      igv_cents: totalCents - gravadas,
      icbper_cents: 0,
      paid_cents: 5000,
      change_cents: 1362,
      customer_id: null,
    });
    const saleId = sale[0]?.id;
    const saleLines = db
      .prepare(
        'select description, quantity_milli, amount_cents, scanned_code from sale_lines where sale_id = ? order by line_no',
      )
      .all(saleId);
    expect(saleLines).toEqual([
      { description: 'Inca Kola 1.5 L', quantity_milli: 1000, amount_cents: 650, scanned_code: INCA_KOLA },
      {
        description: 'Azúcar Rubia Bells 1 kg',
        quantity_milli: 1000,
        amount_cents: 370,
        scanned_code: AZUCAR,
      },
      { description: 'Bistec de Res', quantity_milli: 750, amount_cents: 2618, scanned_code: bistec },
    ]);
    const payments = db
      .prepare('select method, amount_cents, tendered_cents, change_cents from payments where sale_id = ?')
      .all(saleId);
    expect(payments).toEqual([
      { method: 'cash', amount_cents: 3638, tendered_cents: 5000, change_cents: 1362 },
    ]);
  } finally {
    db.close();
  }
});
