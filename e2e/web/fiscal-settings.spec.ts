import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { expect, test } from '../fixtures/web-host';
import { fixedClock } from '../../src-main/shared/clock';
import { closedPort, login, scan, screenshot, sellForExactCash, withWebHost } from '../fixtures/pos';

const DEMO_RUC = '20601234565';
const INCA_KOLA = '7752242641970';

/** A PKCS#12 for the demo RUC, made here so the core's refusal is about the password and nothing else. */
function pfxFor(ruc: string, password: string): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '0a1b2c';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { shortName: 'C', value: 'PE' },
    { name: 'serialNumber', value: ruc },
    { shortName: 'CN', value: `Prueba ${ruc}` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

test('an administrador sets up SUNAT sending, and the monitor follows a sale while SUNAT is unreachable', async ({
  page,
  host,
  sunat,
}) => {
  await login(page, host, 'admin', '9999');
  await expect(page.getByTestId('nav-fiscal-monitor')).toBeVisible();
  await expect(page.getByTestId('deadline-banner')).toHaveCount(0);

  // F7: Configuración SUNAT, with the demo store's certificate in place.
  await page.keyboard.press('F7');
  const settings = page.getByTestId('fiscal-settings');
  await expect(settings.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('nav-fiscal-settings')).toHaveAttribute('aria-current', 'page');
  const certificate = settings.getByTestId('fiscal-certificate');
  await expect(certificate).toHaveAttribute('data-state', 'ok');
  await expect(certificate.getByTestId('certificate-message')).toHaveText('Certificado vigente.');
  await expect(certificate.getByTestId('certificate-subject')).toContainText(DEMO_RUC);
  const demoSerial = await certificate.getByTestId('certificate-serial').textContent();

  // Garbage is refused in Spanish, where it was uploaded.
  const file = settings.getByTestId('certificate-file');
  const password = settings.getByTestId('certificate-password');
  const install = settings.getByTestId('certificate-install');
  const certificateError = settings.getByTestId('certificate-error');
  await file.setInputFiles({
    name: 'basura.pfx',
    mimeType: 'application/x-pkcs12',
    buffer: Buffer.from('hola'),
  });
  await install.click();
  await expect(certificateError).toHaveText(
    'Certificado digital no aceptado: El archivo no es un certificado .pfx/.p12 válido.',
  );

  // A real PFX with the wrong password: refused, the form keeps what was typed, the old certificate stays.
  await file.setInputFiles({
    name: 'tienda.pfx',
    mimeType: 'application/x-pkcs12',
    buffer: pfxFor(DEMO_RUC, 'la-buena'),
  });
  await password.fill('otra-clave');
  await install.click();
  await expect(certificateError).toHaveText(
    'Certificado digital no aceptado: La contraseña del certificado es incorrecta.',
  );
  await expect(password).toHaveValue('otra-clave');
  await expect(certificate).toHaveAttribute('data-state', 'ok');
  await expect(certificate.getByTestId('certificate-serial')).toHaveText(demoSerial ?? '');
  await screenshot(page, 'fiscal-1-certificate-refused');

  // The test terminal sends to the SUNAT emulator, as an OSE; the connection test reaches it.
  const solPassword = settings.getByTestId('settings-sol-password');
  await expect(solPassword).toHaveAttribute('placeholder', 'guardada');
  await expect(solPassword).toHaveValue('');
  await expect(settings.getByTestId('settings-endpoint-ose')).toBeChecked();
  const billUrl = settings.getByTestId('settings-bill-url');
  await expect(billUrl).toHaveValue(sunat.url);
  const testConnection = settings.getByTestId('settings-test-connection');
  const connection = settings.getByTestId('settings-connection-result');
  await testConnection.click();
  await expect(connection).toContainText('Conexión correcta');
  await expect(connection).toHaveClass(/tone-ok/);

  // Now an OSE address where nothing listens, a SOL user, boletas one by one.
  const save = settings.getByTestId('settings-save');
  const settingsError = settings.getByTestId('settings-error');
  await billUrl.fill('');
  await save.click();
  await expect(settingsError).toHaveText('Escriba la dirección del servicio de envío del OSE.');
  await expect(billUrl).toBeFocused();

  // The core refuses the SOL password over plain HTTP to another machine; nothing typed is lost.
  await billUrl.fill('http://ose.example.com/ol-ti-itcpe/billService');
  await settings.getByTestId('settings-sol-user').fill('PRUEBA01');
  await settings.getByTestId('settings-delivery-individual').check();
  await save.click();
  await expect(settingsError).toContainText('https');
  await expect(billUrl).toHaveValue('http://ose.example.com/ol-ti-itcpe/billService');
  await expect(settings.getByTestId('settings-sol-user')).toHaveValue('PRUEBA01');
  await expect(settings.getByTestId('settings-delivery-individual')).toBeChecked();

  const oseUrl = `https://127.0.0.1:${await closedPort()}/ol-ti-itcpe/billService`;
  await billUrl.fill(oseUrl);
  await save.click();
  await expect(settings.getByTestId('settings-saved')).toHaveText('Configuración guardada.');
  await expect(settingsError).toHaveCount(0);

  await testConnection.click();
  await expect(connection).toContainText('No se pudo conectar');
  await expect(connection).toHaveClass(/tone-bad/);
  await screenshot(page, 'fiscal-2-settings');

  // F1 from anywhere (even a focused button) is the counter; what was saved is there on return.
  await page.keyboard.press('F1');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.getByTestId('nav-fiscal-settings').click();
  await expect(settings.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(billUrl).toHaveValue(oseUrl);
  await expect(settings.getByTestId('settings-sol-user')).toHaveValue('PRUEBA01');
  await expect(solPassword).toHaveAttribute('placeholder', 'guardada');
  await expect(settings.getByTestId('settings-delivery-individual')).toBeChecked();

  // A boleta sold now cannot reach the OSE: the receipt says where it stands.
  await page.keyboard.press('F1');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  const number = await sellForExactCash(page, [INCA_KOLA]);
  expect(number).toBe('B001-00000001');
  const receiptStatus = page.getByTestId('receipt-fiscal').getByTestId('fiscal-status');
  await expect(receiptStatus).toHaveText(/Pendiente de envío|Enviado, esperando respuesta|Requiere atención/);
  await screenshot(page, 'fiscal-3-receipt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeFocused();

  // F3: the monitor lists it, not accepted; "Enviar ahora" tries and reports SUNAT unreachable.
  await page.keyboard.press('F3');
  const monitor = page.getByTestId('fiscal-monitor');
  const row = monitor.getByTestId(`fiscal-row-${number}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Boleta');
  await expect(row).toContainText('S/ 6.50');
  await expect(row.getByTestId('fiscal-status')).toHaveAttribute(
    'data-status',
    /^(pending|sent|needs_attention)$/,
  );
  await monitor.getByTestId('fiscal-send-now').click();
  const sender = monitor.getByTestId('fiscal-sender');
  await expect(sender).toHaveText('Sin conexión con SUNAT');
  await expect(sender).toHaveAttribute('data-state', 'offline');
  await expect(row.getByTestId('fiscal-status')).toHaveText('Pendiente de envío');
  await expect(monitor.getByTestId('fiscal-certificate')).toHaveAttribute('data-state', 'ok');

  // The signed XML downloads as a file named as SUNAT expects it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('fiscal-xml').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${DEMO_RUC}-03-B001-1.xml`);

  // Filtering by "Requiere atención" leaves it out; "Por resolver" keeps it.
  await monitor.getByTestId('fiscal-filter').selectOption('needs_attention');
  await expect(row).toHaveCount(0);
  await monitor.getByTestId('fiscal-filter').selectOption('open');
  await expect(row).toBeVisible();
  await screenshot(page, 'fiscal-4-monitor');

  // Back to the emulator and its SOL user: "Enviar ahora" gets it accepted, the CDR downloads as its zip.
  await page.keyboard.press('F7');
  await billUrl.fill(sunat.url);
  await settings.getByTestId('settings-sol-user').fill('MODDATOS');
  await save.click();
  await expect(settings.getByTestId('settings-saved')).toBeVisible();
  await page.keyboard.press('F3');
  await monitor.getByTestId('fiscal-filter').selectOption('all');
  await monitor.getByTestId('fiscal-send-now').click();
  await expect(row.getByTestId('fiscal-status')).toHaveText('Aceptado');
  await expect(sender).toHaveText('En línea con SUNAT');
  const [cdr] = await Promise.all([page.waitForEvent('download'), row.getByTestId('fiscal-cdr').click()]);
  expect(cdr.suggestedFilename()).toBe(`R-${DEMO_RUC}-03-B001-1.zip`);
  await screenshot(page, 'fiscal-5-accepted');

  // Esc (outside a field) goes back to the counter.
  await monitor.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scan-input')).toBeFocused();
});

test('a cashier sees no SUNAT entries and their keys do nothing', async ({ page, host }) => {
  await login(page, host, 'cajero', '1234');
  await expect(page.getByTestId('nav-sale')).toBeVisible();
  await expect(page.getByTestId('nav-fiscal-monitor')).toHaveCount(0);
  await expect(page.getByTestId('nav-fiscal-settings')).toHaveCount(0);
  await page.keyboard.press('F3');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('fiscal-monitor')).toHaveCount(0);
  await expect(page.getByTestId('fiscal-settings')).toHaveCount(0);
  await scan(page, INCA_KOLA);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

test('the counter warns everyone of SUNAT deadlines: yellow when due soon, red when late', async ({
  page,
}) => {
  // 10:00 in Lima; a boleta sold today must reach SUNAT by the 26th (3 days).
  const clock = fixedClock('2026-11-23T15:00:00Z');
  const unreachable = `https://127.0.0.1:${await closedPort()}/ol-ti-itcpe/billService`;
  await withWebHost(
    {
      clock,
      sunatEndpoint: { billServiceUrl: unreachable },
      fiscal: { senderIntervalMs: 500, retry: { baseMs: 300, maxMs: 1_000 }, pollDelayMs: 300 },
    },
    async (host) => {
      await login(page, host, 'cajero', '1234');
      await sellForExactCash(page, [INCA_KOLA]);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('deadline-banner')).toHaveCount(0);

      // Two days later it is due tomorrow: a yellow notice, and no monitor button for a cashier.
      clock.set('2026-11-25T15:00:00Z');
      await page.reload();
      const warnings = page.getByTestId('deadline-warning');
      await expect(warnings).toHaveCount(1);
      await expect(warnings.first()).toHaveAttribute('data-level', 'due-soon');
      await expect(warnings.first()).toHaveAttribute('role', 'status');
      await expect(warnings.first()).toContainText('1 comprobante vence su plazo de envío a SUNAT');
      await expect(warnings.first().getByRole('button')).toHaveCount(0);
      await expect(page.getByTestId('scan-input')).toBeFocused();
      await screenshot(page, 'fiscal-6-due-soon');

      // Past the limit: red, as an alert, refreshed by the next sale's events without reloading.
      clock.set('2026-11-27T15:00:00Z');
      await sellForExactCash(page, [INCA_KOLA]);
      await page.keyboard.press('Enter');
      await expect(warnings.first()).toHaveAttribute('data-level', 'overdue');
      await expect(warnings.first()).toHaveAttribute('role', 'alert');
      await expect(warnings.first()).toContainText('1 comprobante pasó su plazo legal de envío a SUNAT');
      await screenshot(page, 'fiscal-7-overdue');
    },
  );
});
