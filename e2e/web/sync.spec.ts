import type { Page } from '@playwright/test';
import { DEMO_STORE, DEMO_STORE_ID } from '../../db/seeds/demo-store';
import { demoId } from '../../src-main/shared/ids';
import type { WebHost } from '../../src-main/web-host/server';
import { hqAdmin, issueEnrolmentCode, withHq } from '../fixtures/hq';
import { login, scan, screenshot, sellForExactCash } from '../fixtures/pos';
import { expect, test } from '../fixtures/web-host';

const INCA_KOLA = '7752242641970'; // S/ 6.50, sku BEB-0026
const INCA_KOLA_ID = demoId('product', 'BEB-0026');

async function switchUser(page: Page, host: WebHost, username: string, pin: string): Promise<void> {
  await page.getByTestId('logout').click();
  await login(page, host, username, pin);
}

/** Sincronización, from the top bar (supervisors and administradores). */
async function openSyncScreen(page: Page): Promise<void> {
  await page.getByTestId('nav-sync').click();
  // An administrador's top bar wraps; clicking its last entry may scroll: back to the top for screenshots.
  await page.evaluate('window.scrollTo(0, 0)');
  await expect(page.getByTestId('sync-screen').getByRole('heading', { level: 1 })).toHaveText(
    'Sincronización',
  );
}

