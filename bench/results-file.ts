import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchResult } from './types';

function isResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.value === 'number' &&
    typeof r.unit === 'string' &&
    typeof r.target === 'number' &&
    (r.better === 'lower' || r.better === 'higher')
  );
}

function readResults(file: string): BenchResult[] {
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(parsed) ? parsed.filter(isResult) : [];
}

/**
 * Replaces entries with the same id and keeps the rest, so running a subset (or a later
 * issue's benchmark) never erases figures measured before. Order: existing ids first.
 */
export function mergeResults(file: string, fresh: readonly BenchResult[]): BenchResult[] {
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const merged = readResults(file).map((old) => byId.get(old.id) ?? old);
  const known = new Set(merged.map((r) => r.id));
  merged.push(...fresh.filter((r) => !known.has(r.id)));
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}
