/**
 * Run by core-start.bench.ts as `node --import tsx bench/child-start.ts <dataDir> <probe.json>`.
 * Opens an existing store the way the app does at launch and prints a StartReport as JSON.
 */
import { readFileSync } from 'node:fs';
import { resolveScan } from '../src-main/catalog/scan-resolver';
import { createCore } from '../src-main/core/core';
import { parseProbe, type StartReport } from './child-protocol';
import { elapsedMs } from './stats';

const [dataDir, probeFile] = process.argv.slice(2);
if (!dataDir || !probeFile) throw new Error('usage: child-start.ts <dataDir> <probe.json>');
const probe = parseProbe(readFileSync(probeFile, 'utf8'));
const [firstCode, ...codes] = probe.barcodes;
if (!firstCode) throw new Error('the probe has no barcode');

// Modules are already loaded here: the app ships bundled, so tsx's transpiling is not part of the figure.
const start = process.hrtime.bigint();
const core = await createCore({ dataDir, demo: true });
const lookup = (code: string): void => {
  resolveScan(code, core.ctx.catalog, core.ctx.settings.get('catalog.variableMeasureRules'));
};
lookup(firstCode);
const startMs = elapsedMs(start);

// A start that migrated or seeded measured the wrong thing.
if (core.migration.applied.length > 0)
  throw new Error(`migrations ran: ${core.migration.applied.join(', ')}`);
for (const code of codes) lookup(code);
for (const text of probe.queries) core.ctx.catalog.search(text, 30);
const report: StartReport = { startMs, rssBytes: process.memoryUsage().rss };
core.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
