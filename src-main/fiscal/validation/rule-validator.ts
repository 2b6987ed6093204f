import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SaxonJS, { type SaxonError, type SaxonNode } from 'saxon-js';
import { javaFind } from './java-regex';
import { loadCatalogueDocuments } from './rule-documents';
import { parseRuleMessage, type RuleMessage } from './rule-messages';
import { COMPILE_RULES_COMMAND, FiscalValidationError } from './validation-errors';

/**
 * SUNAT's own rule stylesheets, run in process with SaxonJS from the SEF files that
 * scripts/compile-sunat-rules.mjs compiles (patched copies of resources/sunat/xsl). Each SEF is
 * read and parsed once, on first use; a transformation is synchronous.
 */

export const RULE_STYLESHEETS = [
  'ValidaExprRegFactura-2.0.1',
  'ValidaExprRegBoleta-2.0.1',
  'ValidaExprRegNC-2.0.1',
  'ValidaExprRegND-2.0.1',
  'ValidaExprRegSummary-1.1.0',
  'ValidaExprRegSummaryVoided-1.0.1',
] as const;

export type RuleStylesheet = (typeof RULE_STYLESHEETS)[number];

export interface RuleRun {
  /** Every xsl:message in order; a terminating one (a rejection) is last. */
  messages: RuleMessage[];
  /** The stylesheet stopped at a rejection: later rules were not evaluated. */
  terminated: boolean;
}

/**
 * The compiled stylesheets call js:jmatches (Java regex semantics); SaxonJS looks it up on
 * globalThis. Anything but two strings means a stylesheet patch passes nodes: fail loudly.
 */
function jmatches(value: unknown, pattern: unknown): boolean {
  if (typeof value !== 'string' || typeof pattern !== 'string') {
    throw new TypeError(`jmatches expects strings, got ${typeof value} and ${typeof pattern}`);
  }
  return javaFind(value, pattern);
}

function installJavaRegexBridge(): void {
  (globalThis as { jmatches?: typeof jmatches }).jmatches = jmatches;
}

const TERMINATED_BY_MESSAGE = /XTMM9000$/;

export class RuleValidator {
  private readonly compiled = new Map<RuleStylesheet, object>();
  private catalogues: Record<string, SaxonNode> | undefined;
  private readonly resourcesDir: string;
  private readonly rulesDir: string;
  /** The SFS stylesheets read catalogues at `../cpe/catalogo/` relative to themselves. */
  private readonly baseDir: string;

  constructor(resourcesDir: string) {
    this.resourcesDir = resourcesDir;
    this.rulesDir = join(resourcesDir, 'sunat', 'rules');
    this.baseDir = join(resourcesDir, 'sunat', 'xsl', 'commons', 'xsl');
    installJavaRegexBridge();
  }

  sefPath(stylesheet: RuleStylesheet): string {
    return join(this.rulesDir, `${stylesheet}.sef.json`);
  }

  /** Throws `rules-not-compiled` naming the first missing SEF and the command that makes it. */
  assertCompiled(stylesheets: readonly RuleStylesheet[] = RULE_STYLESHEETS): void {
    for (const stylesheet of stylesheets) {
      const path = this.sefPath(stylesheet);
      if (!existsSync(path)) {
        throw new FiscalValidationError(
          'rules-not-compiled',
          `Faltan las reglas de validación de SUNAT compiladas (${path}). Ejecute: ${COMPILE_RULES_COMMAND}`,
        );
      }
    }
  }

  /** Parses the SEF files and the catalogues now rather than on the first document. */
  preload(stylesheets: readonly RuleStylesheet[] = RULE_STYLESHEETS): void {
    for (const stylesheet of stylesheets) this.stylesheet(stylesheet);
    this.catalogueDocuments();
  }

  /**
   * Runs one stylesheet on the document. `fileName` is what SUNAT receives
   * (`20601234565-03-B001-7.xml`): the stylesheets check serie and número against it.
   */
  run(stylesheet: RuleStylesheet, xml: string, fileName: string): RuleRun {
    const texts: string[] = [];
    let terminated = false;
    // A rejection ends the transform (xsl:message terminate) and SaxonJS would print its stack trace.
    const logLevel = SaxonJS.getLogLevel();
    SaxonJS.setLogLevel(0);
    try {
      SaxonJS.transform(
        {
          stylesheetInternal: this.stylesheet(stylesheet),
          stylesheetBaseURI: pathToFileURL(join(this.baseDir, `${stylesheet}.xsl`)).href,
          sourceText: xml,
          destination: 'serialized',
          stylesheetParams: { nombreArchivoEnviado: fileName },
          documentPool: this.catalogueDocuments(),
          deliverMessage: (message: SaxonNode) =>
            texts.push(String(SaxonJS.XPath.evaluate('string(.)', message))),
        },
        'sync',
      );
    } catch (error) {
      const code = (error as SaxonError).code ?? '';
      if (!TERMINATED_BY_MESSAGE.test(code)) {
        throw new FiscalValidationError(
          'rule-engine-failed',
          `Las reglas de SUNAT (${stylesheet}) no se pudieron aplicar: ${(error as Error).message}`,
          { cause: error },
        );
      }
      terminated = true;
    } finally {
      SaxonJS.setLogLevel(logLevel);
    }
    const messages = texts.map((text, index) =>
      parseRuleMessage(text, terminated && index === texts.length - 1),
    );
    return { messages, terminated };
  }

  private catalogueDocuments(): Record<string, SaxonNode> {
    this.catalogues ??= loadCatalogueDocuments(this.resourcesDir);
    return this.catalogues;
  }

  private stylesheet(stylesheet: RuleStylesheet): object {
    let sef = this.compiled.get(stylesheet);
    if (!sef) {
      this.assertCompiled([stylesheet]);
      sef = JSON.parse(readFileSync(this.sefPath(stylesheet), 'utf8')) as object;
      this.compiled.set(stylesheet, sef);
    }
    return sef;
  }
}
