import { hasSocat, openPtyPair, SOCAT_MISSING, type PtyPair } from '../../src-main/testing/serial-pty';
import { expect, test } from '../fixtures/web-host';
import { login, screenshot, withWebHost } from '../fixtures/pos';

const INCA_KOLA = '7752242641970';
const AZUCAR = '7756610335003';

let pty: PtyPair;
test.beforeEach(async () => {
  test.skip(!hasSocat(), SOCAT_MISSING);
  pty = await openPtyPair();
});
test.afterEach(async () => {
  await pty?.close();
});

test('a serial scanner scans into the sale, and comes back by itself after being unplugged', async ({
  page,
  sunat,
}) => {
  await withWebHost(
    {
      sunatEndpoint: { billServiceUrl: sunat.url, consultServiceUrl: sunat.consultUrl },
      serialDevices: {
        serialScanner: { enabled: true, path: pty.devicePath, baudRate: 9600, terminator: 'CR' },
      },
      devices: { serialReconnectMs: 200 },
    },
    async (host) => {
      await login(page, host, 'cajero', '1234');
      const lines = page.getByTestId('cart-line');
      await pty.write(`${INCA_KOLA}\r`);
      await expect(lines).toHaveCount(1);
      await expect(page.getByTestId('cart-total')).toHaveText('S/ 6.50');

      // Unplugged: the counter says so; plugged back: the next code goes in as usual.
      await pty.kill();
      await expect(page.getByTestId('serial-problem')).toContainText('desconectado');
      await screenshot(page, 'scanner-1-unplugged');
      await pty.restart();
      await expect(page.getByTestId('serial-problem')).toHaveCount(0);
      await pty.write(`${AZUCAR}\r`);
      await expect(lines).toHaveCount(2);
      await expect(page.getByTestId('cart-total')).toHaveText('S/ 10.20');
    },
  );
});
