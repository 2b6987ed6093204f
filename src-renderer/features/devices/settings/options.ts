import type { Terminator } from '../../../../src-main/devices/device-settings-schema';
import { BAUD_RATES } from './device-draft';
import type { Option } from './fields';

export const BAUD_OPTIONS: ReadonlyArray<Option<(typeof BAUD_RATES)[number]>> = BAUD_RATES.map((rate) => ({
  value: rate,
  label: `${rate} baudios`,
}));

export const TERMINATOR_OPTIONS: ReadonlyArray<Option<Terminator>> = [
  { value: 'CR', label: 'CR (Enter)' },
  { value: 'LF', label: 'LF' },
  { value: 'CRLF', label: 'CR + LF' },
];
