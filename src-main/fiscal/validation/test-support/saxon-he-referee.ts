import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseRuleMessage, type RuleMessage } from '../rule-messages';
import type { RuleStylesheet } from '../rule-validator';

/**
 * Saxon-HE (Java, Debian's libsaxonhe-java) as an independent referee for the in-process rule
 * engine. It runs SUNAT's stylesheets as written — only the patches needed for any XSLT 2/3
 * processor (include paths; for RC/RA also DataPower's file-name variable and EXSLT dates), not
 * the SaxonJS ones — with its native Java regexes. One JVM runs the whole corpus: a small XSLT 3
 * driver calls fn:transform per document (Saxon caches each compiled stylesheet) and marks where
 * each document's messages start and end on stderr.
 */

export const SAXON_HE_JAR = '/usr/share/java/Saxon-HE.jar';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Why the referee cannot run here, or undefined when it can. */
export function refereeMissing(): string | undefined {
  if (!existsSync(SAXON_HE_JAR)) return `${SAXON_HE_JAR} is missing (Debian package libsaxonhe-java)`;
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'java is missing (Debian package default-jre-headless)';
  return undefined;
}

export interface RefereeCase {
  id: string;
  stylesheet: RuleStylesheet;
  fileName: string;
  xml: string;
}

export interface RefereeVerdict {
  messages: RuleMessage[];
  terminated: boolean;
  /** Set when the stylesheet failed for another reason than xsl:message terminate. */
  engineError?: string;
}

const DRIVER = `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:err="http://www.w3.org/2005/xqt-errors" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:param name="list" as="xs:string"/>
  <xsl:template name="xsl:initial-template">
    <xsl:for-each select="doc($list)/cases/case">
      <xsl:message>@@BEGIN <xsl:value-of select="@id"/></xsl:message>
      <!-- xsl:try evaluates its body eagerly, so the transformation's errors land in the catch. -->
      <xsl:variable name="outcome" as="xs:string">
        <xsl:try>
          <xsl:sequence select="'@@END ' || string-length(transform(map{
              'stylesheet-location': string(@xsl),
              'source-node': doc(@href),
              'stylesheet-params': map{ QName('', 'nombreArchivoEnviado'): string(@name) },
              'delivery-format': 'serialized' })?output)"/>
          <xsl:catch>
            <xsl:sequence select="'@@FAILED ' || local-name-from-QName($err:code) || ' ' || $err:description"/>
          </xsl:catch>
        </xsl:try>
      </xsl:variable>
      <xsl:message select="$outcome"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
`;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Saxon-HE writes each message as serialized XML. */
function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const MESSAGE_START = /^(\d{4}\D|ERROR: )/;
/** What Saxon prints after a terminating message: its diagnostics, not the stylesheet's words. */
const DIAGNOSTIC = /^((Error|Warning) (at|on|in|evaluating) |\s+XTMM9000|Processing terminated)/;

/** Splits one document's stderr block into its messages. */
function parseBlock(lines: readonly string[], failure: string | undefined): RefereeVerdict {
  const texts: string[] = [];
  let errorIndex = -1;
  for (const line of lines) {
    if (DIAGNOSTIC.test(line)) break;
    if (MESSAGE_START.test(line)) {
      if (line.startsWith('ERROR: ')) errorIndex = texts.length;
      texts.push(line);
    } else if (texts.length > 0) {
      texts[texts.length - 1] += `\n${line}`;
    }
  }
  const terminated = failure?.startsWith('XTMM9000') === true;
  const verdict: RefereeVerdict = {
    messages: texts.map((text, index) => parseRuleMessage(unescapeXml(text), index === errorIndex)),
    terminated,
  };
  if (failure !== undefined && !terminated) verdict.engineError = failure;
  return verdict;
}

function parseOutput(stderr: string): Map<string, RefereeVerdict> {
  const verdicts = new Map<string, RefereeVerdict>();
  let id: string | undefined;
  let block: string[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (line.startsWith('@@BEGIN ')) {
      id = line.slice('@@BEGIN '.length).trim();
      block = [];
    } else if (id !== undefined && (line.startsWith('@@END') || line.startsWith('@@FAILED '))) {
      const failure = line.startsWith('@@FAILED ') ? line.slice('@@FAILED '.length) : undefined;
      verdicts.set(id, parseBlock(block, failure));
      id = undefined;
    } else if (id !== undefined) {
      block.push(line);
    }
  }
  return verdicts;
}

/** One `net.sf.saxon.Transform` run with UTF-8 output streams; rejects on a non-zero exit. */
export function runSaxonHe(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const java = [
    '-Dfile.encoding=UTF-8',
    '-Dsun.stderr.encoding=UTF-8',
    '-Dsun.stdout.encoding=UTF-8',
    '-cp',
    SAXON_HE_JAR,
    'net.sf.saxon.Transform',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('java', java, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`Saxon-HE exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

/**
 * Runs every case in one JVM; resolves with the verdict per case id. Asynchronous so the
 * caller can keep the other core busy meanwhile.
 */
export async function runSaxonHeReferee(
  cases: readonly RefereeCase[],
  workDir: string,
): Promise<Map<string, RefereeVerdict>> {
  const sources = join(workDir, 'xsl');
  const patched = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts/compile-sunat-rules.mjs'), '--sources-for-saxon-he', sources],
    { encoding: 'utf8' },
  );
  if (patched.status !== 0) throw new Error(`could not write the referee's stylesheets: ${patched.stderr}`);
  const docs = join(workDir, 'docs');
  mkdirSync(docs, { recursive: true });
  const entries = cases.map((c) => {
    const file = join(docs, `${c.id}.xml`);
    writeFileSync(file, c.xml, 'utf8');
    const xsl = join(sources, c.stylesheet, 'commons', 'xsl', `${c.stylesheet}.xsl`);
    return `<case id="${escapeAttribute(c.id)}" href="${escapeAttribute(pathToFileURL(file).href)}" name="${escapeAttribute(c.fileName)}" xsl="${escapeAttribute(pathToFileURL(xsl).href)}"/>`;
  });
  const list = join(workDir, 'cases.xml');
  writeFileSync(list, `<cases>\n${entries.join('\n')}\n</cases>\n`, 'utf8');
  const driver = join(workDir, 'driver.xsl');
  writeFileSync(driver, DRIVER, 'utf8');

  // A recoverable error (e.g. a catalogue document() cannot read) must fail, not warn and go on.
  const { stderr } = await runSaxonHe([
    '-warnings:fatal',
    '-it',
    `-xsl:${driver}`,
    `list=${pathToFileURL(list).href}`,
  ]);
  const verdicts = parseOutput(stderr);
  const missing = cases.filter((c) => !verdicts.has(c.id)).map((c) => c.id);
  if (missing.length > 0) throw new Error(`Saxon-HE gave no verdict for ${missing.join(', ')}`);
  return verdicts;
}
