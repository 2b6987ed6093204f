import type { Unit } from '../../../db/schema';
import { parseKgToMilli } from '../../shared/format';

/** `23/11/2026 10:15` from the core's Lima timestamp (`2026-11-23T10:15:30-05:00`), as stored. */
export function formatDateTime(timestamp: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(timestamp);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : timestamp;
}

/**
 * A quantity to return as typed: whole units for unit products (`2`), kilograms for weighed ones
 * (`0.250`). Thousandths, or null when it is not a quantity.
 */
export function parseReturnQuantity(text: string, unit: Unit): number | null {
  const trimmed = text.trim();
  if (unit === 'KGM') return parseKgToMilli(trimmed);
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) * 1000 : null;
}

/** What goes in the quantity box for a quantity in thousandths. */
export function quantityText(milli: number, unit: Unit): string {
  if (unit === 'NIU') return String(Math.floor(milli / 1000));
  return `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;
}