/** "Sincronizar ahora" from the top bar's popover; returns what it said. */
async function syncFromTopBar(page: Page): Promise<string> {
  await page.getByTestId('sync-indicator').click();
  const popover = page.getByTestId('sync-popover');
  await expect(popover).toBeVisible();
  await popover.getByTestId('sync-popover-now').click();
  const result = popover.getByTestId('sync-popover-now-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const text = (await result.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  return text;
}

test('everybody sees whether the terminal syncs with headquarters; supervisors open the details', async ({
  page,
  host,
}) => {
  // A cashier: the chip and "Sincronizar ahora" only, no way into the screen.
  await login(page, host, 'cajero', '1234');
  const chip = page.getByTestId('sync-indicator');
  await expect(chip).toHaveAttribute('data-state', 'not_enrolled');
  await expect(chip).toContainText('Sin inscribir');
  await expect(page.getByTestId('nav-sync')).toHaveCount(0);
  await chip.click();
  const popover = page.getByTestId('sync-popover');
  await expect(popover.getByTestId('sync-popover-state')).toContainText('no está inscrita');
  await expect(popover.getByTestId('sync-popover-not-enrolled')).toContainText(
    'Un administrador debe inscribir',
  );
  await expect(popover.getByTestId('sync-popover-open-screen')).toHaveCount(0);
  // Esc closes the popover and nothing else: no "Anular venta" behind it.
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(page.getByTestId('cancel-dialog')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();

  // A supervisor: the popover leads to the screen, which shows the state but no enrolment form.
  await switchUser(page, host, 'supervisor', '5678');
  await expect(chip).toHaveAttribute('data-state', 'not_enrolled');
  await chip.click();
  await popover.getByTestId('sync-popover-open-screen').click();
  await expect(popover).toHaveCount(0);
  const screen = page.getByTestId('sync-screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Sincronización');
  await expect(page.getByTestId('nav-sync')).toHaveAttribute('aria-current', 'page');
  await expect(screen.getByTestId('sync-state')).toHaveAttribute('data-state', 'not_enrolled');
  await expect(screen.getByTestId('sync-facts')).toContainText('Sincronización nocturna');
  await expect(screen.getByTestId('sync-not-enrolled')).toBeVisible();
  await expect(screen.getByTestId('sync-enrol')).toHaveCount(0);
  await expect(screen.getByTestId('sync-nightly-hour')).toHaveCount(0);
  await expect(screen.getByTestId('sync-dead-empty')).toBeVisible();

  // An administrador also gets the enrolment form, which checks the obvious before asking the core.
  await switchUser(page, host, 'admin', '9999');
  await openSyncScreen(page);
  await screen.getByTestId('sync-enrol-url').fill('central.example.pe');
  await screen.getByTestId('sync-enrol-code').fill('ABCD-1234');
  await screen.getByTestId('sync-enrol-submit').click();
  await expect(screen.getByTestId('sync-enrol-error')).toContainText('http:// o https://');
  await expect(screen.getByTestId('sync-nightly-current')).toHaveText('Sincronización nocturna a las 02:00');
  await expect(screen.getByTestId('sync-nightly-save')).toBeDisabled();
  await screen.getByTestId('sync-nightly-hour').selectOption('3');
  await screen.getByTestId('sync-nightly-save').click();
  await expect(screen.getByTestId('sync-nightly-result')).toHaveText(
    'Guardado: sincronización nocturna a las 03:00.',
  );
  await expect(screen.getByTestId('sync-nightly-current')).toHaveText('Sincronización nocturna a las 03:00');
  await expect(screen.getByTestId('sync-facts')).toContainText('Todos los días a las 03:00');
});

test('an administrador enrols the terminal; sales reach headquarters and its prices reach the counter', async ({
  page,
  host,
}) => {
  await withHq(async (hq) => {
    // Not enrolled yet: the chip says so on the sale screen.
    await login(page, host, 'admin', '9999');
    const chip = page.getByTestId('sync-indicator');
    await expect(chip).toHaveAttribute('data-state', 'not_enrolled');
    await expect(chip).toContainText('Sin inscribir');

    // Headquarters issues a one-time code for this terminal; the administrador types it in.
    const code = await issueEnrolmentCode(hq, DEMO_STORE_ID, {
      terminalCode: DEMO_STORE.terminalCode,
      terminalName: DEMO_STORE.terminalName,
    });
    await openSyncScreen(page);
    const screen = page.getByTestId('sync-screen');
    await screen.getByTestId('sync-enrol-url').fill(hq.url);
    await screen.getByTestId('sync-enrol-code').fill(code);
    await screenshot(page, 'sync-1-enrol');
    await screen.getByTestId('sync-enrol-submit').click();
    await expect(screen.getByTestId('sync-enrol-result')).toContainText('Caja inscrita en la central', {
      timeout: 30_000,
    });
    await expect(screen.getByTestId('sync-enrol-code')).toHaveCount(0);
    await expect(screen.getByTestId('sync-enrolled')).toContainText(hq.url);
    await expect(screen.getByTestId('sync-enrolled')).toContainText(DEMO_STORE.tradeName);

    // Online: the chip and the screen agree.
    await expect(chip).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(chip).toContainText('Central: en línea');
    await expect(screen.getByTestId('sync-state')).toHaveAttribute('data-state', 'online');
    await expect(screen.getByTestId('sync-facts')).toContainText(hq.url);
    await screenshot(page, 'sync-2-online');

    // A cashier sells; once SUNAT has the boleta, "Sincronizar ahora" leaves nothing pending.
    await switchUser(page, host, 'cajero', '1234');
    await expect(chip).toContainText('Central: en línea');
    const number = await sellForExactCash(page, [INCA_KOLA]);
    const receipt = page.getByTestId('receipt-preview');
    // Its status changes are synced records too: let them settle before counting.
    await expect(receipt.getByTestId('fiscal-status')).toHaveText('Aceptado', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(receipt).toHaveCount(0);
    expect(await syncFromTopBar(page)).toBe('Sincronizado: nada pendiente.');
    await expect(page.getByTestId('sync-indicator-pending')).toHaveText('0 pendientes');

    // Headquarters holds that sale, once, for its amount.
    const [serie, correlativo] = number.split('-');
    const sales = await hq.hq.ctx.db
      .selectFrom('sales')
      .select(['total_cents', 'store_id'])
      .where('serie', '=', serie ?? '')
      .where('correlativo', '=', Number(correlativo))
      .execute();
    expect(sales).toEqual([{ total_cents: 650, store_id: DEMO_STORE_ID }]);
    const report = await hqAdmin<{ totals: { salesCount: number; totalCents: number } }>(
      hq,
      'GET',
      `/api/reports/sales-by-day?storeId=${encodeURIComponent(DEMO_STORE_ID)}`,
    );
    expect(report.totals).toMatchObject({ salesCount: 1, totalCents: 650 });

    // Headquarters reprices Inca Kola: after the next sync the counter sells it at the new price.
    await hqAdmin(hq, 'PATCH', `/api/admin/products/${INCA_KOLA_ID}/price`, { priceCents: 720 });
    expect(await syncFromTopBar(page)).toBe('Sincronizado: nada pendiente.');
    await scan(page, INCA_KOLA);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('line-amount')).toHaveText('S/ 7.20');
    await expect(page.getByTestId('cart-total')).toHaveText('S/ 7.20');

    // Headquarters' own page shows the sale and the till, once given the administrator token.
    const hqPage = await page.context().newPage();
    await hqPage.setViewportSize({ width: 1366, height: 900 });
    await hqPage.goto(`${hq.url}/`);
    await hqPage.locator('#token').fill(hq.adminToken);
    await hqPage.locator('#login-form button[type="submit"]').click();
    await expect(hqPage.locator('#panel-sales')).toContainText('S/ 6.50');
    await expect(hqPage.locator('#panel-payments')).toContainText('Efectivo');
    await expect(hqPage.locator('#panel-top')).toContainText('Inca Kola');
    await expect(hqPage.locator('#panel-terminals')).toContainText(DEMO_STORE.terminalCode);
    await screenshot(hqPage, 'hq-dashboard');
    await hqPage.close();
  });
});
