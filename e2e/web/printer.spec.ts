import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import {
  cuts,
  decodeEscPos,
  decodedText,
  drawerPulses,
  qrCodes,
  receiptHtml,
  startCapturePrinter,
  type CapturePrinter,
  type DecodedJob,
} from '../../src-main/testing/capture-printer';
import { expect, test } from '../fixtures/web-host';
import { login, screenshot, sellForExactCash, withWebHost } from '../fixtures/pos';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const INCA_KOLA = '7752242641970';
const AZUCAR = '7756610335003';

let printer: CapturePrinter;
test.beforeEach(async () => {
  printer = await startCapturePrinter();
});
test.afterEach(async () => {
  await printer.close();
});

/** The receipt job the capture printer got (status-only connections are not receipts). */
async function receivedReceipt(): Promise<DecodedJob> {
  const job = await printer.waitForJob((j) => decodedText(decodeEscPos(j.bytes)).trim() !== '', {
    includeExisting: true,
  });
  return decodeEscPos(job.bytes);
}

/** Draws the bytes the printer received as the paper would look, and checks the QR in the picture scans. */
async function savePicture(page: Page, job: DecodedJob, paperWidthMm: 80 | 58, name: string): Promise<void> {
  const picture = await page.context().newPage();
  await picture.setContent(receiptHtml(job, { paperWidthMm, columns: paperWidthMm === 80 ? 48 : 32 }));
  const file = join(artifacts, `${name}.png`);
  await picture.locator('#paper').screenshot({ path: file });
  await picture.close();
  const png = PNG.sync.read(readFileSync(file));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr?.data, 'the QR in the picture scans to what the printer was sent').toBe(qrCodes(job)[0]?.data);
}

for (const paperWidthMm of [80, 58] as const) {
  test(`a cash sale prints its receipt on ${paperWidthMm} mm paper and kicks the drawer`, async ({
    page,
    sunat,
  }) => {
    await withWebHost(
      {
        sunatEndpoint: { billServiceUrl: sunat.url, consultServiceUrl: sunat.consultUrl },
        printer: { url: printer.url, paperWidthMm },
      },
      async (host) => {
        await login(page, host, 'cajero', '1234');
        const number = await sellForExactCash(page, [INCA_KOLA, AZUCAR]);
        const preview = page.getByTestId('receipt-preview');
        await expect(preview.getByTestId('receipt-print-status')).toHaveAttribute('data-state', 'sent');

        const job = await receivedReceipt();
        const text = decodedText(job);
        const columns = paperWidthMm === 80 ? 48 : 32;
        expect(Math.max(...text.split('\n').map((line) => line.length))).toBe(columns);
        expect(text).toContain('BOLETA DE VENTA ELECTRÓNICA');
        expect(text).toContain(number);
        expect(text).toContain('Azúcar Rubia Bells 1 kg');
        expect(text).toContain('SON: DIEZ CON 20/100 SOLES');
        expect(job.codePages).toEqual([19]);
        expect(drawerPulses(job)).toHaveLength(1);
        expect(cuts(job)).toHaveLength(1);
        const [serie, correlativo] = number.split('-');
        expect(qrCodes(job)[0]?.data).toMatch(
          new RegExp(`^\\d{11}\\|03\\|${serie}\\|${Number(correlativo)}\\|`),
        );
        // What the screen shows is what printed: the preview lines are the printed lines.
        const shown = await preview.getByTestId('receipt-paper').locator('.receipt-text').allTextContents();
        const printed = text.split('\n').filter((line) => line.trim() !== '');
        expect(printed).toEqual(
          shown
            .map((line) => line.replace(/\u00a0/g, ' ').trimEnd())
            .filter((line) => line.trim() !== '' && !line.startsWith('✂')),
        );
        await savePicture(page, job, paperWidthMm, `receipt-${paperWidthMm}mm`);
      },
    );
  });
}

test('a printer that is off never stops the sale; F10 prints it once the printer is back', async ({
  page,
  sunat,
}) => {
  await printer.behave({ kind: 'refuse' });
  await withWebHost(
    {
      sunatEndpoint: { billServiceUrl: sunat.url, consultServiceUrl: sunat.consultUrl },
      printer: { url: printer.url },
      devices: { printRetryDelaysMs: [100] },
    },
    async (host) => {
      await login(page, host, 'cajero', '1234');
      const number = await sellForExactCash(page, [INCA_KOLA]);
      const preview = page.getByTestId('receipt-preview');
      await expect(preview.getByTestId('receipt-print-status')).toHaveAttribute('data-state', 'failed');
      await expect(preview.getByTestId('receipt-print-status')).toContainText(
        'No se pudo conectar con la impresora',
      );
      await preview.getByTestId('receipt-new-sale').click();
      const banner = page.getByTestId('printer-failure');
      await expect(banner).toContainText(`No se imprimió ${number}`);
      await screenshot(page, 'printer-1-off');

      // The next sale is not held up by the failed receipt.
      const second = await sellForExactCash(page, [AZUCAR]);
      expect(second).not.toBe(number);
      await page.getByTestId('receipt-new-sale').click();

      await printer.behave({ kind: 'ready' });
      await page.keyboard.press('F10');
      const job = await receivedReceipt();
      expect(decodedText(job)).toContain(second);
      expect(decodedText(job)).not.toContain('COPIA');
      // The first receipt waits in the banner until reprinted or dismissed.
      await expect(banner).toContainText(`No se imprimió ${number}`);
      await banner.getByTestId('printer-reprint').click();
      await expect(page.getByTestId('printer-failure')).toHaveCount(0);
      await expect
        .poll(() =>
          printer.jobsWithContent().some((j) => decodedText(decodeEscPos(j.bytes)).includes(number)),
        )
        .toBe(true);
      await screenshot(page, 'printer-2-back');
    },
  );
});
