import type { Page } from '@playwright/test';
import { fixedClock } from '../../src-main/shared/clock';
import { expect, test } from '../fixtures/web-host';
import { login, openReadonly, screenshot, sellForExactCash, withWebHost } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // Inca Kola 1.5 L, S/ 6.50
const AZUCAR = '7756610335003'; // Azúcar Rubia Bells 1 kg, S/ 3.70

/** The history screen from the top bar (wired as `sale-history` in features/backoffice/screens.ts). */
async function openHistory(page: Page): Promise<void> {
  // The receipt of the last sale is still on screen: Esc puts it away.
  if (await page.getByTestId('receipt-preview').isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByTestId('receipt-preview')).toHaveCount(0);
  await page.getByTestId('nav-sale-history').click();
  await expect(page.getByTestId('sale-history-screen')).toBeVisible();
}

async function openSale(page: Page, number: string): Promise<void> {
  await page.getByTestId('history-number').fill(number);
  await page.getByTestId('history-number').press('Enter');
  const row = page.locator(`[data-testid="history-row"][data-number="${number}"]`);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('history-detail-number')).toHaveText(`Boleta ${number}`);
}

/** The supervisor types their PIN on the cashier's screen. */
async function approveAsSupervisor(page: Page, reason: string): Promise<void> {
  const approval = page.getByTestId('approval-dialog');
  await expect(approval.getByTestId('approval-reason')).toHaveText(
    `Se necesita la autorización de un supervisor: ${reason}.`,
  );
  await approval.getByTestId('approval-pin').fill('5678');
  await approval.getByTestId('approval-submit').click();
  await expect(approval).toHaveCount(0);
}

test('a cashier returns part of a boleta, then the rest, each with a supervisor’s PIN', async ({
  page,
  host,
}) => {
  await login(page, host, 'cajero', '1234');
  const number = await sellForExactCash(page, [INCA_KOLA, INCA_KOLA, AZUCAR]);
  await openHistory(page);
  await openSale(page, number);
  const detail = page.getByTestId('history-detail');
  // Its boleta is in the SUNAT queue (the sender may already have reported it).
  await expect(detail.getByTestId('history-detail-fiscal')).toContainText(
    `20601234565-03-${number.slice(0, 4)}-`,
  );
  await expect(detail.getByTestId('fiscal-status')).toBeVisible();
  await expect(detail.getByTestId('history-line')).toHaveCount(2);

  // One of the two bottles comes back.
  await detail.getByTestId('history-return').click();
  const dialog = page.getByTestId('return-dialog');
  const firstLine = dialog.getByTestId('return-line').nth(0);
  await firstLine.getByTestId('return-line-quantity').fill('1');
  await expect(firstLine.getByTestId('return-line-check')).toBeChecked();
  await expect(dialog.getByTestId('return-preview')).toHaveText('A devolver: S/ 6.50 (devolución por ítem)');
  // More than was sold: the core says so before anything is issued.
  await firstLine.getByTestId('return-line-quantity').fill('3');
  await expect(dialog.getByTestId('return-preview')).toHaveText(
    'Devolución no válida: de Inca Kola 1.5 L solo quedan 2 por devolver.',
  );
  await firstLine.getByTestId('return-line-quantity').fill('1');
  await dialog.getByTestId('return-reason-text').fill('Botella abollada');
  await screenshot(page, 'returns-1-dialog');
  await dialog.getByTestId('return-submit').click();
  await approveAsSupervisor(page, 'registrar devoluciones');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('history-notice')).toContainText(
    'Nota de crédito BC01-00000001 emitida: entregue S/ 6.50 al cliente (efectivo).',
  );
  await expect(detail.getByTestId('history-note')).toHaveCount(1);
  await expect(detail.getByTestId('history-note')).toContainText('BC01-00000001');
  await expect(detail.getByTestId('history-line').nth(0).getByTestId('history-line-returned')).toHaveText(
    '1',
  );
  await expect(detail.getByTestId('history-void-hint')).toContainText('ya tiene notas emitidas');

  // The rest goes back: a devolución total.
  await detail.getByTestId('history-return').click();
  await dialog.getByTestId('return-all').click();
  await expect(dialog.getByTestId('return-preview')).toHaveText('A devolver: S/ 10.20 (devolución total)');
  await dialog.getByTestId('return-submit').click();
  await approveAsSupervisor(page, 'registrar devoluciones');
  await expect(page.getByTestId('history-notice')).toContainText('Nota de crédito BC01-00000002 emitida');
  await expect(detail.getByTestId('history-note')).toHaveCount(2);
  await expect(detail.getByTestId('history-return')).toBeDisabled();
  const row = page.getByTestId('history-row').first();
  await expect(row.getByTestId('history-row-notes')).toHaveText('BC01-00000001, BC01-00000002');
  await screenshot(page, 'returns-2-history');

  // Both notes together give back exactly what was paid.
  const db = openReadonly(host.databaseFile);
  try {
    const sums = db
      .prepare(
        `SELECT s.total_cents AS sale, sum(n.total_cents) AS notes, sum(n.refund_cents) AS refunded
           FROM sales s JOIN notes n ON n.sale_id = s.id GROUP BY s.id`,
      )
      .get() as { sale: number; notes: number; refunded: number };
    expect(sums).toEqual({ sale: 1670, notes: 1670, refunded: 1670 });
  } finally {
    db.close();
  }
});

