import { describe, expect, it } from 'vitest';
import { qrText } from './qr-text';

describe('receipt QR text', () => {
  it('lists the SUNAT fields in order with two-decimal amounts and a trailing pipe', () => {
    expect(
      qrText({
        ruc: '20601234565',
        docType: '03',
        serie: 'B001',
        correlativo: 7,
        igvCents: 1_525,
        totalCents: 10_000,
        issueDate: '2026-11-23',
        customerDocType: '1',
        customerDocNumber: '45678912',
        digestValue: 'q1w2e3r4t5y6u7i8o9p0=',
      }),
    ).toBe('20601234565|03|B001|7|15.25|100.00|2026-11-23|1|45678912|q1w2e3r4t5y6u7i8o9p0=|');
  });
});
