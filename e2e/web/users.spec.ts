import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/web-host';
import { login, scan, screenshot } from '../fixtures/pos';

const INCA_KOLA = '7752242641970'; // Inca Kola 1.5 L

/** Usuarios, from the top bar (administradores only). */
async function openUsers(page: Page): Promise<void> {
  await page.getByTestId('nav-users').click();
  // At 1366 px an administrador's top bar is wider than the window: clicking its last
  // entries scrolls the page sideways, so put it back for the screenshots.
  await page.evaluate('window.scrollTo(0, 0)');
  const screen = page.getByTestId('users-screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Usuarios');
  await expect(page.getByTestId('users-table')).toBeVisible();
}

async function tryPin(page: Page, username: string, pin: string): Promise<void> {
  await page.getByTestId(`login-user-${username}`).click();
  await page.getByTestId('login-pin').fill(pin);
  await page.getByTestId('login-submit').click();
}

test('an administrador creates a cashier who logs in, then deactivates her and her open screen is refused', async ({
  page,
  host,
  browser,
}) => {
  await login(page, host, 'admin', '9999');
  await openUsers(page);
  await expect(page.getByTestId('user-state-cajero')).toHaveText('Activo');
  await expect(page.getByTestId('user-deactivate-admin')).toBeDisabled();

  // Nuevo usuario: the screen checks the PIN typed twice, the core the rest.
  await page.getByTestId('users-new').click();
  const dialog = page.getByTestId('user-new-dialog');
  await expect(page.getByTestId('user-new-fullname')).toBeFocused();
  await page.getByTestId('user-new-fullname').fill('Lucía Vega Ríos');
  await page.getByTestId('user-new-username').fill('Lucia');
  await expect(page.getByTestId('user-new-username')).toHaveValue('lucia');
  await page.getByTestId('user-new-pin').fill('1234');
  await page.getByTestId('user-new-pin2').fill('1243');
  await page.getByTestId('user-new-dialog-submit').click();
  await expect(page.getByTestId('user-new-dialog-error')).toHaveText(
    'Los dos PIN no coinciden. Escríbalo de nuevo.',
  );
  await page.getByTestId('user-new-pin2').fill('1234');
  await page.getByTestId('user-new-dialog-submit').click();
  await expect(page.getByTestId('user-new-dialog-error')).toHaveText(
    'PIN no aceptado: no puede ser una secuencia (como 1234 o 4321).',
  );
  await page.getByTestId('user-new-pin').fill('2580');
  await page.getByTestId('user-new-pin2').fill('2580');
  await page.getByTestId('user-new-dialog-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('users-notice')).toHaveText(
    'Usuario lucia creado (Cajero). Ya puede ingresar con su PIN.',
  );
  const row = page.getByTestId('user-row-lucia');
  await expect(row).toContainText('Lucía Vega Ríos');
  await expect(page.getByTestId('user-role-lucia')).toHaveText('Cajero');
  await expect(page.getByTestId('user-state-lucia')).toHaveText('Activo');
  await expect(row).toContainText('Nunca');

  // The new cashier, at another screen of the same terminal: her name is on the login list.
  const counter = await browser.newPage();
  try {
    await login(counter, host, 'lucia', '2580');
    await expect(counter.getByTestId('header-cashier')).toContainText('Lucía Vega Ríos');
    await scan(counter, INCA_KOLA);
    await expect(counter.getByTestId('cart-line')).toHaveCount(1);

    // Her last login shows once the list is read again.
    await page.getByTestId('nav-sale').click();
    await openUsers(page);
    await expect(row).not.toContainText('Nunca');

    await page.getByTestId('user-deactivate-lucia').click();
    await expect(page.getByTestId('user-deactivate-dialog')).toContainText(
      'se cerrará en su siguiente acción',
    );
    await page.getByTestId('user-deactivate-dialog-submit').click();
    await expect(page.getByTestId('users-notice')).toHaveText(
      'Usuario lucia desactivado. Ya no puede ingresar.',
    );
    await expect(page.getByTestId('user-state-lucia')).toHaveText('Desactivado');
    await expect(page.getByTestId('user-reactivate-lucia')).toBeVisible();
    await screenshot(page, 'users-1-list');

    // Her screen is still open, but the core refuses her very next action and the screen
    // goes back to the login saying why; nothing reached the sale.
    await scan(counter, INCA_KOLA);
    await expect(counter.getByTestId('login-submit')).toBeVisible();
    await expect(counter.getByTestId('login-message')).toHaveText('El usuario lucia está desactivado.');
    // And she is no longer offered there.
    await expect(counter.getByTestId('login-user-cajero')).toBeVisible();
    await expect(counter.getByTestId('login-user-lucia')).toHaveCount(0);
    await counter.getByTestId('login-username').fill('lucia');
    await counter.getByTestId('login-pin').fill('2580');
    await counter.getByTestId('login-submit').click();
    await expect(counter.getByTestId('login-message')).toHaveText('El usuario lucia está desactivado.');
  } finally {
    await counter.close();
  }
});

