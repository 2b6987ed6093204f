import { expect, test } from '../fixtures/web-host';
import { login, scannerBurst } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // Inca Kola 1.5 L, S/ 6.50
const AZUCAR = '7756610335003'; // Azúcar Rubia Bells 1 kg, S/ 3.70

test('a keyboard-wedge scan adds the product even when the scan input does not have the focus', async ({
  page,
  host,
}) => {
  await login(page, host, 'cajero', '1234');
  const lines = page.getByTestId('cart-line');
  const total = page.getByTestId('cart-total');
  await expect(total).toHaveText('S/ 0.00');

  // Focus on a button: the burst is a scan and its Enter does not press the button.
  const heldButton = page.getByTestId('fn-held');
  await heldButton.focus();
  await expect(heldButton).toBeFocused();
  await scannerBurst(page, INCA_KOLA);
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-name')).toHaveText(/Inca Kola 1\.5 L/);
  await expect(total).toHaveText('S/ 6.50');
  await expect(heldButton).toBeFocused();
  await expect(page.getByTestId('held-dialog')).toHaveCount(0);

  // Focus nowhere (the page body).
  await heldButton.evaluate((element) => (element as unknown as { blur(): void }).blur());
  await expect(page.getByTestId('scan-input')).not.toBeFocused();
  await scannerBurst(page, AZUCAR);
  await expect(lines).toHaveCount(2);
  await expect(total).toHaveText('S/ 10.20');
  await expect(page.getByTestId('sale-message')).not.toHaveClass(/error/);
});

test('the same digits typed at a person’s pace stay in the field and add nothing', async ({ page, host }) => {
  await login(page, host, 'cajero', '1234');
  const lines = page.getByTestId('cart-line');
  const total = page.getByTestId('cart-total');
  await expect(total).toHaveText('S/ 0.00');

  await page.keyboard.press('F4');
  const docField = page.getByTestId('customer-doc');
  await expect(docField).toBeFocused();
  // The point is the pace: 120 ms between keys, over three times the wedge's 35 ms.
  await page.keyboard.type(INCA_KOLA, { delay: 120 });
  await expect(docField).toHaveValue(INCA_KOLA);
  // Enter is the dialog's (look the number up), not a scan's.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-form')).toBeVisible();
  await expect(docField).toHaveValue(INCA_KOLA);
  await expect(lines).toHaveCount(0);
  await expect(total).toHaveText('S/ 0.00');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('customer-dialog')).toHaveCount(0);
  await expect(lines).toHaveCount(0);
  await expect(total).toHaveText('S/ 0.00');
});
