/**
 * Peru keeps UTC-5 all year (no daylight saving), so the store's calendar day and the
 * fiscal issue date are computed with a fixed offset instead of the host's time zone:
 * a terminal whose OS zone is wrong still dates its receipts correctly.
 */
const LIMA_OFFSET_MS = -5 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the instant in Lima. */
export function limaDate(instant: Date): string {
  return new Date(instant.getTime() + LIMA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `HH:MM:SS` of the instant in Lima. */
export function limaTime(instant: Date): string {
  return new Date(instant.getTime() + LIMA_OFFSET_MS).toISOString().slice(11, 19);
}

/** ISO-8601 with the Lima offset, e.g. `2026-11-23T21:05:09-05:00`. */
export function limaTimestamp(instant: Date): string {
  return `${limaDate(instant)}T${limaTime(instant)}-05:00`;
}
