import { expect, test } from '../fixtures/web-host';
import { login, openReadonly, scan, screenshot } from '../fixtures/pos';

const AZUCAR = '7756610335003'; // S/ 3.70

test('a customer pays in dollars: the day rate is registered with a supervisor PIN, change in soles', async ({
  page,
  host,
}) => {
  await login(page, host, 'cajero', '1234');
  await scan(page, AZUCAR);
  await expect(page.getByTestId('cart-total')).toHaveText('S/ 3.70');

  await page.keyboard.press('F8');
  const payment = page.getByTestId('payment-dialog');
  await payment.getByTestId('payment-tab-usd').click();
  // No rate today yet: the cashier types it and a supervisor authorizes it on the spot.
  await expect(payment.getByTestId('payment-usd-missing')).toBeVisible();
  await payment.getByTestId('exchange-rate-input').fill('3.745');
  await payment.getByTestId('exchange-rate-submit').click();
  const approval = page.getByTestId('approval-dialog');
  await expect(approval.getByTestId('approval-reason')).toHaveText(
    'Se necesita la autorización de un supervisor: registrar el tipo de cambio.',
  );
  await approval.getByTestId('approval-user').selectOption('supervisor');
  await approval.getByTestId('approval-pin').fill('5678');
  await approval.getByTestId('approval-submit').click();
  await expect(approval).toHaveCount(0);
  await expect(payment.getByTestId('payment-rate')).toHaveText('Tipo de cambio de hoy: S/ 3.7450 por dólar');

  // US$ 5.00 × 3.7450 = S/ 18.725 → 18.73 (half away from zero); change 18.73 − 3.70 = 15.03.
  await payment.getByTestId('payment-amount').fill('5');
  await payment.getByTestId('payment-add').click();
  await expect(payment.getByTestId('payment-due')).toHaveText('S/ 0.00');
  await expect(payment.getByTestId('payment-change')).toHaveText('S/ 15.03');
  await screenshot(page, 'dollars-1-payment');
  await payment.getByTestId('payment-confirm').click();
  await expect(page.getByTestId('receipt-preview').getByTestId('sale-number')).toHaveText('B001-00000001');

  const db = openReadonly(host.databaseFile);
  try {
    expect(db.prepare('SELECT total_cents, paid_cents, change_cents FROM sales').all()).toEqual([
      { total_cents: 370, paid_cents: 1873, change_cents: 1503 },
    ]);
    expect(
      db.prepare('SELECT method, usd_cents, rate_e4, amount_cents, tendered_cents FROM payments').all(),
    ).toEqual([{ method: 'usd', usd_cents: 500, rate_e4: 37_450, amount_cents: 370, tendered_cents: 1873 }]);
  } finally {
    db.close();
  }
});
