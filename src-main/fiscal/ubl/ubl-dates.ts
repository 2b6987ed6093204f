/**
 * Dates as UBL writes them. Recorded timestamps are already Lima time (`2026-11-23T21:05:09-05:00`),
 * so the date and time are taken as written, never converted through the host's time zone.
 */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

export function timestampDate(issuedAt: string): string {
  assertTimestamp(issuedAt);
  return issuedAt.slice(0, 10);
}

export function timestampTime(issuedAt: string): string {
  assertTimestamp(issuedAt);
  return issuedAt.slice(11, 19);
}

function assertTimestamp(issuedAt: string): void {
  if (!TIMESTAMP.test(issuedAt)) {
    throw new RangeError(`issuedAt is not an ISO-8601 timestamp: ${issuedAt}`);
  }
}

/** True for an existing calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls invalid days over (02-30 → 03-02); a round trip exposes that.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
