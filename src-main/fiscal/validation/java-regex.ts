/**
 * SUNAT's rule stylesheets call `matches(value, pattern, '!')`: in Saxon-HE the `!` flag hands the
 * pattern to java.util.regex (find() semantics, Pattern.UNIX_LINES — checked against Saxon-HE
 * 9.9). SaxonJS has no such flag, so the compiled stylesheets call `jmatches` instead and this
 * module gives it Java's meaning in JS:
 *
 * - `\s` is ASCII-only in Java (space, \t \n \x0B \f \r); JS also counts NBSP and other Unicode spaces;
 * - with UNIX_LINES only \n ends a line: `.` matches \r and \u2028 (JS's does not), and `$` also
 *   matches before one final \n;
 * - a quantified lookaround (`(?!x){2,29}`) is legal in Java, a SyntaxError in a `u` RegExp;
 * - Java lets any punctuation be escaped (`\-`, `\ `), `u` mode only syntax characters;
 * - `u` is kept so `.` and `{n,m}` count code points, as Java does.
 * Java-only syntax the stylesheets never use (possessive quantifiers, `\p{Alpha}`, `\A`, `\Q…\E`,
 * inline flags, class intersections) is refused rather than guessed.
 */

export class UnsupportedJavaRegexError extends Error {
  readonly code = 'unsupported-java-regex';

  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`Java regex not supported (${reason}): ${pattern}`);
    this.name = 'UnsupportedJavaRegexError';
  }
}

const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
/** Everything but JAVA_SPACE, as ranges so it also works inside a class. */
const JAVA_NON_SPACE = '\\0-\\x08\\x0E-\\x1F\\x21-\\u{10FFFF}';
/** UNIX_LINES: `.` is anything but \\n, `$` is the end or just before a final \\n. */
const JAVA_DOT = '[^\\n]';
const JAVA_DOLLAR = '(?=\\n?$)';
const JS_SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');
/** Escapes that mean the same in Java and in a `u` RegExp. */
const SAME_ESCAPES = new Set('dDwWtnrf');

interface Group {
  /** Index in the output where the group starts. */
  start: number;
  lookaround: boolean;
}

/** `{2,29}`, `*`, `+`, `?` at `i`, with any lazy `?`: its length and minimum, or undefined. */
function quantifierAt(pattern: string, i: number): { length: number; min: number } | undefined {
  const char = pattern[i];
  let length: number;
  let min: number;
  if (char === '*' || char === '?') [length, min] = [1, 0];
  else if (char === '+') [length, min] = [1, 1];
  else if (char === '{') {
    const match = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
    if (!match?.[1]) return undefined;
    [length, min] = [match[0].length, Number(match[1])];
  } else return undefined;
  const next = pattern[i + length];
  if (next === '+') throw new UnsupportedJavaRegexError(pattern, 'possessive quantifier');
  return { length: next === '?' ? length + 1 : length, min };
}

function translateEscape(pattern: string, i: number, inClass: boolean): { text: string; length: number } {
  const char = pattern[i + 1];
  if (char === undefined) throw new UnsupportedJavaRegexError(pattern, 'trailing backslash');
  if (char === 's') return { text: inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, length: 2 };
  if (char === 'S') return { text: inClass ? JAVA_NON_SPACE : `[${JAVA_NON_SPACE}]`, length: 2 };
  if (SAME_ESCAPES.has(char)) return { text: `\\${char}`, length: 2 };
  if (/[1-9]/.test(char) && !inClass) return { text: `\\${char}`, length: 2 }; // back-reference
  if (char === 'x') {
    const hex = /^[0-9a-fA-F]{2}/.exec(pattern.slice(i + 2))?.[0];
    if (!hex) throw new UnsupportedJavaRegexError(pattern, '\\x without two hex digits');
    return { text: `\\x${hex}`, length: 4 };
  }
  if (char === 'u') {
    const hex = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2))?.[0];
    if (!hex) throw new UnsupportedJavaRegexError(pattern, '\\u without four hex digits');
    return { text: `\\u${hex}`, length: 6 };
  }
  if (/[0-9A-Za-z]/.test(char)) throw new UnsupportedJavaRegexError(pattern, `escape \\${char}`);
  // Escaped punctuation is a literal in Java; `u` mode accepts only some escapes.
  if (JS_SYNTAX_CHARACTERS.has(char) || (inClass && char === '-')) return { text: `\\${char}`, length: 2 };
  return { text: literal(char), length: 2 };
}

function literal(char: string): string {
  return JS_SYNTAX_CHARACTERS.has(char) ? `\\${char}` : char;
}

/** The JS (`u` flag) source with Java's meaning. Throws UnsupportedJavaRegexError. */
export function javaRegexToJs(pattern: string): string {
  let out = '';
  let inClass = false;
  const groups: Group[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] ?? '';
    if (char === '\\') {
      const escape = translateEscape(pattern, i, inClass);
      out += escape.text;
      i += escape.length;
      continue;
    }
    if (inClass) {
      if (char === '[') throw new UnsupportedJavaRegexError(pattern, 'nested character class');
      if (char === '&' && pattern[i + 1] === '&')
        throw new UnsupportedJavaRegexError(pattern, 'class intersection');
      if (char === ']') inClass = false;
      out += char;
      i += 1;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += '[';
      i += 1;
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      if (pattern[i] === ']') throw new UnsupportedJavaRegexError(pattern, '`]` first in a class');
      continue;
    }
    if (char === '(') {
      const head = /^\(\?(?:<?[=!]|:)?/.exec(pattern.slice(i))?.[0] ?? '(';
      if (head === '(?') throw new UnsupportedJavaRegexError(pattern, 'inline flags or special group');
      groups.push({ start: out.length, lookaround: head.length >= 3 && head !== '(?:' });
      out += head;
      i += head.length;
      continue;
    }
    if (char === ')') {
      const group = groups.pop();
      if (!group) throw new UnsupportedJavaRegexError(pattern, 'unbalanced )');
      out += ')';
      i += 1;
      const quantifier = group.lookaround ? quantifierAt(pattern, i) : undefined;
      if (quantifier) {
        // A zero-width group matched n times is the group itself; optional, it is nothing at all.
        if (quantifier.min === 0) out = out.slice(0, group.start);
        i += quantifier.length;
      }
      continue;
    }
    if (char === '.') out += JAVA_DOT;
    else if (char === '$') out += JAVA_DOLLAR;
    else if (char === '{') {
      const quantifier = quantifierAt(pattern, i);
      if (!quantifier) throw new UnsupportedJavaRegexError(pattern, 'illegal repetition');
      out += pattern.slice(i, i + quantifier.length);
      i += quantifier.length;
      continue;
    } else if (char === '*' || char === '+' || char === '?') {
      const quantifier = quantifierAt(pattern, i);
      out += pattern.slice(i, i + (quantifier?.length ?? 1));
      i += quantifier?.length ?? 1;
      continue;
    } else if (char === ']' || char === '}') out += `\\${char}`;
    else out += char;
    i += 1;
  }
  if (inClass) throw new UnsupportedJavaRegexError(pattern, 'unclosed character class');
  if (groups.length > 0) throw new UnsupportedJavaRegexError(pattern, 'unclosed group');
  return out;
}

const compiled = new Map<string, RegExp>();

/** Java's `Matcher.find()`: true when the pattern matches anywhere in `value`. Cached per pattern. */
export function javaFind(value: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(javaRegexToJs(pattern), 'u');
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}
