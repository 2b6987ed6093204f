import { expect, test } from '../fixtures/web-host';
import { login, scan, screenshot } from '../fixtures/pos';

const AZUCAR = '7756610335003'; // S/ 3.70
const HUMAN_KEY_DELAY_MS = 80;

test('search by name, a weighed product, a discount a supervisor authorizes, hold, resume and cancel', async ({
  page,
  host,
}) => {
  await login(page, host, 'cajero', '1234');
  const lines = page.getByTestId('cart-line');
  const total = page.getByTestId('cart-total');

  // F2: as-you-type search; a click adds a unit product.
  await page.keyboard.press('F2');
  const search = page.getByTestId('search-dialog');
  // People type slower than a scanner: keys under 35 ms apart would be taken as a scan burst.
  await search.getByTestId('search-input').pressSequentially('inca kola', { delay: HUMAN_KEY_DELAY_MS });
  const incaKola3 = search.getByTestId('search-result').filter({ hasText: 'Inca Kola 3 L' });
  await expect(incaKola3).toContainText('S/ 11.90');
  await incaKola3.click();
  await expect(search).toHaveCount(0);
  await expect(lines).toHaveCount(1);
  await expect(total).toHaveText('S/ 11.90');

  // Keyboard only: a weighed product asks for its weight.
  await page.keyboard.press('F2');
  await search.getByTestId('search-input').pressSequentially('bistec', { delay: HUMAN_KEY_DELAY_MS });
  await expect(search.getByTestId('search-result').first()).toContainText('Bistec de Res');
  await expect(search.getByTestId('search-result').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const weight = page.getByTestId('weight-dialog');
  await expect(weight.getByTestId('weight-input')).toBeFocused();
  await page.keyboard.type('0.5', { delay: HUMAN_KEY_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(weight).toHaveCount(0);
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1).getByTestId('line-quantity')).toHaveText('0.500 kg');
  await expect(lines.nth(1).getByTestId('line-amount')).toHaveText('S/ 17.45');
  await expect(total).toHaveText('S/ 29.35');

  // Typing the code of a loose weighed item (no scale label) asks for its weight too.
  await scan(page, 'CAR-0001');
  await expect(weight.getByTestId('weight-input')).toBeFocused();
  await page.keyboard.type('0.25', { delay: HUMAN_KEY_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2).getByTestId('line-quantity')).toHaveText('0.250 kg');
  await lines.nth(2).click();
  await page.keyboard.press('Delete');
  await expect(lines).toHaveCount(2);
  await expect(total).toHaveText('S/ 29.35');

  // ↑ selects the first line; 15 % is over the cashier's 10 % limit: a supervisor's PIN.
  await page.keyboard.press('ArrowUp');
  await expect(lines.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('line-discount').click();
  const discount = page.getByTestId('discount-dialog');
  await discount.getByTestId('discount-value').fill('15');
  await discount.getByTestId('discount-apply').click();
  const approval = page.getByTestId('approval-dialog');
  await expect(approval.getByTestId('approval-reason')).toHaveText(
    'Se necesita la autorización de un supervisor: un descuento de 15 % supera el límite de 10 %.',
  );
  await expect(approval.getByTestId('approval-pin')).toBeFocused();
  await approval.getByTestId('approval-pin').fill('0000');
  await approval.getByTestId('approval-pin').press('Enter');
  await expect(approval.getByTestId('approval-error')).toHaveText(
    'El PIN de autorización no es válido o el usuario no puede autorizar esta acción.',
  );
  await screenshot(page, 'tools-1-approval');
  await approval.getByTestId('approval-pin').fill('5678');
  await approval.getByTestId('approval-submit').click();
  await expect(approval).toHaveCount(0);
  await expect(discount).toHaveCount(0);
  // 15 % of 11.90 = 1.785 → 1.79
  await expect(lines.nth(0).getByTestId('line-discount-amount')).toHaveText('-S/ 1.79 (15 %)');
  await expect(total).toHaveText('S/ 27.56');
  await expect(page.getByTestId('total-descuentos')).toHaveText('-S/ 1.79');
  await expect(page.getByTestId('scan-input')).toBeFocused();

  // F9 parks the sale; the counter starts empty for the next customer.
  await page.keyboard.press('F9');
  await page.getByTestId('hold-label').fill('Señora Carmen');
  await page.keyboard.press('Enter');
  await expect(total).toHaveText('S/ 0.00');
  await expect(page.getByTestId('fn-held')).toHaveText('En espera (1)');
  await expect(page.getByTestId('sale-message')).toHaveText('Venta «Señora Carmen» en espera.');

  await scan(page, AZUCAR);
  await expect(total).toHaveText('S/ 3.70');

  // Resuming parks the sale in progress in its place.
  await page.getByTestId('fn-held').click();
  const held = page.getByTestId('held-item');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('Señora Carmen');
  await expect(held).toContainText('S/ 27.56');
  await page.keyboard.press('Enter');
  await expect(total).toHaveText('S/ 27.56');
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId('fn-held')).toHaveText('En espera (1)');

  // - on a unit line below one is refused by the core, with its reason.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('-');
  await expect(page.getByTestId('sale-message')).toHaveText('Cantidad no válida: debe ser mayor que cero.');
  await expect(total).toHaveText('S/ 27.56');

  // Delete removes the selected line.
  await page.keyboard.press('Delete');
  await expect(lines).toHaveCount(1);
  await expect(total).toHaveText('S/ 17.45');

  // Esc asks before cancelling the whole sale.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancel-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancel-dialog')).toHaveCount(0);
  await expect(total).toHaveText('S/ 17.45');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(total).toHaveText('S/ 0.00');
  await expect(page.getByTestId('sale-message')).toHaveText('Venta anulada.');

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
});

test('a wrong PIN is refused in Spanish, and a page opened without its token says how to get in', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByTestId('login-user-cajero').click();
  await page.getByTestId('login-pin').fill('9999');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-message')).toHaveText('Usuario o PIN incorrecto.');
  await expect(page.getByTestId('login-pin')).toHaveValue('');

  const stranger = await page.context().browser()!.newPage();
  try {
    await stranger.goto(`${host.origin}/`);
    await expect(stranger.getByTestId('fatal-message')).toContainText('abra de nuevo el enlace');
  } finally {
    await stranger.close();
  }
});
