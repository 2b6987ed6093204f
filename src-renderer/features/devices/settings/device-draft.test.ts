import { describe, expect, it } from 'vitest';
import type { DeviceSettings } from '../../../../src-main/devices/device-settings-schema';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- checks the renderer's copies of the core's constants.
import * as core from '../../../../src-main/devices/device-settings-schema';
import {
  BAUD_RATES,
  CODE_PAGES,
  TERMINATORS,
  draftFromSettings,
  isDirty,
  parseSecondsToMs,
  printerFromDraft,
  secondsText,
  settingsFromDraft,
  type DeviceDraft,
} from './device-draft';

const NETWORK: DeviceSettings = {
  ...core.DEFAULT_DEVICE_SETTINGS,
  printer: {
    ...core.DEFAULT_DEVICE_SETTINGS.printer,
    connection: { kind: 'network', host: '192.168.1.50', port: 9101 },
    timeoutMs: 2_500,
  },
  serialScanner: { enabled: true, path: '/dev/ttyUSB0', baudRate: 115200, terminator: 'CRLF' },
  scale: { enabled: true, path: '/dev/ttyS0', baudRate: 4800 },
};

function saved(draft: DeviceDraft): DeviceSettings {
  const settings = settingsFromDraft(draft);
  if (!settings.ok) throw new Error(settings.problem);
  return settings.value;
}