test('a same-day void of a boleta; the next day the core refuses and says why', async ({ page }) => {
  const clock = fixedClock('2026-11-23T15:00:00Z'); // 10:00 in Lima
  await withWebHost({ clock }, async (host) => {
    await login(page, host, 'cajero', '1234');
    const first = await sellForExactCash(page, [INCA_KOLA]);
    const second = await sellForExactCash(page, [AZUCAR]);
    expect(second).not.toBe(first);

    await openHistory(page);
    await openSale(page, first);
    const detail = page.getByTestId('history-detail');
    await detail.getByTestId('history-void').click();
    const dialog = page.getByTestId('void-dialog');
    await dialog.getByTestId('void-reason').fill('El cliente desistió de la compra');
    await dialog.getByTestId('void-submit').click();
    await approveAsSupervisor(page, 'anular ventas');
    await expect(page.getByTestId('history-notice')).toContainText(
      `Venta ${first} anulada: devuelva S/ 6.50 al cliente. SUNAT la recibirá como anulada en el resumen diario.`,
    );
    await expect(detail.getByTestId('history-detail-void')).toContainText(
      'Motivo: El cliente desistió de la compra',
    );
    await expect(page.getByTestId('history-row').first().getByTestId('history-row-voided')).toHaveText('Sí');

    // Past midnight in Lima the other sale can only be returned with a nota de crédito.
    clock.set('2026-11-24T05:30:00Z');
    await openSale(page, second);
    await expect(detail.getByTestId('history-void-hint')).toHaveText(
      'No se puede anular: solo se anulan ventas del mismo día (esta es del 23/11/2026); registre una devolución con nota de crédito.',
    );
    await detail.getByTestId('history-void').click();
    await dialog.getByTestId('void-reason').fill('Se equivocó de producto');
    await dialog.getByTestId('void-submit').click();
    await approveAsSupervisor(page, 'anular ventas');
    await expect(dialog.getByTestId('void-error')).toHaveText(
      'No se puede anular: solo se anulan ventas del mismo día (esta es del 23/11/2026); registre una devolución con nota de crédito.',
    );
  });
});

test('a supervisor issues a nota de débito without being asked for a PIN', async ({ page, host }) => {
  await login(page, host, 'supervisor', '5678');
  const number = await sellForExactCash(page, [AZUCAR]);
  await openHistory(page);
  await openSale(page, number);
  await page.getByTestId('history-debit').click();
  const dialog = page.getByTestId('debit-dialog');
  await dialog.getByTestId('debit-line-increase').first().fill('1.18');
  await expect(dialog.getByTestId('debit-total')).toHaveText('Total de la nota: S/ 1.18');
  await dialog.getByTestId('debit-submit').click();
  await expect(page.getByTestId('approval-dialog')).toHaveCount(0);
  await expect(page.getByTestId('history-notice')).toContainText(
    'Nota de débito BD01-00000001 emitida: cobre S/ 1.18 al cliente.',
  );
  await expect(page.getByTestId('history-note')).toContainText('Aumento en el valor');
});
