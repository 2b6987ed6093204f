// Compiles SUNAT's rule stylesheets (resources/sunat/xsl, verbatim copies) into SaxonJS SEF files
// in resources/sunat/rules/, which the app runs in process. The sources are patched in a temp
// copy first (details and reasons in resources/sunat/xsl/README.md):
//   to run at all, on any XSLT 2/3 processor:
//   - Boleta/NC/ND include validate_utils.xsl by its SFS install path → `../error/validate_utils.xsl`;
//   - RC/RA (server variant) include it as `local:///…`, read the file name with DataPower's
//     dp:variable() → a parameter, as SUNAT did for the SFS stylesheets, and compare dates with
//     EXSLT functions no Saxon has → XPath 2.0 dates;
//   for SaxonJS:
//   - validate_utils.xsl calls matches(…, '!') (Java regex syntax in Saxon-HE) → js:jmatches() on strings,
//     a global JS function the app defines (Java syntax translated to JS);
//   - error_utils.xsl `rejectCall` drops its errorCode param from the message → put it in front,
//     as `addWarning` already does, so every rejection names its code;
//   - SaxonJS 2.7 gets XPath 1.0 compatibility mode wrong for numeric parameters: round(node),
//     floor(node), substring('abc', node)… give NaN where Saxon-HE (and XPath 1.0) convert the
//     node with number() → wrap those arguments in number(), which is what the mode means.
// A stylesheet whose inputs (and this script) hash to its stamp is skipped, so a rerun is instant.
//
// `--sources-for-saxon-he <dir>` only writes the trees with the first group of patches, for the
// tests' Saxon-HE referee: <dir>/<id>/commons/xsl/<id>.xsl.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const xslDir = join(root, 'resources/sunat/xsl');
const rulesDir = join(root, 'resources/sunat/rules');
const require = createRequire(import.meta.url);
const xslt3 = require.resolve('xslt3/xslt3.js');
const toolVersion = `xslt3 ${require('xslt3/package.json').version}`;

const SHARED = [
  'commons/error/validate_utils.xsl',
  'commons/error/error_utils.xsl',
  'commons/StringTemplates.xsl',
];
const SFS_INCLUDE = 'sunat_archivos/sfs/VALI/commons/error/validate_utils.xsl';
const JS_NAMESPACE = 'xmlns:js="http://saxonica.com/ns/globalJS"';
const XS_NAMESPACE = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** id = SEF name; source under resources/sunat/xsl; at = where it sits in the temp tree. */
const STYLESHEETS = [
  { id: 'ValidaExprRegFactura-2.0.1', source: 'commons/xsl/ValidaExprRegFactura-2.0.1.xsl' },
  { id: 'ValidaExprRegBoleta-2.0.1', source: 'commons/xsl/ValidaExprRegBoleta-2.0.1.xsl' },
  { id: 'ValidaExprRegNC-2.0.1', source: 'commons/xsl/ValidaExprRegNC-2.0.1.xsl' },
  { id: 'ValidaExprRegND-2.0.1', source: 'commons/xsl/ValidaExprRegND-2.0.1.xsl' },
  { id: 'ValidaExprRegSummary-1.1.0', source: 'gem/ValidaExprRegSummary-1.1.0.xsl', server: true },
  {
    id: 'ValidaExprRegSummaryVoided-1.0.1',
    source: 'gem/ValidaExprRegSummaryVoided-1.0.1.xsl',
    server: true,
  },
];

/** Replaces `from` by `to` exactly `count` times, or fails: a changed source must not compile silently. */
function replaceExactly(text, from, to, count, file) {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`${file}: expected ${count}× ${JSON.stringify(from)}, found ${found}`);
  return text.split(from).join(to);
}