describe('device settings form', () => {
  it('holds the same constants as the core', () => {
    expect(BAUD_RATES).toEqual(core.BAUD_RATES);
    expect(CODE_PAGES).toEqual(core.CODE_PAGES);
    expect(TERMINATORS).toEqual(core.TERMINATORS);
  });

  it('round-trips the saved settings through the form unchanged', () => {
    for (const settings of [core.DEFAULT_DEVICE_SETTINGS, NETWORK]) {
      const draft = draftFromSettings(settings);
      expect(saved(draft)).toEqual(settings);
      expect(isDirty(draft, settings)).toBe(false);
    }
  });

  it('shows numbers as text, and the timeout in seconds', () => {
    const draft = draftFromSettings(NETWORK);
    expect(draft.printer).toMatchObject({
      kind: 'network',
      host: '192.168.1.50',
      port: '9101',
      timeoutSeconds: '2.5',
    });
    expect(draft.wedge).toMatchObject({ maxGapMs: '35', minLength: '4' });
    expect(draft.serialScanner).toEqual({
      enabled: true,
      path: '/dev/ttyUSB0',
      baudRate: 115200,
      terminator: 'CRLF',
    });
  });

  it('fills the fields of the other connection kinds with sensible defaults', () => {
    const draft = draftFromSettings(core.DEFAULT_DEVICE_SETTINGS);
    expect(draft.printer).toMatchObject({ kind: 'none', host: '', port: '9100', serialBaudRate: 9600 });
    expect(draft.serialScanner).toMatchObject({ enabled: false, baudRate: 9600, terminator: 'CR' });
    expect(draft.scale).toEqual({ enabled: false, path: '', baudRate: 9600 });

    // Choosing "Red" needs only the address; "Serie", only the port.
    const network = { ...draft.printer, kind: 'network' as const, host: ' 10.0.0.7 ' };
    expect(printerFromDraft(network)).toMatchObject({
      ok: true,
      value: { connection: { kind: 'network', host: '10.0.0.7', port: 9100 } },
    });
    const serial = { ...draft.printer, kind: 'serial' as const, serialPath: '/dev/ttyACM0' };
    expect(printerFromDraft(serial)).toMatchObject({
      ok: true,
      value: { connection: { kind: 'serial', path: '/dev/ttyACM0', baudRate: 9600 } },
    });
  });

  it('keeps what was typed for one kind while another is chosen, but saves only the chosen one', () => {
    const draft = draftFromSettings(NETWORK);
    const system = { ...draft.printer, kind: 'system' as const, systemName: 'TM-T20' };
    expect(printerFromDraft(system)).toMatchObject({
      ok: true,
      value: { connection: { kind: 'system', name: 'TM-T20' } },
    });
    expect(printerFromDraft({ ...system, kind: 'network' })).toMatchObject({
      ok: true,
      value: { connection: { kind: 'network', host: '192.168.1.50', port: 9101 } },
    });
  });

  it('turns text into numbers: port, seconds (dot or comma), gap and length', () => {
    const draft = draftFromSettings(NETWORK);
    const edited: DeviceDraft = {
      ...draft,
      printer: { ...draft.printer, port: ' 9100 ', timeoutSeconds: '1,5' },
      wedge: { ...draft.wedge, maxGapMs: '50', minLength: '8', prefix: ']C1' },
    };
    const settings = saved(edited);
    expect(settings.printer.connection).toEqual({ kind: 'network', host: '192.168.1.50', port: 9100 });
    expect(settings.printer.timeoutMs).toBe(1_500);
    expect(settings.wedge).toEqual({
      enabled: true,
      maxGapMs: 50,
      minLength: 8,
      prefix: ']C1',
      suffix: 'Enter',
    });
    expect(isDirty(edited, NETWORK)).toBe(true);
    expect(isDirty(edited, NETWORK, 'wedge')).toBe(true);
    expect(isDirty(edited, NETWORK, 'scale')).toBe(false);
  });

  it('names the field of a number that does not parse, and leaves ranges to the core', () => {
    const draft = draftFromSettings(NETWORK);
    expect(settingsFromDraft({ ...draft, printer: { ...draft.printer, port: 'nueve' } })).toMatchObject({
      ok: false,
      field: 'printer.port',
    });
    expect(settingsFromDraft({ ...draft, printer: { ...draft.printer, timeoutSeconds: '' } })).toMatchObject({
      ok: false,
      field: 'printer.timeoutSeconds',
    });
    expect(settingsFromDraft({ ...draft, wedge: { ...draft.wedge, maxGapMs: '3.5' } })).toMatchObject({
      ok: false,
      field: 'wedge.maxGapMs',
    });
    expect(settingsFromDraft({ ...draft, wedge: { ...draft.wedge, minLength: '-1' } })).toMatchObject({
      ok: false,
      field: 'wedge.minLength',
    });
    // Out of range but a number: the core says what is wrong.
    expect(
      saved({ ...draft, printer: { ...draft.printer, port: '70000' } }).printer.connection,
    ).toMatchObject({
      port: 70000,
    });
    // A port that does not parse still counts as a change to save or discard.
    expect(isDirty({ ...draft, printer: { ...draft.printer, port: '' } }, NETWORK)).toBe(true);
  });

  it('drops the port of a disabled serial device and restores defaults when it is turned on', () => {
    const draft = draftFromSettings(NETWORK);
    const off = saved({
      ...draft,
      serialScanner: { ...draft.serialScanner, enabled: false },
      scale: { ...draft.scale, enabled: false },
    });
    expect(off.serialScanner).toEqual({ enabled: false });
    expect(off.scale).toEqual({ enabled: false });

    const fresh = draftFromSettings(core.DEFAULT_DEVICE_SETTINGS);
    const on = saved({ ...fresh, scale: { ...fresh.scale, enabled: true, path: ' /dev/ttyUSB1 ' } });
    expect(on.scale).toEqual({ enabled: true, path: '/dev/ttyUSB1', baudRate: 9600 });
  });

  it('writes and reads seconds without floating point', () => {
    expect(secondsText(3_000)).toBe('3');
    expect(secondsText(1_500)).toBe('1.5');
    expect(secondsText(30_000)).toBe('30');
    expect(secondsText(500)).toBe('0.5');
    expect(secondsText(2_250)).toBe('2.25');
    expect(parseSecondsToMs('0.5')).toBe(500);
    expect(parseSecondsToMs('2,25')).toBe(2_250);
    expect(parseSecondsToMs(' 10 ')).toBe(10_000);
    expect(parseSecondsToMs('1.2345')).toBeNull();
    expect(parseSecondsToMs('tres')).toBeNull();
  });
});
