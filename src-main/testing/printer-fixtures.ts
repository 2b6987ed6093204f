import type { Core } from '../core/core';
import { DEFAULT_DEVICE_SETTINGS, type PrinterSettings } from '../devices/device-settings-schema';
import type { CapturePrinter } from './capture-printer';

/** Points the core's printer at a capture printer (saved as an administrador would). */
export function useCapturePrinter(
  core: Core,
  printer: Pick<CapturePrinter, 'host' | 'port'>,
  overrides: Partial<PrinterSettings> = {},
): void {
  const admin = core.ctx.users.credentials('admin');
  if (!admin) throw new Error('demo admin missing');
  const current = core.devices.settings.get();
  core.devices.settings.save(
    {
      ...current,
      printer: {
        ...DEFAULT_DEVICE_SETTINGS.printer,
        connection: { kind: 'network', host: printer.host, port: printer.port },
        timeoutMs: 1_000,
        ...overrides,
      },
    },
    admin.id,
  );
}