function patchValidateUtils(text, { server, saxonJs }) {
  const file = 'validate_utils.xsl';
  let out = text;
  if (saxonJs) {
    out = replaceExactly(out, '<xsl:stylesheet ', `<xsl:stylesheet ${JS_NAMESPACE} `, 1, file);
    // string($regexp): some callers build the pattern in a temporary tree, which matches() atomizes
    // but a JS function would receive as a node.
    out = replaceExactly(
      out,
      "matches($node, $regexp,'!')",
      'js:jmatches(string($node), string($regexp))',
      2,
      file,
    );
  }
  if (!server) return out;
  // EXSLT dates (DataPower) → XPath 2.0; an unparsable date raises no finding, as NaN did there.
  // `lt`/`gt`, not `<`/`>`: in a version="1.0" stylesheet `<` compares numbers, and a date is NaN.
  out = replaceExactly(out, '<xsl:stylesheet ', `<xsl:stylesheet ${XS_NAMESPACE} `, 1, file);
  out = replaceExactly(
    out,
    "(date:seconds(date:difference(concat($endDateNode,'-00:00'),$startDateNode)) &lt; 0)",
    '($startDateNode castable as xs:date and $endDateNode castable as xs:date and xs:date($startDateNode) lt xs:date($endDateNode))',
    2,
    file,
  );
  out = replaceExactly(
    out,
    "(date:seconds(date:difference(concat($startDateNode,'-00:00'),$currentdate)) &lt; 0)",
    '($startDateNode castable as xs:date and xs:date($startDateNode) gt current-date())',
    1,
    file,
  );
  return out;
}

/** Functions with numeric parameters, and which arguments: SaxonJS's 1.0-mode conversion is broken there. */
const NUMERIC_ARGUMENTS = {
  round: [0],
  floor: [0],
  ceiling: [0],
  abs: [0],
  'round-half-to-even': [0],
  'format-number': [0],
  substring: [1, 2],
};
const NUMERIC_CALL = /(?<![\w.:$-])(round-half-to-even|round|floor|ceiling|abs|format-number|substring)\(/g;

/** Argument spans of the call whose `(` is at `open`, or null when it is not a well-formed XPath call. */
function callArguments(text, open) {
  const args = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length && i < open + 4000; i++) {
    const char = text[i];
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, i + 1);
      if (close < 0) return null;
      i = close;
    } else if (text.startsWith('&quot;', i)) {
      const close = text.indexOf('&quot;', i + 6);
      if (close < 0) return null;
      i = close + 5;
    } else if (char === '<') {
      return null;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      if (depth === 0) {
        if (char === ']') return null;
        args.push([start, i]);
        return args;
      }
      depth--;
    } else if (char === ',' && depth === 0) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return null;
}

