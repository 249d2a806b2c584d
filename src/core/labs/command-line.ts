// A lab command line -> argv, as a POSIX shell would split it, but refusing everything a
// shell would act on instead of passing it as text: nothing here is ever run by a shell,
// so an operator or an expansion the learner typed would silently mean something else.
import { hasControl } from '../sanitize.js';

/** The longest command line a lab runs (bytes of UTF-8). */
export const LAB_MAX_INPUT = 4096;

export type Lexed = { ok: true; argv: string[] } | { ok: false; reason: string };

const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);
const GLOB = new Set(['*', '?', '[']);

const refuse = (reason: string): Lexed => ({ ok: false, reason });

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * Splits `line` into words: single quotes keep everything, double quotes keep all but
 * `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes escapes the next character.
 * Refused: shell operators (`;` `&` `|` redirects, parentheses), `$` and backticks outside
 * single quotes, unquoted glob characters, brace lists and comments, control characters,
 * and lines over LAB_MAX_INPUT bytes.
 */
export function lexCommand(line: string): Lexed {
  if (byteLength(line) > LAB_MAX_INPUT) return refuse(`the command is over ${LAB_MAX_INPUT} bytes`);
  if (/[\r\n\v\f]/.test(line) || hasControl(line))
    return refuse('the command must be one line of plain text');
  const argv: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
      continue;
    }
    if (ch === '$' || ch === '`')
      return refuse(`'${ch}' would be a shell expansion: labs run no shell, type the value`);
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        cur += line[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) return refuse('the command ends in a lone backslash');
      cur += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) argv.push(cur);
      cur = '';
      inWord = false;
    } else if (OPERATORS.has(ch)) {
      return refuse(`shell operator '${ch}' is not run: labs take one command, no shell`);
    } else if (GLOB.has(ch)) {
      return refuse(`'${ch}' is a shell wildcard: labs run no shell, name the file`);
    } else if (ch === '#' && !inWord) {
      return refuse(`'#' would start a shell comment: quote it if it is part of a value`);
    } else if (ch === '{' && /^\{[^{}]*,[^{}]*\}/.test(line.slice(i))) {
      return refuse(`'{…,…}' is a shell brace list: labs run no shell, type each value`);
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) return refuse(`the command has an unclosed ${quote} quote`);
  if (inWord) argv.push(cur);
  if (argv.length === 0) return refuse('type a command');
  return { ok: true, argv };
}
