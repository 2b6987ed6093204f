import { cpus, totalmem } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import type { BenchResult } from './types';

export function verdict(result: BenchResult): 'ok' | 'over' | 'under' {
  if (result.better === 'lower') return result.value <= result.target ? 'ok' : 'over';
  return result.value >= result.target ? 'ok' : 'under';
}

/** Figures only compare on the same machine, so the facts that matter go above the table. */
export function machineFacts(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown cpu';
  const memory = `${(totalmem() / 2 ** 30).toFixed(1)} GB RAM`;
  const probe = new BetterSqlite3(':memory:');
  const sqlite = probe.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? '?';
  probe.close();
  return [
    `machine: ${list.length} × ${model}, ${memory}, ${process.platform}/${process.arch}`,
    `runtime: node ${process.version}, sqlite ${sqlite}`,
  ].join('\n');
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['id', 'value', 'unit', 'target', 'status'];
  const rows = results.map((r) => [
    r.id,
    String(r.value),
    r.unit,
    `${r.better === 'lower' ? '≤' : '≥'} ${r.target}`,
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = new Set([1, 3]); // right-align value and target
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
