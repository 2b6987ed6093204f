import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { javaFind, javaRegexToJs, UnsupportedJavaRegexError } from './java-regex';
import { refereeMissing, runSaxonHe } from './test-support/saxon-he-referee';

const XSL_DIR = fileURLToPath(new URL('../../../resources/sunat/xsl/', import.meta.url));

function xslFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'catalogo' ? [] : xslFiles(path);
    return entry.name.endsWith('.xsl') ? [path] : [];
  });
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every regex literal SUNAT's stylesheets hand to matches(…, '!'), commented-out ones included. */
function stylesheetPatterns(): string[] {
  const found = new Set<string>();
  const literal = /(?:name="regexp" select|value-of select)="'((?:\^|\(|\[)[^"]*)'"/g;
  for (const file of xslFiles(XSL_DIR)) {
    for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
      if (match[1]) found.add(unescapeAttribute(match[1]));
    }
  }
  return [...found].sort();
}

/** Strings where Java and JS regexes part ways, plus the values SUNAT documents carry. */
const INPUTS = [
  '',
  ' ',
  '\t',
  '\n',
  'abc',
  'ABC123',
  '20100070970',
  '2010007097',
  '45678912',
  '4567891A',
  'B001-7',
  'B001-00000007',
  'B001-0',
  'F001-1',
  'FC01-211',
  '0001-1',
  'E001-5',
  'EB01-3',
  '0',
  '0.00',
  '12.34',
  '1.1234567890',
  '123456789012.12',
  '18.00',
  'PEN',
  'NIU',
  '01',
  '0101',
  '2026-11-23',
  '10:15:30',
  'Contado',
  'Cuota001',
  'VARIOS',
  '\u00a0Juan Pérez',
  'Juan\u00a0',
  '\u2003Juan',
  'Juan\n',
  'Juan\r\n',
  'Juan\r',
  'Juan\u0085',
  'Juan\u2028',
  'Juan\nPérez',
  'Juan\u0085Pérez',
  ' Juan',
  'Juan ',
  'Item Classification',
  'urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo06',
  'SKU-1',
  'ABA0001',
  '🧀'.repeat(12),
  '🧀'.repeat(500),
  'x'.repeat(30),
  'x'.repeat(201),
  'Configuracion Vehícular',
  '-',
  '2.1',
  '2x1',
  'true',
  'GTIN-13',
];

function javaOrError(value: string, pattern: string): string {
  try {
    return String(javaFind(value, pattern));
  } catch {
    return 'error';
  }
}

/** XML text with every character outside printable ASCII as a reference, so CR and NEL survive parsing. */
function xmlText(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '&') return '&amp;';
      if (char === '<') return '&lt;';
      if (char === '>') return '&gt;';
      return code < 0x20 || code > 0x7e ? `&#x${code.toString(16)};` : char;
    })
    .join('');
}

const JAVA_DRIVER = `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:variable name="inputs" select="/t/s"/>
    <xsl:for-each select="/t/p">
      <xsl:variable name="pattern" select="string(.)"/>
      <xsl:for-each select="$inputs">
        <xsl:try>
          <xsl:value-of select="matches(string(.), $pattern, '!')"/>
          <xsl:catch>error</xsl:catch>
        </xsl:try>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
`;

describe('javaRegexToJs', () => {
  it('gives \\s and \\S Java’s ASCII meaning, also inside classes', () => {
    expect(javaFind('\u00a0Juan', '^[^\\s]')).toBe(true);
    expect(javaFind('\u00a0', '^\\s$')).toBe(false);
    expect(javaFind(' ', '^\\s$')).toBe(true);
    expect(javaFind('\u00a0', '^[\\S]$')).toBe(true);
    expect(javaFind('a\nb', '^[\\s\\S]{3}$')).toBe(true);
  });

  it('lets $ match before one final \\n only (UNIX_LINES, as Saxon compiles them)', () => {
    expect(javaFind('20100070970\n', '^[\\d]{11}$')).toBe(true);
    expect(javaFind('20100070970\r\n', '^[\\d]{11}$')).toBe(false);
    expect(javaFind('20100070970\n\n', '^[\\d]{11}$')).toBe(false);
    expect(javaFind('ab\r\n', '^ab\\r$')).toBe(true);
  });

  it('lets . match everything but \\n and counts code points', () => {
    expect(javaFind('a\rb', '^a.b$')).toBe(true);
    expect(javaFind('a\u2028b', '^a.b$')).toBe(true);
    expect(javaFind('a\nb', '^a.b$')).toBe(false);
    expect(javaFind('🧀🧀', '^.{2}$')).toBe(true);
  });

  it('accepts Java-only syntax the stylesheets use', () => {
    // Quantified lookahead: zero-width, so the quantifier changes nothing (or drops it when optional).
    expect(javaRegexToJs('^((?!\\s*$){2,29})$')).not.toContain('{2,29}');
    expect(javaFind('abc', '^(?!\\s*$)*abc')).toBe(true);
    // Escaped punctuation outside a class, not allowed in a `u` RegExp.
    expect(javaFind('a-b', '^a\\-b$')).toBe(true);
    expect(javaFind('a b', '^[\\w\\d\\- ]+$')).toBe(true);
    expect(javaFind('x]}', '^x]}$')).toBe(true);
  });

  it('refuses Java syntax it cannot reproduce instead of guessing', () => {
    for (const pattern of ['a*+', '\\p{Alpha}', '\\Aabc', '(?i)abc', '[a-z&&[^b]]', '\\Qa.b\\E', 'a{']) {
      expect(() => javaRegexToJs(pattern), pattern).toThrow(UnsupportedJavaRegexError);
    }
  });

  it('translates every pattern in SUNAT’s stylesheets into a valid `u` RegExp', () => {
    const patterns = stylesheetPatterns();
    expect(patterns.length).toBeGreaterThan(200);
    for (const pattern of patterns) {
      expect(() => new RegExp(javaRegexToJs(pattern), 'u'), pattern).not.toThrow();
    }
  });
});

const missing = refereeMissing();
if (missing) console.warn(`Saxon-HE referee not run: ${missing}`);

describe.skipIf(missing !== undefined)('javaFind against java.util.regex (Saxon-HE, flag !)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'mostrador-java-regex-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('agrees on every stylesheet pattern × every input', async () => {
    const patterns = stylesheetPatterns();
    const xml = [
      '<t>',
      ...patterns.map((p) => `<p>${xmlText(p)}</p>`),
      ...INPUTS.map((s) => `<s>${xmlText(s)}</s>`),
      '</t>',
    ].join('\n');
    writeFileSync(join(workDir, 'cases.xml'), xml, 'utf8');
    writeFileSync(join(workDir, 'driver.xsl'), JAVA_DRIVER, 'utf8');
    const { stdout } = await runSaxonHe([
      `-s:${join(workDir, 'cases.xml')}`,
      `-xsl:${join(workDir, 'driver.xsl')}`,
    ]);
    const java = stdout.split('\n').filter((line) => line !== '');
    expect(java).toHaveLength(patterns.length * INPUTS.length);
    const disagreements: string[] = [];
    patterns.forEach((pattern, p) => {
      INPUTS.forEach((input, i) => {
        const expected = java[p * INPUTS.length + i];
        const actual = javaOrError(input, pattern);
        if (actual !== expected) {
          disagreements.push(`${pattern} on ${JSON.stringify(input)}: java ${expected}, js ${actual}`);
        }
      });
    });
    expect(disagreements).toEqual([]);
  }, 60_000);
});
