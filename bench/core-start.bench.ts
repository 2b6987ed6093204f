import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type StartProbe, type StartReport } from './child-protocol';
import { pick, seededRandom } from './random';
import { asYouTypeQueries } from './search-queries';
import { median, round } from './stats';
import type { Benchmark } from './types';

const RUNS = 5;
const LOOKUPS = 1_000;
const SEARCHES = 100;
const CHILD = fileURLToPath(new URL('./child-start.ts', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

function runChild(dataDir: string, probeFile: string): StartReport {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir, probeFile], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`child-start failed (${String(child.status)}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return parseReport(line);
}

/**
 * Start-up is measured in a fresh child process because in this one everything is already
 * warm: modules loaded and JIT-compiled, prepared statements cached, SQLite's page cache and
 * the settings cache full. A new process starts cold like the app does (only the OS file
 * cache stays warm; we cannot drop it without root). The same child reports its memory,
 * since this process holds the generated 200k catalogue and would inflate RSS.
 */
export const coreStartBenchmark: Benchmark = {
  name: 'core start + rss (child process)',
  async run(ctx) {
    const store = await ctx.bigStore();
    const rand = seededRandom(5);
    const codes = store.barcodes();
    const probe: StartProbe = {
      barcodes: Array.from({ length: 1 + LOOKUPS }, () => pick(codes, rand)),
      queries: asYouTypeQueries(store.products, SEARCHES, rand),
    };
    const probeFile = join(ctx.tempDir('probe'), 'probe.json');
    writeFileSync(probeFile, JSON.stringify(probe));
    // Close ours so the child opens a checkpointed file with no other connection, as at launch.
    store.close();
    const reports = Array.from({ length: RUNS }, () => runChild(store.dir, probeFile));
    return [
      {
        id: 'core.start_ms',
        value: round(median(reports.map((r) => r.startMs)), 1),
        unit: 'ms',
        target: 400,
        better: 'lower',
      },
      {
        id: 'core.rss_mb',
        value: round(median(reports.map((r) => r.rssBytes)) / 2 ** 20, 1),
        unit: 'MB',
        target: 250,
        better: 'lower',
      },
    ];
  },
};
