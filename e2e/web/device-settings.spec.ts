import { expect, test } from '../fixtures/web-host';
import { closedPort, login, screenshot } from '../fixtures/pos';
import { decodeEscPos, decodedText, startCapturePrinter } from '../../src-main/testing/capture-printer';

test('an administrador chooses a network printer, prints a test page with it unsaved, and saves it', async ({
  page,
  host,
}) => {
  const printer = await startCapturePrinter();
  try {
    await login(page, host, 'admin', '9999');

    // F11: Dispositivos. The demo terminal has no printer, so there is nothing to test yet.
    await page.keyboard.press('F11');
    const screen = page.getByTestId('device-settings');
    await expect(screen.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByTestId('nav-device-settings')).toHaveAttribute('aria-current', 'page');
    const kind = screen.getByTestId('device-printer-kind');
    const state = screen.getByTestId('device-printer-state');
    const testPage = screen.getByTestId('device-test-page');
    const testResult = screen.getByTestId('device-test-result');
    await expect(kind).toHaveValue('none');
    await expect(state).toHaveAttribute('data-state', 'none');
    await expect(testPage).toBeDisabled();
    await expect(screen.getByTestId('device-scale-read')).toBeDisabled();
    await expect(screen.getByTestId('device-scanner-state')).toHaveAttribute('data-state', 'none');

    // Red: the port starts at 9100; the test page goes to the capture printer with nothing saved.
    await kind.selectOption('network');
    const hostField = screen.getByTestId('device-printer-host');
    const port = screen.getByTestId('device-printer-port');
    await expect(port).toHaveValue('9100');
    await hostField.fill('127.0.0.1');
    await port.fill(String(printer.port));
    await expect(screen.getByTestId('device-dirty')).toHaveText('Hay cambios sin guardar.');
    await testPage.click();
    await expect(testResult).toHaveText(`Página de prueba enviada a tcp://127.0.0.1:${printer.port}.`);
    await expect(testResult).toHaveClass(/tone-ok/);
    const job = await printer.waitForJob(
      (j) => decodedText(decodeEscPos(j.bytes)).includes('PÁGINA DE PRUEBA'),
      {
        includeExisting: true,
      },
    );
    const printed = decodedText(decodeEscPos(job.bytes));
    expect(printed).toContain('PÁGINA DE PRUEBA');
    expect(printed).toContain('áéíóú ÁÉÍÓÚ ñÑ');
    expect(printed).toContain(`tcp://127.0.0.1:${printer.port}`);
    // Still unsaved: the counter's printer is unchanged.
    await expect(state).toHaveAttribute('data-state', 'none');

    // Where nothing listens: the core's Spanish error, as an alert.
    const nowhere = await closedPort();
    await port.fill(String(nowhere));
    await testPage.click();
    await expect(testResult).toContainText(
      `No se pudo conectar con la impresora (tcp://127.0.0.1:${nowhere}`,
    );
    await expect(testResult).toHaveAttribute('role', 'alert');

    // Only numbers are checked here: a port that is not one points at its field.
    const save = screen.getByTestId('device-save');
    const message = screen.getByTestId('device-message');
    await port.fill('nueve mil');
    await save.click();
    await expect(message).toHaveText('Escriba el puerto de la impresora como un número.');
    await expect(port).toBeFocused();
    await expect(port).toHaveAttribute('aria-invalid', 'true');

    // The core refuses a bad address in Spanish; what was typed stays.
    await port.fill(String(printer.port));
    await expect(port).not.toHaveAttribute('aria-invalid');
    await hostField.fill('impresora de caja');
    await save.click();
    await expect(message).toContainText('dirección no válida');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(hostField).toHaveValue('impresora de caja');
    await expect(kind).toHaveValue('network');

    // A good set: 58 mm paper, 5 s, no receipt per sale, a longer minimum for the USB scanner.
    await hostField.fill('127.0.0.1');
    await screen.getByTestId('device-printer-paper').selectOption('58');
    await screen.getByTestId('device-printer-timeout').fill('5');
    await screen.getByTestId('device-printer-print-on-sale').uncheck();
    await screen.getByTestId('device-wedge-min-length').fill('6');
    await save.click();
    await expect(message).toHaveText('Configuración guardada.');
    await expect(screen.getByTestId('device-discard')).toBeDisabled();
    await expect(state).toHaveAttribute('data-state', 'ready');
    await expect(state).toContainText(`tcp://127.0.0.1:${printer.port}`);
    // The last test's answer was about other settings: it is gone.
    await expect(testResult).toHaveCount(0);
    await screen.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'devices-1-settings');

    // Discard puts back what is saved.
    await hostField.fill('10.0.0.99');
    await screen.getByTestId('device-discard').click();
    await expect(hostField).toHaveValue('127.0.0.1');
    await expect(screen.getByTestId('device-dirty')).toHaveText('Sin cambios.');

    // After a reload the saved values come back from the core.
    await page.reload();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.keyboard.press('F11');
    await expect(screen.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(kind).toHaveValue('network');
    await expect(hostField).toHaveValue('127.0.0.1');
    await expect(port).toHaveValue(String(printer.port));
    await expect(screen.getByTestId('device-printer-paper')).toHaveValue('58');
    await expect(screen.getByTestId('device-printer-timeout')).toHaveValue('5');
    await expect(screen.getByTestId('device-printer-print-on-sale')).not.toBeChecked();
    await expect(screen.getByTestId('device-printer-open-on-cash')).toBeChecked();
    await expect(screen.getByTestId('device-wedge-min-length')).toHaveValue('6');
    await expect(state).toHaveAttribute('data-state', 'ready');
  } finally {
    await printer.close();
  }
});

test('a cashier has no Dispositivos screen', async ({ page, host }) => {
  await login(page, host, 'cajero', '1234');
  await expect(page.getByTestId('nav-device-settings')).toHaveCount(0);
  await page.keyboard.press('F11');
  await expect(page.getByTestId('device-settings')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();
});
