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