test('five wrong PINs lock a user, the login screen says so, and an administrador unlocks or resets the PIN', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  for (let i = 0; i < 4; i++) {
    await tryPin(page, 'supervisor', '0000');
    await expect(page.getByTestId('login-message')).toHaveText('Usuario o PIN incorrecto.');
    await expect(page.getByTestId('login-pin')).toHaveValue('');
  }
  await tryPin(page, 'supervisor', '0000');
  const locked =
    'El usuario supervisor está bloqueado por 15 minutos por demasiados intentos con un PIN incorrecto. ' +
    'Espere o pida a un administrador que lo desbloquee.';
  await expect(page.getByTestId('login-message')).toHaveText(locked);
  // Even the right PIN.
  await tryPin(page, 'supervisor', '5678');
  await expect(page.getByTestId('login-message')).toHaveText(locked);
  await expect(page.getByTestId('scan-input')).toHaveCount(0);

  // Another person logs in straight from the same screen.
  await tryPin(page, 'admin', '9999');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await openUsers(page);
  await expect(page.getByTestId('user-state-supervisor')).toHaveText(/^Bloqueado hasta las \d{2}:\d{2}$/);
  await screenshot(page, 'users-2-locked');
  await page.getByTestId('user-unlock-supervisor').click();
  await expect(page.getByTestId('users-notice')).toHaveText('Usuario supervisor desbloqueado.');
  await expect(page.getByTestId('user-state-supervisor')).toHaveText('Activo');
  await expect(page.getByTestId('user-unlock-supervisor')).toHaveCount(0);

  // Restablecer PIN asks for it twice.
  await page.getByTestId('user-pin-supervisor').click();
  await expect(page.getByTestId('user-pin-new')).toBeFocused();
  await page.getByTestId('user-pin-new').fill('3691');
  await page.getByTestId('user-pin-repeat').fill('3690');
  await page.getByTestId('user-pin-dialog-submit').click();
  await expect(page.getByTestId('user-pin-dialog-error')).toHaveText(
    'Los dos PIN no coinciden. Escríbalo de nuevo.',
  );
  await page.getByTestId('user-pin-repeat').fill('3691');
  await page.getByTestId('user-pin-dialog-submit').click();
  await expect(page.getByTestId('users-notice')).toHaveText(
    'Nuevo PIN de supervisor guardado. Entrégueselo en persona.',
  );

  // Change the role, and the inactivity lock of the store.
  await page.getByTestId('user-edit-cajero').click();
  await page.getByTestId('user-edit-role').selectOption('supervisor');
  await page.getByTestId('user-edit-dialog-submit').click();
  await expect(page.getByTestId('user-role-cajero')).toHaveText('Supervisor');
  await expect(page.getByTestId('users-inactivity-minutes')).toHaveValue('10');
  await page.getByTestId('users-inactivity-minutes').fill('300');
  await page.getByTestId('users-inactivity-save').click();
  await expect(page.getByTestId('users-inactivity-error')).toContainText('security.inactivityMinutes');
  await page.getByTestId('users-inactivity-minutes').fill('5');
  await page.getByTestId('users-inactivity-save').click();
  await expect(page.getByTestId('users-inactivity-result')).toHaveText(
    'Guardado: las sesiones se cierran tras 5 minutos sin uso.',
  );

  // Logout and the next person in one step: the supervisor, with the new PIN.
  await page.getByTestId('logout').click();
  await tryPin(page, 'supervisor', '3691');
  await expect(page.getByTestId('header-cashier')).toContainText('Jorge Ramírez Huamán');
});
