import { expect, test } from '../fixtures/web-host';
import { login, screenshot, sellForExactCash } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // Inca Kola 1.5 L, S/ 6.50

test('a sale while SUNAT is down waits as "pendiente de envío" and is accepted once SUNAT is back', async ({
  page,
  host,
  sunat,
}) => {
  await sunat.refuseConnections();
  await page.goto(host.url);
  await login(page, host, 'supervisor', '5678');
  const number = await sellForExactCash(page, [INCA_KOLA]);
  // The counter never waited: the sale is done, its boleta signed and queued.
  await expect(page.getByTestId('receipt-fiscal')).toContainText('Pendiente de envío');
  await screenshot(page, 'sunat-1-pending');

  await page.keyboard.press('F3');
  const row = page.getByTestId(`fiscal-row-${number}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('fiscal-status')).not.toHaveText(/Aceptado/);

  await sunat.acceptConnections();
  // The background sender retries within its backoff, sends the Resumen Diario, polls its ticket.
  await expect(row.getByTestId('fiscal-status')).toHaveText('Aceptado', { timeout: 20_000 });
  const summary = page.locator('[data-testid^="fiscal-row-RC-"]').first();
  await expect(summary.getByTestId('fiscal-status')).toHaveText('Aceptado');
  await screenshot(page, 'sunat-2-accepted');
  expect(sunat.received.map((d) => d.operation)).toContain('sendSummary');
});

test('a return issues a nota de crédito that the monitor shows going to SUNAT', async ({ page, host }) => {
  await page.goto(host.url);
  await login(page, host, 'supervisor', '5678');
  const number = await sellForExactCash(page, [INCA_KOLA]);

  await page.keyboard.press('F5');
  await expect(page.getByTestId('sale-history-screen')).toBeVisible();
  await page.getByTestId('history-number').fill(number);
  await page.getByTestId('history-number').press('Enter');
  await page.locator(`[data-testid="history-row"][data-number="${number}"]`).click();
  const detail = page.getByTestId('history-detail');
  await detail.getByTestId('history-return').click();
  const dialog = page.getByTestId('return-dialog');
  await dialog.getByTestId('return-all').click();
  await dialog.getByTestId('return-reason-text').fill('Cliente desistió de la compra');
  await dialog.getByTestId('return-submit').click();
  // A supervisor needs no PIN of anyone else.
  await expect(page.getByTestId('history-notice')).toContainText('Nota de crédito BC01-00000001 emitida');

  await page.keyboard.press('F3');
  const note = page.getByTestId('fiscal-row-BC01-00000001');
  await expect(note).toContainText('N. Crédito');
  // Boleta notes go in the Resumen Diario like boletas; the emulator accepts it.
  await expect(note.getByTestId('fiscal-status')).toHaveText('Aceptado', { timeout: 20_000 });
  await screenshot(page, 'sunat-3-credit-note');
});
