import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '../fixtures/web-host';
import { login, screenshot } from '../fixtures/pos';

/** `YYYY-MM-DD` in Lima, `days` from today (the host runs on the real clock). */
function limaDay(days = 0): string {
  const now = new Date(Date.now() + days * 86_400_000 - 5 * 3_600_000);
  return now.toISOString().slice(0, 10);
}

test('a supervisor reads the audit trail, proves it intact, and sees tampering named', async ({
  page,
  host,
}) => {
  await login(page, host, 'supervisor', '5678');
  // No function key for this screen: the top bar's button.
  await page.getByTestId('nav-audit').click();
  const screen = page.getByTestId('audit-screen');
  await expect(screen.getByRole('heading', { level: 1, name: 'Auditoría' })).toBeFocused();
  await expect(page.getByTestId('nav-audit')).toHaveAttribute('aria-current', 'page');

  // Their own login, newest first, with who and where.
  const rows = screen.getByTestId('audit-row');
  const ownLogin = rows
    .filter({ hasText: 'Jorge Ramírez Huamán' })
    .and(page.locator('[data-action="auth.login"]'));
  await expect(ownLogin).toHaveCount(1);
  await expect(ownLogin).toContainText('Ingreso al sistema');
  await expect(ownLogin).toContainText('CAJA-01');
  const loginSeq = Number(await ownLogin.getAttribute('data-seq'));
  expect(loginSeq).toBeGreaterThan(0);

  // Only the logins and authorizations, once the action filter is set.
  const action = screen.getByTestId('audit-filter-action');
  await action.selectOption('auth.');
  await expect(rows.first()).toHaveAttribute('data-action', /^auth\./);
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => a?.startsWith('auth.'))).toBe(true);

  // Dates are Lima days: today holds the login, tomorrow nothing yet.
  await screen.getByTestId('audit-filter-from').fill(limaDay(1));
  await expect(screen.getByTestId('audit-empty')).toBeVisible();
  await screen.getByTestId('audit-filter-from').fill(limaDay());
  await screen.getByTestId('audit-filter-to').fill(limaDay());
  await expect(ownLogin).toHaveCount(1);

  // The CSV holds what the screen shows, ready for Excel (BOM, Spanish header, accents).
  const downloading = page.waitForEvent('download');
  await screen.getByTestId('audit-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^auditoria-CAJA-01-.+\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(
    csv.startsWith('\uFEFFN.º,Fecha y hora,Caja,Usuario,Autorizó,Acción,Entidad,ID de entidad,Detalle\r\n'),
  ).toBe(true);
  expect(csv).toContain(`${loginSeq},`);
  expect(csv).toContain('Jorge Ramírez Huamán');
  await expect(screen.getByTestId('audit-notice')).toContainText(download.suggestedFilename());

  // A row opens to its full data.
  await ownLogin.getByTestId('audit-row-toggle').click();
  await expect(screen.getByTestId('audit-row-detail')).toContainText(String(loginSeq));

  // Back to the whole log; the opened row stays open.
  await screen.getByTestId('audit-filter-clear').click();
  await expect(screen.getByTestId('audit-filter-action')).toHaveValue('');
  // The demo store's set-up (its SUNAT certificate) is logged too.
  await expect(rows.and(page.locator('[data-action="fiscal.certificate.installed"]'))).toHaveCount(1);
  await expect(screen.getByTestId('audit-row-detail')).toBeVisible();

  // Every link holds.
  await screen.getByTestId('audit-verify').click();
  const verdict = screen.getByTestId('audit-verdict');
  await expect(verdict).toHaveAttribute('data-state', 'ok');
  await expect(verdict).toContainText(/^Cadena íntegra \(\d+ entradas\)/);
  await screenshot(page, 'audit-1-verified');

  // Someone opens the file with a DB browser, drops the guard and rewrites the login.
  const db = new Database(host.databaseFile);
  try {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET data = '{"nota":"aquí no pasó nada"}' WHERE seq = ?`).run(loginSeq);
  } finally {
    db.close();
  }

  await screen.getByTestId('audit-verify').click();
  await expect(verdict).toHaveAttribute('data-state', 'broken');
  await expect(verdict).toHaveAttribute('role', 'alert');
  await expect(verdict).toHaveAttribute('data-seq', String(loginSeq));
  await expect(verdict).toContainText(`entrada N.º ${loginSeq}, Ingreso al sistema (auth.login)`);
  await expect(verdict).toContainText('fue modificada');
  // The altered entry stands out in the list.
  await expect(ownLogin).toHaveClass(/broken/);
  await expect(ownLogin).toContainText('nota: aquí no pasó nada');
  await screenshot(page, 'audit-2-broken');
});
