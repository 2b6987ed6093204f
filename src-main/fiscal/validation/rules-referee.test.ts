import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleMessage } from './rule-messages';
import { RuleValidator, type RuleRun } from './rule-validator';
import { buildRuleCorpus, type CorpusCase } from './test-support/rule-corpus';
import { refereeMissing, runSaxonHeReferee, type RefereeVerdict } from './test-support/saxon-he-referee';

/**
 * SUNAT's rules run in process (SaxonJS, patched SEF) must say exactly what Saxon-HE says
 * running the stylesheets as SUNAT wrote them: same messages, same codes, same stop.
 */

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));
const missing = refereeMissing();
if (missing) console.warn(`Saxon-HE referee not run: ${missing}`);

const corpus: CorpusCase[] = buildRuleCorpus();

function sortedTexts(messages: readonly RuleMessage[]): string[] {
  return messages.map((message) => message.text).sort();
}

/** Codes per message; an unpatched rejection may lack one, then its identical text names it. */
function refereeCodes(verdict: RefereeVerdict, ours: RuleRun): string[] {
  const byText = new Map(ours.messages.map((message) => [message.text, message.code]));
  return [
    ...new Set(verdict.messages.map((message) => message.code ?? byText.get(message.text) ?? '?')),
  ].sort();
}

function codes(run: RuleRun): string[] {
  return [...new Set(run.messages.map((message) => message.code ?? '?'))].sort();
}

describe.skipIf(missing !== undefined)('SUNAT rules in process (SaxonJS) against Saxon-HE', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'mostrador-rules-referee-'));
  const ours = new Map<string, RuleRun>();
  let referee = new Map<string, RefereeVerdict>();

  beforeAll(async () => {
    // The JVM works on the other core while SaxonJS goes through the same corpus.
    const verdicts = runSaxonHeReferee(corpus, workDir);
    const rules = new RuleValidator(RESOURCES);
    for (const c of corpus) ours.set(c.id, rules.run(c.stylesheet, c.xml, c.fileName));
    referee = await verdicts;
  }, 180_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.each(corpus.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const run = ours.get(c.id);
    const verdict = referee.get(c.id);
    expect(run).toBeDefined();
    expect(verdict?.engineError).toBeUndefined();
    if (!run || !verdict) return;
    expect(sortedTexts(run.messages)).toEqual(sortedTexts(verdict.messages));
    expect(codes(run)).toEqual(refereeCodes(verdict, run));
    expect(run.terminated).toBe(verdict.terminated);
    // Every finding the app shows must carry a code.
    expect(run.messages.every((message) => message.code !== undefined)).toBe(true);
    if (c.expect) expect(codes(run)).toEqual(expect.arrayContaining(c.expect));
  });

  it('exercises many different rules, rejections and observations alike', () => {
    const all = new Set([...ours.values()].flatMap((run) => codes(run)));
    const rejections = [...all].filter((code) => Number(code) < 4000);
    const observations = [...all].filter((code) => Number(code) >= 4000);
    expect(rejections.length).toBeGreaterThanOrEqual(30);
    expect(observations.length).toBeGreaterThanOrEqual(15);
    expect([...ours.values()].filter((run) => run.terminated).length).toBeGreaterThanOrEqual(30);
    for (const stylesheet of new Set(corpus.map((c) => c.stylesheet))) {
      expect(corpus.filter((c) => c.stylesheet === stylesheet).length).toBeGreaterThanOrEqual(3);
    }
  });
});
