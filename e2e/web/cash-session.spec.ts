import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { WebHost } from '../../src-main/web-host/server';
import { expect, test } from '../fixtures/web-host';
import { login, scan, screenshot, sellForExactCash, withWebHost } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // S/ 6.50
const AZUCAR = '7756610335003'; // S/ 3.70

async function switchUser(page: Page, host: WebHost, username: string, pin: string): Promise<void> {
  await page.getByTestId('logout').click();
  await login(page, host, username, pin);
}

test('a day at the drawer: float, cash and Yape sales, a cash out with a PIN, a close S/ 0.50 short', async ({
  page,
  sunat,
}) => {
  await withWebHost(
    {
      sunatEndpoint: { billServiceUrl: sunat.url, consultServiceUrl: sunat.consultUrl },
      openCashSession: false,
    },
    async (host) => {
      // The supervisor opens the drawer with S/ 200 counted as two S/ 100 bills.
      await login(page, host, 'supervisor', '5678');
      await page.getByTestId('nav-cash').click();
      await page.getByTestId('count-pen-10000').fill('2');
      await expect(page.getByTestId('count-total-pen')).toHaveText('S/ 200.00');
      await page.getByTestId('cash-open').click();
      await expect(page.getByTestId('cash-session')).toContainText('Fondo inicial S/ 200.00');

      // A cashier sells one in cash and one by Yape.
      await switchUser(page, host, 'cajero', '1234');
      await sellForExactCash(page, [INCA_KOLA]);
      await page.getByTestId('receipt-new-sale').click();
      await scan(page, AZUCAR);
      await expect(page.getByTestId('cart-total')).toHaveText('S/ 3.70');
      await page.keyboard.press('F8');
      const payment = page.getByTestId('payment-dialog');
      await payment.getByTestId('payment-tab-yape').click();
      await payment.getByTestId('payment-operation').fill('004512345');
      await payment.getByTestId('payment-add').click();
      await payment.getByTestId('payment-confirm').click();
      await expect(page.getByTestId('receipt-preview').getByTestId('sale-number')).toHaveText(
        /^B\d{3}-\d{8}$/,
      );
      await page.getByTestId('receipt-new-sale').click();

      // S/ 20 out of the drawer: the cashier is asked for a supervisor's PIN.
      await page.getByTestId('nav-cash').click();
      await page.getByTestId('cash-move-amount').fill('20');
      await page.getByTestId('cash-move-reason').fill('Pago del agua');
      await page.getByTestId('cash-move-submit').click();
      await page.getByTestId('approval-user').selectOption('supervisor');
      await page.getByTestId('approval-pin').fill('5678');
      await page.getByTestId('approval-submit').click();
      await expect(page.getByTestId('cash-movements')).toContainText('Pago del agua');
      await expect(page.getByTestId('cash-movements')).toContainText('autorizó Jorge Ramírez Huamán');

      // The supervisor counts S/ 186.00 where S/ 186.50 is expected, and Yape's S/ 3.70.
      await switchUser(page, host, 'supervisor', '5678');
      await page.getByTestId('nav-cash').click();
      await expect(page.getByTestId('cash-expected')).toContainText('S/ 186.50');
      for (const [value, count] of [
        ['10000', '1'],
        ['5000', '1'],
        ['2000', '1'],
        ['1000', '1'],
        ['500', '1'],
        ['100', '1'],
      ]) {
        await page.getByTestId(`count-pen-${value}`).fill(count as string);
      }
      await expect(page.getByTestId('count-total-pen')).toHaveText('S/ 186.00');
      await page.getByTestId('cash-close-wallet').fill('3.70');
      await page.getByTestId('cash-close').click();
      const z = page.getByTestId('cash-report-Z');
      await expect(z.getByTestId('cash-difference')).toHaveText('Faltante: S/ 0.50');
      await expect(z).toContainText('Efectivo S/S/ 186.50S/ 186.00');
      await expect(z).toContainText('Yape/PlinS/ 3.70S/ 3.70');
      await screenshot(page, 'cash-1-z-report');
      // Exported for the accountant: the same figures, with the difference.
      const download = page.waitForEvent('download');
      await z.getByTestId('cash-export-z').click();
      const csv = await (await download).path().then((path) => readFileSync(path, 'utf8'));
      expect(csv).toContain('Efectivo S/,186.50,186.00');
      expect(csv).toContain('Diferencia efectivo S/,,-0.50');

      // The drawer is closed: no sale until it is opened again.
      await page.getByTestId('nav-sale').click();
      await expect(page.getByTestId('cash-closed-banner')).toBeVisible();
      await scan(page, INCA_KOLA);
      await expect(page.getByTestId('cart-total')).toHaveText('S/ 6.50');
      await page.keyboard.press('F8');
      await page.getByTestId('payment-dialog').getByTestId('payment-quick-exact').click();
      await page.getByTestId('payment-dialog').getByTestId('payment-confirm').click();
      await expect(page.getByTestId('payment-dialog')).toContainText('La caja está cerrada');
    },
  );
});
