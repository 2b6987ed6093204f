import { z } from 'zod';
import type { DeviceSettings } from '../devices/device-settings-schema';
import { deviceSettingsSchema, printerSettingsSchema } from '../devices/device-settings-schema';
import type {
  DevicesStatusView,
  PrintJobView,
  PrinterStatusView,
  SerialPortInfo,
} from '../devices/device-views';
import { approval, id, method, none } from './spec';

export type { DeviceSettings, DevicesStatusView, PrintJobView, PrinterStatusView, SerialPortInfo };

export const devicesContract = {
  /** Printer (queue, last error), serial scanner and scale, for the banner and the settings screen. */
  'devices.status': method<DevicesStatusView>()({ input: none, permission: 'authenticated' }),
  /** Cashiers' screens need the keyboard-wedge settings too. */
  'devices.settings': method<DeviceSettings>()({ input: none, permission: 'authenticated' }),
  'devices.saveSettings': method<DeviceSettings>()({
    input: deviceSettingsSchema,
    permission: 'settings.manage',
  }),
  'devices.serialPorts': method<SerialPortInfo[]>()({ input: none, permission: 'settings.manage' }),
  'devices.systemPrinters': method<string[]>()({ input: none, permission: 'settings.manage' }),
  /** Straight to the printer with the settings being edited (saved ones when absent). */
  'printer.testPage': method<{ description: string }>()({
    input: z.object({ printer: printerSettingsSchema.optional() }).strict(),
    permission: 'settings.manage',
  }),
  /** A sale's receipt again (the last sale when no id): the original if it never printed, else a copy. */
  'printer.reprint': method<PrintJobView>()({
    input: z.object({ saleId: id.optional(), jobId: id.optional(), approval: approval.optional() }).strict(),
    permission: 'sale.sell',
  }),
  /** Stop showing a failed job (the customer left, or it was printed another way). */
  'printer.dismiss': method<null>()({ input: z.object({ jobId: id }).strict(), permission: 'sale.sell' }),
  'drawer.open': method<PrintJobView>()({
    input: z.object({ reason: z.string().trim().min(2).max(200), approval: approval.optional() }).strict(),
    permission: 'drawer.open',
    approvable: true,
  }),
  'scale.read': method<{ grams: number }>()({ input: none, permission: 'sale.sell' }),
} as const;