/** number(…) around each numeric argument (innermost calls first, so offsets stay valid). */
function wrapNumericArguments(text) {
  const calls = [...text.matchAll(NUMERIC_CALL)].reverse();
  let out = text;
  for (const call of calls) {
    const open = (call.index ?? 0) + call[0].length - 1;
    const spans = callArguments(out, open);
    if (!spans) continue;
    for (const index of [...NUMERIC_ARGUMENTS[call[1]]].reverse()) {
      const span = spans[index];
      if (!span) continue;
      const arg = out.slice(span[0], span[1]);
      if (arg.trim() === '' || /^\s*number\(/.test(arg)) continue;
      out = `${out.slice(0, span[0])}number(${arg})${out.slice(span[1])}`;
    }
  }
  return out;
}

function patchErrorUtils(text) {
  return replaceExactly(
    text,
    "concat('ERROR: ', $errorMessage)",
    "concat($errorCode, 'ERROR: ', $errorMessage)",
    1,
    'error_utils.xsl',
  );
}

function patchRuleStylesheet(text, sheet) {
  if (!sheet.server) {
    return text.includes(SFS_INCLUDE)
      ? replaceExactly(text, SFS_INCLUDE, '../error/validate_utils.xsl', 1, sheet.source)
      : text;
  }
  let out = replaceExactly(
    text,
    'local:///commons/error/validate_utils.xsl',
    '../error/validate_utils.xsl',
    1,
    sheet.source,
  );
  out = replaceExactly(
    out,
    "dp:variable('var://context/cpe/nombreArchivoEnviado')",
    '$nombreArchivoEnviado',
    4,
    sheet.source,
  );
  return replaceExactly(
    out,
    '<xsl:template match="/*">',
    '<xsl:param name="nombreArchivoEnviado"/>\n    <xsl:template match="/*">',
    1,
    sheet.source,
  );
}

/** The patched tree for one stylesheet: same layout as the sources, so relative includes hold. */
function writePatchedTree(sheet, dir, saxonJs) {
  const write = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const read = (rel) => readFileSync(join(xslDir, rel), 'utf8');
  const forSaxonJs = (text) => (saxonJs ? wrapNumericArguments(text) : text);
  const validateUtils = read('commons/error/validate_utils.xsl');
  const errorUtils = read('commons/error/error_utils.xsl');
  write(
    'commons/error/validate_utils.xsl',
    forSaxonJs(patchValidateUtils(validateUtils, { server: sheet.server, saxonJs })),
  );
  write('commons/error/error_utils.xsl', saxonJs ? patchErrorUtils(errorUtils) : errorUtils);
  write('commons/StringTemplates.xsl', read('commons/StringTemplates.xsl'));
  // Server stylesheets go next to the SFS ones so `../error/` resolves the same way.
  const at = join('commons/xsl', `${sheet.id}.xsl`);
  write(at, forSaxonJs(patchRuleStylesheet(read(sheet.source), sheet)));
  return join(dir, at);
}

function inputsHash(sheet) {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(toolVersion);
  for (const rel of [sheet.source, ...SHARED]) {
    hash.update(`\0${rel}\0`);
    hash.update(readFileSync(join(xslDir, rel)));
  }
  return hash.digest('hex');
}

function compile(sheet, workDir) {
  const stamp = join(rulesDir, `${sheet.id}.stamp`);
  const sef = join(rulesDir, `${sheet.id}.sef.json`);
  const hash = inputsHash(sheet);
  try {
    if (readFileSync(stamp, 'utf8').trim() === hash && statSync(sef).size > 0) {
      return Promise.resolve(`sunat rules: ${sheet.id} up to date`);
    }
  } catch {
    // No stamp or no SEF yet: compile.
  }
  const entry = writePatchedTree(sheet, join(workDir, sheet.id), true);
  const partial = `${sef}.${process.pid}.partial`; // concurrent runs must not share it
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [xslt3, `-xsl:${entry}`, `-export:${partial}`, '-nogo', '-relocate:on'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        rmSync(partial, { force: true });
        reject(new Error(`sunat rules: ${sheet.id} failed to compile (exit ${code}):\n${output}`));
        return;
      }
      renameSync(partial, sef);
      writeFileSync(stamp, `${hash}\n`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const megabytes = (statSync(sef).size / 1e6).toFixed(1);
      resolve(`sunat rules: ${sheet.id} compiled in ${seconds} s (${megabytes} MB) → ${relative(root, sef)}`);
    });
  });
}

async function main() {
  const refereeFlag = process.argv.indexOf('--sources-for-saxon-he');
  if (refereeFlag >= 0) {
    const dir = process.argv[refereeFlag + 1];
    if (!dir) throw new Error('--sources-for-saxon-he needs a folder');
    for (const sheet of STYLESHEETS) {
      writePatchedTree(sheet, join(dir, sheet.id), false);
      // The catalogues the rules read with document('../cpe/catalogo/…').
      symlinkSync(join(xslDir, 'commons/cpe'), join(dir, sheet.id, 'commons/cpe'), 'dir');
    }
    return;
  }
  mkdirSync(rulesDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'mostrador-sunat-rules-'));
  const queue = [...STYLESHEETS];
  const failures = [];
  const worker = async () => {
    for (let sheet = queue.shift(); sheet; sheet = queue.shift()) {
      try {
        console.log(await compile(sheet, workDir));
      } catch (error) {
        failures.push(error);
      }
    }
  };
  try {
    const parallel = Math.max(1, Math.min(availableParallelism(), STYLESHEETS.length));
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  for (const failure of failures) console.error(failure.message);
  if (failures.length > 0) process.exit(1);
}

await main();
