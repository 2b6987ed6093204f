/** What bench/child-start.ts reads (the probe file) and prints (one JSON line). */
export interface StartProbe {
  /** The first one is the "first query"; the rest are the follow-up lookups. */
  barcodes: string[];
  queries: string[];
}

export interface StartReport {
  startMs: number;
  rssBytes: number;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function parseProbe(text: string): StartProbe {
  const value: unknown = JSON.parse(text);
  if (typeof value === 'object' && value !== null && 'barcodes' in value && 'queries' in value) {
    const { barcodes, queries } = value;
    if (isStringArray(barcodes) && isStringArray(queries)) return { barcodes, queries };
  }
  throw new Error('malformed start probe');
}

export function parseReport(text: string): StartReport {
  const value: unknown = JSON.parse(text);
  if (typeof value === 'object' && value !== null && 'startMs' in value && 'rssBytes' in value) {
    const { startMs, rssBytes } = value;
    if (typeof startMs === 'number' && typeof rssBytes === 'number') return { startMs, rssBytes };
  }
  throw new Error(`malformed start report: ${text}`);
}
