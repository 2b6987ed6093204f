import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './benchmarks';
import { BenchContext } from './context';
import { formatTable, machineFacts } from './report';
import { mergeResults } from './results-file';
import { elapsedMs } from './stats';
import type { BenchResult } from './types';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

/** `npm run bench -- --only printer`: the benchmarks whose name contains the text; other figures in results.json stay. */
function selected(): typeof BENCHMARKS {
  const at = process.argv.indexOf('--only');
  const filter = at >= 0 ? process.argv[at + 1] : undefined;
  return filter ? BENCHMARKS.filter((bench) => bench.name.includes(filter)) : BENCHMARKS;
}

async function main(): Promise<void> {
  console.log(machineFacts());
  const ctx = new BenchContext();
  const results: BenchResult[] = [];
  let failed = false;
  try {
    for (const bench of selected()) {
      const start = process.hrtime.bigint();
      try {
        results.push(...(await bench.run(ctx)));
        // Progress goes to stderr so stdout stays the report.
        console.error(`  ${bench.name}: ${(elapsedMs(start) / 1000).toFixed(1)} s`);
      } catch (error) {
        // One broken benchmark should not cost the figures of the others.
        failed = true;
        console.error(`  ${bench.name} FAILED:`, error);
      }
    }
  } finally {
    ctx.dispose();
  }
  console.log(`\n${formatTable(results)}\n`);
  mergeResults(RESULTS_FILE, results);
  console.log(`written to ${RESULTS_FILE}`);
  if (failed) process.exitCode = 1;
}

await main();
